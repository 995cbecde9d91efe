/**
 * Contract suites for the between-us stores (relationships, cycle-map and repair logs, records,
 * cycle moments, prompts, the access audit, session participation), run on SQLite and Postgres.
 * `makeDatabase` returns a migrated database; tests use random ids so one database serves all.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { KyselyBetweenUsLogStore } from './between-us-log-store.ts';
import { KyselyCycleMomentStore } from './cycle-moment-store.ts';
import type { OpenDatabase } from './database.ts';
import { KyselyIdentityStore } from './identity-store.ts';
import { KyselyPersonalRecordStore } from './personal-record-store.ts';
import { KyselyPromptStore } from './prompt-store.ts';
import { KyselyRelationshipStore } from './relationship-store.ts';
import { KyselySessionParticipationStore } from './session-participation-store.ts';
import { KyselySharedAccessAudit } from './shared-access-audit.ts';

const T0 = 1_763_700_000_000;
const HOUR = 3_600_000;

/** Registers the between-us store contracts under `describe(name)`. */
export function betweenUsStoresContract(name: string, makeDatabase: () => Promise<OpenDatabase>): void {
  void describe(`between-us stores: ${name}`, () => {
    let database: OpenDatabase;
    let relationships: KyselyRelationshipStore;
    let logs: KyselyBetweenUsLogStore;
    let records: KyselyPersonalRecordStore;
    let moments: KyselyCycleMomentStore;
    let prompts: KyselyPromptStore;
    let audit: KyselySharedAccessAudit;
    let participation: KyselySessionParticipationStore;
    let identities: KyselyIdentityStore;

    before(async () => {
      database = await makeDatabase();
      relationships = new KyselyRelationshipStore(database.db);
      logs = new KyselyBetweenUsLogStore(database.db);
      records = new KyselyPersonalRecordStore(database.db);
      moments = new KyselyCycleMomentStore(database.db);
      prompts = new KyselyPromptStore(database.db);
      audit = new KyselySharedAccessAudit(database.db);
      participation = new KyselySessionParticipationStore(database.db);
      identities = new KyselyIdentityStore(database.db);
    });
    after(async () => {
      await database.close();
    });

    async function person(displayName: string): Promise<string> {
      const id = randomUUID();
      await identities.createGuest({ id, displayName, tokenHash: `h-${id}`, createdAtMs: T0, expiresAtMs: T0 + 1000 * HOUR });
      return id;
    }

    /** A relationship of `creator` and `other`, joined through an invite. */
    async function pair(creator: string, other: string): Promise<string> {
      const id = randomUUID();
      await relationships.create({ id, kind: 'partner', createdBy: creator, createdAtMs: T0 });
      const tokenHash = `t-${randomUUID()}`;
      await relationships.createInvite({ tokenHash, relationshipId: id, createdBy: creator, createdAtMs: T0, expiresAtMs: T0 + HOUR });
      assert.deepEqual(await relationships.acceptInvite(tokenHash, other, T0 + 1, 8), { kind: 'joined', relationshipId: id });
      return id;
    }

    void test('a relationship starts with its creator; strangers do not find it', async () => {
      const ana = await person('Ana');
      const stranger = await person('Eve');
      const id = randomUUID();
      const created = await relationships.create({ id, kind: 'friend', createdBy: ana, createdAtMs: T0 });
      assert.deepEqual(created, { id, kind: 'friend', createdBy: ana, createdAtMs: T0 });
      assert.deepEqual(await relationships.findForMember(id, ana), created);
      assert.equal(await relationships.findForMember(id, stranger), null);
      assert.equal(await relationships.findForMember(randomUUID(), ana), null);
      assert.deepEqual(await relationships.members(id), [{ personId: ana, displayName: 'Ana', joinedAtMs: T0 }]);
      assert.deepEqual((await relationships.listForPerson(ana)).map((r) => r.id), [id]);
      assert.deepEqual(await relationships.listForPerson(stranger), []);
    });

    void test('an invite works once, until it expires, and never for someone already in', async () => {
      const [ana, ben, cai] = [await person('Ana'), await person('Ben'), await person('Cai')];
      const id = randomUUID();
      await relationships.create({ id, kind: 'partner', createdBy: ana, createdAtMs: T0 });
      const tokenHash = `t-${randomUUID()}`;
      await relationships.createInvite({ tokenHash, relationshipId: id, createdBy: ana, createdAtMs: T0, expiresAtMs: T0 + HOUR });
      assert.equal((await relationships.findValidInvite(tokenHash, T0 + HOUR - 1))?.relationshipId, id);
      assert.equal(await relationships.findValidInvite(tokenHash, T0 + HOUR), null, 'expired');
      assert.deepEqual(await relationships.acceptInvite(tokenHash, ana, T0 + 1, 8), { kind: 'alreadyMember', relationshipId: id });
      assert.deepEqual(await relationships.acceptInvite(tokenHash, ben, T0 + 2, 8), { kind: 'joined', relationshipId: id });
      assert.deepEqual(await relationships.acceptInvite(tokenHash, cai, T0 + 3, 8), { kind: 'invalid' }, 'used once');
      assert.equal(await relationships.findValidInvite(tokenHash, T0 + 3), null);
      assert.deepEqual((await relationships.members(id)).map((m) => m.displayName), ['Ana', 'Ben']);

      const expired = `t-${randomUUID()}`;
      await relationships.createInvite({ tokenHash: expired, relationshipId: id, createdBy: ana, createdAtMs: T0, expiresAtMs: T0 + HOUR });
      assert.deepEqual(await relationships.acceptInvite(expired, cai, T0 + HOUR, 8), { kind: 'invalid' });
      assert.deepEqual(await relationships.acceptInvite(`t-${randomUUID()}`, cai, T0, 8), { kind: 'invalid' });
    });

    void test('a full relationship takes nobody more, and the invite stays unused', async () => {
      const [ana, ben, cai] = [await person('Ana'), await person('Ben'), await person('Cai')];
      const id = await pair(ana, ben);
      const tokenHash = `t-${randomUUID()}`;
      await relationships.createInvite({ tokenHash, relationshipId: id, createdBy: ana, createdAtMs: T0, expiresAtMs: T0 + HOUR });
      assert.deepEqual(await relationships.acceptInvite(tokenHash, cai, T0 + 5, 2), { kind: 'full', relationshipId: id });
      assert.notEqual(await relationships.findValidInvite(tokenHash, T0 + 5), null);
    });

    void test('two people racing for one invite: exactly one gets in', async () => {
      const [ana, ben, cai] = [await person('Ana'), await person('Ben'), await person('Cai')];
      const id = randomUUID();
      await relationships.create({ id, kind: 'partner', createdBy: ana, createdAtMs: T0 });
      const tokenHash = `t-${randomUUID()}`;
      await relationships.createInvite({ tokenHash, relationshipId: id, createdBy: ana, createdAtMs: T0, expiresAtMs: T0 + HOUR });
      const results = await Promise.all([relationships.acceptInvite(tokenHash, ben, T0 + 1, 8), relationships.acceptInvite(tokenHash, cai, T0 + 1, 8)]);
      assert.deepEqual(results.map((r) => r.kind).sort(), ['invalid', 'joined']);
      assert.equal((await relationships.members(id)).length, 2);
    });

    void test('leaving takes the person out, unshares what they shared, and withdraws their invites, at once', async () => {
      const [ana, ben] = [await person('Ana'), await person('Ben')];
      const id = await pair(ana, ben);
      const other = await pair(ben, ana);
      const shared = await records.create({ id: randomUUID(), ownerId: ben, kind: 'checkIn', atMs: T0, createdAtMs: T0, body: { state: 'regulated' } });
      const elsewhere = await records.create({ id: randomUUID(), ownerId: ben, kind: 'checkIn', atMs: T0, createdAtMs: T0, body: {} });
      const anas = await records.create({ id: randomUUID(), ownerId: ana, kind: 'checkIn', atMs: T0, createdAtMs: T0, body: {} });
      assert.equal((await records.setSharing(shared.id, ben, id, T0 + 10)).kind, 'done');
      assert.equal((await records.setSharing(elsewhere.id, ben, other, T0 + 10)).kind, 'done');
      assert.equal((await records.setSharing(anas.id, ana, id, T0 + 10)).kind, 'done');
      const bensInvite = `t-${randomUUID()}`;
      await relationships.createInvite({ tokenHash: bensInvite, relationshipId: id, createdBy: ben, createdAtMs: T0, expiresAtMs: T0 + HOUR });
      assert.deepEqual((await records.listShared(id)).map((r) => r.id).sort(), [shared.id, anas.id].sort());

      assert.equal(await relationships.leave(id, ben, T0 + 20), true);
      assert.equal(await relationships.leave(id, ben, T0 + 21), false, 'leaving twice changes nothing');
      assert.equal(await relationships.findForMember(id, ben), null);
      assert.deepEqual((await relationships.members(id)).map((m) => m.personId), [ana]);
      assert.deepEqual((await records.listShared(id)).map((r) => r.id), [anas.id], "only Ana's record is still shared");
      const after = await records.findOwned(shared.id, ben);
      assert.ok(after);
      assert.deepEqual([after.sharedWith, after.sharedAtMs], [null, null]);
      assert.equal((await records.findOwned(elsewhere.id, ben))?.sharedWith, other, 'sharing elsewhere is untouched');
      assert.equal(await relationships.findValidInvite(bensInvite, T0 + 22), null, "Ben's invite stopped working");
      assert.equal((await records.setSharing(shared.id, ben, id, T0 + 30)).kind, 'relationshipNotFound', 'and cannot be shared there again');
    });

    void test('someone who left can come back with a fresh invite; nothing is shared again by itself', async () => {
      const [ana, ben] = [await person('Ana'), await person('Ben')];
      const id = await pair(ana, ben);
      const record = await records.create({ id: randomUUID(), ownerId: ben, kind: 'checkIn', atMs: T0, createdAtMs: T0, body: {} });
      await records.setSharing(record.id, ben, id, T0);
      await relationships.leave(id, ben, T0 + 1);
      const tokenHash = `t-${randomUUID()}`;
      await relationships.createInvite({ tokenHash, relationshipId: id, createdBy: ana, createdAtMs: T0 + 2, expiresAtMs: T0 + HOUR });
      assert.deepEqual(await relationships.acceptInvite(tokenHash, ben, T0 + 3, 8), { kind: 'joined', relationshipId: id });
      assert.deepEqual(await relationships.members(id), [
        { personId: ana, displayName: 'Ana', joinedAtMs: T0 },
        { personId: ben, displayName: 'Ben', joinedAtMs: T0 + 3 },
      ]);
      assert.deepEqual(await records.listShared(id), []);
    });

    void test('a live session remembers the relationship it was started from', async () => {
      const ana = await person('Ana');
      const id = randomUUID();
      await relationships.create({ id, kind: 'partner', createdBy: ana, createdAtMs: T0 });
      const sessionId = randomUUID();
      await relationships.linkSession({ sessionId, relationshipId: id, createdBy: ana, createdAtMs: T0 });
      assert.equal(await relationships.sessionRelationship(sessionId), id);
      assert.equal(await relationships.sessionRelationship(randomUUID()), null);
    });

    void test('a log is numbered 1..n, stamped with the append time, and belongs to one relationship', async () => {
      const relationshipId = randomUUID();
      const logId = `log-${randomUUID()}`;
      const first = await logs.append({
        logId, relationshipId, kind: 'cycle', expectedLastSeq: 0, commandId: 'c1', actorId: 'ana', atMs: T0,
        events: [{ type: 'mapOpened', body: { type: 'mapOpened', n: 1 } }, { type: 'x', body: { type: 'x' } }],
        outcome: { ok: true },
      });
      assert.equal(first.kind, 'appended');
      assert.deepEqual(first.events.map((e) => [e.seq, e.atMs, e.actorId, e.commandId]), [[1, T0, 'ana', 'c1'], [2, T0, 'ana', 'c1']]);
      const second = await logs.append({
        logId, relationshipId, kind: 'cycle', expectedLastSeq: 2, commandId: 'c2', actorId: 'ben', atMs: T0 + 5,
        events: [{ type: 'y', body: { type: 'y', text: 'ünïcode 🌿' } }], outcome: { ok: true },
      });
      assert.equal(second.kind, 'appended');
      const read = await logs.read(logId);
      assert.deepEqual(read.map((e) => [e.seq, e.type, e.atMs]), [[1, 'mapOpened', T0], [2, 'x', T0], [3, 'y', T0 + 5]]);
      assert.deepEqual(read[2]?.body, { type: 'y', text: 'ünïcode 🌿' });
      assert.deepEqual((await logs.read(logId, 2)).map((e) => e.seq), [3]);
      assert.deepEqual(await logs.findLog(logId), { logId, relationshipId, kind: 'cycle', createdAtMs: T0, lastSeq: 3 });
      assert.deepEqual((await logs.listLogs(relationshipId, 'cycle')).map((l) => l.logId), [logId]);
      assert.deepEqual(await logs.listLogs(relationshipId, 'repair'), []);
      assert.equal(await logs.findLog(`log-${randomUUID()}`), null);

      const elsewhere = await logs.append({
        logId, relationshipId: randomUUID(), kind: 'cycle', expectedLastSeq: 3, commandId: 'c3', actorId: 'eve', atMs: T0,
        events: [{ type: 'z', body: {} }], outcome: { ok: true },
      });
      assert.equal(elsewhere.kind, 'conflict', 'another relationship cannot write into this log');
      const wrongKind = await logs.append({
        logId, relationshipId, kind: 'repair', expectedLastSeq: 3, commandId: 'c4', actorId: 'ana', atMs: T0,
        events: [{ type: 'z', body: {} }], outcome: { ok: true },
      });
      assert.equal(wrongKind.kind, 'conflict');
      assert.equal((await logs.read(logId)).length, 3);
    });

    void test('a repeated command id is a duplicate with the first outcome; a stale seq is a conflict', async () => {
      const relationshipId = randomUUID();
      const logId = `log-${randomUUID()}`;
      const base = { logId, relationshipId, kind: 'repair' as const, actorId: 'ana', atMs: T0 };
      await logs.append({ ...base, expectedLastSeq: 0, commandId: 'start', events: [{ type: 'a', body: {} }], outcome: { ok: true } });
      const rejected = await logs.append({ ...base, expectedLastSeq: 1, commandId: 'no', events: [], outcome: { ok: false, code: 'nope', message: 'No.' } });
      assert.equal(rejected.kind, 'appended');
      assert.deepEqual([rejected.record.firstSeq, rejected.record.lastSeq], [null, null]);
      assert.equal((await logs.findLog(logId))?.lastSeq, 1, 'a recorded rejection adds no event');

      const again = await logs.append({ ...base, expectedLastSeq: 1, commandId: 'start', events: [{ type: 'a', body: {} }], outcome: { ok: true } });
      assert.equal(again.kind, 'duplicate');
      assert.deepEqual(again.record.outcome, { ok: true });
      const againNo = await logs.append({ ...base, expectedLastSeq: 0, commandId: 'no', events: [], outcome: { ok: true } });
      assert.deepEqual(againNo.kind === 'duplicate' ? againNo.record.outcome : againNo, { ok: false, code: 'nope', message: 'No.' }, 'a known id wins over a stale seq');
      const stale = await logs.append({ ...base, expectedLastSeq: 0, commandId: 'late', events: [{ type: 'b', body: {} }], outcome: { ok: true } });
      assert.deepEqual(stale, { kind: 'conflict', lastSeq: 1 });
      assert.equal((await logs.findCommand(logId, 'start'))?.firstSeq, 1);
      assert.equal(await logs.findCommand(logId, 'unknown'), null);
    });

    void test('writers racing on one seq: one appends, the others conflict, and no seq is lost or doubled', async () => {
      const relationshipId = randomUUID();
      const logId = `log-${randomUUID()}`;
      const results = await Promise.all(
        [0, 1, 2, 3].map((n) =>
          logs.append({ logId, relationshipId, kind: 'cycle', expectedLastSeq: 0, commandId: `c${n}`, actorId: `p${n}`, atMs: T0, events: [{ type: 'e', body: { n } }], outcome: { ok: true } }),
        ),
      );
      assert.equal(results.filter((r) => r.kind === 'appended').length, 1);
      assert.equal(results.filter((r) => r.kind === 'conflict').length, 3);
      assert.deepEqual((await logs.read(logId)).map((e) => e.seq), [1]);
    });

    void test('records are reached by their owner only, and shared only with a relationship the owner is in', async () => {
      const [ana, ben, eve] = [await person('Ana'), await person('Ben'), await person('Eve')];
      const id = await pair(ana, ben);
      const strangers = await pair(eve, ben);
      const record = await records.create({ id: randomUUID(), ownerId: ana, kind: 'workingModel', atMs: T0 - HOUR, createdAtMs: T0, body: { questionId: 'worthOfCare', value: 6 } });
      assert.deepEqual(record, {
        id: record.id, ownerId: ana, ownerName: 'Ana', kind: 'workingModel', atMs: T0 - HOUR, updatedAtMs: T0,
        body: { questionId: 'worthOfCare', value: 6 }, sharedWith: null, sharedAtMs: null,
      });
      assert.equal(await records.findOwned(record.id, ben), null);
      assert.equal(await records.update(record.id, ben, { hacked: true }, T0 + 1), null);
      assert.equal(await records.delete(record.id, ben), false);
      assert.equal((await records.setSharing(record.id, ben, id, T0 + 1)).kind, 'recordNotFound');
      assert.equal((await records.setSharing(record.id, ana, strangers, T0 + 1)).kind, 'relationshipNotFound');
      assert.deepEqual(await records.listShared(id), []);

      const updated = await records.update(record.id, ana, { questionId: 'worthOfCare', value: 7 }, T0 + 2);
      assert.deepEqual([updated?.body, updated?.updatedAtMs, updated?.atMs], [{ questionId: 'worthOfCare', value: 7 }, T0 + 2, T0 - HOUR]);
      const shared = await records.setSharing(record.id, ana, id, T0 + 3);
      assert.deepEqual(shared.kind === 'done' ? [shared.record.sharedWith, shared.record.sharedAtMs] : null, [id, T0 + 3]);
      assert.deepEqual((await records.listShared(id)).map((r) => [r.id, r.ownerName]), [[record.id, 'Ana']]);
      assert.equal((await records.setSharing(record.id, ana, null, T0 + 4)).kind, 'done');
      assert.deepEqual(await records.listShared(id), []);

      await records.create({ id: randomUUID(), ownerId: ana, kind: 'checkIn', atMs: T0 - 2 * HOUR, createdAtMs: T0, body: {} });
      assert.deepEqual((await records.listOwned(ana)).map((r) => r.kind), ['checkIn', 'workingModel'], 'oldest first');
      assert.deepEqual((await records.listOwned(ana, 'workingModel')).map((r) => r.id), [record.id]);
      assert.deepEqual(await records.listOwned(ben), []);
      assert.equal(await records.delete(record.id, ana), true);
      assert.equal(await records.findOwned(record.id, ana), null);
    });

    void test('cycle moments are read only while the person who noted them is in the relationship', async () => {
      const [ana, ben] = [await person('Ana'), await person('Ben')];
      const id = await pair(ana, ben);
      await moments.add({ id: randomUUID(), relationshipId: id, personId: ana, sessionId: null, atMs: T0 + 2 });
      const sessionId = randomUUID();
      await moments.add({ id: randomUUID(), relationshipId: id, personId: ben, sessionId, atMs: T0 + 1 });
      assert.deepEqual((await moments.listForRelationship(id)).map((m) => [m.atMs, m.sessionId]), [[T0 + 1, sessionId], [T0 + 2, null]]);
      assert.deepEqual((await moments.listForPerson(ana)).map((m) => m.atMs), [T0 + 1, T0 + 2]);
      await relationships.leave(id, ben, T0 + 3);
      assert.deepEqual((await moments.listForRelationship(id)).map((m) => m.personId), [ana]);
      assert.deepEqual(await moments.listForPerson(ben), []);
    });

    void test('prompt settings are kept per person; history records showings and setting one aside', async () => {
      const ana = randomUUID();
      assert.equal(await prompts.settings(ana), null);
      await prompts.saveSettings(ana, { enabled: false }, T0);
      await prompts.saveSettings(ana, { enabled: true, weekdays: [1] }, T0 + 1);
      assert.deepEqual(await prompts.settings(ana), { enabled: true, weekdays: [1] });
      assert.equal(await prompts.dismiss(ana, 'ci-feet', T0), false);
      await prompts.recordShown(ana, 'ci-feet', T0);
      await prompts.recordShown(ana, 'ci-feet', T0);
      await prompts.recordShown(ana, 'ci-one-breath', T0 + HOUR);
      assert.equal(await prompts.dismiss(ana, 'ci-feet', T0 + 5), true);
      assert.deepEqual(await prompts.history(ana, 0), [
        { promptId: 'ci-feet', shownAtMs: T0, dismissedAtMs: T0 + 5 },
        { promptId: 'ci-one-breath', shownAtMs: T0 + HOUR, dismissedAtMs: null },
      ]);
      assert.deepEqual((await prompts.history(ana, T0 + 1)).map((h) => h.promptId), ['ci-one-breath']);
      assert.deepEqual(await prompts.history(randomUUID(), 0), []);
    });

    void test('the access audit keeps each read of someone else’s shared thing', async () => {
      const owner = randomUUID();
      await audit.record([]);
      await audit.record([{ atMs: T0, viewerId: 'ben', ownerId: owner, relationshipId: 'r', subject: 'record', subjectId: 'x' }]);
      assert.deepEqual(await audit.listForOwner(owner), [{ atMs: T0, viewerId: 'ben', ownerId: owner, relationshipId: 'r', subject: 'record', subjectId: 'x' }]);
    });

    void test('sessions a person joined are found from the session log, newest first', async () => {
      const ana = randomUUID();
      const [older, newer, watched] = [randomUUID(), randomUUID(), randomUUID()];
      const row = (sessionId: string, seq: number, atMs: number, actorId: string, type: string) => ({
        session_id: sessionId, seq, at_ms: atMs, actor_id: actorId, command_id: `c-${String(seq)}`, type, body: '{}',
      });
      await database.db
        .insertInto('session_events')
        .values([
          row(older, 1, T0, ana, 'participantJoined'),
          row(older, 2, T0 + 5, ana, 'participantJoined'),
          row(newer, 1, T0 + 10, ana, 'participantJoined'),
          row(watched, 1, T0 + 20, ana, 'checkedIn'),
          row(watched, 2, T0 + 20, 'ben', 'participantJoined'),
        ])
        .execute();
      assert.deepEqual(await participation.sessionsJoinedBy(ana, 10), [newer, older]);
      assert.deepEqual(await participation.sessionsJoinedBy(ana, 1), [newer]);
      assert.deepEqual(await participation.sessionsJoinedBy(randomUUID(), 10), []);
    });
  });
}
