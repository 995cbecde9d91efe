/**
 * The realtime hub: sessions on this node, the devices connected to them, and the one path every
 * command takes: validate, authorise, decide, append with the next seqs in one transaction,
 * acknowledge after commit, publish, deliver. Transport-free: it sees sockets only through
 * `RealtimeSocket`, storage through `EventStore` and other nodes through `Bus`.
 */
import {
  CLOSE_CODES,
  clientMessageSchema,
  FRAME_MAX_BYTES,
  PROTOCOL_ERROR_CODES as E,
  PROTOCOL_VERSION,
  type CommandOutcome,
  type ProtocolErrorCode,
} from '../../core/protocol/messages.ts';
import type { SessionCommand } from '../../core/protocol/commands.ts';
import { REJECTION_CODES as R } from '../../core/protocol/rejection-codes.ts';
import { sessionDecide, type SessionActor } from '../../core/session/decide.ts';
import { serverTimeMs } from '../../core/time/instant.ts';
import type { Bus } from '../bus/bus.ts';
import type { Logger } from '../log/logger.ts';
import type { EventStore, JsonValue, StoredEvent } from '../store/event-store.ts';
import { Connection, type ConnectionIdentity } from './connection.ts';
import { SessionRoom } from './session-room.ts';
import type { RealtimeSocket } from './socket.ts';
import { tokenBucketFull, tokenBucketTake } from './token-bucket.ts';

/** How often a command is decided again after another node appended first. */
export const APPEND_MAX_ATTEMPTS = 8;

/** Limits applied to every connection. */
export interface HubLimits {
  readonly frameMaxBytes: number;
  readonly messagesPerSecond: number;
  readonly messageBurst: number;
  /** How long a room nobody is connected to stays in memory. */
  readonly idleRoomReleaseMs: number;
}

/** Sensible limits: a person's device sends a few messages a second at most. */
export const DEFAULT_HUB_LIMITS: HubLimits = {
  frameMaxBytes: FRAME_MAX_BYTES,
  messagesPerSecond: 20,
  messageBurst: 60,
  idleRoomReleaseMs: 60_000,
};

/** What the hub needs from the rest of the server. */
export interface HubDependencies {
  readonly store: EventStore;
  readonly bus: Bus;
  readonly logger: Logger;
  /** Server clock, in ms since the epoch. The only clock the hub reads. */
  readonly now: () => number;
  /** Distinguishes this node's bus messages from other nodes'. */
  readonly nodeId: string;
  readonly limits?: HubLimits;
}

/** How a person stands towards a session. */
export type SessionAccess = 'host' | 'member' | 'none' | 'missing';

interface BusNotice {
  readonly nodeId: string;
  readonly lastSeq: number;
}

/** The bus channel that carries "new events committed" notices for one session. */
export function sessionChannel(sessionId: string): string {
  return `session:${sessionId}`;
}

/** Sessions live on this node. */
export class SessionHub {
  private readonly rooms = new Map<string, { room: SessionRoom; ready: Promise<void>; unsubscribe?: () => Promise<void> }>();
  private readonly limits: HubLimits;

  constructor(private readonly deps: HubDependencies) {
    this.limits = deps.limits ?? DEFAULT_HUB_LIMITS;
  }

  /** Number of devices connected to this node. */
  connectionCount(): number {
    let count = 0;
    for (const { room } of this.rooms.values()) count += room.connections.size;
    return count;
  }

  /**
   * What `identityId` is to a session, from its log: its host, someone who has joined it, nobody
   * (`none`), or the session does not exist (`missing`).
   */
  async accessOf(sessionId: string, identityId: string): Promise<SessionAccess> {
    const entry = this.roomEntry(sessionId);
    try {
      await entry.ready;
      const { state } = entry.room;
      if (state.status === 'none') return 'missing';
      if (state.hostId === identityId) return 'host';
      return identityId in state.participants ? 'member' : 'none';
    } finally {
      this.releaseIfIdle(entry.room);
    }
  }

