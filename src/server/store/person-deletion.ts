/**
 * Deleting a person everywhere, in one transaction: every row they own goes; in logs they shared
 * with others, their events stay as facts under a stand-in id, without their name or their words
 * (person-deletion-redaction.ts); what belongs to the others stays. Table by table:
 * person-data-tables.ts.
 *
 * What counts as shared: a session or a relationship some other person can still open. A session
 * in which every event was written by them (or by people who have already left) goes entirely, as
 * does a relationship with no current member once they are out of it: nobody could read either.
 *
 * Each log is locked the way its appenders lock it (a no-op update of its row) before it is read,
 * so on Postgres an append racing the deletion waits for it and never lands half way through the
 * rewrite; on SQLite the transaction holds the database's write lock from its first write.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CycleMapEvent } from '../../core/cycles/cycle-map-events.ts';
import type { RepairEvent } from '../../core/repair/repair-events.ts';
import type { SessionEvent } from '../../core/session/events.ts';
import {
  cycleMapLogRedacted,
  personWhoLeftIdNext,
  repairLogRedacted,
  sessionLogRedacted,
  SOMEONE_WHO_LEFT_ID,
  type LoggedEvent,
} from './person-deletion-redaction.ts';
import { personSessionIds, sessionLogRows } from './person-sessions.ts';
import { lockRelationship } from './relationship-store.ts';
import type { DatabaseSchema } from './schema.ts';
import { sessionRowsDeleteIn } from './session-deletion.ts';

/** What deleting a person came to. */
export interface PersonDeletion {
  /** False when there was no such person (nothing was changed). */
  readonly found: boolean;
  /** Sessions nobody else could open: gone entirely. */
  readonly sessionsDeleted: readonly string[];
  /** Sessions kept for the others, with this person redacted. */
  readonly sessionsRedacted: readonly string[];
  /** Relationships with nobody left in them: gone entirely. */
  readonly relationshipsDeleted: readonly string[];
  /** Relationships kept for the others, with this person redacted. */
  readonly relationshipsRedacted: readonly string[];
}

/** A stored event row of either kind of log, as far as redaction needs it (and as it is rewritten). */
interface LogRow {
  readonly seq: number;
  readonly actor_id: string;
  readonly command_id: string | null;
  readonly type: string;
  readonly body: string;
}

type LogRedaction<E> = (log: readonly LoggedEvent<E>[], personId: string, standInId: string) => LoggedEvent<E>[];

/** Whether an actor id is a stand-in for someone who already left. */
function actorHasLeft(actorId: string): boolean {
  return actorId.startsWith(SOMEONE_WHO_LEFT_ID);
}

/**
 * The rows of a log that change when `personId` is redacted from it, and the stand-in id they now
 * carry; no changes when the log never names them.
 */
export function logRowChanges<E>(
  rows: readonly LogRow[],
  personId: string,
  redact: LogRedaction<E>,
): { readonly standInId: string; readonly changes: LogRow[] } {
  const standInId = personWhoLeftIdNext(rows.flatMap((row) => [row.actor_id, row.body]));
  if (!rows.some((row) => row.actor_id === personId || row.body.includes(personId))) return { standInId, changes: [] };
  const redacted = redact(
    rows.map((row) => ({ actorId: row.actor_id, event: JSON.parse(row.body) as E })),
    personId,
    standInId,
  );
  const changes: LogRow[] = [];
  rows.forEach((row, index) => {
    const next = redacted[index];
    if (next === undefined) return;
    const body = JSON.stringify(next.event);
    const type = (next.event as { readonly type: string }).type;
    // The command id linked the event to their command record, which goes.
    const commandId = row.actor_id === personId ? null : row.command_id;
    if (body !== row.body || next.actorId !== row.actor_id || commandId !== row.command_id || type !== row.type) {
      changes.push({ seq: row.seq, actor_id: next.actorId, command_id: commandId, type, body });
    }
  });
  return { standInId, changes };
}

