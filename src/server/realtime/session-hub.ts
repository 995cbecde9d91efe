/**
 * The realtime hub: sessions on this node, the devices connected to them, and the one path every
 * command takes: validate, authorise, decide, append with the next seqs in one transaction,
 * acknowledge after commit, publish, deliver. Transport-free: it sees sockets only through
 * `RealtimeSocket`, storage through `EventStore` and other nodes through `Bus`.
 */
import type { SessionCommand } from '../../core/protocol/commands.ts';
import {
  CATCH_UP_PAGE_SIZE,
  CLOSE_CODES,
  clientMessageSchema,
  FRAME_MAX_BYTES,
  PROTOCOL_ERROR_CODES as E,
  PROTOCOL_VERSION,
  type ClientMessage,
  type CommandOutcome,
  type ProtocolErrorCode,
} from '../../core/protocol/messages.ts';
import { REJECTION_CODES as R } from '../../core/protocol/rejection-codes.ts';
import { sessionDecide, type SessionActor } from '../../core/session/decide.ts';
import { sessionIsPresent, sessionSharesPhysiology } from '../../core/session/queries.ts';
import type { SessionState } from '../../core/session/state.ts';
import { serverTimeMs } from '../../core/time/instant.ts';
import type { Bus } from '../bus/bus.ts';
import type { Logger } from '../log/logger.ts';
import type { AdmissionStore } from '../store/admission-store.ts';
import type { CommandRecord, EventStore, JsonValue, StoredEvent } from '../store/event-store.ts';
import { jsonShapeProblem } from '../http/parse.ts';
import { signalBatchQuickParse } from '../../core/protocol/signal-batch-check.ts';
import { Connection, type ConnectionIdentity } from './connection.ts';
import { SessionRoom } from './session-room.ts';
import type { RealtimeSocket } from './socket.ts';
import { tokenBucketFull, tokenBucketTake } from './token-bucket.ts';
import type { SignalSample } from '../../core/protocol/signals.ts';
import type { SignalRecorder } from './signal-recorder.ts';
import { signalSamplesInWindow, signalsChannel, signalsNoticeIsFrom, signalsNoticeParse, signalsNoticeText, signalsRelayToRoom, type SignalsNotice } from './signal-relay.ts';
import { SessionChangeNotices, type SessionChangedListener } from './session-change-notices.ts';
import type { RealtimeMetrics } from '../metrics/attune-metrics.ts';

/** How often a command is decided again after another node appended first. */
export const APPEND_MAX_ATTEMPTS = 8;

/** Limits applied to every connection. */
export interface HubLimits {
  readonly frameMaxBytes: number;
  readonly messagesPerSecond: number;
  readonly messageBurst: number;
  /** How long a room nobody is connected to stays in memory. */
  readonly idleRoomReleaseMs: number;
  /**
   * How often a room with people connected checks the database for events it was not told
   * about: the bus is at-most-once, so a lost notice is repaired within this time.
   */
  readonly resyncIntervalMs: number;
}

/** Rooms whose catch-up a resync tick starts before letting sockets be served again. */
const RESYNC_ROOMS_PER_TURN = 100;

/** Sensible limits: a person's device sends a few messages a second at most. */
export const DEFAULT_HUB_LIMITS: HubLimits = {
  frameMaxBytes: FRAME_MAX_BYTES,
  messagesPerSecond: 20,
  messageBurst: 60,
  idleRoomReleaseMs: 60_000,
  resyncIntervalMs: 5_000,
};

/**
 * Commands that keep people safe. They are never refused for rate or for an expired visit:
 * pausing, withdrawing consent, stopping and leaving must always work (DESIGN rule 2 and 3).
 */
const SAFETY_COMMANDS: ReadonlySet<SessionCommand['type']> = new Set(['pause', 'withdrawConsent', 'leave', 'endPractice']);