  /**
   * Attaches an authenticated, authorised socket to a session and greets it. The device then
   * says hello with the last seq it holds and receives everything after it.
   */
  async connect(socket: RealtimeSocket, identity: ConnectionIdentity, sessionId: string): Promise<Connection> {
    const entry = this.roomEntry(sessionId);
    const connection = new Connection(
      socket,
      identity,
      entry.room,
      tokenBucketFull(this.limits.messageBurst, this.limits.messagesPerSecond, this.deps.now()),
    );
    entry.room.connections.add(connection);
    entry.room.cancelIdleRelease();
    await entry.ready;
    connection.send({
      type: 'welcome',
      protocolVersion: PROTOCOL_VERSION,
      sessionId,
      participantId: identity.identityId,
      serverTimeMs: this.deps.now(),
    });
    return connection;
  }

  /** Detaches a socket; a room nobody is connected to is let go. */
  disconnect(connection: Connection): void {
    const { room } = connection;
    room.connections.delete(connection);
    this.releaseIfIdle(room);
  }

  /** Handles one text frame from a connected device. Never throws: problems go back as errors. */
  async receive(connection: Connection, text: string): Promise<void> {
    const nowMs = this.deps.now();
    if (Buffer.byteLength(text, 'utf8') > this.limits.frameMaxBytes) {
      this.sendError(connection, E.frameTooLarge, `Messages can be at most ${this.limits.frameMaxBytes} bytes; this one was not read.`);
      return;
    }
    if (!tokenBucketTake(connection.bucket, nowMs)) {
      this.sendError(connection, E.rateLimited, 'Too many messages at once; this one was not read. Slow down a little and try again.');
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      this.sendError(connection, E.malformedFrame, 'That message was not valid JSON, so it was not read.');
      return;
    }
    const parsed = clientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') ?? '';
      const commandId = typeof raw === 'object' && raw !== null && 'commandId' in raw && typeof raw.commandId === 'string' ? raw.commandId.slice(0, 64) : undefined;
      this.sendError(
        connection,
        E.invalidMessage,
        `That message was not understood${where ? ` (at "${where}")` : ''}: ${issue?.message ?? 'unknown shape'}.`,
        commandId,
      );
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ping':
        connection.send({
          type: 'pong',
          pingId: message.pingId,
          clientSentAtMs: message.clientSentAtMs,
          serverReceivedAtMs: nowMs,
          serverSentAtMs: this.deps.now(),
        });
        return;
      case 'hello':
        if (message.protocolVersion !== PROTOCOL_VERSION) {
          this.sendError(connection, E.protocolVersion, `This server speaks protocol ${PROTOCOL_VERSION}; please reload the page to update the app.`);
          return;
        }
        connection.startFrom(message.lastSeq);
        await connection.room.enqueue(() => connection.deliver(this.deps.store));
        return;
      case 'command': {
        const { expiresAtMs } = connection.identity;
        if (expiresAtMs !== null && nowMs >= expiresAtMs) {
          connection.socket.close(CLOSE_CODES.unauthorized, 'Your visit has expired; open your invite link again to continue.');
          return;
        }
        if (connection.sentSeq === null) {
          this.sendError(connection, E.helloFirst, 'Say hello first, with the last event you have.', message.commandId);
          return;
        }
        const actor: SessionActor = { participantId: connection.identity.identityId, kind: connection.identity.kind };
        const outcome = await this.submit(connection.room.sessionId, actor, message.commandId, message.command);
        connection.send({ type: 'ack', commandId: message.commandId, outcome });
        return;
      }
    }
  }

  /**
   * Decides and commits one command for `actor`, from a socket or from an HTTP route. A
   * repeated command id returns the first outcome and adds nothing.
   */
  async submit(sessionId: string, actor: SessionActor, commandId: string, command: SessionCommand): Promise<CommandOutcome> {
    const entry = this.roomEntry(sessionId);
    await entry.ready;
    const { room } = entry;
    try {
      return await room.enqueue(() => this.decideAndAppend(room, actor, commandId, command));
    } finally {
      if (room.connections.size === 0) this.releaseIfIdle(room);
    }
  }

  private async decideAndAppend(
    room: SessionRoom,
    actor: SessionActor,
    commandId: string,
    command: SessionCommand,
  ): Promise<CommandOutcome> {
    const { store } = this.deps;
    for (let attempt = 0; attempt < APPEND_MAX_ATTEMPTS; attempt += 1) {
      const nowMs = serverTimeMs(this.deps.now());
      const decision = sessionDecide(room.state, { commandId, actor, sessionId: room.sessionId, command }, nowMs);
      const events = decision.ok ? decision.events.map((event) => ({ type: event.type, body: event as unknown as JsonValue })) : [];
      const firstSeq = events.length > 0 ? room.lastSeq + 1 : null;
      const lastSeq = events.length > 0 ? room.lastSeq + events.length : null;
      const outcome: CommandOutcome = decision.ok
        ? { ok: true, firstSeq, lastSeq }
        : { ok: false, code: decision.code, message: decision.message };
      const result = await store.appendForCommand({
        sessionId: room.sessionId,
        expectedLastSeq: room.lastSeq,
        commandId,
        actorId: actor.participantId,
        atMs: nowMs,
        events,
        outcome,
      });
      if (result.kind === 'conflict') {
        await room.catchUp();
        await this.deliverAll(room);
        continue;
      }
      if (result.kind === 'duplicate') {
        if (result.record.actorId !== actor.participantId) {
          return { ok: false, code: R.commandIdReused, message: 'That command id was already used; send the command again with a new id.' };
        }
        return result.record.outcome as unknown as CommandOutcome;
      }
      room.apply(result.events);
      await this.deliverAll(room);
      if (result.events.length > 0) this.publish(room, result.events);
      return outcome;
    }
    this.deps.logger.warn('realtime', 'command kept conflicting with other writers', { sessionId: room.sessionId, commandId });
    return { ok: false, code: R.busy, message: 'The session was very busy and your action did not go through. Please try again.' };
  }

  private publish(room: SessionRoom, events: readonly StoredEvent[]): void {
    const notice: BusNotice = { nodeId: this.deps.nodeId, lastSeq: events[events.length - 1]?.seq ?? room.lastSeq };
    this.deps.bus.publish(sessionChannel(room.sessionId), JSON.stringify(notice)).catch((error: unknown) => {
      // Other nodes will still catch up from the database on their next notice or reconnect.
      this.deps.logger.warn('bus', 'publish failed', { sessionId: room.sessionId, error: String(error) });
    });
  }

  private async deliverAll(room: SessionRoom): Promise<void> {
    await Promise.all([...room.connections].map((connection) => connection.deliver(this.deps.store)));
  }

  private roomEntry(sessionId: string): { room: SessionRoom; ready: Promise<void> } {
    const existing = this.rooms.get(sessionId);
    if (existing) return existing;
    const room = new SessionRoom(sessionId, this.deps.store);
    const entry: { room: SessionRoom; ready: Promise<void>; unsubscribe?: () => Promise<void> } = {
      room,
      ready: Promise.resolve(),
    };
    entry.ready = room.enqueue(async () => {
      entry.unsubscribe = await this.deps.bus.subscribe(sessionChannel(sessionId), (text) => {
        this.onBusNotice(room, text);
      });
      await room.catchUp();
    });
    this.rooms.set(sessionId, entry);
    return entry;
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
        await entry.unsubscribe?.();
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
    if (notice.nodeId === this.deps.nodeId || notice.lastSeq <= room.lastSeq) return;
    // The notice says only that something was committed; the events themselves come from the database.
    void room
      .enqueue(async () => {
        await room.catchUp();
        await this.deliverAll(room);
      })
      .catch((error: unknown) => {
        this.deps.logger.error('realtime', 'catch-up after a bus notice failed', { sessionId: room.sessionId, error: String(error) });
      });
  }

  private sendError(connection: Connection, code: ProtocolErrorCode, message: string, commandId?: string): void {
    connection.send({ type: 'error', code, message, ...(commandId === undefined ? {} : { commandId }) });
  }

  /** Closes every socket (for shutdown) and lets go of every room. */
  async close(code: number, reason: string): Promise<void> {
    const entries = [...this.rooms.values()];
    this.rooms.clear();
    for (const { room } of entries) room.cancelIdleRelease();
    for (const { room } of entries) for (const connection of room.connections) connection.socket.close(code, reason);
    await Promise.all(entries.map(async (entry) => { await entry.ready.catch(() => undefined); await entry.unsubscribe?.(); }));
  }
}
