/**
 * Body signals kept for the session report: at most one row a second per person, with every
 * beat-to-beat interval of that second. They belong to their session and go when it goes.
 */
import type { Kysely, Migration } from 'kysely';

/** Creates `session_signals`. */
export const signals: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('session_signals')
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('participant_id', 'text', (c) => c.notNull())
      .addColumn('at_ms', 'bigint', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('heart_rate_bpm', 'double precision')
      .addColumn('breathing_rate_bpm', 'double precision')
      .addColumn('breath_phase', 'double precision')
      /** Comma-separated RR intervals in ms, oldest first; empty when the sensor gives none. */
      .addColumn('rr_ms', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('session_signals_by_person')
      .on('session_signals')
      .columns(['session_id', 'participant_id', 'at_ms'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('session_signals').execute();
  },
};
