/**
 * Relationship sharing (issue 6): what each member lets the other members of one relationship see
 * outside a live session. One row per member who has chosen; a member without a row uses the
 * defaults in `src/core/relationships/sharing.ts`. Switches are integers 0/1 (SQLite has no
 * boolean binding). Leaving deletes the leaver's row in the same transaction.
 */
import type { Kysely, Migration } from 'kysely';

/** Creates `relationship_sharing`. */
export const relationshipSharing: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('relationship_sharing')
      .addColumn('relationship_id', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('check_ins', 'integer', (c) => c.notNull())
      .addColumn('physiology', 'integer', (c) => c.notNull())
      .addColumn('reflections', 'integer', (c) => c.notNull())
      .addColumn('cycle_map', 'integer', (c) => c.notNull())
      .addColumn('updated_at_ms', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('relationship_sharing_pk', ['relationship_id', 'person_id'])
      .execute();
    await db.schema.createIndex('relationship_sharing_by_person').on('relationship_sharing').column('person_id').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('relationship_sharing').execute();
  },
};
