/**
 * One session as this node holds it: the folded state, the last committed seq, the people
 * connected here, and a queue so this node handles the session's work one step at a time.
 * Other nodes may append too; the store's unique seq keeps one order, and `catchUp` brings
 * this node level with it.
 */
import type { SessionEvent } from '../../core/session/events.ts';
import { SESSION_INITIAL_STATE, sessionEvolve, type SessionState } from '../../core/session/state.ts';
import { CATCH_UP_PAGE_SIZE } from '../../core/protocol/messages.ts';
import type { EventStore, StoredEvent } from '../store/event-store.ts';
import type { Connection } from './connection.ts';

/** How many recent events a room keeps in memory, so live delivery needs no database read. */
export const ROOM_RECENT_EVENTS = 256;

/** A live session on this node. */
export class SessionRoom {
  state: SessionState = SESSION_INITIAL_STATE;
  lastSeq = 0;
  readonly connections = new Set<Connection>();
  /** The most recent committed events, contiguous, ending at `lastSeq`. */
  private recent: StoredEvent[] = [];
  private tail: Promise<unknown> = Promise.resolve();
  /** Set while the room waits to be let go because nobody is connected. */
  idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly sessionId: string,
    private readonly store: EventStore,
  ) {}

  /** Keeps the room: someone connected again. */
  cancelIdleRelease(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** Runs `work` after everything queued before it; a failure does not block what follows. */
  enqueue<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Reads everything committed after `lastSeq` and folds it in; returns what was new. */
  async catchUp(): Promise<StoredEvent[]> {
    const added: StoredEvent[] = [];
    for (;;) {
      const page = await this.store.readAfter(this.sessionId, this.lastSeq, CATCH_UP_PAGE_SIZE);
      this.apply(page);
      added.push(...page);
      if (page.length < CATCH_UP_PAGE_SIZE) return added;
    }
  }

  /** Folds committed events that follow `lastSeq` directly; anything else is ignored. */
  apply(events: readonly StoredEvent[]): void {
    for (const stored of events) {
      if (stored.seq !== this.lastSeq + 1) continue;
      this.state = sessionEvolve(this.state, stored.body as unknown as SessionEvent);
      this.lastSeq = stored.seq;
      this.recent.push(stored);
    }
    if (this.recent.length > ROOM_RECENT_EVENTS) this.recent = this.recent.slice(-ROOM_RECENT_EVENTS);
  }

  /** Committed events after `afterSeq` from memory, or null when they are older than memory holds. */
  recentAfter(afterSeq: number): StoredEvent[] | null {
    const first = this.recent[0];
    if (afterSeq >= this.lastSeq) return [];
    if (!first || first.seq > afterSeq + 1) return null;
    return this.recent.slice(afterSeq + 1 - first.seq);
  }
}
