/**
 * Finding a person's live sessions for their data rights: every session any of their rows points
 * at, and whether they are still in one that others share (they leave it before their account goes).
 */
import type { Kysely } from 'kysely';
import type { SessionEvent } from '../../core/session/events.ts';
import { sessionIsPresent } from '../../core/session/queries.ts';
import { sessionFold, type SessionState } from '../../core/session/state.ts';
import type { DatabaseSchema, SessionEventsTable } from './schema.ts';

/** The sessions of one person, as their data rights need them. */
export interface PersonSessions {
  /** Every session they hosted, wrote in, were let into, invited to, were sampled in or linked. */
  readonly all: readonly string[];
  /** Open sessions others take part in, where they are still present: they leave first. */
  readonly stillPresentIn: readonly string[];
}

/** Every session id any of the person's rows points at, sorted. */
export async function personSessionIds(db: Kysely<DatabaseSchema>, personId: string): Promise<string[]> {
  const found = [
    ...(await db.selectFrom('sessions').select('id as session_id').where('created_by', '=', personId).execute()),
    ...(await db.selectFrom('session_events').select('session_id').distinct().where('actor_id', '=', personId).execute()),
    ...(await db.selectFrom('session_admissions').select('session_id').where('identity_id', '=', personId).execute()),
    ...(await db.selectFrom('invites').select('session_id').distinct().where('created_by', '=', personId).execute()),
    ...(await db.selectFrom('session_signals').select('session_id').distinct().where('participant_id', '=', personId).execute()),
    ...(await db.selectFrom('session_body_summaries').select('session_id').where('participant_id', '=', personId).execute()),
    ...(await db.selectFrom('relationship_sessions').select('session_id').where('created_by', '=', personId).execute()),
  ];
  return [...new Set(found.map((row) => row.session_id))].sort();
}

/** One session's stored log, oldest first. */
export async function sessionLogRows(db: Kysely<DatabaseSchema>, sessionId: string): Promise<SessionEventsTable[]> {
  return db.selectFrom('session_events').selectAll().where('session_id', '=', sessionId).orderBy('seq', 'asc').execute();
}

/** The state a stored log folds to. */
export function sessionStateOfRows(rows: readonly SessionEventsTable[]): SessionState {
  return sessionFold(rows.map((row) => JSON.parse(row.body) as SessionEvent));
}

/** The person's sessions, and the shared open ones they are still present in. */
export async function personSessionsFind(db: Kysely<DatabaseSchema>, personId: string): Promise<PersonSessions> {
  const all = await personSessionIds(db, personId);
  const stillPresentIn: string[] = [];
  for (const sessionId of all) {
    const rows = await sessionLogRows(db, sessionId);
    const state = sessionStateOfRows(rows);
    const shared = rows.some((row) => row.actor_id !== personId);
    if (shared && state.status === 'open' && sessionIsPresent(state, personId)) stillPresentIn.push(sessionId);
  }
  return { all, stillPresentIn };
}
