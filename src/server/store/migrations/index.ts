/**
 * Migrations are listed here by hand (a static provider): no directory scanning, so they work the
 * same from tsx, a bundle or a compiled build. Names sort in the order they must run.
 */
import { Migrator, PostgresAdapter, sql } from 'kysely';
import type { Kysely, Migration, MigrationResultSet } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';
import { initial } from './0001-initial.ts';
import { admissions } from './0002-admissions.ts';
import { signals } from './0003-signals.ts';
import { betweenUs } from './0004-between-us.ts';
import { sessionSummaries } from './0005-session-summaries.ts';
import { accounts } from './0006-accounts.ts';
import { relationshipSharing } from './0007-relationship-sharing.ts';
import { consultations } from './0008-consultations.ts';
import { instance } from './0009-instance.ts';
import { practitionerNotes } from './0010-practitioner-notes.ts';

/** Every migration by name; append new ones, never rename or edit applied ones. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001_initial': initial,
  '0002_admissions': admissions,
  '0003_signals': signals,
  '0004_between_us': betweenUs,
  '0005_session_summaries': sessionSummaries,
  '0006_accounts': accounts,
  '0007_relationship_sharing': relationshipSharing,
  '0008_consultations': consultations,
  '0009_instance': instance,
  '0010_practitioner_notes': practitionerNotes,
};

/** Name of the newest migration, for tests and start-up checks. */
export const latestMigrationName = '0010_practitioner_notes';

/** Applies every pending migration; throws (after Kysely rolls back what it can) if one fails. */
export async function migrateToLatest(db: Kysely<DatabaseSchema>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve({ ...migrations }) },
    ...(await migrationTableSchemaOf(db)),
  });
  const resultSet = await migrator.migrateToLatest();
  if (resultSet.error !== undefined) {
    const failed = resultSet.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed`, { cause: resultSet.error });
  }
  return resultSet;
}

/**
 * On Postgres, Kysely's own bookkeeping tables are pinned to the schema the connection works in
 * (`current_schema()`, `public` unless the search_path says otherwise). Without it, Kysely looks
 * for `kysely_migration` in every schema of the database, finds another schema's, skips creating
 * its own and then fails: two deployments (or two test runs) sharing one database by schema could
 * not both migrate. For a database migrated before this, the schema is the same one, so nothing moves.
 */
async function migrationTableSchemaOf(db: Kysely<DatabaseSchema>): Promise<{ migrationTableSchema?: string }> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return {};
  const result = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = result.rows[0]?.schema;
  return schema === null || schema === undefined ? {} : { migrationTableSchema: schema };
}
