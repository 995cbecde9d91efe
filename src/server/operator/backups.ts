/**
 * Backups of the whole instance, made on the operator's request into `<DATA_DIR>/backups/` on the
 * server's own disk.
 *
 * A BACKUP HOLDS EVERYONE'S CONTENT (sessions, check-ins, body signals, records, cycle maps,
 * reflections). It is therefore NEVER served over HTTP: no route reads, lists for download or
 * streams these files. The operator fetches them from the server's disk (scp, their host's file
 * tools) and keeps them as carefully as the database itself. The folder is made readable by the
 * server's user only, and so is each file.
 *
 * SQLite: `VACUUM INTO` a timestamped file, a consistent snapshot even while people write. It
 * runs in a worker thread on its own read-only connection, so live sessions on this node do not
 * stall while a large database is copied. Postgres: `pg_dump --format=custom` when pg_dump is on
 * the PATH (the password goes through the environment, never the command line); without it, the
 * answer says how to back up Postgres instead.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BackupView } from '../../core/protocol/operator-api.ts';
import { SQLITE_FILE_NAME } from '../store/database.ts';

/** The folder under DATA_DIR that backups go to. */
export const BACKUP_FOLDER = 'backups';
/** What a backup file is called: `attune-<UTC time>.sqlite` or `.pgdump`. */
const BACKUP_FILE = /^attune-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.(sqlite|pgdump)$/;
/** The longest a pg_dump may run. */
const PG_DUMP_TIMEOUT_MS = 60 * 60_000;

/** Said when this server cannot back up Postgres itself. */
export const POSTGRES_BACKUP_HOW_TO =
  'This server cannot back up Postgres itself because pg_dump is not installed here. Install the PostgreSQL client tools ' +
  '(the same major version as your database) on this server to make backups from this page, or back up with your own ' +
  'Postgres tools, for example: pg_dump --format=custom --file=attune.pgdump "$DATABASE_URL", or your provider\'s snapshots.';

/** Making and listing backups on this server's disk. */
export interface Backups {
  readonly database: 'sqlite' | 'postgres';
  /** Absolute path of the folder backups go to. */
  readonly directory: string;
  /** Null when this server can make a backup; otherwise how to back up instead. */
  unavailableReason(): Promise<string | null>;
  /** Makes a backup now (a second request while one runs gets the same one). */
  make(nowMs: number): Promise<BackupView>;
  /** The backups in the folder, newest first. */
  list(): Promise<BackupView[]>;
}

/** A backup that could not be made, with a sentence the operator can act on. */
export class BackupFailedError extends Error {
  override readonly name = 'BackupFailedError';
}

/** Where the backup folder of a deployment is. */
export function backupDirectoryOf(dataDir: string): string {
  return resolve(dataDir, BACKUP_FOLDER);
}

/** The file name of a backup made at `nowMs`. */
export function backupFileName(nowMs: number, extension: 'sqlite' | 'pgdump'): string {
  return `attune-${new Date(nowMs).toISOString().replace(/[:.]/g, '-')}.${extension}`;
}

/** When the backup called `fileName` was made, read back from its name. */
export function backupTimeOf(fileName: string): number | null {
  const stamp = /^attune-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\./.exec(fileName);
  if (stamp === null) return null;
  const [, day, hours, minutes, seconds, ms] = stamp;
  const time = Date.parse(`${day ?? ''}T${hours ?? ''}:${minutes ?? ''}:${seconds ?? ''}.${ms ?? ''}Z`);
  return Number.isNaN(time) ? null : time;
}

abstract class FolderBackups implements Backups {
  abstract readonly database: 'sqlite' | 'postgres';
  readonly directory: string;
  private running: Promise<BackupView> | null = null;

  constructor(dataDir: string) {
    this.directory = backupDirectoryOf(dataDir);
  }

  abstract unavailableReason(): Promise<string | null>;
  protected abstract write(path: string): Promise<void>;
  protected abstract readonly extension: 'sqlite' | 'pgdump';

  make(nowMs: number): Promise<BackupView> {
    this.running ??= this.makeNow(nowMs).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async makeNow(nowMs: number): Promise<BackupView> {
    const reason = await this.unavailableReason();
    if (reason !== null) throw new BackupFailedError(reason);
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    await chmod(this.directory, 0o700);
    // A name no backup has yet (two within one millisecond, or a clock set back).
    let atMs = nowMs;
    while (await stat(join(this.directory, backupFileName(atMs, this.extension))).then(() => true, () => false)) atMs += 1;
    const fileName = backupFileName(atMs, this.extension);
    const path = join(this.directory, fileName);
    await this.write(path);
    await chmod(path, 0o600);
    const info = await stat(path);
    return { fileName, path, sizeBytes: info.size, createdAtMs: atMs };
  }

  async list(): Promise<BackupView[]> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch {
      return [];
    }
    const views: BackupView[] = [];
    for (const fileName of names.filter((name) => BACKUP_FILE.test(name))) {
      const path = join(this.directory, fileName);
      const info = await stat(path).catch(() => null);
      if (info?.isFile() === true) views.push({ fileName, path, sizeBytes: info.size, createdAtMs: backupTimeOf(fileName) ?? Math.round(info.mtimeMs) });
    }
    return views.sort((a, b) => b.fileName.localeCompare(a.fileName));
  }
}

