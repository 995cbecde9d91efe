/**
 * In-memory `EventStore` for fast unit tests of the realtime hub. It keeps JSON text, as the
 * databases do, so a test cannot pass by sharing mutable objects with the store. Several
 * `MemoryEventStore`s built on one `MemoryEventLog` behave like several nodes on one database.
 */
import { checkAppendInput, toJsonText } from './append-checks.ts';
import type {
  AppendInput,
  AppendResult,
  CommandRecord,
  EventStore,
  JsonValue,
  StoredEvent,
} from './event-store.ts';

interface StoredText {
  event: Omit<StoredEvent, 'body'>;
  body: string;
}

interface CommandText {
  record: Omit<CommandRecord, 'outcome'>;
  outcome: string;
}

/** The shared "database" behind one or more memory stores. */
export class MemoryEventLog {
  /** Per session: events in seq order (index i holds seq i+1). */
  readonly events = new Map<string, StoredText[]>();
  /** Per session, per command id. */
  readonly commands = new Map<string, Map<string, CommandText>>();
}

/** `EventStore` held in process memory; lost on exit. */
export class MemoryEventStore implements EventStore {
  constructor(private readonly log: MemoryEventLog = new MemoryEventLog()) {}

  async appendForCommand(input: AppendInput): Promise<AppendResult> {
    checkAppendInput(input);
    // Serialise first so a body JSON cannot carry fails before anything is written.
    const bodies = input.events.map((event) => toJsonText(event.body, 'event body'));
    const outcome = toJsonText(input.outcome, 'outcome');
    // Yield once, like a real database round trip, so concurrent callers interleave.
    await Promise.resolve();

    const known = this.commandText(input.sessionId, input.commandId);
    if (known !== undefined) return { kind: 'duplicate', record: commandFromText(known) };
    const log = this.log.events.get(input.sessionId) ?? [];
    if (log.length !== input.expectedLastSeq) return { kind: 'conflict', lastSeq: log.length };

    const count = input.events.length;
    const stored: StoredText[] = input.events.map((event, index) => ({
      event: {
        sessionId: input.sessionId,
        seq: input.expectedLastSeq + 1 + index,
        atMs: input.atMs,
        actorId: input.actorId,
        commandId: input.commandId,
        type: event.type,
      },
      body: bodies[index] ?? 'null',
    }));
    const command: CommandText = {
      record: {
        sessionId: input.sessionId,
        commandId: input.commandId,
        actorId: input.actorId,
        atMs: input.atMs,
        firstSeq: count === 0 ? null : input.expectedLastSeq + 1,
        lastSeq: count === 0 ? null : input.expectedLastSeq + count,
      },
      outcome,
    };
    log.push(...stored);
    this.log.events.set(input.sessionId, log);
    const commands = this.log.commands.get(input.sessionId) ?? new Map<string, CommandText>();
    commands.set(input.commandId, command);
    this.log.commands.set(input.sessionId, commands);
    return {
      kind: 'appended',
      events: stored.map(eventFromText),
      record: commandFromText(command),
    };
  }

  readAfter(sessionId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]> {
    const log = this.log.events.get(sessionId) ?? [];
    const start = Math.max(0, Math.floor(afterSeq));
    const end = limit === undefined ? log.length : start + Math.max(0, limit);
    return Promise.resolve(log.slice(start, end).map(eventFromText));
  }

  lastSeq(sessionId: string): Promise<number> {
    return Promise.resolve(this.log.events.get(sessionId)?.length ?? 0);
  }

  findCommand(sessionId: string, commandId: string): Promise<CommandRecord | null> {
    const known = this.commandText(sessionId, commandId);
    return Promise.resolve(known === undefined ? null : commandFromText(known));
  }

  private commandText(sessionId: string, commandId: string): CommandText | undefined {
    return this.log.commands.get(sessionId)?.get(commandId);
  }
}

function eventFromText(stored: StoredText): StoredEvent {
  return { ...stored.event, body: JSON.parse(stored.body) as JsonValue };
}

function commandFromText(stored: CommandText): CommandRecord {
  return { ...stored.record, outcome: JSON.parse(stored.outcome) as JsonValue };
}