/** What the hub needs from the rest of the server. */
export interface HubDependencies {
  readonly store: EventStore;
  readonly admissions: AdmissionStore;
  readonly bus: Bus;
  readonly logger: Logger;
  /** Server clock, in ms since the epoch. The only clock the hub reads. */
  readonly now: () => number;
  /** Names this node in logs. */
  readonly nodeId: string;
  readonly limits?: HubLimits;
  /** Keeps the downsampled copy of body signals for reports; without one, signals are only passed on. */
  readonly recorder?: SignalRecorder;
  /**
   * Told, on every node, when a session's stored data changed under it: deleted, rewritten, or
   * someone's samples forgotten. What is derived from it elsewhere (cached reports) goes.
   */
  readonly onSessionChanged?: SessionChangedListener;
  /** Counts deliveries and body samples for /metrics; cheap additions only. */
  readonly metrics?: RealtimeMetrics;
}

/** How a person stands towards a session. */
export type SessionAccess = 'host' | 'member' | 'none' | 'missing';

/** How devices hear that their session is gone. */
const SESSION_DELETED_CLOSE = { code: CLOSE_CODES.sessionNotFound, reason: 'This session was deleted.' } as const;
/** 1012 "service restart": devices reconnect on their own and get the rewritten log. */
const SESSION_REWRITTEN_CLOSE = { code: 1012, reason: 'Refreshing the session; reconnecting now.' } as const;

interface BusNotice {
  readonly nodeId: string;
  readonly lastSeq: number;
  /** Set when the session was deleted: every node lets its room go. */
  readonly deleted?: true;
  /** Set when stored events were rewritten (someone deleted their account): every node reloads. */
  readonly rewritten?: true;
}

interface RoomEntry {
  readonly room: SessionRoom;
  ready: Promise<void>;
  unsubscribe?: () => Promise<void>;
  unsubscribeSignals?: () => Promise<void>;
}

async function unsubscribeAll(entry: RoomEntry): Promise<void> {
  await Promise.all([entry.unsubscribe?.(), entry.unsubscribeSignals?.()]);
}

/** The bus channel that carries "new events committed" notices for one session. */
export function sessionChannel(sessionId: string): string {
  return `session:${sessionId}`;
}

/** Whether a frame may skip the rate limit: only safety commands, recognised cheaply. */
function frameIsSafetyCommand(message: ClientMessage): boolean {
  return message.type === 'command' && SAFETY_COMMANDS.has(message.command.type) &&
    (message.command.type !== 'endPractice' || message.command.outcome === 'stopped');
}

/** Sessions live on this node. */
export class SessionHub {
  private readonly rooms = new Map<string, RoomEntry>();
  private readonly limits: HubLimits;
  private readonly resyncTimer: ReturnType<typeof setInterval>;
  private readonly changes: SessionChangeNotices;
  /** Set by `close`: frames not yet started are no longer handled (nothing half-done is acknowledged). */
  private closing = false;

  constructor(private readonly deps: HubDependencies) {
    this.limits = deps.limits ?? DEFAULT_HUB_LIMITS;
    this.changes = new SessionChangeNotices(deps.bus, deps.nodeId, deps.logger, deps.onSessionChanged);
    this.resyncTimer = setInterval(() => {
      void this.resyncConnectedRooms();
    }, this.limits.resyncIntervalMs);
    this.resyncTimer.unref();
  }

  /** Number of devices connected to this node. */
  connectionCount(): number {
    let count = 0;
    for (const { room } of this.rooms.values()) count += room.connections.size;
    return count;
  }

  /** Number of sessions held in memory on this node. */
  roomCount(): number {
    return this.rooms.size;
  }

  /**
   * What `identityId` is to a session: its host, a member (admitted by invite, or someone who has
   * joined it), nobody (`none`), or the session does not exist (`missing`).
   */
  async accessOf(sessionId: string, identityId: string): Promise<SessionAccess> {
    // An unknown id must not cost a room, a subscription and a log read.
    if (!this.rooms.has(sessionId) && (await this.deps.store.lastSeq(sessionId)) === 0) return 'missing';
    const state = await this.sessionState(sessionId);
    if (state.status === 'none') return 'missing';
    if (state.hostId === identityId) return 'host';
    if (identityId in state.participants) return 'member';
    return (await this.deps.admissions.isAdmitted(sessionId, identityId)) ? 'member' : 'none';
  }

