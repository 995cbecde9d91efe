/**
 * One device's live connection to one session, with no UI inside. It opens the socket, says hello
 * with the last seq it holds, keeps this person's view of the log and the state folded from it,
 * measures the server clock, and reconnects with a growing wait (1 s, 2 s, 4 s… at most 10 s;
 * at once when the device comes back online or the tab becomes visible).
 *
 * Commands wait in an outbox with the id they were made with until the server acknowledges them;
 * after a reconnect each one still waiting is sent again with the same id, and the server, which
 * remembers ids, applies it once. Nothing is lost and nothing is repeated.
 *
 * A connection can die without a sign. A heartbeat notices silence; a ping after each command
 * notices it sooner, so a pause never waits out the whole silence limit (`live-timings.ts`).
 *
 * Everything that touches the world (socket, timers, clock, storage, ids, window events) comes
 * in through `LiveEnvironment`, so tests drive it with fakes.
 */
import type { Boundaries } from '../../core/boundaries/boundary.ts';
import type { SessionCommand } from '../../core/protocol/commands.ts';
import { CLOSE_CODES, PROTOCOL_VERSION, type ClientMessage, type ServerMessage } from '../../core/protocol/messages.ts';
import type { SignalSample, SignalsMessage } from '../../core/protocol/signals.ts';
import { sessionIsPresent } from '../../core/session/queries.ts';
import type { SessionState } from '../../core/session/state.ts';
import {
  CLOCK_RESYNC_INTERVAL_MS,
  CLOCK_SYNC_BURST_GAP_MS,
  CLOCK_SYNC_BURST_SIZE,
  clientTimeMs,
  clockSyncAddSample,
  clockSyncEmpty,
  clockSyncEstimate,
  serverTimeMs,
  type ClockSyncState,
} from '../../core/time/index.ts';
import { reconnectDelayMs, restartReconnectDelayMs } from './backoff.ts';
import { LIVE_TIMINGS_DEFAULT, type LiveTimings } from './live-timings.ts';
import {
  OUTBOX_EMPTY,
  outboxAcknowledge,
  outboxAdd,
  outboxHasType,
  outboxMarkSent,
  outboxOverdue,
  type Outbox,
} from './outbox.ts';
import { serverClockWithOffset, type ServerClock } from './server-clock.ts';
import {
  liveSessionStorageKey,
  storedLiveSessionDecode,
  storedLiveSessionEncode,
  VIEWER_LOG_EMPTY,
  viewerLogApply,
  type ViewerLog,
  type ViewerLogEntry,
} from './viewer-log.ts';

export {
  COMMAND_RESEND_AFTER_MS,
  HEARTBEAT_INTERVAL_MS,
  LIVE_TIMINGS_DEFAULT,
  SILENCE_LIMIT_MS,
  type LiveTimings,
} from './live-timings.ts';

/** Where the connection stands, as a person would want to know it. */
export type LiveStatus = 'connecting' | 'syncing-clock' | 'live' | 'reconnecting' | 'ended';

/** What a command came to: the server's outcome, or a problem with the message itself. */
export type LiveOutcome =
  | { readonly ok: true; readonly firstSeq: number | null; readonly lastSeq: number | null }
  | { readonly ok: false; readonly code: string; readonly message: string };

/** What the socket tells the live session. */
export interface LiveSocketHandlers {
  open(): void;
  message(text: string): void;
  close(code: number, reason: string): void;
}

/** The little of a socket the live session uses. */
export interface LiveSocket {
  send(text: string): void;
  close(): void;
}

/** Opens a socket to `url` that reports to `handlers`. */
export type LiveSocketFactory = (url: string, handlers: LiveSocketHandlers) => LiveSocket;

/** An opaque timer handle. */
export type TimerHandle = number | object;

/** The world the live session reaches through: injectable for tests. */
export interface LiveEnvironment {
  readonly openSocket: LiveSocketFactory;
  /** This device's clock, in ms since the epoch (the clock `ServerClock.at` expects). */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  /** A fresh command id. */
  randomId(): string;
  /** A number in [0, 1) for backoff jitter. */
  random(): number;
  /** Where the log is kept across reloads; null to keep nothing. */
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /** Calls back when the device comes online; returns a function that stops listening. */
  onOnline(callback: () => void): () => void;
  /** Calls back when the device goes offline. */
  onOffline(callback: () => void): () => void;
  /** Calls back when the tab becomes visible again. */
  onVisible(callback: () => void): () => void;
}

