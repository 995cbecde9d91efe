/**
 * Putting a backup back (`attune restore`). Every refusal is a sentence saying what to do.
 *
 * SQLite: the backup is checked first (`PRAGMA integrity_check`, an Attune database, not from a
 * newer Attune); the restore is refused while any process has the database open; the backup is
 * copied next to the database, flushed to disk, and renamed over it in one atomic step, the old
 * file kept beside it as `attune.sqlite.before-restore-<time>`.
 *
 * Postgres: the file is checked with `pg_restore --list`; then `pg_restore --clean --if-exists
 * --single-transaction` replaces the tables in DATABASE_URL, all or nothing. The caller makes a
 * fresh backup of what is there first (the Postgres way of keeping the old data aside).
 *
 * Either way the caller then applies migrations, so a backup from an older Attune is brought up
 * to date.
 */
import { copyFile, link, open, rename, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrations } from '../store/migrations/index.ts';
import { SQLITE_FILE_NAME } from '../store/database.ts';
import { pgConnectionOf, pgEnvironment, run } from './backups.ts';

/** A restore that did not happen, with what to do. Nothing was changed. */
export class RestoreRefusedError extends Error {
  override readonly name = 'RestoreRefusedError';
}

/** What a SQLite restore did. */
export interface SqliteRestored {
  readonly database: string;
  /** Where the database that was replaced now is; null when there was none. */
  readonly previousKeptAt: string | null;
}

function stampOf(nowMs: number): string {
  return new Date(nowMs).toISOString().replace(/[:.]/g, '-');
}

/** The migrations a database has applied, or null when it has no migration table (not Attune's). */
function appliedMigrations(sqlite: BetterSqlite3.Database): string[] | null {
  const table = sqlite.prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
  if (table === undefined) return null;
  return (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((row) => row.name);
}

/** Checks a SQLite backup: intact, Attune's, and not from a newer Attune. */
export function sqliteBackupCheck(file: string): void {
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new RestoreRefusedError(`${file} could not be opened as a SQLite database (${error instanceof Error ? error.message : String(error)}). Check the path, and that it is an attune-….sqlite backup.`);
  }
  try {
    let verdict: unknown;
    try {
      verdict = sqlite.pragma('integrity_check', { simple: true });
    } catch (error) {
      throw new RestoreRefusedError(`${file} is not a readable SQLite database (${error instanceof Error ? error.message : String(error)}). Use another backup.`);
    }
    if (verdict !== 'ok') throw new RestoreRefusedError(`${file} is damaged (SQLite's integrity check says: ${String(verdict)}). Nothing was changed; use another backup.`);
    const applied = appliedMigrations(sqlite);
    if (applied === null) throw new RestoreRefusedError(`${file} is a SQLite database but not an Attune backup (it has no migration table). Nothing was changed.`);
    const unknown = applied.filter((name) => !(name in migrations));
    if (unknown.length > 0) {
      throw new RestoreRefusedError(`${file} was made by a newer version of Attune (it has ${unknown.join(', ')}). Nothing was changed; restore it with that version or a newer one.`);
    }
  } finally {
    sqlite.close();
  }
}

/**
 * Whether another process has the database open. In WAL mode the last connection to close
 * removes the -wal file; if it is still there after ours closes, someone else holds the database.
 * (A file left by a crash is recovered and removed by our connection, so it does not count.)
 */
function sqliteInUse(database: string): boolean {
  const sqlite = new BetterSqlite3(database, { fileMustExist: true, timeout: 2000 });
  try {
    sqlite.prepare('select count(*) from sqlite_master').get();
  } finally {
    sqlite.close();
  }
  return existsSync(`${database}-wal`);
}

async function fileFlush(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Restores `backupFile` as the SQLite database of `dataDir`. */
export async function sqliteRestore(dataDir: string, backupFile: string, nowMs: number): Promise<SqliteRestored> {
  const source = resolve(backupFile);
  const directory = resolve(dataDir);
  const database = join(directory, SQLITE_FILE_NAME);
  sqliteBackupCheck(source);
  if (source === database) throw new RestoreRefusedError(`${source} is the database itself; give the path of a backup file.`);
  const existing = await stat(database).catch(() => null);
  if (existing !== null && sqliteInUse(database)) {
    throw new RestoreRefusedError(
      `The database ${database} is in use by a running Attune server (or another program). Stop every server using DATA_DIR=${dataDir}, then run the restore again. Nothing was changed.`,
    );
  }
  if (!existsSync(directory)) throw new RestoreRefusedError(`DATA_DIR ${directory} does not exist; create it (or point DATA_DIR at the right folder) and run the restore again.`);
  const stamp = stampOf(nowMs);
  const incoming = join(directory, `${SQLITE_FILE_NAME}.restoring-${stamp}`);
  await copyFile(source, incoming);
  try {
    await fileFlush(incoming);
    let previousKeptAt: string | null = null;
    if (existing !== null) {
      previousKeptAt = join(directory, `${SQLITE_FILE_NAME}.before-restore-${stamp}`);
      // A second name for the old file: the swap below leaves it in place, untouched.
      await link(database, previousKeptAt).catch(async () => {
        await copyFile(database, previousKeptAt ?? '');
      });
    }
    // Stale side files would be read as part of the restored database.
    await rm(`${database}-wal`, { force: true });
    await rm(`${database}-shm`, { force: true });
    await rename(incoming, database);
    await fileFlush(directory);
    return { database, previousKeptAt };
  } finally {
    await rm(incoming, { force: true });
  }
}

/** Checks a Postgres backup with `pg_restore --list`. */
export async function postgresBackupCheck(backupFile: string, pgRestore = 'pg_restore'): Promise<void> {
  try {
    await run(pgRestore, ['--list', resolve(backupFile)], process.env);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (/ENOENT/.test(detail) && !existsSync(resolve(backupFile))) throw new RestoreRefusedError(`There is no file at ${resolve(backupFile)}. Check the path.`);
    if (/ENOENT/.test(detail)) throw new RestoreRefusedError('pg_restore is not installed here. Install the PostgreSQL client tools (the same major version as your database) and run the restore again.');
    throw new RestoreRefusedError(`${backupFile} is not a backup pg_restore can read (${detail}). Use an attune-….pgdump file made by Attune or by pg_dump --format=custom.`);
  }
}

/** Restores `backupFile` into the database of `databaseUrl`, all or nothing. */
export async function postgresRestore(databaseUrl: string, backupFile: string, pgRestore = 'pg_restore'): Promise<void> {
  await postgresBackupCheck(backupFile, pgRestore);
  const connection = pgConnectionOf(databaseUrl);
  const args = ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', '--no-password', `--dbname=${connection.dbname}`, resolve(backupFile)];
  try {
    await run(pgRestore, args, pgEnvironment(connection));
  } catch (error) {
    throw new RestoreRefusedError(
      `pg_restore could not restore ${backupFile}, and rolled everything back, so the database is as it was (${error instanceof Error ? error.message : String(error)}). ` +
        'Check that every Attune server is stopped and that DATABASE_URL is the database the backup came from.',
    );
  }
}
