/**
 * A small world for the data-rights tests: a person ("the leaver", whose display name is a unique
 * marker) with a row in every table, and another person sharing sessions, a relationship, a cycle
 * map and a repair with them. Logs are made by the real deciders and stored through the real
 * stores, so what deletion redacts is what the app writes. Secrets carry `SECRET` so a test can
 * tell at a glance that none reached an export.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { OPEN_BOUNDARIES } from '../../../core/boundaries/boundary.ts';
import type { CycleMapCommand } from '../../../core/cycles/cycle-map-commands.ts';
import { cycleMapDecide } from '../../../core/cycles/cycle-map-decide.ts';
import type { CycleMapEvent } from '../../../core/cycles/cycle-map-events.ts';
import { CYCLE_MAP_INITIAL_STATE, cycleMapEvolve } from '../../../core/cycles/cycle-map-state.ts';
import { PLAN_PRACTICE_IDS } from '../../../core/cycles/cycle-plan.ts';
import { EMPTY_CYCLE_SIDE } from '../../../core/cycles/cycle-side.ts';
import { RepairHarness } from '../../../core/repair/repair-harness.test-support.ts';
import type { RepairEvent } from '../../../core/repair/repair-events.ts';
import type { RepairDecision } from '../../../core/repair/repair-rejection.ts';
import type { SessionEvent } from '../../../core/session/events.ts';
import type { Decision } from '../../../core/session/rejection.ts';
import { SessionHarness } from '../../../core/testing/session-harness.ts';
import { KyselyAdmissionStore } from '../admission-store.ts';
import { KyselyBetweenUsLogStore, type BetweenUsLogKind } from '../between-us-log-store.ts';
import { KyselyCycleMomentStore } from '../cycle-moment-store.ts';
import type { OpenDatabase } from '../database.ts';
import type { JsonValue } from '../event-store.ts';
import { KyselyEventStore } from '../kysely-event-store.ts';
import { KyselyIdentityStore } from '../identity-store.ts';
import { KyselyInviteStore } from '../invite-store.ts';
import { KyselyPersonalRecordStore } from '../personal-record-store.ts';
import { KyselyPromptStore } from '../prompt-store.ts';
import { KyselyRelationshipStore } from '../relationship-store.ts';
import type { DatabaseSchema } from '../schema.ts';
import { KyselySharedAccessAudit } from '../shared-access-audit.ts';
import { SessionSummaryStore } from '../session-summary-store.ts';
import { KyselySignalStore } from '../signal-store.ts';

/** The instant the seeded world is "now" (after every seeded event, before the future consultation). */
export const SEED_NOW_MS = 1_763_800_000_000;
const HOUR_MS = 3_600_000;

/** Tables Kysely keeps for itself. */
const MIGRATOR_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

