/**
 * Deleting a session for everyone: its log, its command records, its invites and admissions,
 * its link to a relationship, and every stored body signal, in one transaction so nothing is left
 * half gone. Account deletion removes sessions the same way, inside its own transaction, so the
 * list of what a session owns lives here once.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from './schema.ts';

/** How much of a session went. */
export interface SessionDeleted {
  readonly events: number;
  readonly signals: number;
}

/** Removes every row that belongs to `sessionId`; returns how many events and samples went. */
export async function sessionDeleteEverywhere(db: Kysely<DatabaseSchema>, sessionId: string): Promise<SessionDeleted> {
  return db.transaction().execute((trx) => sessionRowsDeleteIn(trx, sessionId));
}

/** Everything of one session, inside the caller's transaction. */
export async function sessionRowsDeleteIn(trx: Transaction<DatabaseSchema>, sessionId: string): Promise<SessionDeleted> {
  const events = await trx.deleteFrom('session_events').where('session_id', '=', sessionId).executeTakeFirst();
  await trx.deleteFrom('session_commands').where('session_id', '=', sessionId).execute();
  await trx.deleteFrom('session_admissions').where('session_id', '=', sessionId).execute();
  await trx.deleteFrom('invites').where('session_id', '=', sessionId).execute();
  const signals = await trx.deleteFrom('session_signals').where('session_id', '=', sessionId).executeTakeFirst();
  await trx.deleteFrom('session_body_summaries').where('session_id', '=', sessionId).execute();
  // The relationship keeps its cycle moments; they just no longer point at a session that is gone.
  await trx.deleteFrom('relationship_sessions').where('session_id', '=', sessionId).execute();
  await trx.updateTable('cycle_moments').set({ session_id: null }).where('session_id', '=', sessionId).execute();
  // A consultation keeps its booking; its room is made again the next time someone opens it.
  await trx.updateTable('consultations').set({ session_id: null }).where('session_id', '=', sessionId).execute();
  await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
  return { events: Number(events.numDeletedRows), signals: Number(signals.numDeletedRows) };
}
