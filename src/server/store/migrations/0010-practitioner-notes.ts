/**
 * Practitioner mode (issue 6): a practitioner's private notes about a client. Only their author
 * ever reads them (see `src/server/practitioner/practitioner-store.ts`). Times are bigint ms. The
 * access log needs no index of its own: `shared_access_audit_by_owner` (owner, time) serves it.
 */
import type { Kysely, Migration } from 'kysely';

/** Creates `practitioner_notes`. */
export const practitionerNotes: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('practitioner_notes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('practitioner_id', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
      .addColumn('updated_at_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('practitioner_notes_by_author').on('practitioner_notes').columns(['practitioner_id', 'client_id', 'created_at_ms']).execute();
    await db.schema.createIndex('practitioner_notes_by_client').on('practitioner_notes').column('client_id').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('practitioner_notes').execute();
  },
};
