/**
 * A real WebSocket client for tests and benchmarks: signs in over HTTP like a browser (cookie +
 * Origin), opens the live socket, keeps the log it receives, and sends commands that resolve
 * with their acknowledgement.
 */
import type { SignalSample, SignalsMessage } from '../../core/protocol/signals.ts';
import { WebSocket } from 'ws';
import { OPEN_BOUNDARIES, type Boundaries } from '../../core/boundaries/boundary.ts';
import {
  PROTOCOL_VERSION,
  type CommandOutcome,
  type ServerMessage,
  type WireEvent,
} from '../../core/protocol/messages.ts';
import { wsRawDataText } from '../realtime/ws-route.ts';

let commandSerial = 0;

/** A fresh command id. */
export function commandIdNew(prefix = 'c'): string {
  commandSerial += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${commandSerial}`;
}

/** An HTTP call as a browser page of `origin` would make it; the caller names the body's shape. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a test helper: each test asserts the body it names
export async function httpJson<T = unknown>(
  baseUrl: string,
  path: string,
  options: { method?: string; body?: unknown; cookie?: string; origin?: string } = {},
): Promise<{ status: number; body: T; cookie: string | undefined }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: options.method ?? 'GET',
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      origin: options.origin ?? baseUrl,
      ...(options.cookie === undefined ? {} : { cookie: options.cookie }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const setCookie = response.headers.get('set-cookie');
  return {
    status: response.status,
    body: (await response.json()) as T,
    cookie: setCookie === null ? undefined : setCookie.split(';')[0],
  };
}

/** Someone taking part through a real socket. */
export class LiveClient {
  readonly events: WireEvent[] = [];
  readonly errors: Extract<ServerMessage, { type: 'error' }>[] = [];
  readonly signals: SignalsMessage[] = [];
  participantId = '';
  private socket: WebSocket | null = null;
  private readonly waitingAcks = new Map<string, (outcome: CommandOutcome) => void>();
  private readonly waitingPongs = new Map<number, (message: Extract<ServerMessage, { type: 'pong' }>) => void>();
  private readonly watchers = new Set<() => void>();
  closeInfo: { code: number; reason: string } | null = null;

  constructor(
    readonly baseUrl: string,
    readonly cookie: string,
    readonly sessionId: string,
  ) {}

  /** The highest seq received so far. */
  lastSeq(): number {
    return this.events.at(-1)?.seq ?? 0;
  }

  /** Opens the live socket and says hello from `lastSeq` (default: what this client already has). */
  async connect(options: { invite?: string; lastSeq?: number; origin?: string } = {}): Promise<void> {
    const query = options.invite === undefined ? '' : `?invite=${encodeURIComponent(options.invite)}`;
    const url = `${this.baseUrl.replace(/^http/, 'ws')}/api/sessions/${this.sessionId}/live${query}`;
    const socket = new WebSocket(url, { headers: { cookie: this.cookie }, origin: options.origin ?? this.baseUrl });
    this.socket = socket;
    this.closeInfo = null;
    socket.on('message', (data) => {
      this.onMessage(JSON.parse(wsRawDataText(data)) as ServerMessage);
    });
    socket.on('close', (code, reason) => {
      this.closeInfo = { code, reason: reason.toString() };
      this.notify();
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => { resolve(); });
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) => {
        reject(new Error(`upgrade refused with HTTP ${response.statusCode ?? 0}`));
      });
    });
    this.sendRaw(JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, lastSeq: options.lastSeq ?? this.lastSeq() }));
  }

  /** Sends a text frame as it is. */
  sendRaw(text: string): void {
    if (!this.socket) throw new Error('not connected');
    this.socket.send(text);
  }

  /** Sends a command and resolves with its acknowledgement. */
  command(command: object, commandId = commandIdNew()): Promise<CommandOutcome> {
    const acknowledged = new Promise<CommandOutcome>((resolve) => {
      this.waitingAcks.set(commandId, resolve);
    });
    this.sendRaw(JSON.stringify({ type: 'command', commandId, command }));
    return acknowledged;
  }

  /** Sends a command that must be accepted. */
  async accept(command: object, commandId?: string): Promise<CommandOutcome & { ok: true }> {
    const outcome = await this.command(command, commandId);
    if (!outcome.ok) throw new Error(`${JSON.stringify(command)} was turned down: ${outcome.code}: ${outcome.message}`);
    return outcome;
  }

  /** Joins the session with open boundaries unless told otherwise. */
  join(displayName: string, boundaries: Boundaries = OPEN_BOUNDARIES): Promise<CommandOutcome> {
    return this.accept({ type: 'join', displayName, boundaries });
  }

  /** Sends a batch of body samples (fields not given take the wire defaults). */
  sendSignals(samples: readonly (Partial<SignalSample> & { atMs: number })[]): void {
    this.sendRaw(JSON.stringify({ type: 'signals', samples: samples.map((sample) => ({ source: 'simulated', ...sample })) }));
  }

  /** One clock-sync round trip. */
  ping(pingId: number, clientSentAtMs: number): Promise<Extract<ServerMessage, { type: 'pong' }>> {
    const answered = new Promise<Extract<ServerMessage, { type: 'pong' }>>((resolve) => {
      this.waitingPongs.set(pingId, resolve);
    });
    this.sendRaw(JSON.stringify({ type: 'ping', pingId, clientSentAtMs }));
    return answered;
  }

  /** Resolves when `predicate` holds (checked on every message), or rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
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

  /** Waits until this client has received everything up to `seq`. */
  waitForSeq(seq: number): Promise<void> {
    return this.waitFor(() => this.lastSeq() >= seq, `seq ${seq}`);
  }

  /** Closes the socket from this side and waits until it is closed. */
  async close(): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.readyState === socket.CLOSED) return;
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.close(1000, 'bye');
    await closed;
  }

  /** Drops the connection abruptly, as a phone losing signal would. */
  drop(): void {
    this.socket?.terminate();
  }

  private onMessage(message: ServerMessage): void {
    switch (message.type) {
      case 'welcome':
        this.participantId = message.participantId;
        break;
      case 'events':
        this.events.push(...message.events);
        break;
      case 'ack':
        this.waitingAcks.get(message.commandId)?.(message.outcome);
        this.waitingAcks.delete(message.commandId);
        break;
      case 'pong':
        this.waitingPongs.get(message.pingId)?.(message);
        this.waitingPongs.delete(message.pingId);
        break;
      case 'error':
        this.errors.push(message);
        break;
      case 'caughtUp':
        break;
      case 'signals':
        this.signals.push(message);
        break;
    }
    this.notify();
  }

  private notify(): void {
    for (const watcher of [...this.watchers]) watcher();
  }
}

/** Creates a session over HTTP as `hostName`; returns the host's cookie and the invite token. */
export async function sessionCreateOverHttp(baseUrl: string, hostName: string) {
  const created = await httpJson<{ sessionId: string; identityId: string; invite: { token: string; url: string } }>(baseUrl, '/api/sessions', {
    method: 'POST',
    body: { displayName: hostName },
  });
  if (created.status !== 201 || created.cookie === undefined) throw new Error(`creating a session failed: ${created.status} ${JSON.stringify(created.body)}`);
  return { sessionId: created.body.sessionId, hostCookie: created.cookie, inviteToken: created.body.invite.token, inviteUrl: created.body.invite.url };
}

/** Accepts an invite over HTTP as a new guest; returns the guest's cookie. */
export async function inviteAcceptOverHttp(baseUrl: string, token: string, displayName: string): Promise<string> {
  const accepted = await httpJson<{ sessionId: string }>(baseUrl, `/api/invites/${token}/accept`, { method: 'POST', body: { displayName } });
  if (accepted.status !== 200 || accepted.cookie === undefined) throw new Error(`accepting the invite failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return accepted.cookie;
}