/** Every table the migrated database really has, sorted. */
export async function tablesOf(database: Pick<OpenDatabase, 'db' | 'dialect'>): Promise<string[]> {
  const query =
    database.dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
      : sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`;
  const rows = (await query.execute(database.db)).rows;
  return rows.map((row) => row.name).filter((name) => !MIGRATOR_TABLES.has(name)).sort();
}

/** Every row of every table whose JSON mentions one of `needles`, as `table: row`. */
export async function rowsMentioning(database: Pick<OpenDatabase, 'db' | 'dialect'>, needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of await tablesOf(database)) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(database.db)).rows;
    for (const row of rows) {
      const text = JSON.stringify(row);
      if (needles.some((needle) => text.includes(needle))) found.push(`${table}: ${text}`);
    }
  }
  return found;
}

/** One accepted command's events, as a log stores them. */
export interface CommandBatch<E> {
  readonly actorId: string;
  readonly commandId: string;
  readonly atMs: number;
  readonly events: readonly E[];
}

/** A live session driven by the real decider, remembering who sent what. */
export class RecordedSession extends SessionHarness {
  readonly batches: CommandBatch<SessionEvent>[] = [];
  /** How many batches are in the database already, and the seq they reach. */
  storedBatches = 0;
  storedSeq = 0;
  private count = 0;

  override send(participantId: string, raw: unknown, commandId = `${this.sessionId.slice(0, 8)}-${String(++this.count)}`): Decision {
    const before = this.log.length;
    const decision = super.send(participantId, raw, commandId);
    if (decision.ok) this.batches.push({ actorId: participantId, commandId, atMs: this.nowMs, events: this.log.slice(before) });
    return decision;
  }
}

/** A repair driven by the real decider, remembering who sent what. */
export class RecordedRepair extends RepairHarness {
  readonly batches: CommandBatch<RepairEvent>[] = [];

  override send(personId: string, raw: unknown): RepairDecision {
    const commandId = this.nextCommandId();
    const before = this.log.length;
    const decision = super.send(personId, raw);
    if (decision.ok) this.batches.push({ actorId: personId, commandId, atMs: this.nowMs, events: this.log.slice(before) });
    return decision;
  }
}

/** Everything the tests need to find again. */
export interface SeededWorld {
  readonly leaverId: string;
  /** The leaver's display name: a string found nowhere else. */
  readonly marker: string;
  readonly signInName: string;
  readonly otherId: string;
  readonly otherName: string;
  /** Hosted by the other person, joined by the leaver, ended. */
  readonly sharedSessionId: string;
  /** The leaver alone, ended. */
  readonly soloSessionId: string;
  /** Hosted by the leaver, joined by the other person, still open and paused by the leaver. */
  readonly openSessionId: string;
  /** The two of them. */
  readonly relationshipId: string;
  /** The leaver alone. */
  readonly loneRelationshipId: string;
  readonly mapId: string;
  readonly repairId: string;
  /** The other person's check-in note in the shared session, which must survive. */
  readonly otherNote: string;
  /** The logs as first stored, for comparing after deletion. */
  readonly sharedSession: RecordedSession;
  readonly openSession: RecordedSession;
}

/** Appends the batches of `session` not stored yet, as the hub would. */
export async function sessionStored(db: Kysely<DatabaseSchema>, session: RecordedSession): Promise<void> {
  const events = new KyselyEventStore(db);
  for (const batch of session.batches.slice(session.storedBatches)) {
    const result = await events.appendForCommand({
      sessionId: session.sessionId,
      expectedLastSeq: session.storedSeq,
      commandId: batch.commandId,
      actorId: batch.actorId,
      atMs: batch.atMs,
      events: batch.events.map((event) => ({ type: event.type, body: event as unknown as JsonValue })),
      outcome: { ok: true },
    });
    if (result.kind !== 'appended') throw new Error(`append of ${batch.commandId} came to ${result.kind}`);
    session.storedBatches += 1;
    session.storedSeq += batch.events.length;
  }
}

async function logStored<E extends { readonly type: string }>(
  logs: KyselyBetweenUsLogStore,
  log: { logId: string; relationshipId: string; kind: BetweenUsLogKind },
  batches: readonly CommandBatch<E>[],
): Promise<void> {
  let lastSeq = 0;
  for (const batch of batches) {
    await logs.append({
      ...log,
      expectedLastSeq: lastSeq,
      commandId: batch.commandId,
      actorId: batch.actorId,
      atMs: batch.atMs,
      events: batch.events.map((event) => ({ type: event.type, body: event })),
      outcome: { ok: true },
    });
    lastSeq += batch.events.length;
  }
}

/** The cycle map of the two: both sides, revealed; the leaver names it, the other saves a plan. */
function cycleMapMade(mapId: string, leaverId: string, otherId: string, marker: string): CommandBatch<CycleMapEvent>[] {
  let state = CYCLE_MAP_INITIAL_STATE;
  const batches: CommandBatch<CycleMapEvent>[] = [];
  const steps: [string, CycleMapCommand][] = [
    [leaverId, { type: 'openMap', mapId, partnerId: otherId }],
    [leaverId, { type: 'saveDraft', side: { ...EMPTY_CYCLE_SIDE, setsItOff: `${marker} sets it off`, moves: { picked: ['going-quiet'], own: [] } } }],
    [otherId, { type: 'saveDraft', side: { ...EMPTY_CYCLE_SIDE, setsItOff: 'Questions at the door', moves: { picked: ['pushing-for-an-answer'], own: [] } } }],
    [leaverId, { type: 'markReady' }],
    [otherId, { type: 'markReady' }],
    [leaverId, { type: 'agreeToReveal' }],
    [otherId, { type: 'agreeToReveal' }],
    [leaverId, { type: 'nameCycle', name: `${marker} loop` }],
    [otherId, { type: 'savePlan', plan: { cuePhrase: 'Our loop is here', pauseMinutes: 20, practiceId: PLAN_PRACTICE_IDS[0] ?? 'paced-breathing' } }],
  ];
  steps.forEach(([actorId, command], index) => {
    const decision = cycleMapDecide(state, command, actorId);
    if (!decision.ok) throw new Error(`cycle map step ${String(index)} refused: ${decision.message}`);
    for (const event of decision.events) state = cycleMapEvolve(state, event);
    batches.push({ actorId, commandId: `map-${String(index)}`, atMs: SEED_NOW_MS - 10 * HOUR_MS + index, events: decision.events });
  });
  return batches;
}

/** Seeds the world into a migrated database. */
export async function personDataWorldSeed(db: Kysely<DatabaseSchema>): Promise<SeededWorld> {
  const leaverId = randomUUID();
  const otherId = randomUUID();
  const marker = `Marker${randomUUID().slice(0, 8)}`;
  const otherName = 'Olu';
  const signInName = `leaver-${leaverId.slice(0, 8)}`;
  const identities = new KyselyIdentityStore(db);
  await identities.createAccountIdentity({ id: leaverId, displayName: marker, createdAtMs: SEED_NOW_MS - 100 * HOUR_MS });
  await identities.createGuest({ id: otherId, displayName: otherName, tokenHash: `SECRET-guest-${otherId}`, createdAtMs: SEED_NOW_MS - 100 * HOUR_MS, expiresAtMs: SEED_NOW_MS + 100 * HOUR_MS });
  await accountRowsSeed(db, leaverId, signInName);

  const otherNote = `Olu felt the ground ${randomUUID().slice(0, 6)}`;
  const shared = new RecordedSession(randomUUID());
  shared.accept(otherId, { type: 'createSession' });
  shared.accept(otherId, { type: 'join', displayName: otherName, boundaries: OPEN_BOUNDARIES });
  shared.accept(leaverId, { type: 'join', displayName: marker, boundaries: OPEN_BOUNDARIES });
  shared.accept(leaverId, { type: 'setBoundaries', boundaries: { ...OPEN_BOUNDARIES, camera: true } });
  shared.accept(leaverId, { type: 'checkIn', state: 'activated', intensity: 7, note: `${marker} felt tight`, tags: ['chest'], visibility: 'shared' });
  shared.accept(otherId, { type: 'checkIn', state: 'regulated', intensity: 3, note: otherNote, visibility: 'shared' });
  shared.accept(otherId, { type: 'proposePractice', practiceId: 'share-and-hold', roles: { [leaverId]: 'sharer' } });
  shared.accept(otherId, { type: 'setReady', ready: true });
  shared.accept(leaverId, { type: 'setReady', ready: true });
  shared.accept(otherId, { type: 'startPractice' });
  shared.advance(20_000);
  shared.accept(leaverId, { type: 'pause', sayItWasMe: true });
  shared.advance(5_000);
  shared.accept(leaverId, { type: 'resume' });
  shared.accept(leaverId, { type: 'shareBodyNotice', notice: 'flooding' });
  shared.accept(otherId, { type: 'endPractice', outcome: 'stopped' });
  shared.accept(leaverId, { type: 'leave' });
  shared.accept(otherId, { type: 'endSession' });
  await sessionStored(db, shared);

  const solo = new RecordedSession(randomUUID());
  solo.accept(leaverId, { type: 'createSession' });
  solo.accept(leaverId, { type: 'join', displayName: marker, boundaries: OPEN_BOUNDARIES });
  solo.accept(leaverId, { type: 'checkIn', state: 'shutdown', intensity: 4, note: `${marker} alone` });
  solo.accept(leaverId, { type: 'endSession' });
  await sessionStored(db, solo);

  const open = new RecordedSession(randomUUID());
  open.accept(leaverId, { type: 'createSession' });
  open.accept(leaverId, { type: 'join', displayName: marker, boundaries: OPEN_BOUNDARIES });
  open.accept(otherId, { type: 'join', displayName: otherName, boundaries: OPEN_BOUNDARIES });
  open.accept(leaverId, { type: 'pause', sayItWasMe: false });
  await sessionStored(db, open);

  const t0 = SEED_NOW_MS - 50 * HOUR_MS;
  const signals = new KyselySignalStore(db);
  const sample = (sessionId: string, participantId: string, second: number) => ({
    sessionId,
    participantId,
    atMs: t0 + second * 1000,
    source: 'simulated' as const,
    heartRateBpm: 60 + second,
    breathingRateBpm: 6,
    breathPhase: 0.5,
    rrMs: [800 + second, 810 + second],
  });
  await signals.append([0, 1, 2].flatMap((second) => [sample(shared.sessionId, leaverId, second), sample(shared.sessionId, otherId, second), sample(solo.sessionId, leaverId, second)]));
  const summaries = new SessionSummaryStore(db);
  for (const [sessionId, personId] of [[shared.sessionId, leaverId], [shared.sessionId, otherId], [solo.sessionId, leaverId]] as const) {
    await summaries.put({ sessionId, participantId: personId, atMs: t0, synchronyScore: 0.4, coherenceRatio: 0.6 });
  }
  await new KyselyAdmissionStore(db).admit(shared.sessionId, leaverId, t0);
  const invites = new KyselyInviteStore(db);
  await invites.create({ tokenHash: `SECRET-invite-${randomUUID()}`, sessionId: shared.sessionId, createdBy: otherId, createdAtMs: t0, expiresAtMs: t0 + HOUR_MS });
  await invites.create({ tokenHash: `SECRET-invite-${randomUUID()}`, sessionId: open.sessionId, createdBy: leaverId, createdAtMs: t0, expiresAtMs: t0 + HOUR_MS });

  const ids = await betweenUsSeed(db, { leaverId, otherId, marker, sharedSessionId: shared.sessionId, openSessionId: open.sessionId });
  await consultationsSeed(db, leaverId, otherId, shared.sessionId);
  // A note the leaver wrote as a practitioner, and one the other person wrote about them.
  await db.insertInto('practitioner_notes').values([
    { id: randomUUID(), practitioner_id: leaverId, client_id: otherId, text: 'Steadier breathing this week', created_at_ms: SEED_NOW_MS - HOUR_MS, updated_at_ms: SEED_NOW_MS - HOUR_MS },
    { id: randomUUID(), practitioner_id: otherId, client_id: leaverId, text: 'Arrived tired, left lighter', created_at_ms: SEED_NOW_MS - HOUR_MS, updated_at_ms: SEED_NOW_MS - HOUR_MS },
  ]).execute();
  return {
    leaverId,
    marker,
    signInName,
    otherId,
    otherName,
    sharedSessionId: shared.sessionId,
    soloSessionId: solo.sessionId,
    openSessionId: open.sessionId,
    otherNote,
    sharedSession: shared,
    openSession: open,
    ...ids,
  };
}

async function betweenUsSeed(
  db: Kysely<DatabaseSchema>,
  people: { leaverId: string; otherId: string; marker: string; sharedSessionId: string; openSessionId: string },
): Promise<{ relationshipId: string; loneRelationshipId: string; mapId: string; repairId: string }> {
  const { leaverId, otherId, marker } = people;
  const t0 = SEED_NOW_MS - 20 * HOUR_MS;
  const relationships = new KyselyRelationshipStore(db);
  const relationshipId = randomUUID();
  await relationships.create({ id: relationshipId, kind: 'partner', createdBy: leaverId, createdAtMs: t0 });
  const inviteHash = `SECRET-rel-invite-${randomUUID()}`;
  await relationships.createInvite({ tokenHash: inviteHash, relationshipId, createdBy: leaverId, createdAtMs: t0, expiresAtMs: t0 + HOUR_MS });
  await relationships.acceptInvite(inviteHash, otherId, t0 + 1, 8);
  await relationships.createInvite({ tokenHash: `SECRET-rel-invite-${randomUUID()}`, relationshipId, createdBy: otherId, createdAtMs: t0, expiresAtMs: t0 + HOUR_MS });
  await relationships.linkSession({ sessionId: people.sharedSessionId, relationshipId, createdBy: otherId, createdAtMs: t0 });
  await relationships.linkSession({ sessionId: people.openSessionId, relationshipId, createdBy: leaverId, createdAtMs: t0 });
  for (const personId of [leaverId, otherId]) {
    await db
      .insertInto('relationship_sharing')
      .values({ relationship_id: relationshipId, person_id: personId, check_ins: 1, physiology: 0, reflections: 1, cycle_map: 1, updated_at_ms: t0 })
      .execute();
  }

  const logs = new KyselyBetweenUsLogStore(db);
  const mapId = randomUUID();
  await logStored(logs, { logId: mapId, relationshipId, kind: 'cycle' }, cycleMapMade(mapId, leaverId, otherId, marker));
  const repairId = randomUUID();
  const repair = new RecordedRepair([leaverId, otherId], repairId);
  repair.start().settleAll().agreeTime().arriveAll();
  repair.turn(leaverId, `${marker} felt alone`, `${marker} needed a hand`);
  repair.turn(otherId, 'Olu felt pushed', 'Olu needed time');
  const proposalId = repair.nextCommandId();
  repair.accept(leaverId, { type: 'proposeNextStep', text: `${marker} will text first` });
  repair.accept(otherId, { type: 'agreeNextStep', proposalId });
  await logStored(logs, { logId: repairId, relationshipId, kind: 'repair' }, repair.batches);

  const moments = new KyselyCycleMomentStore(db);
  await moments.add({ id: randomUUID(), relationshipId, personId: leaverId, sessionId: people.sharedSessionId, atMs: t0 + 5 });
  await moments.add({ id: randomUUID(), relationshipId, personId: otherId, sessionId: people.sharedSessionId, atMs: t0 + 6 });

  const records = new KyselyPersonalRecordStore(db);
  const leaverRecord = randomUUID();
  const otherRecord = randomUUID();
  await records.create({ id: leaverRecord, ownerId: leaverId, kind: 'checkIn', atMs: t0, createdAtMs: t0, body: { note: `${marker} kept this` } });
  await records.create({ id: otherRecord, ownerId: otherId, kind: 'checkIn', atMs: t0, createdAtMs: t0, body: { note: 'Olu kept this' } });
  await records.setSharing(leaverRecord, leaverId, relationshipId, t0 + 10);
  await records.setSharing(otherRecord, otherId, relationshipId, t0 + 10);
  const audit = new KyselySharedAccessAudit(db);
  await audit.record([
    { atMs: t0 + 20, viewerId: otherId, ownerId: leaverId, relationshipId, subject: 'record', subjectId: leaverRecord },
    { atMs: t0 + 21, viewerId: leaverId, ownerId: otherId, relationshipId, subject: 'record', subjectId: otherRecord },
  ]);

  const prompts = new KyselyPromptStore(db);
  await prompts.saveSettings(leaverId, { quiet: true }, t0);
  await prompts.recordShown(leaverId, 'prompt-breathe', t0);

  const loneRelationshipId = randomUUID();
  await relationships.create({ id: loneRelationshipId, kind: 'friend', createdBy: leaverId, createdAtMs: t0 });
  await relationships.createInvite({ tokenHash: `SECRET-rel-invite-${randomUUID()}`, relationshipId: loneRelationshipId, createdBy: leaverId, createdAtMs: t0, expiresAtMs: t0 + HOUR_MS });
  await moments.add({ id: randomUUID(), relationshipId: loneRelationshipId, personId: leaverId, sessionId: null, atMs: t0 });
  return { relationshipId, loneRelationshipId, mapId, repairId };
}

/** Account rows, written directly: their stores belong to the account code and may change shape. */
async function accountRowsSeed(db: Kysely<DatabaseSchema>, leaverId: string, signInName: string): Promise<void> {
  const t0 = SEED_NOW_MS - 90 * HOUR_MS;
  await db.insertInto('accounts').values({ identity_id: leaverId, sign_in_name: signInName, password_hash: '$argon2id$SECRET-password', role: 'person', created_at_ms: t0, disabled_at_ms: null }).execute();
  await db
    .insertInto('login_sessions')
    .values({ id: randomUUID(), token_hash: `SECRET-login-${randomUUID()}`, identity_id: leaverId, created_at_ms: t0, last_seen_at_ms: t0 + 1, reauthenticated_at_ms: t0, revoked_at_ms: null })
    .execute();
  await db
    .insertInto('passkeys')
    .values({ credential_id: `cred-${randomUUID()}`, identity_id: leaverId, public_key: 'SECRET-public-key', counter: 3, transports: '["internal"]', name: 'Phone', created_at_ms: t0, last_used_at_ms: null })
    .execute();
  await db.insertInto('recovery_codes').values([
    { identity_id: leaverId, code_hash: `SECRET-code-${randomUUID()}`, created_at_ms: t0, used_at_ms: null },
    { identity_id: leaverId, code_hash: `SECRET-code-${randomUUID()}`, created_at_ms: t0, used_at_ms: t0 + 5 },
  ]).execute();
  await db.insertInto('trusted_devices').values({ token_hash: `SECRET-device-${randomUUID()}`, identity_id: leaverId, created_at_ms: t0, last_used_at_ms: t0 }).execute();
  await db.insertInto('auth_challenges').values([
    { id: randomUUID(), challenge: 'SECRET-challenge', purpose: 'reauthenticate', identity_id: leaverId, payload: '{}', expires_at_ms: SEED_NOW_MS + HOUR_MS },
    { id: randomUUID(), challenge: 'SECRET-challenge', purpose: 'register', identity_id: null, payload: JSON.stringify({ signInName }), expires_at_ms: SEED_NOW_MS + HOUR_MS },
  ]).execute();
  await db.insertInto('login_failures').values({ sign_in_name: signInName, address: '192.0.2.7', at_ms: t0, trusted_device: 0 }).execute();
}

/** The leaver books the other person twice (one past, one to come) and offers their own hours. */
async function consultationsSeed(db: Kysely<DatabaseSchema>, leaverId: string, otherId: string, sessionId: string): Promise<void> {
  const base = { practitioner_id: otherId, booker_id: leaverId, time_zone: 'Europe/Berlin', status: 'booked' as const, sequence: 0, last_change: 'booked' as const, last_change_by: leaverId };
  await db.insertInto('consultations').values([
    { ...base, id: randomUUID(), start_ms: SEED_NOW_MS - 30 * HOUR_MS, end_ms: SEED_NOW_MS - 29 * HOUR_MS, created_at_ms: SEED_NOW_MS - 40 * HOUR_MS, updated_at_ms: SEED_NOW_MS - 40 * HOUR_MS, session_id: sessionId },
    { ...base, id: randomUUID(), start_ms: SEED_NOW_MS + 30 * HOUR_MS, end_ms: SEED_NOW_MS + 31 * HOUR_MS, created_at_ms: SEED_NOW_MS - 40 * HOUR_MS, updated_at_ms: SEED_NOW_MS - 40 * HOUR_MS, session_id: null },
  ]).execute();
  await db
    .insertInto('consultation_availability')
    .values({ practitioner_id: leaverId, time_zone: 'Europe/Berlin', slot_minutes: 50, buffer_minutes: 10, min_notice_minutes: 60, windows: '[]', updated_at_ms: SEED_NOW_MS - 40 * HOUR_MS })
    .execute();
}
