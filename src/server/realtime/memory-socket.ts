/**
 * An in-memory socket for tests: it records what the hub sends and can be closed from either
 * side, with no network and no timers.
 */
import type { ServerMessage } from '../../core/protocol/messages.ts';
import type { EncodedText, RealtimeSocket } from './socket.ts';

/** A socket whose far end is the test itself. */
export class MemorySocket implements RealtimeSocket {
  readonly sent: ServerMessage[] = [];
  closed: { code: number; reason: string } | null = null;

  isOpen(): boolean {
    return this.closed === null;
  }

  send(frame: string | EncodedText): void {
    if (this.closed) throw new Error('send on a closed socket');
    const text = typeof frame === 'string' ? frame : frame.utf8.toString('utf8');
    this.sent.push(JSON.parse(text) as ServerMessage);
  }

  close(code: number, reason: string): void {
    this.closed ??= { code, reason };
  }

  bufferedBytes(): number {
    return 0;
  }

  /** Every message of one type received so far. */
  received<T extends ServerMessage['type']>(type: T): Extract<ServerMessage, { type: T }>[] {
    return this.sent.filter((message): message is Extract<ServerMessage, { type: T }> => message.type === type);
  }

  /** The seqs of every event received, in arrival order. */
  seqs(): number[] {
    return this.received('events').flatMap((message) => message.events.map((event) => event.seq));
  }
}
