/**
 * Admissions: who has been let into a session by accepting an invite. The live socket then
 * needs only the person's cookie, so invite tokens never travel in URLs that logs keep.
 */
import type { Kysely, Migration } from 'kysely';

/** Creates `session_admissions`. */
export const admissions: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('session_admissions')
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('identity_id', 'text', (c) => c.notNull())
      .addColumn('admitted_at_ms', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('session_admissions_pk', ['session_id', 'identity_id'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('session_admissions').execute();
  },
};
