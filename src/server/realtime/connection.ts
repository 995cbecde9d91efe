/**
 * One person's device connected to one session. It remembers the last seq it has sent, so the
 * device receives every committed event exactly once and in order, and it receives events only
 * while its person is in the session: someone who has not joined, or has left, sees nothing.
 */
import {
  CATCH_UP_PAGE_SIZE,
  CLOSE_CODES,
  type ServerMessage,
  type WireEvent,
} from '../../core/protocol/messages.ts';
import type { SessionEvent } from '../../core/session/events.ts';
import { sessionIsPresent } from '../../core/session/queries.ts';
import { sessionEventForViewer } from '../../core/session/visibility.ts';
import type { EventStore, StoredEvent } from '../store/event-store.ts';
import type { EncodedText, RealtimeSocket } from './socket.ts';
import type { SessionRoom } from './session-room.ts';
import type { TokenBucket } from './token-bucket.ts';

/** Who is on the other end, as established when the socket was opened. */
export interface ConnectionIdentity {
  readonly identityId: string;
  readonly kind: 'account' | 'guest';
  /** When the identity stops being valid; null for never. Checked on every command. */
  readonly expiresAtMs: number | null;
}

/** A socket queued this much and still unread is too slow to follow; it reconnects and catches up. */
export const SLOW_READER_MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** Why a slow reader's socket was closed. */
const SLOW_READER_CLOSE_REASON = 'Connection too slow to follow; reconnect to catch up.';
/** Past this much queued, live body samples are skipped for that device: they would arrive stale. */
export const SLOW_READER_SKIP_SIGNALS_BYTES = 256 * 1024;

/** The event as this viewer may see it, on the wire. */
export function wireEventFor(stored: StoredEvent, viewerId: string): WireEvent {
  return {
    seq: stored.seq,
    atMs: stored.atMs,
    event: sessionEventForViewer(stored.body as unknown as SessionEvent, viewerId) as WireEvent['event'],
  };
}

/** A connected device. Every method runs inside its room's queue, so deliveries never overlap. */
export class Connection {
  /** Set once the device said hello with the last seq it holds. */
  sentSeq: number | null = null;
  private announcedCaughtUp = false;

  constructor(
    readonly socket: RealtimeSocket,
    readonly identity: ConnectionIdentity,
    readonly room: SessionRoom,
    readonly bucket: TokenBucket,
  ) {}

  /** Sends one message if the socket is still open. */
  send(message: ServerMessage): void {
    if (!this.socket.isOpen()) return;
    // A device that does not read would otherwise have every answer queued for it without bound.
    if (this.socket.bufferedBytes() > SLOW_READER_MAX_BUFFERED_BYTES) {
      this.socket.close(CLOSE_CODES.policyViolation, SLOW_READER_CLOSE_REASON);
      return;
    }
    this.socket.send(JSON.stringify(message));
  }

  /**
   * Sends an already serialised message (one batch shared by many viewers) if the socket is
   * open and keeping up; a device that has fallen behind misses live samples rather than
   * queueing them. Returns whether it went out.
   */
  sendText(frame: EncodedText): boolean {
    if (!this.socket.isOpen() || this.socket.bufferedBytes() > SLOW_READER_SKIP_SIGNALS_BYTES) return false;
    this.socket.send(frame);
    return true;
  }

  /** Starts delivery from the seq the device already holds (never beyond the log's end). */
  startFrom(lastSeq: number): void {
    this.sentSeq = Math.min(lastSeq, this.room.lastSeq);
  }

  /** Whether this device's person is in the session now: the authorisation for every read. */
  mayRead(): boolean {
    return sessionIsPresent(this.room.state, this.identity.identityId);
  }

  /** Sends every committed event the device has not had yet, if its person may read them now. */
  async deliver(store: EventStore): Promise<void> {
    if (this.sentSeq === null || !this.mayRead()) return;
    while (this.socket.isOpen() && this.sentSeq < this.room.lastSeq) {
      const batch =
        this.room.recentAfter(this.sentSeq) ??
        (await store.readAfter(this.room.sessionId, this.sentSeq, CATCH_UP_PAGE_SIZE));
      if (this.sendEvents(batch) === 0) break;
    }
    if (!this.announcedCaughtUp && this.socket.isOpen()) {
      this.announcedCaughtUp = true;
      this.send({ type: 'caughtUp', lastSeq: this.sentSeq });
    }
    if (this.socket.bufferedBytes() > SLOW_READER_MAX_BUFFERED_BYTES) {
      this.socket.close(CLOSE_CODES.policyViolation, SLOW_READER_CLOSE_REASON);
    }
  }

  /** Sends the contiguous run of events that follows `sentSeq`; returns how many. */
  private sendEvents(batch: readonly StoredEvent[]): number {
    let expected = (this.sentSeq ?? 0) + 1;
    const events: WireEvent[] = [];
    for (const stored of batch) {
      if (stored.seq < expected) continue;
      if (stored.seq !== expected) break;
      events.push(wireEventFor(stored, this.identity.identityId));
      expected += 1;
    }
    if (events.length === 0) return 0;
    this.send({ type: 'events', events });
    this.sentSeq = expected - 1;
    return events.length;
  }
}