/** What a person joins with: the name others see and what they will not do. */
export interface JoinDetails {
  readonly displayName: string;
  readonly boundaries: Boundaries;
}

/** How to reach one session. */
export interface LiveSessionOptions {
  readonly sessionId: string;
  /** The socket address, e.g. `wss://example.org/api/sessions/abc/live`. */
  readonly url: string;
  /** An invite token, added as `?invite=` until the first connection is greeted. */
  readonly inviteToken?: string | null;
  /**
   * Name and boundaries to join with when this person is not yet in the session, or null when
   * they must be asked first (then the screen sends `join` itself).
   */
  readonly joinDetails?: () => JoinDetails | null;
  /** How quickly trouble is noticed; anything left out keeps its default. */
  readonly timings?: Partial<LiveTimings>;
}

/** Everything a screen shows about the connection, as one immutable value. */
export interface LiveSnapshot {
  readonly status: LiveStatus;
  readonly state: SessionState;
  /** The viewer's log (private check-ins of others are `hidden`). */
  readonly log: readonly ViewerLogEntry[];
  /** This person's participant id, once the server has said it. */
  readonly me: string | null;
  readonly clockSynced: boolean;
  /** Commands sent and not yet acknowledged. */
  readonly pendingCommands: number;
  /** Connection attempts in a row that failed before the server greeted this device. */
  readonly failedAttempts: number;
  /** Whether this device is joining right now (a `join` waits for its answer). */
  readonly joining: boolean;
  /**
   * Whether this person pressed pause and the server has not confirmed it yet (offline, say).
   * The screen pauses at once on this, so pause never waits for the network.
   */
  readonly pausing: boolean;
  /** A sentence for a problem a person should know about (a refused join, a lost session). */
  readonly problem: string | null;
}

/**
 * Errors about a command that say "not now" rather than "no": the command stays waiting and is
 * sent again with the same id. Settling it as refused would be wrong when an earlier copy was
 * already applied and only its answer was lost.
 */
const TRANSIENT_COMMAND_ERRORS: ReadonlySet<string> = new Set(['rate_limited', 'hello_first']);

/** How long after its last ping a clock burst waits for stragglers. */
export const BURST_SETTLE_MS = 1500;

interface Pending {
  readonly resolve: (outcome: LiveOutcome) => void;
}

type Listener = () => void;

/** Closes by which a healthy server asks devices to come back (restart, node stopping). */
const SERVER_ASKED_RECONNECT: ReadonlySet<number> = new Set([CLOSE_CODES.serviceRestart, CLOSE_CODES.goingAway]);