/** Deletes `personId` everywhere, in one transaction, at server time `nowMs`. */
export async function personDeleteEverywhere(db: Kysely<DatabaseSchema>, personId: string, nowMs: number): Promise<PersonDeletion> {
  return db.transaction().execute(async (trx) => {
    const identity = await trx.selectFrom('identities').select('id').where('id', '=', personId).executeTakeFirst();
    if (identity === undefined) {
      return { found: false, sessionsDeleted: [], sessionsRedacted: [], relationshipsDeleted: [], relationshipsRedacted: [] };
    }
    const sessions = await sessionsRedactedOrDeleted(trx, personId);
    const relationships = await relationshipsRedactedOrDeleted(trx, personId);
    await rowsOfPersonDeleted(trx, personId);
    await consultationsLeft(trx, personId, nowMs);
    await trx.deleteFrom('practitioner_notes').where((eb) => eb.or([eb('practitioner_id', '=', personId), eb('client_id', '=', personId)])).execute();
    return { found: true, ...sessions, ...relationships };
  });
}

async function sessionsRedactedOrDeleted(
  trx: Transaction<DatabaseSchema>,
  personId: string,
): Promise<{ sessionsDeleted: string[]; sessionsRedacted: string[] }> {
  const sessionsDeleted: string[] = [];
  const sessionsRedacted: string[] = [];
  for (const sessionId of await personSessionIds(trx, personId)) {
    await trx.updateTable('sessions').set((eb) => ({ last_seq: eb.ref('last_seq') })).where('id', '=', sessionId).execute();
    const rows = await sessionLogRows(trx, sessionId);
    if (rows.every((row) => row.actor_id === personId || actorHasLeft(row.actor_id))) {
      await sessionRowsDeleteIn(trx, sessionId);
      sessionsDeleted.push(sessionId);
      continue;
    }
    const { standInId, changes } = logRowChanges<SessionEvent>(rows, personId, sessionLogRedacted);
    for (const change of changes) {
      await trx
        .updateTable('session_events')
        .set({ actor_id: change.actor_id, command_id: change.command_id, type: change.type, body: change.body })
        .where('session_id', '=', sessionId)
        .where('seq', '=', change.seq)
        .execute();
    }
    // The session row names its host as its log does.
    await trx.updateTable('sessions').set({ created_by: standInId }).where('id', '=', sessionId).where('created_by', '=', personId).execute();
    await trx
      .updateTable('relationship_sessions')
      .set({ created_by: standInId })
      .where('session_id', '=', sessionId)
      .where('created_by', '=', personId)
      .execute();
    // Everyone's synchrony here was computed with their samples; progress computes it again.
    await trx.deleteFrom('session_body_summaries').where('session_id', '=', sessionId).execute();
    sessionsRedacted.push(sessionId);
  }
  return { sessionsDeleted, sessionsRedacted };
}

async function relationshipsRedactedOrDeleted(
  trx: Transaction<DatabaseSchema>,
  personId: string,
): Promise<{ relationshipsDeleted: string[]; relationshipsRedacted: string[] }> {
  const relationshipsDeleted: string[] = [];
  const relationshipsRedacted: string[] = [];
  const found = [
    ...(await trx.selectFrom('relationship_members').select('relationship_id').where('person_id', '=', personId).execute()),
    ...(await trx.selectFrom('relationships').select('id as relationship_id').where('created_by', '=', personId).execute()),
  ];
  for (const relationshipId of [...new Set(found.map((row) => row.relationship_id))].sort()) {
    await lockRelationship(trx, relationshipId);
    const othersStill = await trx
      .selectFrom('relationship_members')
      .select('person_id')
      .where('relationship_id', '=', relationshipId)
      .where('person_id', '!=', personId)
      .where('left_at_ms', 'is', null)
      .executeTakeFirst();
    if (othersStill === undefined) {
      await relationshipDeleteIn(trx, relationshipId);
      relationshipsDeleted.push(relationshipId);
    } else {
      await relationshipLogsRedacted(trx, relationshipId, personId);
      relationshipsRedacted.push(relationshipId);
    }
  }
  return { relationshipsDeleted, relationshipsRedacted };
}

