/**
 * Contract suite for a person's data rights (export and deletion), run on SQLite and Postgres.
 * `makeDatabase` returns a migrated database; each test seeds its own world with fresh ids and a
 * fresh marker name, so one database serves the whole suite.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { EMPTY_CYCLE_SIDE } from '../../core/cycles/cycle-side.ts';
import { cycleMapFold } from '../../core/cycles/cycle-map-state.ts';
import type { CycleMapEvent } from '../../core/cycles/cycle-map-events.ts';
import type { RepairEvent } from '../../core/repair/repair-events.ts';
import { repairFold } from '../../core/repair/repair-state.ts';
import { sessionDecide } from '../../core/session/decide.ts';
import type { SessionEvent } from '../../core/session/events.ts';
import { sessionFold } from '../../core/session/state.ts';
import { serverTimeMs } from '../../core/time/instant.ts';
import type { OpenDatabase } from './database.ts';
import { PERSON_DATA_TABLES, PERSON_EXPORT_SECTIONS } from './person-data-tables.ts';
import { KyselyPersonData } from './person-data.ts';
import { CYCLE_NAME_AFTER_LEAVING, sessionLogRedacted, SOMEONE_WHO_LEFT_ID, SOMEONE_WHO_LEFT_NAME } from './person-deletion-redaction.ts';
import { logRowChanges } from './person-deletion.ts';
import { PERSON_SIGNALS_CSV_HEADER } from './person-export.ts';
import type { DatabaseSchema } from './schema.ts';
import { personDataWorldSeed, RecordedSession, rowsMentioning, SEED_NOW_MS, sessionStored, tablesOf, type SeededWorld } from './testing/person-data-seed.ts';

async function sessionLog(db: Kysely<DatabaseSchema>, sessionId: string) {
  return db.selectFrom('session_events').selectAll().where('session_id', '=', sessionId).orderBy('seq').execute();
}

async function betweenUsLog<E>(db: Kysely<DatabaseSchema>, logId: string): Promise<E[]> {
  const rows = await db.selectFrom('between_us_events').select('body').where('log_id', '=', logId).orderBy('seq').execute();
  return rows.map((row) => JSON.parse(row.body) as E);
}

/** Registers the data-rights contracts under `describe(name)`. */
export function personDataContract(name: string, makeDatabase: () => Promise<OpenDatabase>): void {
  void describe(`person data rights: ${name}`, () => {
    let database: OpenDatabase;
    let rights: KyselyPersonData;

    before(async () => {
      database = await makeDatabase();
      rights = new KyselyPersonData(database.db);
    });
    after(async () => {
      await database.close();
    });

    /** Lets the leaver leave the open session as the route does, then deletes them. */
    async function leaverDeleted(world: SeededWorld): Promise<void> {
      world.openSession.accept(world.leaverId, { type: 'leave' });
      await sessionStored(database.db, world.openSession);
      const deleted = await rights.deleteEverywhere(world.leaverId, SEED_NOW_MS);
      assert.equal(deleted.found, true);
    }

    async function worldAfterDeletion(): Promise<SeededWorld> {
      const world = await personDataWorldSeed(database.db);
      await leaverDeleted(world);
      return world;
    }

    void test('every table of the migrated database has a data-rights rule, and every rule a table', async () => {
      assert.deepEqual(await tablesOf(database), Object.keys(PERSON_DATA_TABLES).sort());
    });

    void test('the export sections are exactly those the table rules name', () => {
      const named = Object.values(PERSON_DATA_TABLES).flatMap((rule) => ('section' in rule.export ? [rule.export.section] : []));
      assert.deepEqual([...named].sort(), [...PERSON_EXPORT_SECTIONS].sort());
    });

    void test('the export holds their rows from every table, with no secret in it', async () => {
      const world = await personDataWorldSeed(database.db);
      const exported = await rights.exportOf(world.leaverId, SEED_NOW_MS);
      assert.ok(exported);
      assert.deepEqual(exported.person, { id: world.leaverId, displayName: world.marker, kind: 'account' });
      assert.deepEqual(Object.keys(exported.sections).sort(), [...PERSON_EXPORT_SECTIONS].sort());
      for (const section of PERSON_EXPORT_SECTIONS) {
        assert.ok((exported.sections[section]?.length ?? 0) > 0, `section ${section} is empty`);
      }
      assert.equal(exported.account?.signInName, world.signInName);
      assert.equal(exported.account.recoveryCodesLeft, 1);
      assert.deepEqual(exported.account.passkeys.map((passkey) => passkey.name), ['Phone']);
      const text = JSON.stringify(exported);
      assert.doesNotMatch(text, /SECRET/);
      assert.doesNotMatch(text, /token_hash|password_hash|code_hash|public_key|tokenHash|passwordHash|codeHash|publicKey/);
      assert.doesNotMatch(text, /192\.0\.2\.7/, 'the address of whoever typed their name is not theirs');
      assert.deepEqual(Object.keys(exported.signalsCsv).sort(), [world.sharedSessionId, world.soloSessionId].sort());
      const csv = exported.signalsCsv[world.sharedSessionId] ?? '';
      const lines = csv.trimEnd().split('\r\n');
      assert.equal(lines[0], PERSON_SIGNALS_CSV_HEADER);
      assert.equal(lines.length, 4, 'three seconds of their own samples, none of the other person');
      assert.match(lines[1] ?? '', /^2025-11-\d\dT[\d:.]+Z,\d+,simulated,60,6,0.5,"800,810"$/);
    });

    void test('the export carries their own events and only the names of the others, never their content', async () => {
      const world = await personDataWorldSeed(database.db);
      const exported = await rights.exportOf(world.leaverId, SEED_NOW_MS);
      assert.ok(exported);
      const mine = world.sharedSession.batches.filter((batch) => batch.actorId === world.leaverId).flatMap((batch) => batch.events);
      const exportedShared = (exported.sections.sessionEvents ?? []).filter((row) => row.sessionId === world.sharedSessionId);
      assert.deepEqual(exportedShared.map((row) => row.event), mine, 'exactly the events they wrote, none of the host\'s');
      const shared = (exported.sections.sessions ?? []).find((row) => row.sessionId === world.sharedSessionId);
      assert.deepEqual(shared?.people, [
        { participantId: world.otherId, displayName: world.otherName, isMe: false },
        { participantId: world.leaverId, displayName: world.marker, isMe: true },
      ]);
      const text = JSON.stringify(exported);
      assert.ok(!text.includes(world.otherNote), 'the other person\'s check-in note stays theirs');
      assert.ok(!text.includes('Olu kept this') && !text.includes('Olu felt pushed'), 'their record and words stay theirs');
      assert.ok(text.includes(`${world.marker} felt alone`) && text.includes(`${world.marker} kept this`));
    });

    void test('an unknown person has no export and nothing to delete', async () => {
      assert.equal(await rights.exportOf(randomUUID(), SEED_NOW_MS), null);
      assert.equal((await rights.deleteEverywhere(randomUUID(), SEED_NOW_MS)).found, false);
    });

    void test('their sessions are found, with the shared open one they are still in', async () => {
      const world = await personDataWorldSeed(database.db);
      const sessions = await rights.sessionsOf(world.leaverId);
      assert.deepEqual([...sessions.all].sort(), [world.sharedSessionId, world.soloSessionId, world.openSessionId].sort());
      assert.deepEqual(sessions.stillPresentIn, [world.openSessionId]);
    });

    void test('after deletion no row or body anywhere holds their id, name or sign-in name', async () => {
      const world = await personDataWorldSeed(database.db);
      const needles = [world.leaverId, world.marker, world.signInName];
      // The scan sees them first: every table that can hold a person's rows holds some of theirs.
      const before = new Set((await rowsMentioning(database, needles)).map((row) => row.split(':')[0]));
      assert.deepEqual(
        [...before].sort(),
        Object.keys(PERSON_DATA_TABLES).filter((table) => table !== 'between_us_logs' && table !== 'instance_settings').sort(),
        'a new table needs a row of theirs in testing/person-data-seed.ts (or a place here if it cannot hold one)',
      );
      await leaverDeleted(world);
      assert.deepEqual(await rowsMentioning(database, needles), []);
    });

    void test('the other person keeps their events, signals and records, and the shared session replays', async () => {
      const world = await worldAfterDeletion();
      const db = database.db;
      const rows = await sessionLog(db, world.sharedSessionId);
      assert.equal(rows.length, world.sharedSession.log.length, 'no event went missing: seqs stay 1..n');
      const otherBefore = world.sharedSession.batches.filter((batch) => batch.actorId === world.otherId).flatMap((batch) => batch.events);
      const otherCheckIn = rows.find((row) => row.actor_id === world.otherId && row.type === 'checkedIn');
      assert.ok(otherCheckIn?.body.includes(world.otherNote));
      assert.equal(rows.filter((row) => row.actor_id === world.otherId).length, otherBefore.length);
      const state = sessionFold(rows.map((row) => JSON.parse(row.body) as SessionEvent));
      const standIn = `${SOMEONE_WHO_LEFT_ID}-1`;
      assert.equal(state.status, 'ended');
      assert.deepEqual(state.joinOrder, [world.otherId, standIn]);
      assert.equal(state.participants[world.otherId]?.displayName, world.otherName);
      assert.equal(state.participants[standIn]?.displayName, SOMEONE_WHO_LEFT_NAME);
      assert.deepEqual(Object.keys(state.latestCheckIns), [world.otherId], 'their check-in is gone, the other one stays');
      assert.deepEqual(state.lastPractice, world.sharedSession.state.lastPractice);
      const signals = await db.selectFrom('session_signals').select('participant_id').where('session_id', '=', world.sharedSessionId).execute();
      assert.deepEqual(new Set(signals.map((row) => row.participant_id)), new Set([world.otherId]));
      assert.equal(signals.length, 3);
      const records = await db.selectFrom('personal_records').select(['owner_id', 'shared_with']).where('shared_with', '=', world.relationshipId).execute();
      assert.deepEqual(records, [{ owner_id: world.otherId, shared_with: world.relationshipId }]);
      const session = await db.selectFrom('sessions').select('created_by').where('id', '=', world.sharedSessionId).executeTakeFirst();
      assert.equal(session?.created_by, world.otherId);
    });

    void test('the open shared session still takes the other person\'s commands', async () => {
      const world = await worldAfterDeletion();
      const rows = await sessionLog(database.db, world.openSessionId);
      const state = sessionFold(rows.map((row) => JSON.parse(row.body) as SessionEvent));
      const standIn = `${SOMEONE_WHO_LEFT_ID}-1`;
      assert.equal(state.hostId, standIn);
      assert.equal(state.participants[standIn]?.present, false);
      assert.ok(standIn in state.pauseHolds, 'the pause they held is still held, as SS13 says');
      // A pause whose holder has left is released by anyone present (SS13).
      const decision = sessionDecide(
        state,
        { commandId: 'resume-after', actor: { participantId: world.otherId, kind: 'guest' }, sessionId: world.openSessionId, command: { type: 'resume' } },
        serverTimeMs(SEED_NOW_MS),
      );
      assert.ok(decision.ok);
      assert.deepEqual(decision.events.map((event) => event.type), ['sessionResumed']);
      const session = await database.db.selectFrom('sessions').select('created_by').where('id', '=', world.openSessionId).executeTakeFirst();
      assert.equal(session?.created_by, standIn, 'the session row names the host as its log does');
    });

    void test('the cycle map and the repair replay without their words', async () => {
      const world = await worldAfterDeletion();
      const standIn = `${SOMEONE_WHO_LEFT_ID}-1`;
      const map = cycleMapFold(await betweenUsLog<CycleMapEvent>(database.db, world.mapId));
      assert.equal(map.status, 'revealed');
      assert.deepEqual(map.people, [standIn, world.otherId]);
      assert.deepEqual(map.revealedSides?.[standIn], EMPTY_CYCLE_SIDE);
      assert.equal(map.revealedSides[world.otherId]?.setsItOff, 'Questions at the door');
      assert.equal(map.name, CYCLE_NAME_AFTER_LEAVING);
      assert.equal(map.plan?.cuePhrase, 'Our loop is here');
      const repair = repairFold(await betweenUsLog<RepairEvent>(database.db, world.repairId));
      assert.equal(repair.status, 'completed');
      assert.deepEqual(repair.memberIds, [standIn, world.otherId]);
      assert.equal(repair.nextStep, '');
      assert.deepEqual(repair.turns.map((turn) => [turn.speakerId, turn.words.felt]), [[standIn, ''], [world.otherId, 'Olu felt pushed']]);
    });

    void test('a session only they were in and a relationship nobody is left in go entirely', async () => {
      const world = await worldAfterDeletion();
      const db = database.db;
      assert.equal((await sessionLog(db, world.soloSessionId)).length, 0);
      assert.equal(await db.selectFrom('sessions').select('id').where('id', '=', world.soloSessionId).executeTakeFirst(), undefined);
      assert.equal(await db.selectFrom('relationships').select('id').where('id', '=', world.loneRelationshipId).executeTakeFirst(), undefined);
      assert.deepEqual(await db.selectFrom('cycle_moments').select('id').where('relationship_id', '=', world.loneRelationshipId).execute(), []);
      const kept = await db.selectFrom('relationships').select('created_by').where('id', '=', world.relationshipId).executeTakeFirst();
      assert.equal(kept?.created_by, SOMEONE_WHO_LEFT_ID);
      const members = await db.selectFrom('relationship_members').select('person_id').where('relationship_id', '=', world.relationshipId).execute();
      assert.deepEqual(members, [{ person_id: world.otherId }]);
    });

    void test('the audit keeps reads of others\' things with the stand-in, and consultations stay for the other', async () => {
      const world = await worldAfterDeletion();
      const db = database.db;
      const audit = await db.selectFrom('shared_access_audit').select(['viewer_id', 'owner_id']).where('relationship_id', '=', world.relationshipId).execute();
      assert.deepEqual(audit, [{ viewer_id: SOMEONE_WHO_LEFT_ID, owner_id: world.otherId }]);
      const consultations = await db.selectFrom('consultations').selectAll().where('practitioner_id', '=', world.otherId).orderBy('start_ms').execute();
      assert.deepEqual(consultations.map((row) => [row.booker_id, row.status, row.sequence]), [
        [SOMEONE_WHO_LEFT_ID, 'booked', 0],
        [SOMEONE_WHO_LEFT_ID, 'cancelled', 1],
      ]);
    });

    void test('when the other person goes too, nothing of the two is left', async () => {
      const world = await worldAfterDeletion();
      const deleted = await rights.deleteEverywhere(world.otherId, SEED_NOW_MS);
      assert.deepEqual([...deleted.sessionsDeleted].sort(), [world.sharedSessionId, world.openSessionId].sort());
      assert.deepEqual(deleted.relationshipsDeleted, [world.relationshipId]);
      assert.deepEqual(await rowsMentioning(database, [world.otherId, world.otherNote, world.sharedSessionId, world.relationshipId, world.mapId]), []);
    });

    void test('two people who left one log stay two people when it is folded', () => {
      const session = new RecordedSession(randomUUID());
      for (const id of ['ana', 'ben', 'cy']) {
        if (id === 'ana') session.accept(id, { type: 'createSession' });
        session.accept(id, { type: 'join', displayName: id, boundaries: { touch: false, camera: false, sharePhysiology: false, shareCheckIns: false } });
      }
      session.accept('ana', { type: 'pause', sayItWasMe: true });
      session.accept('ben', { type: 'pause', sayItWasMe: true });
      let rows: { seq: number; actor_id: string; command_id: string | null; type: string; body: string }[] = session.batches.flatMap((batch) => batch.events.map((event) => ({ actorId: batch.actorId, event })))
        .map((entry, index) => ({ seq: index + 1, actor_id: entry.actorId, command_id: null, type: entry.event.type, body: JSON.stringify(entry.event) }));
      for (const leaver of ['ana', 'ben']) {
        const { changes } = logRowChanges<SessionEvent>(rows, leaver, sessionLogRedacted);
        rows = rows.map((row) => changes.find((change) => change.seq === row.seq) ?? row);
      }
      const state = sessionFold(rows.map((row) => JSON.parse(row.body) as SessionEvent));
      assert.deepEqual(state.joinOrder, [`${SOMEONE_WHO_LEFT_ID}-1`, `${SOMEONE_WHO_LEFT_ID}-2`, 'cy']);
      assert.deepEqual(Object.keys(state.pauseHolds).sort(), [`${SOMEONE_WHO_LEFT_ID}-1`, `${SOMEONE_WHO_LEFT_ID}-2`]);
    });
  });
}
