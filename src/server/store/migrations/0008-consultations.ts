/**
 * Consultations (issue 6): each practitioner's weekly availability (rules in their own time zone,
 * the windows as JSON checked with the core schema on every read) and the consultations booked
 * with them. Times are bigint ms; flags are text or integers, never booleans (better-sqlite3
 * cannot bind them). No double booking is checked in the booking transaction (no overlap at all,
 * with both people's rows locked), not by a unique index: deleting a person puts a stand-in id in
 * their place, and a unique index on (practitioner, start) could then refuse that deletion.
 */
import type { Kysely, Migration } from 'kysely';

/** Creates `consultation_availability` and `consultations`. */
export const consultations: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('consultation_availability')
      .addColumn('practitioner_id', 'text', (c) => c.primaryKey())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('slot_minutes', 'integer', (c) => c.notNull())
      .addColumn('buffer_minutes', 'integer', (c) => c.notNull())
      .addColumn('min_notice_minutes', 'integer', (c) => c.notNull())
      .addColumn('windows', 'text', (c) => c.notNull())
      .addColumn('updated_at_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('consultations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('practitioner_id', 'text', (c) => c.notNull())
      .addColumn('booker_id', 'text', (c) => c.notNull())
      .addColumn('start_ms', 'bigint', (c) => c.notNull())
      .addColumn('end_ms', 'bigint', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('sequence', 'integer', (c) => c.notNull())
      .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
      .addColumn('updated_at_ms', 'bigint', (c) => c.notNull())
      .addColumn('last_change', 'text', (c) => c.notNull())
      .addColumn('last_change_by', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text')
      .execute();
    await db.schema.createIndex('consultations_practitioner_start').on('consultations').columns(['practitioner_id', 'start_ms']).execute();
    await db.schema.createIndex('consultations_booker_start').on('consultations').columns(['booker_id', 'start_ms']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('consultations').execute();
    await db.schema.dropTable('consultation_availability').execute();
  },
};