async function relationshipLogsRedacted(trx: Transaction<DatabaseSchema>, relationshipId: string, personId: string): Promise<void> {
  const logs = await trx.selectFrom('between_us_logs').select(['log_id', 'kind']).where('relationship_id', '=', relationshipId).execute();
  for (const log of logs) {
    await trx.updateTable('between_us_logs').set((eb) => ({ last_seq: eb.ref('last_seq') })).where('log_id', '=', log.log_id).execute();
    const rows = await trx.selectFrom('between_us_events').selectAll().where('log_id', '=', log.log_id).orderBy('seq', 'asc').execute();
    const { changes } =
      log.kind === 'cycle'
        ? logRowChanges<CycleMapEvent>(rows, personId, cycleMapLogRedacted)
        : logRowChanges<RepairEvent>(rows, personId, repairLogRedacted);
    for (const change of changes) {
      await trx
        .updateTable('between_us_events')
        .set({ actor_id: change.actor_id, command_id: change.command_id, type: change.type, body: change.body })
        .where('log_id', '=', log.log_id)
        .where('seq', '=', change.seq)
        .execute();
    }
  }
}

/** Everything of a relationship nobody is in any more; its sessions stay, as their own people's. */
async function relationshipDeleteIn(trx: Transaction<DatabaseSchema>, relationshipId: string): Promise<void> {
  const logIds = trx.selectFrom('between_us_logs').select('log_id').where('relationship_id', '=', relationshipId);
  await trx.deleteFrom('between_us_events').where('log_id', 'in', logIds).execute();
  await trx.deleteFrom('between_us_commands').where('log_id', 'in', logIds).execute();
  await trx.deleteFrom('between_us_logs').where('relationship_id', '=', relationshipId).execute();
  await trx.deleteFrom('relationship_invites').where('relationship_id', '=', relationshipId).execute();
  await trx.deleteFrom('relationship_members').where('relationship_id', '=', relationshipId).execute();
  await trx.deleteFrom('relationship_sessions').where('relationship_id', '=', relationshipId).execute();
  await trx.deleteFrom('relationship_sharing').where('relationship_id', '=', relationshipId).execute();
  await trx.deleteFrom('cycle_moments').where('relationship_id', '=', relationshipId).execute();
  await trx.updateTable('personal_records').set({ shared_with: null, shared_at_ms: null }).where('shared_with', '=', relationshipId).execute();
  await trx.deleteFrom('relationships').where('id', '=', relationshipId).execute();
}

/** Rows the person owns, wherever they are, and their id where others' rows merely point at them. */
async function rowsOfPersonDeleted(trx: Transaction<DatabaseSchema>, personId: string): Promise<void> {
  const account = await trx.selectFrom('accounts').select('sign_in_name').where('identity_id', '=', personId).executeTakeFirst();

  await trx.deleteFrom('session_commands').where('actor_id', '=', personId).execute();
  await trx.deleteFrom('session_admissions').where('identity_id', '=', personId).execute();
  await trx.deleteFrom('invites').where('created_by', '=', personId).execute();
  await trx.deleteFrom('session_signals').where('participant_id', '=', personId).execute();
  await trx.deleteFrom('session_body_summaries').where('participant_id', '=', personId).execute();

  await trx.deleteFrom('between_us_commands').where('actor_id', '=', personId).execute();
  await trx.deleteFrom('relationship_members').where('person_id', '=', personId).execute();
  await trx.deleteFrom('relationship_sharing').where('person_id', '=', personId).execute();
  await trx.deleteFrom('relationship_invites').where('created_by', '=', personId).execute();
  await trx.updateTable('relationship_invites').set({ used_by: SOMEONE_WHO_LEFT_ID }).where('used_by', '=', personId).execute();
  await trx.updateTable('relationships').set({ created_by: SOMEONE_WHO_LEFT_ID }).where('created_by', '=', personId).execute();
  await trx.updateTable('relationship_sessions').set({ created_by: SOMEONE_WHO_LEFT_ID }).where('created_by', '=', personId).execute();
  await trx.deleteFrom('cycle_moments').where('person_id', '=', personId).execute();
  await trx.deleteFrom('personal_records').where('owner_id', '=', personId).execute();
  await trx.deleteFrom('prompt_settings').where('person_id', '=', personId).execute();
  await trx.deleteFrom('prompt_history').where('person_id', '=', personId).execute();
  // The audit of a read belongs to the person whose thing was read.
  await trx.deleteFrom('shared_access_audit').where('owner_id', '=', personId).execute();
  await trx.updateTable('shared_access_audit').set({ viewer_id: SOMEONE_WHO_LEFT_ID }).where('viewer_id', '=', personId).execute();

  await trx.deleteFrom('login_sessions').where('identity_id', '=', personId).execute();
  await trx.deleteFrom('passkeys').where('identity_id', '=', personId).execute();
  await trx.deleteFrom('recovery_codes').where('identity_id', '=', personId).execute();
  await trx.deleteFrom('trusted_devices').where('identity_id', '=', personId).execute();
  await authChallengesDeleted(trx, personId, account?.sign_in_name ?? null);
  if (account !== undefined) await trx.deleteFrom('login_failures').where('sign_in_name', '=', account.sign_in_name).execute();
  await trx.deleteFrom('accounts').where('identity_id', '=', personId).execute();
  await trx.deleteFrom('identities').where('id', '=', personId).execute();
}

