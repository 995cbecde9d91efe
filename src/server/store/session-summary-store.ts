/**
 * Per-session body summaries for progress: written once when first computed, read by person,
 * and deleted with the session or with the person's samples.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.ts';

/** One kept summary. */
export interface SessionSummaryRow {
  readonly sessionId: string;
  readonly participantId: string;
  readonly atMs: number;
  readonly synchronyScore: number | null;
  readonly coherenceRatio: number | null;
}

/** Storage of per-session body summaries, over Kysely (SQLite or Postgres). */
export class SessionSummaryStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** The person's kept summaries among `sessionIds`. */
  async forPerson(participantId: string, sessionIds: readonly string[]): Promise<SessionSummaryRow[]> {
    if (sessionIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('session_body_summaries')
      .selectAll()
      .where('participant_id', '=', participantId)
      .where('session_id', 'in', [...sessionIds])
      .execute();
    return rows.map((row) => ({
      sessionId: row.session_id,
      participantId: row.participant_id,
      atMs: row.at_ms,
      synchronyScore: row.synchrony_score,
      coherenceRatio: row.coherence_ratio,
    }));
  }

  /** Keeps a summary; a second write for the same session and person changes nothing. */
  async put(row: SessionSummaryRow): Promise<void> {
    await this.db
      .insertInto('session_body_summaries')
      .values({
        session_id: row.sessionId,
        participant_id: row.participantId,
        at_ms: row.atMs,
        synchrony_score: row.synchronyScore,
        coherence_ratio: row.coherenceRatio,
      })
      .onConflict((conflict) => conflict.columns(['session_id', 'participant_id']).doNothing())
      .execute();
  }

  /** Forgets summaries of a session: every person's, or one person's. */
  async deleteFor(sessionId: string, participantId?: string): Promise<void> {
    let query = this.db.deleteFrom('session_body_summaries').where('session_id', '=', sessionId);
    if (participantId !== undefined) query = query.where('participant_id', '=', participantId);
    await query.execute();
  }
}