  /** The session's folded state as this node holds it (loading it if needed). */
  async sessionState(sessionId: string): Promise<SessionState> {
    const entry = await this.readyRoom(sessionId);
    this.releaseIfIdle(entry.room);
    return entry.room.state;
  }

  /**
   * The session's state including everything committed on any node: the room first catches up
   * from the database. For reads that must not lag behind another node (who may see a report).
   */
  async sessionStateCurrent(sessionId: string): Promise<SessionState> {
    const { room } = await this.readyRoom(sessionId);
    try {
      await room.enqueue(async () => {
        if ((await room.catchUp()).length > 0) await this.deliverAll(room);
      });
      return room.state;
    } finally {
      this.releaseIfIdle(room);
    }
  }

  /**
   * Forgets body samples not stored yet, on this node and every other: one person's, or the
   * whole session's. Resolves once no write from before the call is still under way here, so
   * a delete that follows removes everything this node wrote.
   */
  async signalsForgotten(sessionId: string, participantId?: string): Promise<void> {
    this.deps.recorder?.forget(sessionId, participantId);
    const notice: SignalsNotice = { nodeId: this.deps.nodeId, participantId: participantId ?? '', samples: [], forget: true };
    await this.deps.bus.publish(signalsChannel(sessionId), signalsNoticeText(notice)).catch((error: unknown) => {
      this.deps.logger.warn('bus', 'could not tell other nodes to forget body signals', { sessionId, error: String(error) });
    });
    await this.deps.recorder?.flush();
    await this.changes.changed(sessionId);
  }

