/**
 * The SQLite writer thread (see sqlite-append-writer.ts): its own connection to the SQLite file,
 * with the server's durability settings, appending each batch of events, or of stored body-signal
 * rows, the main thread posts in one transaction. The commit's fsync blocks this thread, not the
 * one serving sockets; and as every write of the node comes through here in turn, the two kinds
 * never wait on each other's lock.
 */
import BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { AppendInput } from './event-store.ts';
import type { StoredSignalRow } from './signal-store.ts';
import { appendFailureOf, SqliteAppender, type BatchOutcome, type AppendFailure } from './sqlite-appender.ts';
import { SqliteSignalAppender } from './sqlite-signal-appender.ts';

/** A batch posted by the main thread: event-log appends, or signal rows. */
export type AppendThreadRequest =
  | { readonly id: number; readonly inputs: readonly AppendInput[] }
  | { readonly id: number; readonly signalRows: readonly StoredSignalRow[] };

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
const signalAppender = new SqliteSignalAppender(sqlite);

function written(request: AppendThreadRequest): readonly BatchOutcome[] {
  if ('inputs' in request) return appender.appendBatch(request.inputs);
  signalAppender.append(request.signalRows);
  return [];
}

port.on('message', (request: AppendThreadRequest | 'close') => {
  if (request === 'close') {
    sqlite.close();
    port.close();
    return;
  }
  let reply: AppendThreadReply;
  try {
    reply = { id: request.id, outcomes: written(request) };
  } catch (error) {
    reply = { id: request.id, failure: appendFailureOf(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ id: 0, outcomes: [] } satisfies AppendThreadReply);
