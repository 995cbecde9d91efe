/**
 * A small Node client for a running Attune server, as a browser page would talk to it: JSON over
 * HTTP with the identity cookie and the page's Origin (the server's CSRF check), then the live
 * session's WebSocket (hello, join, commands, clock-sync pings, body signals). The wire format is
 * core/protocol/messages.ts; the clock offset is estimated NTP-style with core/time/clock-offset.ts.
 */
import { WebSocket, type RawData } from 'ws';
import type { z } from 'zod';
import { OPEN_BOUNDARIES } from '../core/boundaries/boundary.ts';
import {
  PROTOCOL_VERSION,
  type CommandOutcome,
  type ServerMessage,
} from '../core/protocol/messages.ts';
import type { SignalSample, SignalsMessage } from '../core/protocol/signals.ts';
import {
  clockSyncAddSample,
  clockSyncEmpty,
  clockSyncEstimate,
  type ClockSyncState,
} from '../core/time/clock-offset.ts';
import { clientTimeMs, serverTimeMs } from '../core/time/instant.ts';

/** A problem a person can act on, worded for them; the CLI prints only its message. */
export class SimulateError extends Error {
  override readonly name = 'SimulateError';
}

/** How long a command or a ping may wait for its answer. */
const ANSWER_TIMEOUT_MS = 10_000;

/** The text of a `ws` message, whichever form `ws` delivered it in. */
function rawDataText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

/** A fresh id for a command; unique enough within one run of the CLI. */
let commandSerial = 0;
function commandIdNew(): string {
  commandSerial += 1;
  return `sim-${process.pid.toString(36)}-${Date.now().toString(36)}-${commandSerial}`;
}

/** The server's error sentence from an error body, if it has one. */
function errorMessageOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const { error } = body;
  if (typeof error !== 'object' || error === null || !('message' in error)) return null;
  return typeof error.message === 'string' ? error.message : null;
}

/** JSON over HTTP to one Attune server, sending its own origin as a page of it would. */
export class AttuneHttp {
  readonly origin: string;

  constructor(readonly baseUrl: string) {
    this.origin = new URL(baseUrl).origin;
  }

  /** Calls `path`; throws a SimulateError a person can act on when the server cannot be reached. */
  async json(
    path: string,
    options: { method?: string; body?: unknown; cookie?: string } = {},
  ): Promise<{ status: number; body: unknown; cookie: string | undefined }> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method: options.method ?? 'GET',
        headers: {
          origin: this.origin,
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options.cookie === undefined ? {} : { cookie: options.cookie }),
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
      });
    } catch (error) {
      throw new SimulateError(
        `Could not reach an Attune server at ${this.baseUrl} (${error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error)}).\n` +
          'Start one with `attune serve` (or `npm start`), or pass its address with --url.',
      );
    }
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      throw new SimulateError(
        `${this.baseUrl} answered, but not like an Attune server (HTTP ${response.status}). Check --url.`,
      );
    }
    if (response.status === 403 && errorMessageOf(body)?.includes('does not trust') === true) {
      throw new SimulateError(
        `The server at ${this.baseUrl} refused requests from ${this.origin}: it only trusts its PUBLIC_ORIGIN.\n` +
          'Pass --url with the address people open Attune at (the server’s PUBLIC_ORIGIN).',
      );
    }
    const setCookie = response.headers.get('set-cookie');
    return {
      status: response.status,
      body,
      cookie: setCookie === null ? undefined : setCookie.split(';')[0],
    };
  }

  /**
   * Like `json`, insisting on `status` and a body of `shape`; otherwise a SimulateError with the
   * server's own sentence.
   */
  async expect<T>(
    status: number,
    what: string,
    shape: z.ZodType<T>,
    path: string,
    options: { method?: string; body?: unknown; cookie?: string } = {},
  ): Promise<{ body: T; cookie: string | undefined }> {
    const answer = await this.json(path, options);
    if (answer.status !== status) {
      throw new SimulateError(
        `${what} did not work (HTTP ${answer.status}): ${errorMessageOf(answer.body) ?? 'the server gave no reason.'}`,
      );
    }
    const parsed = shape.safeParse(answer.body);
    if (!parsed.success)
      throw new SimulateError(
        `${what}: ${this.baseUrl} answered, but not like this version of Attune. Check --url.`,
      );
    return { body: parsed.data, cookie: answer.cookie };
  }
}

type PongMessage = Extract<ServerMessage, { type: 'pong' }>;
type ErrorMessage = Extract<ServerMessage, { type: 'error' }>;

/** One person's live connection to a session. */
export class LiveSocket {
  participantId = '';
  present = false;
  private clock: ClockSyncState = clockSyncEmpty();
  /** Server minus this machine's clock, in ms; first from the welcome, then from pings. */
  private offsetMs = 0;
  private pingSerial = 0;
  private readonly waitingAcks = new Map<
    string,
    { resolve: (outcome: CommandOutcome) => void; reject: (error: Error) => void }
  >();
  private readonly waitingPongs = new Map<
    number,
    (pong: PongMessage, receivedAtMs: number) => void
  >();
  private readonly signalListeners = new Set<(message: SignalsMessage) => void>();
  private readonly errorListeners = new Set<(message: ErrorMessage) => void>();
  private closeListener: ((code: number, reason: string) => void) | null = null;
  private closedByUs = false;

  private constructor(private readonly socket: WebSocket) {}

