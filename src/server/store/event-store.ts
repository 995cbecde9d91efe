/**
 * The event log of live sessions, as the realtime hub sees it. The hub depends only on this
 * interface; `KyselyEventStore` (SQLite or Postgres) and `MemoryEventStore` implement it, and
 * `eventStoreContract` checks that they behave the same.
 */

/** Any value JSON can carry; event bodies and command outcomes are stored as JSON text. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [k: string]: JsonValue };

/** One event of a session's log, numbered 1..n without gaps. */
export interface StoredEvent {
  sessionId: string;
  seq: number;
  atMs: number;
  actorId: string;
  commandId: string | null;
  type: string;
  body: JsonValue;
}

/** What a command id led to, kept so that a retried command gets the first outcome again. */
export interface CommandRecord {
  sessionId: string;
  commandId: string;
  actorId: string;
  atMs: number;
  outcome: JsonValue;
  /** Seqs of the events the command appended; both null for a rejected command (no events). */
  firstSeq: number | null;
  lastSeq: number | null;
}

/** An event to append: the store assigns session, seq, time, actor and command id. */
export interface NewEvent {
  type: string;
  body: JsonValue;
}

/** Input of `EventStore.appendForCommand`. */
export interface AppendInput {
  sessionId: string;
  /** The seq of the last event the decision was made on; 0 for an empty session. */
  expectedLastSeq: number;
  commandId: string;
  actorId: string;
  atMs: number;
  /** Empty for a rejected command: only the command record is written. */
  events: readonly NewEvent[];
  outcome: JsonValue;
}

/** Result of `EventStore.appendForCommand`; only a thrown error means "unknown, storage failed". */
export type AppendResult =
  /** Committed; seqs expectedLastSeq+1.. (empty for a recorded rejection). */
  | { kind: 'appended'; events: StoredEvent[]; record: CommandRecord }
  /** That command id was already recorded: nothing was added; answer with `record.outcome`. */
  | { kind: 'duplicate'; record: CommandRecord }
  /** Another writer appended first (or expectedLastSeq was wrong): reload from `lastSeq` and decide again. */
  | { kind: 'conflict'; lastSeq: number };

/** Append-only per-session event log with idempotent commands. */
export interface EventStore {
  /**
   * In ONE transaction: inserts the events with seqs expectedLastSeq+1.. and the command record;
   * resolves only after commit. A rejected command is recorded the same way with `events: []`, so
   * a retry of that id gets the same rejection (it still checks expectedLastSeq, because the
   * rejection was decided on that state). A known command id wins over a seq conflict.
   */
  appendForCommand(input: AppendInput): Promise<AppendResult>;
  /** Events with seq > afterSeq, ordered by seq ascending, at most `limit` of them when given. */
  readAfter(sessionId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]>;
  /** Seq of the session's last event; 0 when it has none. */
  lastSeq(sessionId: string): Promise<number>;
  /** The record of a command id in a session, or null if that id was never recorded. */
  findCommand(sessionId: string, commandId: string): Promise<CommandRecord | null>;
  /**
   * Optional, for stores that several nodes write (Postgres): waits for the session's write lock,
   * hands `decide` every event committed after `knownLastSeq`, and appends what it decides before
   * letting go, so the append cannot conflict. Writers then take turns in the order they asked;
   * without it, a node that keeps losing the optimistic race can lose every retry while another
   * node appends back to back.
   */
  appendInTurn?(input: InTurnInput): Promise<InTurnResult>;
}

/** Input of `EventStore.appendInTurn`. */
export interface InTurnInput {
  sessionId: string;
  commandId: string;
  actorId: string;
  /** The last seq the caller holds; `decide` gets the events after it. */
  knownLastSeq: number;
  /** Called once, with the lock held: the events the caller missed, oldest first; returns the decision. */
  decide(missed: readonly StoredEvent[]): InTurnDecision;
}

/** What a command came to, decided on the whole log. */
export interface InTurnDecision {
  atMs: number;
  /** Empty for a rejected command: only the command record is written. */
  events: readonly NewEvent[];
  outcome: JsonValue;
}

/** Result of `EventStore.appendInTurn`. */
export type InTurnResult =
  | { kind: 'appended'; events: StoredEvent[]; record: CommandRecord }
  /** That command id was already recorded (decide was not called): answer with `record.outcome`. */
  | { kind: 'duplicate'; record: CommandRecord };