// Plain CommonJS for the worker: no TypeScript loader is needed inside it.
const VACUUM_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.library);
const db = new Database(workerData.source, { readonly: true, fileMustExist: true, timeout: 5000 });
try {
  db.prepare('VACUUM INTO ?').run(workerData.target);
  parentPort.postMessage({ ok: true });
} catch (error) {
  parentPort.postMessage({ ok: false, message: String(error && error.message || error) });
} finally {
  db.close();
}`;

/** SQLite: `VACUUM INTO` from a worker thread. */
export class SqliteBackups extends FolderBackups {
  readonly database = 'sqlite';
  protected readonly extension = 'sqlite';
  private readonly source: string;

  constructor(dataDir: string) {
    super(dataDir);
    this.source = resolve(dataDir, SQLITE_FILE_NAME);
  }

  unavailableReason(): Promise<string | null> {
    return Promise.resolve(null);
  }

  protected write(target: string): Promise<void> {
    const library = createRequire(import.meta.url).resolve('better-sqlite3');
    return new Promise((done, fail) => {
      const worker = new Worker(VACUUM_WORKER, { eval: true, execArgv: [], workerData: { library, source: this.source, target } });
      let answered = false;
      worker.once('message', (answer: { ok: boolean; message?: string }) => {
        answered = true;
        if (answer.ok) done();
        else fail(new BackupFailedError(`The backup could not be written: ${answer.message ?? 'unknown problem'}`));
      });
      worker.once('error', (error) => {
        answered = true;
        fail(new BackupFailedError(`The backup could not be written: ${error.message}`));
      });
      worker.once('exit', () => {
        if (!answered) fail(new BackupFailedError('The backup stopped before it finished.'));
      });
    });
  }
}

/** Postgres: `pg_dump --format=custom`, when pg_dump is installed. */
export class PostgresBackups extends FolderBackups {
  readonly database = 'postgres';
  protected readonly extension = 'pgdump';
  private pgDumpFound: Promise<boolean> | null = null;

  constructor(
    dataDir: string,
    private readonly databaseUrl: string,
    private readonly pgDump = 'pg_dump',
  ) {
    super(dataDir);
  }

  async unavailableReason(): Promise<string | null> {
    this.pgDumpFound ??= run(this.pgDump, ['--version'], process.env).then(
      () => true,
      () => false,
    );
    const found = await this.pgDumpFound;
    if (!found) this.pgDumpFound = null; // installed later: found on the next ask
    return found ? null : POSTGRES_BACKUP_HOW_TO;
  }

  protected async write(target: string): Promise<void> {
    const { args, password } = pgDumpArguments(this.databaseUrl, target);
    const env = { ...process.env, ...(password === null ? {} : { PGPASSWORD: password }) };
    try {
      await run(this.pgDump, args, env);
    } catch (error) {
      throw new BackupFailedError(`pg_dump could not make the backup: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** How libpq tools (pg_dump, pg_restore) reach the database of `databaseUrl`. */
export interface PgConnection {
  /** The URL without its password, for `--dbname`. */
  readonly dbname: string;
  /** For PGPASSWORD, so it never shows in the process list; null when the URL has none. */
  readonly password: string | null;
  /** The schema the URL pins with `options=-c search_path=…`, if any. */
  readonly schema: string | undefined;
}

/** Splits `databaseUrl` into what libpq tools need. */
export function pgConnectionOf(databaseUrl: string): PgConnection {
  const url = new URL(databaseUrl);
  const password = url.password === '' ? null : decodeURIComponent(url.password);
  url.password = '';
  const schema = /search_path\s*=\s*([A-Za-z0-9_]+)/.exec(url.searchParams.get('options') ?? '')?.[1];
  // libpq reads %20, not '+', as a space: write the query back with encodeURIComponent.
  const query = [...url.searchParams].map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
  url.search = query === '' ? '' : `?${query}`;
  return { dbname: url.toString(), password, schema };
}

/** The environment for a libpq tool: the password through PGPASSWORD when there is one. */
export function pgEnvironment(connection: PgConnection): NodeJS.ProcessEnv {
  return { ...process.env, ...(connection.password === null ? {} : { PGPASSWORD: connection.password }) };
}

/**
 * pg_dump's arguments for `databaseUrl`: the URL without its password (which goes in PGPASSWORD,
 * so it never shows in the process list), and `--schema` when the URL pins a search_path (one
 * database shared by several deployments, each in its own schema).
 */
export function pgDumpArguments(databaseUrl: string, target: string): { readonly args: string[]; readonly password: string | null } {
  const { dbname, password, schema } = pgConnectionOf(databaseUrl);
  const args = ['--format=custom', '--no-password', `--file=${target}`, ...(schema === undefined ? [] : [`--schema=${schema}`]), `--dbname=${dbname}`];
  return { args, password };
}

/** Runs a PostgreSQL client tool; rejects with its own words (stderr) when it fails. */
export function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    execFile(command, args, { env, timeout: PG_DUMP_TIMEOUT_MS, maxBuffer: 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error === null) done();
      else fail(new Error(stderr.trim() === '' ? error.message : stderr.trim()));
    });
  });
}

/** The backups of a deployment. */
export function backupsFor(config: { readonly dataDir: string; readonly databaseUrl: string | undefined }): Backups {
  return config.databaseUrl === undefined ? new SqliteBackups(config.dataDir) : new PostgresBackups(config.dataDir, config.databaseUrl);
}