  /** Opens the session's live socket as the person behind `cookie`, says hello and waits for the welcome. */
  static async open(http: AttuneHttp, sessionId: string, cookie: string): Promise<LiveSocket> {
    const url = `${http.baseUrl.replace(/^http/, 'ws')}/api/sessions/${encodeURIComponent(sessionId)}/live`;
    const socket = new WebSocket(url, { headers: { cookie }, origin: http.origin });
    const live = new LiveSocket(socket);
    const welcomed = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new SimulateError('The server did not greet the live connection within 10 seconds.'),
        );
      }, ANSWER_TIMEOUT_MS);
      socket.on('message', (data) => {
        const message = JSON.parse(rawDataText(data)) as ServerMessage;
        if (message.type === 'welcome') {
          clearTimeout(timer);
          live.participantId = message.participantId;
          live.present = message.present;
          live.offsetMs = message.serverTimeMs - Date.now();
          resolve();
        }
        live.onMessage(message);
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(new SimulateError(`The live connection failed: ${error.message}`));
      });
      socket.once('unexpected-response', (_request, response) => {
        clearTimeout(timer);
        reject(
          new SimulateError(
            `The server refused the live connection (HTTP ${response.statusCode ?? 0}). If it runs behind another address, pass that address with --url.`,
          ),
        );
      });
      socket.once('open', () => {
        socket.send(
          JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, lastSeq: 0 }),
        );
      });
    });
    socket.on('close', (code, reason) => {
      for (const waiting of live.waitingAcks.values())
        waiting.reject(new SimulateError('The live connection closed before the server answered.'));
      live.waitingAcks.clear();
      if (!live.closedByUs) live.closeListener?.(code, reason.toString());
    });
    await welcomed;
    return live;
  }

  /** Sends a command and resolves with its acknowledgement. */
  command(command: object): Promise<CommandOutcome> {
    const commandId = commandIdNew();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waitingAcks.delete(commandId);
        reject(new SimulateError('The server did not answer a command within 10 seconds.'));
      }, ANSWER_TIMEOUT_MS);
      this.waitingAcks.set(commandId, {
        resolve: (outcome) => {
          clearTimeout(timer);
          resolve(outcome);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.socket.send(JSON.stringify({ type: 'command', commandId, command }));
    });
  }

  /** Joins the session under `displayName`, boundaries open (a simulated person shares everything). */
  async join(displayName: string): Promise<void> {
    const outcome = await this.command({ type: 'join', displayName, boundaries: OPEN_BOUNDARIES });
    if (!outcome.ok) throw new SimulateError(`${displayName} could not join: ${outcome.message}`);
    this.present = true;
  }

  /** Leaves the session, if still connected; never throws. */
  async leave(): Promise<void> {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    await this.command({ type: 'leave' }).catch(() => undefined);
  }

  /** A burst of clock-sync pings, 100 ms apart; the offset then comes from the fastest half of the window. */
  async clockSync(count = 8): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      if (this.socket.readyState !== WebSocket.OPEN) return;
      const pingId = ++this.pingSerial;
      const clientSentAtMs = Date.now();
      const answered = new Promise<{ pong: PongMessage; receivedAtMs: number } | null>(
        (resolve) => {
          const timer = setTimeout(() => {
            this.waitingPongs.delete(pingId);
            resolve(null);
          }, ANSWER_TIMEOUT_MS);
          this.waitingPongs.set(pingId, (pong, receivedAtMs) => {
            clearTimeout(timer);
            resolve({ pong, receivedAtMs });
          });
        },
      );
      this.socket.send(JSON.stringify({ type: 'ping', pingId, clientSentAtMs }));
      const result = await answered;
      if (result) {
        this.clock = clockSyncAddSample(this.clock, {
          clientSendMs: clientTimeMs(clientSentAtMs),
          serverReceiveMs: serverTimeMs(result.pong.serverReceivedAtMs),
          serverSendMs: serverTimeMs(result.pong.serverSentAtMs),
          clientReceiveMs: clientTimeMs(result.receivedAtMs),
        });
        this.offsetMs = clockSyncEstimate(this.clock)?.offsetMs ?? this.offsetMs;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The server's clock now, as best this connection knows it. */
  serverNowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** The server instant of a moment on this machine's clock. */
  serverTimeOf(localMs: number): number {
    return localMs + this.offsetMs;
  }

  /** Sends one batch of body-signal samples. */
  sendSignals(samples: readonly SignalSample[]): void {
    if (this.socket.readyState === WebSocket.OPEN)
      this.socket.send(JSON.stringify({ type: 'signals', samples }));
  }

  onSignals(listener: (message: SignalsMessage) => void): void {
    this.signalListeners.add(listener);
  }

  onError(listener: (message: ErrorMessage) => void): void {
    this.errorListeners.add(listener);
  }

  /** Called once if the server (or the network) closes the connection. */
  onClose(listener: (code: number, reason: string) => void): void {
    this.closeListener = listener;
  }

  /** Closes from this side and waits until closed. */
  async close(): Promise<void> {
    this.closedByUs = true;
    if (this.isClosed()) return;
    const closed = new Promise((resolve) => this.socket.once('close', resolve));
    this.socket.close(1000, 'simulation finished');
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2000))]);
    if (!this.isClosed()) this.socket.terminate();
  }

  private isClosed(): boolean {
    return this.socket.readyState === WebSocket.CLOSED;
  }

  private onMessage(message: ServerMessage): void {
    switch (message.type) {
      case 'ack':
        this.waitingAcks.get(message.commandId)?.resolve(message.outcome);
        this.waitingAcks.delete(message.commandId);
        break;
      case 'pong':
        this.waitingPongs.get(message.pingId)?.(message, Date.now());
        this.waitingPongs.delete(message.pingId);
        break;
      case 'signals':
        for (const listener of this.signalListeners) listener(message);
        break;
      case 'error':
        for (const listener of this.errorListeners) listener(message);
        break;
      default:
        break;
    }
  }
}