function isServerMessage(value: unknown): value is ServerMessage {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** A live connection to one session. Call `start()` once, and `dispose()` when done. */
export class LiveSession {
  private readonly listeners = new Set<Listener>();
  private readonly signalListeners = new Set<(message: SignalsMessage) => void>();
  private readonly pending = new Map<string, Pending>();
  private readonly unlisten: (() => void)[] = [];
  private log: ViewerLog;
  private me: string | null;
  private outbox: Outbox = OUTBOX_EMPTY;
  private status: LiveStatus = 'connecting';
  private socket: LiveSocket | null = null;
  /** True once this connection was greeted and hello was sent: commands may go out. */
  private ready = false;
  private sentOnThisConnection = new Set<string>();
  private everGreeted = false;
  private attempt = 0;
  private failedAttempts = 0;
  private reconnectTimer: TimerHandle | null = null;
  /** Gives up on a connection that is not greeted in time (a handshake lost on its way). */
  private greetingTimer: TimerHandle | null = null;
  /** Watches for any answer after a command went out (see `watchForAnswer`). */
  private answerWatchTimer: TimerHandle | null = null;
  /** Frames received on this device so far; a watch compares counts, since clocks tie. */
  private framesReceived = 0;
  /** `framesReceived` when the current answer watch began. */
  private answerWatchFrom = 0;
  private heartbeatTimer: TimerHandle | null = null;
  private resyncTimer: TimerHandle | null = null;
  private burstTimers: TimerHandle[] = [];
  private burstInProgress = false;
  private burstPingsToSend = 0;
  private greetedThisConnection = false;
  private burstOutstanding = new Set<number>();
  private nextPingId = 0;
  private lastReceivedAtMs = 0;
  private clockSync: ClockSyncState = clockSyncEmpty();
  private offsetMs = 0;
  private synced = false;
  private joinTriedOnThisConnection = false;
  /** What the server said at the greeting: whether this person is in the session (null: not said). */
  private presentAtWelcome: boolean | null = null;
  private autoJoin = true;
  private problem: string | null = null;
  private disposed = false;
  private started = false;
  private snapshotCache: LiveSnapshot | null = null;
  private signalsRefusal: string | null = null;

  /** The server's clock as this device estimates it. */
  readonly clock: ServerClock;
  private readonly timings: LiveTimings;

  constructor(
    private readonly options: LiveSessionOptions,
    private readonly env: LiveEnvironment,
  ) {
    this.timings = { ...LIVE_TIMINGS_DEFAULT, ...options.timings };
    const stored = storedLiveSessionDecode(this.storageGet());
    this.log = stored.log;
    this.me = stored.me;
    if (this.log.state.status === 'ended') this.status = 'ended';
    this.clock = serverClockWithOffset(
      () => this.offsetMs,
      () => this.synced,
    );
  }

  /** Opens the connection and starts listening for online/visibility changes. */
  start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    if (this.status === 'ended') return;
    this.unlisten.push(
      this.env.onOnline(() => {
        this.reconnectSoon();
      }),
      this.env.onOffline(() => {
        // The socket may take a long time to notice; let it go now and come back when online.
        if (this.socket) this.dropConnection();
      }),
      this.env.onVisible(() => {
        if (this.socket && this.ready) this.startClockBurst();
        else this.reconnectSoon();
      }),
    );
    this.connect();
  }

  /** Forgets this session's copy on this device (after leaving or when it has ended). */
  forget(): void {
    try {
      this.env.storage?.removeItem(liveSessionStorageKey(this.options.sessionId));
    } catch {
      // Nothing kept, or storage refused: nothing to forget.
    }
  }

  /** Closes everything; the session stays where it is on the server. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const stop of this.unlisten.splice(0)) stop();
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    this.ready = false;
    socket?.close();
    for (const [, pending] of this.pending) {
      pending.resolve({ ok: false, code: 'closed', message: 'This page stopped listening to the session.' });
    }
    this.pending.clear();
    this.listeners.clear();
    this.signalListeners.clear();
  }

  /** Calls `listener` after every change; returns a function that stops it. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Sends this person's latest body samples if the connection is up. Samples are a live stream,
   * not a record: when offline they are dropped rather than queued, so nothing stale arrives
   * later looking current. Returns whether they went out.
   */
  sendSignals(samples: readonly SignalSample[]): boolean {
    if (!this.ready || this.disposed || samples.length === 0) return false;
    this.transmit({ type: 'signals', samples: [...samples] });
    return true;
  }

  /** Calls `listener` with every batch of someone else's samples this person may see. */
  onSignals(listener: (message: SignalsMessage) => void): () => void {
    this.signalListeners.add(listener);
    return () => {
      this.signalListeners.delete(listener);
    };
  }

  /** Why the server last refused this device's samples (boundaries, not joined), or null. */
  signalsRefused(): string | null {
    return this.signalsRefusal;
  }

  /** The current view, the same object until something changes. */
  snapshot(): LiveSnapshot {
    this.snapshotCache ??= {
      status: this.status,
      state: this.log.state,
      log: this.log.entries,
      me: this.me,
      clockSynced: this.synced,
      pendingCommands: this.outbox.length,
      failedAttempts: this.failedAttempts,
      joining: outboxHasType(this.outbox, 'join'),
      pausing: outboxHasType(this.outbox, 'pause'),
      problem: this.problem,
    };
    return this.snapshotCache;
  }

  /**
   * Sends a command, now if connected or as soon as the connection is back, and resolves with
   * what it came to. Its id stays the same however often it has to be sent.
   */
  send(command: SessionCommand): Promise<LiveOutcome> {
    if (this.disposed || (this.status === 'ended' && command.type !== 'leave')) {
      return Promise.resolve({ ok: false, code: 'session_ended', message: 'This session has ended.' });
    }
    if (command.type === 'leave') this.autoJoin = false;
    if (command.type === 'join') this.problem = null;
    const commandId = this.env.randomId();
    const outcome = new Promise<LiveOutcome>((resolve) => {
      this.pending.set(commandId, { resolve });
    });
    this.outbox = outboxAdd(this.outbox, commandId, command);
    if (this.ready) this.transmitCommand(commandId, command);
    this.changed();
    return outcome;
  }

  // ---------------------------------------------------------------------------------------------
  // Connection

  private socketUrl(): string {
    const token = this.options.inviteToken;
    if (token === undefined || token === null || token === '' || this.everGreeted) return this.options.url;
    const joiner = this.options.url.includes('?') ? '&' : '?';
    return `${this.options.url}${joiner}invite=${encodeURIComponent(token)}`;
  }

  private connect(): void {
    if (this.disposed || this.status === 'ended') return;
    this.reconnectTimer = null;
    this.ready = false;
    this.sentOnThisConnection = new Set();
    this.joinTriedOnThisConnection = false;
    this.greetedThisConnection = false;
    this.presentAtWelcome = null;
    this.setStatus(this.everGreeted || this.failedAttempts > 0 ? 'reconnecting' : 'connecting');
    let socket: LiveSocket | null = null;
    try {
      socket = this.env.openSocket(this.socketUrl(), {
        open: () => {
          if (this.socket !== socket) return;
          this.lastReceivedAtMs = this.env.now();
        },
        message: (text) => {
          if (this.socket !== socket) return;
          this.receive(text);
        },
        close: (code, reason) => {
          if (this.socket !== socket) return;
          this.socket = null;
          this.connectionLost(code, reason);
        },
      });
    } catch {
      this.connectionLost(1006, '');
      return;
    }
    this.socket = socket;
    // A handshake or greeting can be lost as silently as any frame; without this the device would
    // wait on it for ever, since the heartbeat only starts once greeted.
    this.greetingTimer = this.env.setTimeout(() => {
      this.greetingTimer = null;
      if (this.socket === socket && !this.greetedThisConnection) this.dropConnection();
    }, this.timings.silenceLimitMs);
  }

  /** Closes the current socket at once and plans the next attempt. */
  private dropConnection(): void {
    const socket = this.socket;
    if (!socket) return;
    this.socket = null;
    socket.close();
    this.connectionLost(1006, '');
  }

  private connectionLost(code: number, reason: string): void {
    this.ready = false;
    this.stopConnectionTimers();
    if (this.disposed || this.status === 'ended') return;
    if (code === CLOSE_CODES.forbidden || code === CLOSE_CODES.sessionNotFound || code === CLOSE_CODES.unauthorized) {
      this.problem =
        reason !== ''
          ? reason
          : 'This device can no longer reach the session. Open your invite link again, or ask for a new one.';
      this.setStatus('ended');
      return;
    }
    if (!this.greetedThisConnection) this.failedAttempts += 1;
    this.setStatus('reconnecting');
    const delay = this.greetedThisConnection && SERVER_ASKED_RECONNECT.has(code)
      ? restartReconnectDelayMs(this.env.random(), this.timings.reconnectFirstDelayMs)
      : reconnectDelayMs(this.attempt, this.env.random(), {
          firstDelayMs: this.timings.reconnectFirstDelayMs,
          maxDelayMs: this.timings.reconnectMaxDelayMs,
        });
    this.attempt += 1;
    this.reconnectTimer = this.env.setTimeout(() => {
      this.connect();
    }, delay);
  }

  /** Online again or visible again: try now instead of waiting out the backoff. */
  private reconnectSoon(): void {
    if (this.disposed || this.status === 'ended' || this.socket) return;
    if (this.reconnectTimer !== null) this.env.clearTimeout(this.reconnectTimer);
    this.attempt = 0;
    this.connect();
  }

  // ---------------------------------------------------------------------------------------------
  // Messages

  private transmit(message: ClientMessage): void {
    this.socket?.send(JSON.stringify(message));
  }

  private transmitCommand(commandId: string, command: SessionCommand): void {
    this.transmit({ type: 'command', commandId, command });
    this.sentOnThisConnection.add(commandId);
    this.outbox = outboxMarkSent(this.outbox, [commandId], this.env.now());
    this.watchForAnswer();
  }

  /**
   * A command someone pressed (a pause, above all) must not wait out the whole silence limit on a
   * connection that died quietly. A ping follows it, and the server answers pings the moment they
   * arrive; if nothing at all comes back within the resend time, the connection is renewed now.
   */
  private watchForAnswer(): void {
    if (!this.ready) return;
    // A watch still waiting with nothing heard since it began covers this command too; one that
    // began before frames arrived proves nothing about this command, so it starts again.
    if (this.answerWatchTimer !== null) {
      if (this.framesReceived === this.answerWatchFrom) return;
      this.env.clearTimeout(this.answerWatchTimer);
    }
    const receivedBefore = this.framesReceived;
    this.answerWatchFrom = receivedBefore;
    this.sendPing(false);
    this.answerWatchTimer = this.env.setTimeout(() => {
      this.answerWatchTimer = null;
      if (!this.ready || this.framesReceived !== receivedBefore) return;
      this.attempt = 0;
      this.dropConnection();
    }, this.timings.commandResendAfterMs);
  }

  private receive(text: string): void {
    this.lastReceivedAtMs = this.env.now();
    this.framesReceived += 1;
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (!isServerMessage(message)) return;
    switch (message.type) {
      case 'welcome':
        this.onWelcome(message.participantId, typeof message.present === 'boolean' ? message.present : null);
        return;
      case 'events':
        this.onEvents(message.events);
        return;
      case 'caughtUp':
        this.maybeJoin();
        return;
      case 'ack':
        this.settle(message.commandId, message.outcome);
        return;
      case 'pong':
        this.onPong(message);
        return;
      case 'signals':
        for (const listener of this.signalListeners) listener(message);
        return;
      case 'error':
        if (message.code === 'not_sharing' || message.code === 'not_present') {
          this.signalsRefusal = message.message;
          return;
        }
        if (message.code === 'protocol_version') {
          this.problem = message.message;
          this.setStatus('ended');
          this.socket?.close();
          this.socket = null;
          return;
        }
        if (TRANSIENT_COMMAND_ERRORS.has(message.code)) return;
        if (message.commandId !== undefined && this.pending.has(message.commandId)) {
          this.settle(message.commandId, { ok: false, code: message.code, message: message.message });
        }
        return;
    }
  }

  private onWelcome(participantId: string, present: boolean | null): void {
    if (this.greetingTimer !== null) this.env.clearTimeout(this.greetingTimer);
    this.greetingTimer = null;
    this.presentAtWelcome = present;
    this.everGreeted = true;
    this.greetedThisConnection = true;
    this.attempt = 0;
    this.failedAttempts = 0;
    if (this.me !== participantId) {
      // A log kept for someone else on this device was filtered for them: never show it to this
      // person, and catch up from the start instead.
      if (this.me !== null) this.log = VIEWER_LOG_EMPTY;
      this.me = participantId;
      this.persist();
    }
    this.transmit({ type: 'hello', protocolVersion: PROTOCOL_VERSION, lastSeq: this.log.lastSeq });
    this.ready = true;
    this.setStatus(this.synced ? 'live' : 'syncing-clock');
    this.maybeJoin();
    for (const entry of this.outbox) {
      if (!this.sentOnThisConnection.has(entry.commandId)) this.transmitCommand(entry.commandId, entry.command);
    }
    this.startClockBurst();
    this.scheduleHeartbeat();
    this.changed();
  }

  private onEvents(batch: Parameters<typeof viewerLogApply>[1]): void {
    const applied = viewerLogApply(this.log, batch);
    if (applied.added.length > 0) {
      this.log = applied.log;
      this.persist();
      this.changed();
    }
    if (!applied.ok) {
      // A gap: renew the connection, which catches up from the last seq held.
      this.attempt = 0;
      this.dropConnection();
      return;
    }
    if (this.log.state.status === 'ended') {
      this.setStatus('ended');
      this.stopConnectionTimers();
      const socket = this.socket;
      this.socket = null;
      socket?.close();
      return;
    }
    this.maybeJoin();
  }

  /**
   * Joins when this person is not in the session yet, once per connection. The greeting says
   * whether they are (events only flow once they are); an older server that does not say is
   * answered from the log held here.
   */
  private maybeJoin(): void {
    if (!this.ready || !this.autoJoin || this.joinTriedOnThisConnection || this.me === null) return;
    const present = this.presentAtWelcome ?? sessionIsPresent(this.log.state, this.me);
    if (present || outboxHasType(this.outbox, 'join')) return;
    const details = this.options.joinDetails?.() ?? null;
    if (details === null) return;
    this.joinTriedOnThisConnection = true;
    void this.send({ type: 'join', displayName: details.displayName, boundaries: details.boundaries }).then((outcome) => {
      if (!outcome.ok && outcome.code !== 'already_present' && outcome.code !== 'closed') {
        this.problem = outcome.message;
        this.changed();
      }
    });
  }

  private settle(commandId: string, outcome: LiveOutcome): void {
    const { outbox, found } = outboxAcknowledge(this.outbox, commandId);
    this.outbox = outbox;
    const pending = this.pending.get(commandId);
    this.pending.delete(commandId);
    pending?.resolve(outcome);
    if (found) this.changed();
  }

  // ---------------------------------------------------------------------------------------------
  // Clock

  private startClockBurst(): void {
    if (this.burstInProgress || !this.ready) return;
    this.burstInProgress = true;
    this.burstPingsToSend = CLOCK_SYNC_BURST_SIZE;
    this.burstOutstanding = new Set();
    for (let index = 0; index < CLOCK_SYNC_BURST_SIZE; index += 1) {
      this.burstTimers.push(
        this.env.setTimeout(() => {
          this.sendPing(true);
        }, index * CLOCK_SYNC_BURST_GAP_MS),
      );
    }
    this.burstTimers.push(
      this.env.setTimeout(() => {
        this.finishBurst();
      }, (CLOCK_SYNC_BURST_SIZE - 1) * CLOCK_SYNC_BURST_GAP_MS + BURST_SETTLE_MS),
    );
  }

  private sendPing(inBurst: boolean): void {
    if (!this.ready) return;
    const pingId = this.nextPingId;
    this.nextPingId += 1;
    if (inBurst) {
      this.burstOutstanding.add(pingId);
      this.burstPingsToSend -= 1;
    }
    this.transmit({ type: 'ping', pingId, clientSentAtMs: this.env.now() });
  }

  private onPong(message: Extract<ServerMessage, { type: 'pong' }>): void {
    const receivedAtMs = this.env.now();
    this.clockSync = clockSyncAddSample(this.clockSync, {
      clientSendMs: clientTimeMs(message.clientSentAtMs),
      serverReceiveMs: serverTimeMs(message.serverReceivedAtMs),
      serverSendMs: serverTimeMs(message.serverSentAtMs),
      clientReceiveMs: clientTimeMs(receivedAtMs),
    });
    const estimate = clockSyncEstimate(this.clockSync);
    if (estimate) this.offsetMs = estimate.offsetMs;
    this.burstOutstanding.delete(message.pingId);
    if (this.burstInProgress && this.burstOutstanding.size === 0 && this.burstPingsToSend <= 0) this.finishBurst();
  }

  private finishBurst(): void {
    for (const timer of this.burstTimers.splice(0)) this.env.clearTimeout(timer);
    this.burstInProgress = false;
    const wasSynced = this.synced;
    this.synced = clockSyncEstimate(this.clockSync) !== null;
    if (this.status === 'syncing-clock') this.setStatus('live');
    else if (wasSynced !== this.synced) this.changed();
    if (this.resyncTimer !== null) this.env.clearTimeout(this.resyncTimer);
    this.resyncTimer = this.env.setTimeout(() => {
      this.resyncTimer = null;
      this.startClockBurst();
    }, CLOCK_RESYNC_INTERVAL_MS);
  }

  // ---------------------------------------------------------------------------------------------
  // Heartbeat: notices a connection that died quietly, and resends unanswered commands.

  private scheduleHeartbeat(): void {
    if (this.heartbeatTimer !== null) this.env.clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = this.env.setTimeout(() => {
      this.heartbeatTimer = null;
      this.heartbeat();
    }, this.timings.heartbeatIntervalMs);
  }

  private heartbeat(): void {
    if (!this.ready) return;
    const nowMs = this.env.now();
    if (nowMs - this.lastReceivedAtMs > this.timings.silenceLimitMs) {
      this.attempt = 0;
      this.dropConnection();
      return;
    }
    for (const entry of outboxOverdue(this.outbox, nowMs, this.timings.commandResendAfterMs)) {
      this.transmitCommand(entry.commandId, entry.command);
    }
    this.sendPing(false);
    this.scheduleHeartbeat();
  }

  // ---------------------------------------------------------------------------------------------
  // Bookkeeping

  private stopConnectionTimers(): void {
    for (const timer of this.burstTimers.splice(0)) this.env.clearTimeout(timer);
    this.burstInProgress = false;
    if (this.heartbeatTimer !== null) this.env.clearTimeout(this.heartbeatTimer);
    if (this.resyncTimer !== null) this.env.clearTimeout(this.resyncTimer);
    if (this.greetingTimer !== null) this.env.clearTimeout(this.greetingTimer);
    if (this.answerWatchTimer !== null) this.env.clearTimeout(this.answerWatchTimer);
    this.heartbeatTimer = null;
    this.resyncTimer = null;
    this.greetingTimer = null;
    this.answerWatchTimer = null;
  }

  private clearTimers(): void {
    this.stopConnectionTimers();
    if (this.reconnectTimer !== null) this.env.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
  }

  private setStatus(status: LiveStatus): void {
    if (this.status === status) return;
    this.status = status;
    if (status === 'ended') this.clearTimers();
    this.changed();
  }

  private changed(): void {
    this.snapshotCache = null;
    for (const listener of [...this.listeners]) listener();
  }

  private storageGet(): string | null {
    try {
      return this.env.storage?.getItem(liveSessionStorageKey(this.options.sessionId)) ?? null;
    } catch {
      return null;
    }
  }

  private persist(): void {
    try {
      this.env.storage?.setItem(liveSessionStorageKey(this.options.sessionId), storedLiveSessionEncode(this.me, this.log));
    } catch {
      // Storage full or refused: the session still works; a reload just catches up from the start.
    }
  }
}

