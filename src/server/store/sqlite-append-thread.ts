/**
 * The event log's writer thread (see sqlite-append-writer.ts): its own connection to the SQLite
 * file, with the server's durability settings, appending each batch the main thread posts in one
 * transaction. The commit's fsync blocks this thread, not the one serving sockets.
 */
import BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { AppendInput } from './event-store.ts';
import { appendFailureOf, SqliteAppender, type BatchOutcome, type AppendFailure } from './sqlite-appender.ts';

/** A batch posted by the main thread. */
export interface AppendThreadRequest {
  readonly id: number;
  readonly inputs: readonly AppendInput[];
}

/** The answer: every append's outcome after the commit, or why the whole batch failed. Id 0: ready. */
export type AppendThreadReply =
  | { readonly id: number; readonly outcomes: readonly BatchOutcome[] }
  | { readonly id: number; readonly failure: AppendFailure };

const port = parentPort;
if (port === null) throw new Error('sqlite-append-thread must run in a worker thread');
const { path } = workerData as { path: string };

const SYNCHRONOUS_FULL = 2;
const sqlite = new BetterSqlite3(path, { timeout: 5000 });
// The same settings as the server's connection (database.ts): an acknowledged event is on disk.
sqlite.pragma('synchronous = FULL');
sqlite.pragma('foreign_keys = ON');
sqlite.pragma('busy_timeout = 5000');
if (sqlite.pragma('synchronous', { simple: true }) !== SYNCHRONOUS_FULL) throw new Error(`SQLite at ${path}: the writer thread could not set synchronous=FULL`);
if (String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') throw new Error(`SQLite at ${path}: the writer thread expected WAL`);
const appender = new SqliteAppender(sqlite);

port.on('message', (request: AppendThreadRequest | 'close') => {
  if (request === 'close') {
    sqlite.close();
    port.close();
    return;
  }
  let reply: AppendThreadReply;
  try {
    reply = { id: request.id, outcomes: appender.appendBatch(request.inputs) };
  } catch (error) {
    reply = { id: request.id, failure: appendFailureOf(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ id: 0, outcomes: [] } satisfies AppendThreadReply);