  /** The whole committed log of a session, oldest first (for reports). */
  async readLog(sessionId: string): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    for (;;) {
      const page = await this.deps.store.readAfter(sessionId, events.length === 0 ? 0 : (events[events.length - 1]?.seq ?? 0), CATCH_UP_PAGE_SIZE);
      events.push(...page);
      if (page.length < CATCH_UP_PAGE_SIZE) return events;
    }
  }

  /**
   * Lets go of a session that was just deleted from the database: its devices are told it is
   * gone, and other nodes are asked to do the same.
   */
  async sessionDeleted(sessionId: string): Promise<void> {
    this.dropRoom(sessionId);
    this.deps.recorder?.forget(sessionId);
    const notice: BusNotice = { nodeId: this.deps.nodeId, lastSeq: 0, deleted: true };
    await this.deps.bus.publish(sessionChannel(sessionId), JSON.stringify(notice)).catch((error: unknown) => {
      this.deps.logger.warn('bus', 'could not tell other nodes a session was deleted', { sessionId, error: String(error) });
    });
    await this.changes.changed(sessionId);
  }

  /**
   * Lets go of a session whose stored events were rewritten in place (a participant deleted their
   * account, and their name and words were taken out): every node drops its folded copy, which
   * still holds them, so nothing decided from it can write them back. Devices are asked to
   * reconnect, which folds the rewritten log afresh.
   */
  async sessionRewritten(sessionId: string): Promise<void> {
    this.dropRoom(sessionId, SESSION_REWRITTEN_CLOSE);
    const notice: BusNotice = { nodeId: this.deps.nodeId, lastSeq: 0, rewritten: true };
    await this.deps.bus.publish(sessionChannel(sessionId), JSON.stringify(notice)).catch((error: unknown) => {
      this.deps.logger.warn('bus', 'could not tell other nodes a session was rewritten', { sessionId, error: String(error) });
    });
    await this.changes.changed(sessionId);
  }

  /**
   * Closes every socket of `identityId` on this node (their account is being deleted): frames
   * already queued on them are then dropped, not handled.
   */
  closeConnectionsOf(identityId: string, code: number, reason: string): void {
    for (const { room } of this.rooms.values()) {
      for (const connection of room.connections) if (connection.identity.identityId === identityId) connection.socket.close(code, reason);
    }
  }

  /**
   * Whether a frame from `connection` may still be handled: its socket is open and its room is
   * still this node's room for the session. A dropped room (deleted, rewritten) keeps a stale
   * state, so nothing decided or recorded from it may reach the store.
   */
  private connectionIsLive(connection: Connection): boolean {
    return !this.closing && connection.socket.isOpen() && this.rooms.get(connection.room.sessionId)?.room === connection.room;
  }

  private dropRoom(sessionId: string, close: { readonly code: number; readonly reason: string } = SESSION_DELETED_CLOSE): void {
    const entry = this.rooms.get(sessionId);
    if (!entry) return;
    this.rooms.delete(sessionId);
    entry.room.cancelIdleRelease();
    for (const connection of entry.room.connections) {
      connection.socket.close(close.code, close.reason);
    }
    void unsubscribeAll(entry);
  }

  /**
   * Attaches an authenticated, authorised socket to a session and greets it. The device then
   * says hello with the last seq it holds; events flow once its person is in the session.
   */
  async connect(socket: RealtimeSocket, identity: ConnectionIdentity, sessionId: string): Promise<Connection> {
    const { room } = await this.readyRoom(sessionId);
    const connection = new Connection(
      socket,
      identity,
      room,
      tokenBucketFull(this.limits.messageBurst, this.limits.messagesPerSecond, this.deps.now()),
    );
    room.connections.add(connection);
    room.cancelIdleRelease();
    connection.send({
      type: 'welcome',
      protocolVersion: PROTOCOL_VERSION,
      sessionId,
      participantId: identity.identityId,
      present: sessionIsPresent(room.state, identity.identityId),
      serverTimeMs: this.deps.now(),
    });
    return connection;
  }

  /** Detaches a socket; a room nobody is connected to is let go after a while. */
  disconnect(connection: Connection): void {
    connection.room.connections.delete(connection);
    this.releaseIfIdle(connection.room);
  }

  /**
   * Checks a frame the moment it arrives: size, rate, JSON and shape. Clock-sync pings are
   * answered here, with the arrival time, so queued work never skews the clock estimate.
   * Returns the message to handle in order, or null when it was answered or refused.
   * `byteLength` is the frame's size in UTF-8, when the caller already knows it.
   */
  accept(connection: Connection, text: string, receivedAtMs: number, byteLength: number = Buffer.byteLength(text, 'utf8')): ClientMessage | null {
    if (byteLength > this.limits.frameMaxBytes) {
      this.sendError(connection, E.frameTooLarge, `Messages can be at most ${this.limits.frameMaxBytes} bytes; this one was not read.`);
      return null;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      this.sendError(connection, E.malformedFrame, 'That message was not valid JSON, so it was not read.');
      return null;
    }
    // Signal batches are most of the traffic; the hand-written check passes the usual ones
    // without the general schema, and anything it refuses goes through it for a precise error.
    const message = signalBatchQuickParse(raw) ?? this.checkShape(connection, raw);
    if (message === null) return null;
    if (!frameIsSafetyCommand(message) && !tokenBucketTake(connection.bucket, receivedAtMs)) {
      this.sendError(
        connection,
        E.rateLimited,
        'This device sent too many messages at once, so one was not read. It will be fine in a moment.',
        message.type === 'command' ? message.commandId : undefined,
      );
      return null;
    }
    if (message.type === 'ping') {
      connection.send({
        type: 'pong',
        pingId: message.pingId,
        clientSentAtMs: message.clientSentAtMs,
        serverReceivedAtMs: receivedAtMs,
        serverSentAtMs: this.deps.now(),
      });
      return null;
    }
    return message;
  }

  /** The message when it has a shape the server understands; otherwise says why and gives null. */
  private checkShape(connection: Connection, raw: unknown): ClientMessage | null {
    // Too deep to store and send on safely, or reaching into prototypes: refused before zod.
    const shapeProblem = jsonShapeProblem(raw);
    if (shapeProblem !== null) {
      this.sendError(connection, E.invalidMessage, `That message was not read: ${shapeProblem.message}`);
      return null;
    }
    const parsed = clientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') ?? '';
      const commandId =
        typeof raw === 'object' && raw !== null && 'commandId' in raw && typeof raw.commandId === 'string'
          ? raw.commandId.slice(0, 64)
          : undefined;
      this.sendError(
        connection,
        E.invalidMessage,
        `That message was not understood${where ? ` (at "${where}")` : ''}: ${issue?.message ?? 'unknown shape'}.`,
        commandId,
      );
      return null;
    }
    return parsed.data;
  }

  /** Handles one accepted hello or command, in arrival order. Never throws for bad input. */
  async handle(connection: Connection, message: ClientMessage): Promise<void> {
    if (!this.connectionIsLive(connection)) return;
    switch (message.type) {
      case 'ping':
        return;
      case 'hello':
        if (message.protocolVersion !== PROTOCOL_VERSION) {
          this.sendError(connection, E.protocolVersion, `This server speaks protocol ${PROTOCOL_VERSION}; please reload the page to update the app.`);
          return;
        }
        if (connection.sentSeq !== null) {
          this.sendError(connection, E.invalidMessage, 'This connection already said hello; reconnect to start again from another point.');
          return;
        }
        await connection.room.enqueue(async () => {
          connection.startFrom(message.lastSeq);
          await this.deliverCounted(connection);
        });
        return;
      case 'signals':
        this.receiveSignals(connection, message.samples);
        return;
      case 'command': {
        if (connection.sentSeq === null) {
          this.sendError(connection, E.helloFirst, 'Say hello first, with the last event you have.', message.commandId);
          return;
        }
        const { expiresAtMs } = connection.identity;
        const expired = expiresAtMs !== null && this.deps.now() >= expiresAtMs;
        if (expired && !SAFETY_COMMANDS.has(message.command.type)) {
          connection.socket.close(CLOSE_CODES.unauthorized, 'Your visit has expired; open your invite link again to continue.');
          return;
        }
        const actor: SessionActor = { participantId: connection.identity.identityId, kind: connection.identity.kind };
        const outcome = await this.submitFrom(connection, actor, message.commandId, message.command);
        if (outcome === null) return;
        connection.send({ type: 'ack', commandId: message.commandId, outcome });
        if (expired) connection.socket.close(CLOSE_CODES.unauthorized, 'Your visit has expired; open your invite link again to continue.');
        return;
      }
    }
  }

  /** `accept` then `handle`: for callers that need no arrival-time split (tests). */
  async receive(connection: Connection, text: string): Promise<void> {
    const message = this.accept(connection, text, this.deps.now());
    if (message) await this.handle(connection, message);
  }

  /**
   * Decides and commits one command for `actor`, from a socket or from an HTTP route. A
   * repeated command id returns the first outcome and adds nothing.
   */
  async submit(sessionId: string, actor: SessionActor, commandId: string, command: SessionCommand): Promise<CommandOutcome> {
    const { room } = await this.readyRoom(sessionId);
    try {
      return await room.enqueue(() => this.decideAndAppend(room, actor, commandId, command));
    } finally {
      this.releaseIfIdle(room);
    }
  }

  /** `submit` for a command from a socket: on its own room, and only while it is still live. */
  private async submitFrom(connection: Connection, actor: SessionActor, commandId: string, command: SessionCommand): Promise<CommandOutcome | null> {
    const { room } = connection;
    try {
      return await room.enqueue(async () => (this.connectionIsLive(connection) ? this.decideAndAppend(room, actor, commandId, command) : null));
    } finally {
      this.releaseIfIdle(room);
    }
  }

  private async decideAndAppend(
    room: SessionRoom,
    actor: SessionActor,
    commandId: string,
    command: SessionCommand,
  ): Promise<CommandOutcome> {
    /** Decides on the room as it stands now. */
    const decideNow = () => {
      const nowMs = serverTimeMs(this.deps.now());
      const decision = sessionDecide(room.state, { commandId, actor, sessionId: room.sessionId, command }, nowMs);
      const events = decision.ok ? decision.events.map((event) => ({ type: event.type, body: event as unknown as JsonValue })) : [];
      const outcome: CommandOutcome = decision.ok
        ? {
            ok: true,
            firstSeq: events.length > 0 ? room.lastSeq + 1 : null,
            lastSeq: events.length > 0 ? room.lastSeq + events.length : null,
          }
        : { ok: false, code: decision.code, message: decision.message };
      return { atMs: nowMs, events, outcome };
    };
    const appendInTurn = this.deps.store.appendInTurn?.bind(this.deps.store);
    for (let attempt = 0; attempt < APPEND_MAX_ATTEMPTS; attempt += 1) {
      const { atMs, events, outcome } = decideNow();
      const result = await this.deps.store.appendForCommand({
        sessionId: room.sessionId,
        expectedLastSeq: room.lastSeq,
        commandId,
        actorId: actor.participantId,
        atMs,
        events,
        outcome,
      });
      if (result.kind === 'conflict' && appendInTurn !== undefined) {
        // Another node appended first. Retrying optimistically let a node lose every round while
        // another appended back to back (4 writers on 3 nodes got 'busy'), so wait for the
        // session's lock instead and decide holding it: the writers then take turns.
        const inTurn = await appendInTurn({
          sessionId: room.sessionId,
          commandId,
          actorId: actor.participantId,
          knownLastSeq: room.lastSeq,
          decide: (missed) => {
            room.apply(missed);
            const next = decideNow();
            return { atMs: next.atMs, events: next.events, outcome: next.outcome };
          },
        });
        if (inTurn.kind === 'duplicate') return this.duplicateOutcome(inTurn.record, actor);
        room.apply(inTurn.events);
        if (inTurn.events.length > 0) this.publish(room, inTurn.events);
        await this.deliverAll(room);
        // The record holds the outcome just decided, as stored.
        return inTurn.record.outcome as unknown as CommandOutcome;
      }
      if (result.kind === 'conflict') {
        await room.catchUp();
        await this.deliverAll(room);
        continue;
      }
      if (result.kind === 'duplicate') return this.duplicateOutcome(result.record, actor);
      room.apply(result.events);
      // Committed: tell other nodes first, so a delivery problem here cannot keep it from them.
      if (result.events.length > 0) this.publish(room, result.events);
      await this.deliverAll(room);
      return outcome;
    }
    this.deps.logger.warn('realtime', 'command kept conflicting with other writers', { sessionId: room.sessionId, commandId });
    return { ok: false, code: R.busy, message: 'The session was very busy and your action did not go through. Please try again.' };
  }

  /** The first outcome of a repeated command id, unless someone else used that id. */
  private duplicateOutcome(record: CommandRecord, actor: SessionActor): CommandOutcome {
    if (record.actorId !== actor.participantId) {
      return { ok: false, code: R.commandIdReused, message: 'That command id was already used; send the command again with a new id.' };
    }
    return record.outcome as unknown as CommandOutcome;
  }

  /**
   * One person's body samples: checked against their boundaries now, passed to everyone
   * present here and on other nodes, and kept (downsampled) for the report. Nothing is kept
   * from someone who does not share: their readings stay on their own device.
   */
  private receiveSignals(connection: Connection, samples: readonly SignalSample[]): void {
    if (!this.connectionIsLive(connection)) return;
    if (connection.sentSeq === null) {
      this.sendError(connection, E.helloFirst, 'Say hello first, with the last event you have.');
      return;
    }
    const { room } = connection;
    const sender = connection.identity.identityId;
    if (!sessionIsPresent(room.state, sender)) {
      this.sendError(connection, E.notPresent, 'Join the session first; your readings were not passed on.');
      return;
    }
    if (!sessionSharesPhysiology(room.state, sender)) {
      this.sendError(connection, E.notSharing, 'Your boundaries keep your body signals to yourself, so these readings were not passed on or kept.');
      return;
    }
    const { kept, refused } = signalSamplesInWindow(samples, this.deps.now());
    this.deps.metrics?.signalSamplesReceived(kept.length, refused);
    if (refused > 0) {
      this.sendError(connection, E.invalidMessage, `${refused} reading(s) were stamped more than a minute away from the server's clock and were not kept; this device's clock may still be settling.`);
    }
    if (kept.length === 0) return;
    this.deps.recorder?.record(room.sessionId, sender, kept);
    // Serialised once for the devices here and the other nodes alike.
    const samplesJson = JSON.stringify(kept);
    this.deps.metrics?.signalBatchRelayed(signalsRelayToRoom(room, sender, kept, connection, samplesJson));
    const channel = signalsChannel(room.sessionId);
    // Several batches a second from every device: not published where no other node would hear.
    if (this.deps.bus.reachesOtherNodes?.(channel) === false) return;
    const notice: SignalsNotice = { nodeId: this.deps.nodeId, participantId: sender, samples: kept };
    this.deps.bus.publish(channel, signalsNoticeText(notice, samplesJson)).catch((error: unknown) => {
      this.deps.logger.warn('bus', 'publish of body signals failed', { sessionId: room.sessionId, error: String(error) });
    });
  }

  private publish(room: SessionRoom, events: readonly StoredEvent[]): void {
    const notice: BusNotice = { nodeId: this.deps.nodeId, lastSeq: events[events.length - 1]?.seq ?? room.lastSeq };
    this.deps.bus.publish(sessionChannel(room.sessionId), JSON.stringify(notice)).catch((error: unknown) => {
      // Other nodes repair a lost notice on their next resync tick.
      this.deps.logger.warn('bus', 'publish failed', { sessionId: room.sessionId, error: String(error) });
    });
  }

  /** `connection.deliver`, counted for /metrics. */
  private async deliverCounted(connection: Connection): Promise<void> {
    const before = connection.sentSeq ?? 0;
    await connection.deliver(this.deps.store);
    this.deps.metrics?.eventsDelivered((connection.sentSeq ?? 0) - before);
  }

  /** Delivers to every connection; one failing socket is closed without affecting the others. */
  private async deliverAll(room: SessionRoom): Promise<void> {
    await Promise.all(
      [...room.connections].map(async (connection) => {
        try {
          await this.deliverCounted(connection);
        } catch (error) {
          this.deps.logger.warn('realtime', 'delivery failed; closing that socket so it reconnects', { sessionId: room.sessionId, error: String(error) });
          connection.socket.close(1011, 'Something went wrong on our side; reconnecting will continue where you were.');
        }
      }),
    );
  }

  /** The room for `sessionId`, loaded from the database. A failed load is forgotten, so the next call retries. */
  private async readyRoom(sessionId: string): Promise<RoomEntry> {
    let entry = this.rooms.get(sessionId);
    if (!entry) {
      const room = new SessionRoom(sessionId, this.deps.store);
      const created: RoomEntry = { room, ready: Promise.resolve() };
      created.ready = room.enqueue(() => room.catchUp().then(() => undefined));
      this.rooms.set(sessionId, created);
      this.subscribe(created);
      entry = created;
    }
    try {
      await entry.ready;
    } catch (error) {
      if (this.rooms.get(sessionId) === entry) this.rooms.delete(sessionId);
      void unsubscribeAll(entry);
      throw error;
    }
    return entry;
  }

  /** Subscribes the room to its bus channels in the background; the room works without them. */
  private subscribe(entry: RoomEntry): void {
    const { room } = entry;
    this.deps.bus
      .subscribe(signalsChannel(room.sessionId), (text) => {
        // Our own batches were passed on, and our own forgets done, where they happened: skipped
        // before parsing, as every batch this node relays comes back to it here.
        if (signalsNoticeIsFrom(text, this.deps.nodeId)) return;
        const notice = signalsNoticeParse(text);
        if (!notice || notice.nodeId === this.deps.nodeId) return;
        if (notice.forget === true) this.deps.recorder?.forget(room.sessionId, notice.participantId === '' ? undefined : notice.participantId);
        else this.deps.metrics?.signalBatchRelayed(signalsRelayToRoom(room, notice.participantId, notice.samples, null));
      })
      .then(
        async (unsubscribe) => {
          if (this.rooms.get(room.sessionId) === entry) entry.unsubscribeSignals = unsubscribe;
          else await unsubscribe();
        },
        (error: unknown) => {
          this.deps.logger.warn('bus', 'subscribe to body signals failed; they reach only this node', { sessionId: room.sessionId, error: String(error) });
        },
      );
    this.deps.bus
      .subscribe(sessionChannel(room.sessionId), (text) => {
        this.onBusNotice(room, text);
      })
      .then(
        async (unsubscribe) => {
          if (this.rooms.get(room.sessionId) === entry) entry.unsubscribe = unsubscribe;
          else await unsubscribe();
        },
        (error: unknown) => {
          this.deps.logger.warn('bus', 'subscribe failed; this session relies on resync ticks', { sessionId: room.sessionId, error: String(error) });
        },
      );
  }

  /**
   * Lets go of a room nobody is connected to, after a grace period: reconnects and HTTP calls
   * right after would otherwise fold the whole log from the database again.
   */
  private releaseIfIdle(room: SessionRoom): void {
    if (room.connections.size > 0 || room.idleTimer !== null) return;
    room.idleTimer = setTimeout(() => {
      room.idleTimer = null;
      void room.enqueue(async () => {
        const entry = this.rooms.get(room.sessionId);
        if (entry?.room !== room || room.connections.size > 0) return;
        this.rooms.delete(room.sessionId);
        await unsubscribeAll(entry);
      });
    }, this.limits.idleRoomReleaseMs);
    room.idleTimer.unref();
  }

  private onBusNotice(room: SessionRoom, text: string): void {
    let notice: BusNotice;
    try {
      notice = JSON.parse(text) as BusNotice;
    } catch {
      return;
    }
    if (notice.deleted === true) {
      if (notice.nodeId !== this.deps.nodeId) {
        this.deps.recorder?.forget(room.sessionId);
        this.dropRoom(room.sessionId);
      }
      return;
    }
    if (notice.rewritten === true) {
      if (notice.nodeId !== this.deps.nodeId) this.dropRoom(room.sessionId, SESSION_REWRITTEN_CLOSE);
      return;
    }
    // Our own notices are already applied; anything newer comes from the database, never the bus.
    if (typeof notice.lastSeq !== 'number' || notice.lastSeq <= room.lastSeq) return;
    this.catchUpAndDeliver(room);
  }

  private catchUpAndDeliver(room: SessionRoom): void {
    void room
      .enqueue(async () => {
        if ((await room.catchUp()).length > 0) await this.deliverAll(room);
      })
      .catch((error: unknown) => {
        this.deps.logger.error('realtime', 'catch-up from the database failed', { sessionId: room.sessionId, error: String(error) });
      });
  }

  /**
   * Reads what other nodes committed but this one was not told of. Skipped for a session no other
   * node listens to (nobody else can append to it); and spread over turns of the event loop, so a
   * node holding thousands of rooms does not stop serving sockets while it reads for all of them.
   */
  private async resyncConnectedRooms(): Promise<void> {
    let sinceYield = 0;
    for (const { room } of [...this.rooms.values()]) {
      if (this.closing) return;
      if (room.connections.size === 0 || this.deps.bus.reachesOtherNodes?.(sessionChannel(room.sessionId)) === false) continue;
      this.catchUpAndDeliver(room);
      sinceYield += 1;
      if (sinceYield >= RESYNC_ROOMS_PER_TURN) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  private sendError(connection: Connection, code: ProtocolErrorCode, message: string, commandId?: string): void {
    connection.send({ type: 'error', code, message, ...(commandId === undefined ? {} : { commandId }) });
  }

  /**
   * Closes every socket (for shutdown) and lets go of every room. Work already under way finishes
   * first, so a command being written is committed and acknowledged before its socket closes;
   * frames that have not started are dropped unanswered, and the device sends them again.
   */
  async close(code: number, reason: string): Promise<void> {
    this.closing = true;
    clearInterval(this.resyncTimer);
    const entries = [...this.rooms.values()];
    await Promise.all(entries.map((entry) => entry.room.enqueue(() => Promise.resolve()).catch(() => undefined)));
    this.rooms.clear();
    for (const { room } of entries) {
      room.cancelIdleRelease();
      for (const connection of room.connections) connection.socket.close(code, reason);
    }
    // Last: with the bus unreachable these wait until it is closed, and devices must hear first.
    await this.changes.close();
    await Promise.all(
      entries.map(async (entry) => {
        await entry.ready.catch(() => undefined);
        await unsubscribeAll(entry);
      }),
    );
  }
}
