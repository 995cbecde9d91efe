/**
 * Migrations are listed here by hand (a static provider): no directory scanning, so they work the
 * same from tsx, a bundle or a compiled build. Names sort in the order they must run.
 */
import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationResultSet } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';
import { initial } from './0001-initial.ts';
import { admissions } from './0002-admissions.ts';

/** Every migration by name; append new ones, never rename or edit applied ones. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001_initial': initial,
  '0002_admissions': admissions,
};

/** Name of the newest migration, for tests and start-up checks. */
export const latestMigrationName = '0002_admissions';

/** Applies every pending migration; throws (after Kysely rolls back what it can) if one fails. */
export async function migrateToLatest(db: Kysely<DatabaseSchema>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve({ ...migrations }) },
  });
  const resultSet = await migrator.migrateToLatest();
  if (resultSet.error !== undefined) {
    const failed = resultSet.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed`, { cause: resultSet.error });
  }
  return resultSet;
}