/** The socket address for a session on the page's own host. */
export function liveSessionUrl(location: Pick<Location, 'protocol' | 'host'>, sessionId: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/sessions/${encodeURIComponent(sessionId)}/live`;
}

/** The real browser: WebSocket, window timers, sessionStorage, online and visibility events. */
export function browserLiveEnvironment(): LiveEnvironment {
  let storage: LiveEnvironment['storage'] = null;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = null;
  }
  return {
    openSocket: (url, handlers) => {
      const socket = new WebSocket(url);
      socket.addEventListener('open', () => {
        handlers.open();
      });
      socket.addEventListener('message', (event: MessageEvent<unknown>) => {
        if (typeof event.data === 'string') handlers.message(event.data);
      });
      socket.addEventListener('close', (event) => {
        handlers.close(event.code, event.reason);
      });
      return {
        send: (text) => {
          if (socket.readyState === WebSocket.OPEN) socket.send(text);
        },
        close: () => {
          socket.close(1000, 'Closed by the page');
        },
      };
    },
    now: () => Date.now(),
    setTimeout: (callback, delayMs) => window.setTimeout(callback, delayMs),
    clearTimeout: (handle) => {
      window.clearTimeout(handle as number);
    },
    randomId: () => crypto.randomUUID(),
    random: () => Math.random(),
    storage,
    onOnline: (callback) => {
      window.addEventListener('online', callback);
      return () => {
        window.removeEventListener('online', callback);
      };
    },
    onOffline: (callback) => {
      window.addEventListener('offline', callback);
      return () => {
        window.removeEventListener('offline', callback);
      };
    },
    onVisible: (callback) => {
      const listener = () => {
        if (document.visibilityState === 'visible') callback();
      };
      document.addEventListener('visibilitychange', listener);
      return () => {
        document.removeEventListener('visibilitychange', listener);
      };
    },
  };
}
