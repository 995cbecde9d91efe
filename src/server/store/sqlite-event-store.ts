/**
 * The event log on embedded SQLite through better-sqlite3's prepared statements, run as one
 * synchronous IMMEDIATE transaction per append. Same contract and schema as `KyselyEventStore`
 * (the contract suite runs both against one file); it exists because the append is the hot path
 * and Kysely's per-statement async round trips cost about four times the commit itself here
 * (see bench/sqlite-append.bench.ts).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { checkAppendInput, toJsonText } from './append-checks.ts';
import type { AppendInput, AppendResult, CommandRecord, EventStore, JsonValue, StoredEvent } from './event-store.ts';
import { commandRecordFromRow, errorIsUniqueViolation, storedEventFromRow } from './rows.ts';
import type { SessionCommandsTable, SessionEventsTable } from './schema.ts';

/** `EventStore` on the embedded SQLite connection (migrated to latest). */
export class SqliteEventStore implements EventStore {
  private readonly selectCommand: BetterSqlite3.Statement<[string, string], SessionCommandsTable>;
  private readonly insertSession: BetterSqlite3.Statement<[string, number, string]>;
  private readonly claimSeqs: BetterSqlite3.Statement<[number, string, number]>;
  private readonly insertCommand: BetterSqlite3.Statement<[string, string, string, number, string, number | null, number | null]>;
  private readonly insertEvent: BetterSqlite3.Statement<[string, number, number, string, string, string, string]>;
  private readonly selectAfter: BetterSqlite3.Statement<[string, number, number], SessionEventsTable>;
  private readonly selectLastSeq: BetterSqlite3.Statement<[string], { last: number | null }>;
  private readonly append: (input: AppendInput) => AppendResult;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.selectCommand = sqlite.prepare('select * from session_commands where session_id = ? and command_id = ?');
    this.insertSession = sqlite.prepare('insert into sessions (id, created_at_ms, created_by, last_seq) values (?, ?, ?, 0) on conflict (id) do nothing');
    this.claimSeqs = sqlite.prepare('update sessions set last_seq = ? where id = ? and last_seq = ?');
    this.insertCommand = sqlite.prepare(
      'insert into session_commands (session_id, command_id, actor_id, at_ms, outcome, first_seq, last_seq) values (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertEvent = sqlite.prepare(
      'insert into session_events (session_id, seq, at_ms, actor_id, command_id, type, body) values (?, ?, ?, ?, ?, ?, ?)',
    );
    this.selectAfter = sqlite.prepare('select * from session_events where session_id = ? and seq > ? order by seq asc limit ?');
    this.selectLastSeq = sqlite.prepare('select max(seq) as last from session_events where session_id = ?');
    const transaction = sqlite.transaction((input: AppendInput) => this.appendInTransaction(input));
    // IMMEDIATE takes the write lock at BEGIN, so two processes never deadlock upgrading a read lock.
    this.append = (input) => transaction.immediate(input);
  }

  async appendForCommand(input: AppendInput): Promise<AppendResult> {
    checkAppendInput(input);
    // Kysely shares this connection: while one of its transactions is open (a relationship
    // change, an account deletion), a synchronous append here would become a savepoint inside it
    // and be acknowledged before that transaction commits, or lost if it rolls back. Wait it out.
    while (this.sqlite.inTransaction) await new Promise((resolve) => setImmediate(resolve));
    return this.appendNow(input);
  }

  private appendNow(input: AppendInput): Promise<AppendResult> {
    try {
      return Promise.resolve(this.append(input));
    } catch (error) {
      if (!errorIsUniqueViolation(error)) return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      const record = this.findCommandNow(input.sessionId, input.commandId);
      return Promise.resolve(record ? { kind: 'duplicate', record } : { kind: 'conflict', lastSeq: this.lastSeqNow(input.sessionId) });
    }
  }

  readAfter(sessionId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]> {
    return Promise.resolve(this.selectAfter.all(sessionId, afterSeq, limit ?? -1).map(storedEventFromRow));
  }

  lastSeq(sessionId: string): Promise<number> {
    return Promise.resolve(this.lastSeqNow(sessionId));
  }

  findCommand(sessionId: string, commandId: string): Promise<CommandRecord | null> {
    return Promise.resolve(this.findCommandNow(sessionId, commandId));
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
    // A repeated command id fails the primary key here; the transaction rolls back and
    // `appendForCommand` answers with the first outcome.
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
