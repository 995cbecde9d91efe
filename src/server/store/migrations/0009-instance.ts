/**
 * The instance itself (issue 6, "The instance"): a small table of named settings that belong to
 * the whole deployment, not to any person, so every node reads the same ones. Two names are used:
 *
 * - `operator_setup`: the pending first-run setup link. `value` is the SHA-256 of its token (the
 *   token itself is never stored), `expires_at_ms` when the link stops working. The row is deleted
 *   when the operator account is made with it.
 * - `help_resources`: the crisis resources behind "Need help now?" as the operator set them (JSON,
 *   checked with the help-resources schema on every read and write); no row: the file or defaults.
 *
 * The name is the primary key, so "make a link unless a valid one is pending" is one conditional
 * upsert on both dialects.
 */
import type { Kysely, Migration } from 'kysely';

/** Creates `instance_settings`. */
export const instance: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('instance_settings')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('expires_at_ms', 'bigint')
      .addColumn('updated_at_ms', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('instance_settings').execute();
  },
};
