/**
 * Appending to the event log on one better-sqlite3 connection, a batch at a time: one IMMEDIATE
 * transaction (one commit, one fsync) for the whole batch, each append inside its own savepoint,
 * so a failing append rolls back alone and the others are kept. Used on the server's own
 * connection (`SqliteEventStore` without a writer thread) and inside the writer thread.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { AppendInput, AppendResult, CommandRecord, JsonValue, StoredEvent } from './event-store.ts';
import { toJsonText } from './append-checks.ts';
import { commandRecordFromRow, errorIsUniqueViolation } from './rows.ts';
import type { SessionCommandsTable } from './schema.ts';

/** An error as it can cross a thread: its name, message and driver code. */
export interface AppendFailure {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

/** What became of one append of a batch, known once the batch's transaction has committed. */
export type BatchOutcome = { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly failure: AppendFailure };

/** An error from the driver as plain data. */
export function appendFailureOf(error: unknown): AppendFailure {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return code === undefined ? { name, message } : { name, message, code };
}

/** The failure as an Error again, of its own class where that is a standard one, driver code included. */
export function appendFailureError(failure: AppendFailure): Error {
  const error = failure.name === 'TypeError' ? new TypeError(failure.message) : failure.name === 'RangeError' ? new RangeError(failure.message) : new Error(failure.message);
  return Object.assign(error, failure.code === undefined ? { name: failure.name } : { name: failure.name, code: failure.code });
}

/** Batch appends on one connection (migrated to latest). */
export class SqliteAppender {
  private readonly selectCommand: BetterSqlite3.Statement<[string, string], SessionCommandsTable>;
  private readonly insertSession: BetterSqlite3.Statement<[string, number, string]>;
  private readonly claimSeqs: BetterSqlite3.Statement<[number, string, number]>;
  private readonly insertCommand: BetterSqlite3.Statement<[string, string, string, number, string, number | null, number | null]>;
  private readonly insertEvent: BetterSqlite3.Statement<[string, number, number, string, string, string, string]>;
  private readonly selectLastSeq: BetterSqlite3.Statement<[string], { last: number | null }>;
  private readonly batch: (inputs: readonly AppendInput[]) => BatchOutcome[];

  constructor(sqlite: BetterSqlite3.Database) {
    this.selectCommand = sqlite.prepare('select * from session_commands where session_id = ? and command_id = ?');
    this.insertSession = sqlite.prepare('insert into sessions (id, created_at_ms, created_by, last_seq) values (?, ?, ?, 0) on conflict (id) do nothing');
    this.claimSeqs = sqlite.prepare('update sessions set last_seq = ? where id = ? and last_seq = ?');
    this.insertCommand = sqlite.prepare(
      'insert into session_commands (session_id, command_id, actor_id, at_ms, outcome, first_seq, last_seq) values (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertEvent = sqlite.prepare(
      'insert into session_events (session_id, seq, at_ms, actor_id, command_id, type, body) values (?, ?, ?, ?, ?, ?, ?)',
    );
    this.selectLastSeq = sqlite.prepare('select max(seq) as last from session_events where session_id = ?');
    // Called inside the batch's transaction, better-sqlite3 runs this one as a savepoint.
    const appendOne = sqlite.transaction((input: AppendInput) => this.appendInTransaction(input));
    const batch = sqlite.transaction((inputs: readonly AppendInput[]) => inputs.map((input) => this.appendInSavepoint(appendOne, input)));
    // IMMEDIATE takes the write lock at BEGIN, so two writers never deadlock upgrading a read lock.
    this.batch = (inputs) => batch.immediate(inputs);
  }

  /** Appends every input in one committed transaction; throws only if the commit itself fails. */
  appendBatch(inputs: readonly AppendInput[]): BatchOutcome[] {
    return this.batch(inputs);
  }

  /** One append inside the batch: its savepoint rolls back alone when it fails. */
  private appendInSavepoint(appendOne: (input: AppendInput) => AppendResult, input: AppendInput): BatchOutcome {
    try {
      return { ok: true, result: appendOne(input) };
    } catch (error) {
      if (!errorIsUniqueViolation(error)) return { ok: false, failure: appendFailureOf(error) };
      const record = this.findCommandNow(input.sessionId, input.commandId);
      return { ok: true, result: record ? { kind: 'duplicate', record } : { kind: 'conflict', lastSeq: this.lastSeqNow(input.sessionId) } };
    }
  }

  private lastSeqNow(sessionId: string): number {
    return this.selectLastSeq.get(sessionId)?.last ?? 0;
  }

  private findCommandNow(sessionId: string, commandId: string): CommandRecord | null {
    const row = this.selectCommand.get(sessionId, commandId);
    return row ? commandRecordFromRow(row) : null;
  }

  private appendInTransaction(input: AppendInput): AppendResult {
    const { sessionId, expectedLastSeq, commandId, actorId, atMs } = input;
    const count = input.events.length;
    const newLastSeq = expectedLastSeq + count;
    if (expectedLastSeq === 0) this.insertSession.run(sessionId, atMs, actorId);
    if (this.claimSeqs.run(newLastSeq, sessionId, expectedLastSeq).changes === 0) {
      // A known command id wins over a stale seq: the client is retrying something that happened.
      const known = this.findCommandNow(sessionId, commandId);
      return known ? { kind: 'duplicate', record: known } : { kind: 'conflict', lastSeq: this.lastSeqNow(sessionId) };
    }
    // A repeated command id fails the primary key here; the savepoint rolls back and
    // `appendInSavepoint` answers with the first outcome.
    const outcomeText = toJsonText(input.outcome, 'outcome');
    const firstSeq = count === 0 ? null : expectedLastSeq + 1;
    const lastSeq = count === 0 ? null : newLastSeq;
    this.insertCommand.run(sessionId, commandId, actorId, atMs, outcomeText, firstSeq, lastSeq);
    const events: StoredEvent[] = input.events.map((event, index) => {
      const seq = expectedLastSeq + 1 + index;
      const bodyText = toJsonText(event.body, 'event body');
      this.insertEvent.run(sessionId, seq, atMs, actorId, commandId, event.type, bodyText);
      // Hand back what a reader will get, sharing no objects with the caller.
      return { sessionId, seq, atMs, actorId, commandId, type: event.type, body: JSON.parse(bodyText) as JsonValue };
    });
    const record: CommandRecord = { sessionId, commandId, actorId, atMs, outcome: JSON.parse(outcomeText) as JsonValue, firstSeq, lastSeq };
    return { kind: 'appended', events, record };
  }
}
