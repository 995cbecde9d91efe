/**
 * What one session adds to one person's progress (the pair's synchrony, their coherence),
 * computed once from the stored samples and kept, so the progress page never runs the signal
 * pipeline over every past session. Deleted with the session or with the person's samples.
 */
import type { Kysely, Migration } from 'kysely';

/** Creates `session_body_summaries`. */
export const sessionSummaries: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('session_body_summaries')
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('participant_id', 'text', (c) => c.notNull())
      .addColumn('at_ms', 'bigint', (c) => c.notNull())
      .addColumn('synchrony_score', 'double precision')
      .addColumn('coherence_ratio', 'double precision')
      .addPrimaryKeyConstraint('session_body_summaries_pk', ['session_id', 'participant_id'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('session_body_summaries').execute();
  },
};
