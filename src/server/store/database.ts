/**
 * Opens the one database the server uses: embedded SQLite (default) or Postgres (DATABASE_URL).
 * Both come back as the same `Kysely<DatabaseSchema>`, so every store has a single set of queries.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseSchema } from './schema.ts';

/** Which engine an open database runs on. */
export type Dialect = 'sqlite' | 'postgres';

/** Minimal logging surface, so the store does not pick a logging library. */
export interface StoreLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Where the data lives: Postgres when `databaseUrl` is set, otherwise `<dataDir>/attune.sqlite`. */
export interface DatabaseConfig {
  databaseUrl?: string | undefined;
  dataDir: string;
  logger?: StoreLogger | undefined;
  /** Postgres pool size (default 10). */
  postgresPoolMax?: number | undefined;
}

/** An open database; `close()` ends the pool or closes the file. */
export interface OpenDatabase {
  db: Kysely<DatabaseSchema>;
  dialect: Dialect;
  /** The embedded connection itself, for the event log's hot path (null on Postgres). */
  sqlite: BetterSqlite3.Database | null;
  close(): Promise<void>;
}

/** File name of the embedded database inside the data directory. */
export const SQLITE_FILE_NAME = 'attune.sqlite';

/** Opens (and for SQLite creates) the database; does not migrate (see `migrateToLatest`). */
export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  if (config.databaseUrl !== undefined && config.databaseUrl !== '') {
    return openPostgres(config.databaseUrl, config);
  }
  return Promise.resolve(openSqlite(config));
}

function openSqlite(config: DatabaseConfig): OpenDatabase {
  mkdirSync(config.dataDir, { recursive: true });
  const path = join(config.dataDir, SQLITE_FILE_NAME);
  const sqlite = new BetterSqlite3(path, { timeout: 5000 });
  try {
    configureSqlite(sqlite, path);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  config.logger?.info('database: sqlite', { path, journalMode: 'wal', synchronous: 'full' });
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

/**
 * WAL lets readers run while one writer appends. synchronous=FULL, not NORMAL: in WAL mode NORMAL
 * already survives kill -9 (the committed WAL frames are in the OS page cache), but it skips the
 * fsync at each commit, so a power cut or kernel crash can lose the last acknowledged events. We
 * acknowledge an event only after commit, so the commit itself must reach the disk: one fsync per
 * append is the price. The values are read back because SQLite silently keeps another journal mode
 * when WAL is impossible (e.g. some network filesystems), and we would rather not start at all.
 */
function configureSqlite(sqlite: BetterSqlite3.Database, path: string): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');

  const journalMode: unknown = sqlite.pragma('journal_mode', { simple: true });
  const synchronous: unknown = sqlite.pragma('synchronous', { simple: true });
  const foreignKeys: unknown = sqlite.pragma('foreign_keys', { simple: true });
  const SYNCHRONOUS_FULL = 2;
  if (String(journalMode).toLowerCase() !== 'wal') {
    throw new Error(
      `SQLite at ${path}: journal_mode is ${String(journalMode)}, expected wal. ` +
        'Put DATA_DIR on a local filesystem that supports WAL (shared memory and file locks).',
    );
  }
  if (synchronous !== SYNCHRONOUS_FULL) {
    throw new Error(`SQLite at ${path}: synchronous is ${String(synchronous)}, expected 2 (FULL).`);
  }
  if (foreignKeys !== 1) {
    throw new Error(`SQLite at ${path}: foreign_keys is ${String(foreignKeys)}, expected 1 (ON).`);
  }
}

/** int8 (oid 20): every int8 we store is a ms timestamp or a seq, far below 2^53. */
function parseInt8(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) {
    throw new RangeError(`int8 value ${value} does not fit a JS number exactly`);
  }
  return parsed;
}

/**
 * Type parsers for this pool only (not `pg.types.setTypeParser`, which would change every pg user
 * in the process): int8 as number, everything else pg's defaults.
 */
function postgresTypes(): pg.TypeOverrides {
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, 'text', parseInt8);
  return types;
}

async function openPostgres(databaseUrl: string, config: DatabaseConfig): Promise<OpenDatabase> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    types: postgresTypes(),
    max: config.postgresPoolMax ?? 10,
  });
  // An idle client whose connection drops emits 'error' on the pool; unhandled, it kills the process.
  pool.on('error', (error) => {
    config.logger?.error('database: idle postgres client error', { error: error.message });
  });
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  try {
    // Fail at start, with the URL's host in the message, rather than at the first request.
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await db.destroy();
    const { host, port } = safeHost(databaseUrl);
    throw new Error(`Cannot connect to Postgres at ${host}:${port}`, { cause: error });
  }
  config.logger?.info('database: postgres', safeHost(databaseUrl));
  return { db, dialect: 'postgres', sqlite: null, close: () => db.destroy() };
}

/** Host and port only: the URL may carry a password. */
function safeHost(databaseUrl: string): { host: string; port: string } {
  try {
    const url = new URL(databaseUrl);
    return { host: url.hostname, port: url.port || '5432' };
  } catch {
    return { host: '(unparseable url)', port: '' };
  }
}