/**
 * Consultations stay with the other person, the stand-in in place of the one who left; one still
 * to come is cancelled (the same change a cancel makes: the next sequence number for calendars).
 * Once both people have left, the consultation goes.
 */
async function consultationsLeft(trx: Transaction<DatabaseSchema>, personId: string, nowMs: number): Promise<void> {
  await trx.deleteFrom('consultation_availability').where('practitioner_id', '=', personId).execute();
  await trx
    .updateTable('consultations')
    .set((eb) => ({
      status: 'cancelled',
      sequence: eb('sequence', '+', 1),
      last_change: 'cancelled',
      last_change_by: SOMEONE_WHO_LEFT_ID,
      updated_at_ms: nowMs,
    }))
    .where((eb) => eb.or([eb('practitioner_id', '=', personId), eb('booker_id', '=', personId)]))
    .where('status', '=', 'booked')
    .where('start_ms', '>', nowMs)
    .execute();
  await trx.updateTable('consultations').set({ practitioner_id: SOMEONE_WHO_LEFT_ID }).where('practitioner_id', '=', personId).execute();
  await trx.updateTable('consultations').set({ booker_id: SOMEONE_WHO_LEFT_ID }).where('booker_id', '=', personId).execute();
  await trx.updateTable('consultations').set({ last_change_by: SOMEONE_WHO_LEFT_ID }).where('last_change_by', '=', personId).execute();
  // Both people gone: nobody can read it any more.
  await trx.deleteFrom('consultations').where('practitioner_id', '=', SOMEONE_WHO_LEFT_ID).where('booker_id', '=', SOMEONE_WHO_LEFT_ID).execute();
}

/**
 * Their challenges, and any waiting under no identity that names them (a registration started with
 * their sign-in name). The payload shape belongs to the account code, so it is searched, not read.
 */
async function authChallengesDeleted(trx: Transaction<DatabaseSchema>, personId: string, signInName: string | null): Promise<void> {
  await trx.deleteFrom('auth_challenges').where('identity_id', '=', personId).execute();
  const unowned = await trx.selectFrom('auth_challenges').select(['id', 'payload']).where('identity_id', 'is', null).execute();
  const naming = unowned.filter((row) => jsonTextNames(row.payload, [personId, ...(signInName === null ? [] : [signInName])]));
  if (naming.length > 0) await trx.deleteFrom('auth_challenges').where('id', 'in', naming.map((row) => row.id)).execute();
}

function jsonTextNames(text: string, names: readonly string[]): boolean {
  const strings: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(collect);
  };
  try {
    collect(JSON.parse(text));
  } catch {
    return names.some((name) => text.includes(name));
  }
  return strings.some((value) => names.includes(value));
}
