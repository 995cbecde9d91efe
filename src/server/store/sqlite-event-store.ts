/**
 * The event log on embedded SQLite through better-sqlite3's prepared statements. Same contract and
 * schema as `KyselyEventStore` (the contract suite runs both against one file); it exists because
 * the append is the hot path and Kysely's per-statement async round trips cost about four times
 * the commit itself here (see bench/sqlite-append.bench.ts).
 *
 * Group commit: appends asked for while the previous batch was being written (many sessions at
 * once under load) are written together in one transaction, each inside its own savepoint, and
 * committed once: one fsync for all of them instead of one each (sqlite-appender.ts). Each
 * append's promise settles only after that commit, so nothing is acknowledged before it is
 * durable; a failing append rolls back its own savepoint only.
 *
 * With `writerThread` (what the server uses) the batches are written by a thread of their own on
 * a second connection (sqlite-append-writer.ts), so the fsync never blocks the event loop that
 * serves every socket (bench/live-load.bench.ts). Without it, on this connection.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { checkAppendInput, toJsonText } from './append-checks.ts';
import type { AppendInput, AppendResult, CommandRecord, EventStore, JsonValue, StoredEvent } from './event-store.ts';
import { commandRecordFromRow, storedEventFromRow } from './rows.ts';
import type { SessionCommandsTable, SessionEventsTable } from './schema.ts';
import { appendFailureError, SqliteAppender, type BatchOutcome } from './sqlite-appender.ts';
import { SqliteAppendWriter } from './sqlite-append-writer.ts';

/** An append waiting for the next group commit. */
interface WaitingAppend {
  readonly input: AppendInput;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The input as plain JSON data, so it can be posted to the writer thread: what cannot be stored
 * fails here, on this append alone (a TypeError, as on the main connection), not in the thread
 * for the whole batch.
 */
function asPlainJson(input: AppendInput): AppendInput {
  const plain = (value: JsonValue, what: string) => JSON.parse(toJsonText(value, what)) as JsonValue;
  return { ...input, outcome: plain(input.outcome, 'outcome'), events: input.events.map((event) => ({ type: event.type, body: plain(event.body, 'event body') })) };
}

/** How appends are committed. */
export interface SqliteEventStoreOptions {
  /** Commit on a thread of its own (needs a database file, not `:memory:`). */
  readonly writerThread?: boolean;
}

/** `EventStore` on the embedded SQLite connection (migrated to latest). */
export class SqliteEventStore implements EventStore {
  private readonly selectCommand: BetterSqlite3.Statement<[string, string], SessionCommandsTable>;
  private readonly selectAfter: BetterSqlite3.Statement<[string, number, number], SessionEventsTable>;
  private readonly selectLastSeq: BetterSqlite3.Statement<[string], { last: number | null }>;
  /** Null when batches are written on the writer thread. */
  private readonly appender: SqliteAppender | null;
  /** The writer thread this store started, if any; other SQLite writes may share it. */
  readonly writer: SqliteAppendWriter | null;
  /** Appends waiting for the next group commit. */
  private waiting: WaitingAppend[] = [];
  private commitScheduled = false;
  private committing = false;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    options: SqliteEventStoreOptions = {},
  ) {
    this.selectCommand = sqlite.prepare('select * from session_commands where session_id = ? and command_id = ?');
    this.selectAfter = sqlite.prepare('select * from session_events where session_id = ? and seq > ? order by seq asc limit ?');
    this.selectLastSeq = sqlite.prepare('select max(seq) as last from session_events where session_id = ?');
    const threaded = options.writerThread === true && !sqlite.memory;
    this.writer = threaded ? new SqliteAppendWriter(sqlite.name) : null;
    this.appender = threaded ? null : new SqliteAppender(sqlite);
  }

  appendForCommand(input: AppendInput): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      // A bad input rejects this append's promise, as it would from an async function.
      checkAppendInput(input);
      this.waiting.push({ input: this.writer === null ? input : asPlainJson(input), resolve, reject });
      this.scheduleCommit();
    });
  }

  /** Stops the writer thread, if there is one (after the store's last append). */
  async close(): Promise<void> {
    await this.writer?.close();
  }

  private scheduleCommit(): void {
    if (this.commitScheduled || this.committing) return;
    this.commitScheduled = true;
    // After this turn of the event loop, so every append asked for in it joins the batch.
    setImmediate(() => {
      void this.commitWaiting();
    });
  }

  /** Writes what is waiting, batch after batch (what arrives during a commit forms the next). */
  private async commitWaiting(): Promise<void> {
    this.commitScheduled = false;
    this.committing = true;
    try {
      while (this.waiting.length > 0) {
        // On this connection, Kysely shares it: while one of its transactions is open (a
        // relationship change, an account deletion), an append here would become a savepoint
        // inside it and be acknowledged before that transaction commits, or lost if it rolls
        // back. Wait it out. (The writer thread has its own connection; SQLite's lock orders them.)
        if (this.writer === null) while (this.sqlite.inTransaction) await new Promise((resolve) => setImmediate(resolve));
        const batch = this.waiting;
        this.waiting = [];
        await this.commitBatch(batch);
      }
    } finally {
      this.committing = false;
    }
  }

  private async commitBatch(batch: readonly WaitingAppend[]): Promise<void> {
    let outcomes: readonly BatchOutcome[];
    try {
      const inputs = batch.map((waiting) => waiting.input);
      outcomes = this.writer === null ? (this.appender?.appendBatch(inputs) ?? []) : await this.writer.write(inputs);
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const waiting of batch) waiting.reject(failure);
      return;
    }
    batch.forEach((waiting, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok === true) waiting.resolve(outcome.result);
      else waiting.reject(outcome === undefined ? new Error('append outcome missing') : appendFailureError(outcome.failure));
    });
  }

  readAfter(sessionId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]> {
    return Promise.resolve(this.selectAfter.all(sessionId, afterSeq, limit ?? -1).map(storedEventFromRow));
  }

  lastSeq(sessionId: string): Promise<number> {
    return Promise.resolve(this.selectLastSeq.get(sessionId)?.last ?? 0);
  }

  findCommand(sessionId: string, commandId: string): Promise<CommandRecord | null> {
    const row = this.selectCommand.get(sessionId, commandId);
    return Promise.resolve(row ? commandRecordFromRow(row) : null);
  }
}
