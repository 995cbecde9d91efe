/**
 * A raw live-session socket for fuzzing: sends any frame (text, binary, bytes that are not
 * UTF-8), keeps every message the server sends, and pairs each frame with a ping sent right after
 * it, so what the server said about that frame is exactly what arrived before the pong.
 */
import { WebSocket } from 'ws';
import { PROTOCOL_VERSION } from '../../../core/protocol/messages.ts';
import { wsRawDataText } from '../../realtime/ws-route.ts';
import type { FuzzFrame } from './realtime-frames.ts';

/** A message from the server as it arrived (parsed when it was JSON). */
export type ServerFrame = { readonly type?: unknown; readonly code?: unknown; readonly message?: unknown; readonly pingId?: unknown } & Record<string, unknown>;

/** What came back for one frame. */
export interface FrameAnswer {
  readonly messages: readonly ServerFrame[];
  readonly closed: { readonly code: number; readonly reason: string } | null;
}

/** Pings that mark the end of a frame's answer use ids from here up, clear of fuzzed ones. */
const MARKER_PING_BASE = 2 ** 40;

export class FuzzSocket {
  readonly messages: ServerFrame[] = [];
  closed: { code: number; reason: string } | null = null;
  private readonly watchers = new Set<() => void>();
  private markerSerial = 0;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = wsRawDataText(data);
      try {
        this.messages.push(JSON.parse(text) as ServerFrame);
      } catch {
        this.messages.push({ type: 'unparsable', text });
      }
      this.notify();
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.notify();
    });
    socket.on('error', () => undefined);
  }

  /** Opens the live socket of `sessionId` as `cookie`, and says hello. */
  static async open(baseUrl: string, cookie: string, sessionId: string, lastSeq = 0): Promise<FuzzSocket> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/sessions/${sessionId}/live`, { headers: { cookie }, origin: baseUrl });
    const fuzz = new FuzzSocket(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => { resolve(); });
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) => { reject(new Error(`upgrade refused with HTTP ${String(response.statusCode)}`)); });
    });
    await fuzz.waitFor(() => fuzz.messages.some((message) => message.type === 'welcome'), 'welcome');
    // Events (and `caughtUp`) follow only once this person has joined; the hello is enough here.
    socket.send(JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, lastSeq }));
    return fuzz;
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Sends a command (a JSON text frame) and waits for its acknowledgement. */
  async command(commandId: string, command: object): Promise<ServerFrame> {
    this.socket.send(JSON.stringify({ type: 'command', commandId, command }));
    let ack: ServerFrame | undefined;
    await this.waitFor(() => (ack = this.messages.find((message) => message.type === 'ack' && message.commandId === commandId)) !== undefined, `ack of ${commandId}`);
    if (ack === undefined) throw new Error('unreachable');
    return ack;
  }

  /** Sends `frame`, then a marker ping; resolves with what arrived before the pong, or the close. */
  async exchange(frame: FuzzFrame, timeoutMs = 15_000): Promise<FrameAnswer> {
    const from = this.messages.length;
    this.markerSerial += 1;
    const pingId = MARKER_PING_BASE + this.markerSerial;
    this.socket.send(frame.data, { binary: frame.binary });
    if (this.isOpen) this.socket.send(JSON.stringify({ type: 'ping', pingId, clientSentAtMs: 0 }));
    await this.waitFor(() => this.closed !== null || this.messages.slice(from).some((message) => message.type === 'pong' && message.pingId === pingId), `the answer to ${frame.what}`, timeoutMs);
    const upTo = this.messages.findIndex((message, index) => index >= from && message.type === 'pong' && message.pingId === pingId);
    return { messages: this.messages.slice(from, upTo === -1 ? undefined : upTo), closed: upTo === -1 ? this.closed : null };
  }

  /** Lets go of the messages kept so far (a long burst would otherwise keep them all). */
  forget(): void {
    this.messages.length = 0;
  }

  /** Closes from this side and waits for it. */
  async close(): Promise<void> {
    if (this.closed !== null) return;
    this.socket.close(1000, 'done');
    await this.waitFor(() => this.closed !== null, 'close');
  }

  /** Resolves once `predicate` holds, or rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.watchers.delete(check);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.watchers.delete(check);
        resolve();
      };
      this.watchers.add(check);
    });
  }

  private notify(): void {
    for (const watcher of [...this.watchers]) watcher();
  }
}
