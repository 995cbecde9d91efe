/**
 * Opens the one database the server uses: embedded SQLite (default) or Postgres (DATABASE_URL).
 * Both come back as the same `Kysely<DatabaseSchema>`, so every store has a single set of queries.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  DEFAULT_MIGRATION_LOCK_TABLE,
  DEFAULT_MIGRATION_TABLE,
  Kysely,
  PostgresDialect,
  sql,
  SqliteDialect,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';
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
  const sqlite = new BetterSqlite3(path, { timeout: SQLITE_SETTINGS.busyTimeoutMs });
  try {
    sqliteSettingsApply(sqlite, path);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  config.logger?.info('database: sqlite', { path, journalMode: 'wal', synchronous: 'full', foreignKeys: 'on', busyTimeoutMs: SQLITE_SETTINGS.busyTimeoutMs });
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

/** The SQLite settings Attune relies on; `sqliteSettingsApply` sets them and checks each one took. */
export const SQLITE_SETTINGS = {
  journalMode: 'wal',
  /** PRAGMA synchronous reads back as a number: 2 is FULL. */
  synchronous: 2,
  foreignKeys: 1,
  busyTimeoutMs: 5000,
} as const;

/**
 * WAL lets readers run while one writer appends. synchronous=FULL, not NORMAL: in WAL mode NORMAL
 * already survives kill -9 (the committed WAL frames are in the OS page cache), but it skips the
 * fsync at each commit, so a power cut or kernel crash can lose the last acknowledged events. We
 * acknowledge an event only after commit, so the commit itself must reach the disk: one fsync per
 * append is the price. foreign_keys keeps deletions whole; busy_timeout lets a second connection
 * (a backup, `attune` commands) wait for the writer instead of failing at once.
 *
 * Each value is read back, because SQLite silently keeps another journal mode when WAL is
 * impossible (an in-memory database, some network filesystems, a directory without shared-memory
 * support), and Attune would rather not start than run without the guarantees it promises.
 */
export function sqliteSettingsApply(sqlite: BetterSqlite3.Database, path: string): void {
  sqlite.pragma(`journal_mode = ${SQLITE_SETTINGS.journalMode}`);
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${String(SQLITE_SETTINGS.busyTimeoutMs)}`);

  const journalMode = String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase();
  if (journalMode !== SQLITE_SETTINGS.journalMode) {
    throw new Error(
      `Attune cannot start: SQLite would not use write-ahead logging (WAL) for ${path} (it kept journal_mode=${journalMode}). ` +
        'Attune needs WAL so that every saved event survives a crash. This usually means DATA_DIR is on a network or ' +
        'shared filesystem without file locks or shared memory. Put DATA_DIR on a local disk, or set DATABASE_URL to use Postgres.',
    );
  }
  const problems: string[] = [];
  const synchronous: unknown = sqlite.pragma('synchronous', { simple: true });
  if (synchronous !== SQLITE_SETTINGS.synchronous) problems.push(`synchronous is ${String(synchronous)}, not 2 (FULL)`);
  const foreignKeys: unknown = sqlite.pragma('foreign_keys', { simple: true });
  if (foreignKeys !== SQLITE_SETTINGS.foreignKeys) problems.push(`foreign_keys is ${String(foreignKeys)}, not 1 (ON)`);
  const busyTimeout: unknown = sqlite.pragma('busy_timeout', { simple: true });
  if (busyTimeout !== SQLITE_SETTINGS.busyTimeoutMs) problems.push(`busy_timeout is ${String(busyTimeout)}, not ${String(SQLITE_SETTINGS.busyTimeoutMs)}`);
  if (problems.length > 0) {
    throw new Error(
      `Attune cannot start: SQLite at ${path} did not take the settings it needs (${problems.join('; ')}). ` +
        'This SQLite build may have been compiled with different defaults; reinstall Attune\'s dependencies (npm ci) and try again.',
    );
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

/**
 * Kysely's Postgres introspector lists the tables of every schema in the database, and that query
 * fails ("schema … does not exist") when any other schema is dropped while it runs: migrations at
 * start then failed at random whenever schemas came and go in the same database (test runs sharing
 * one database by schema did it every few minutes). Attune introspects only to migrate (does a
 * table exist?), always in its own schema, so this reads the connection's current schema alone:
 * table names, without columns.
 */
class CurrentSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const result = await sql<{ name: string }>`select current_schema() as name`.execute(this.db);
    return result.rows;
  }

  async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const result = await sql<{ name: string; schema: string; kind: string }>`
      select table_name as name, table_schema as schema, table_type as kind
      from information_schema.tables
      where table_schema = current_schema()
      order by table_name`.execute(this.db);
    const kyselyOwn = new Set<string>([DEFAULT_MIGRATION_TABLE, DEFAULT_MIGRATION_LOCK_TABLE]);
    return result.rows
      .filter((row) => options.withInternalKyselyTables || !kyselyOwn.has(row.name))
      .map((row) => ({ name: row.name, schema: row.schema, isView: row.kind === 'VIEW', columns: [] }));
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

/** Postgres, introspecting its own schema only (see `CurrentSchemaIntrospector`). */
class OwnSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<DatabaseSchema>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
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
  const db = new Kysely<DatabaseSchema>({ dialect: new OwnSchemaPostgresDialect({ pool }) });
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
