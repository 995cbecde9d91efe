/**
 * An in-process chaos proxy for tests: a TCP proxy that sits between WebSocket clients and a
 * real Attune server, reads each direction as whole WebSocket frames (`websocket-frame-reader`),
 * and breaks the connection the ways real networks break it, on command.
 *
 * It works on the TCP stream, not on `ws` objects, because a WebSocket library at the proxy would
 * answer pings and close frames itself: a connection it had "stopped" would still look alive.
 * Here a silenced direction carries no byte at all, close frames included.
 *
 * What it models, and why each is something a user's network really does:
 * - `cut`: the TCP connection ends abruptly (RST) on both sides, with no close frame. A Wi-Fi
 *   hand-over, a NAT box restarting, a server node dying. Frames still queued are lost with it.
 * - `halfOpen`: one or both directions stop carrying bytes and nobody is told. A phone walking
 *   out of range, a laptop lid closed, a NAT mapping expired: the other end keeps a socket that
 *   looks open. Only a heartbeat notices. It applies to the connection open now, or, when there
 *   is none, to the next one from its first byte (a handshake that never completes). A silenced
 *   connection stays dead even after `heal()`: dead connections do not come back.
 * - `latency`: every frame in one direction waits this long. Frames keep their order: TCP never
 *   reorders a stream, so neither does the proxy. (Two different connections have no order
 *   between them, and the proxy does not invent one: a frame delayed on an old connection can
 *   reach the server after a newer connection's frames.)
 * - `loseNextAck` with `thenCut`: the server committed a command and its acknowledgement was on
 *   its way when the connection died. The realistic form of a lost acknowledgement.
 * - `loseNextAck` without `thenCut`: the acknowledgement vanishes and the connection carries on.
 *   No TCP network does this; it stands for any answer that never comes while connected (a
 *   server that dropped it, a proxy in between), and checks the client's resend-while-connected.
 * - `replayNextCommand`: the next command frame reaches the server twice. TCP does not duplicate
 *   either; it stands for what the server does see: the same command id again on one connection
 *   (a client resending after a timeout). Clients resending on a new connection need no proxy.
 * - `outage`: the server cannot be reached for a while: connections are cut and new ones reset.
 *
 * Not modelled: dropping, duplicating or reordering single frames inside a live TCP stream, or
 * corrupting bytes. A real network cannot do that without breaking the connection, which `cut`
 * and `halfOpen` already cover.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { WebSocketStreamReader, type StreamUnit } from './websocket-frame-reader.ts';

/** One direction of a proxied connection. */
export type ChaosDirection = 'toServer' | 'toClient';

/** A fault to inject. */
export type ChaosFault =
  | { readonly kind: 'cut' }
  | { readonly kind: 'halfOpen'; readonly silent: ChaosDirection | 'both' }
  | { readonly kind: 'latency'; readonly direction: ChaosDirection; readonly ms: number }
  | { readonly kind: 'loseNextAck'; readonly thenCut: boolean }
  | { readonly kind: 'replayNextCommand' }
  | { readonly kind: 'outage'; readonly ms: number };

/** A text frame that reached its destination, or an acknowledgement the proxy threw away. */
export interface ChaosObservation {
  readonly linkId: number;
  readonly direction: ChaosDirection;
  readonly text: string;
  readonly fate: 'delivered' | 'lost';
}

/** What the proxy did, for a test's report. */
export interface ChaosProxyStats {
  links: number;
  refused: number;
  cuts: number;
  halfOpens: number;
  acksLost: number;
  commandsReplayed: number;
  framesDelivered: number;
}

/** Where connections go: one address, or several taken in turn (nodes behind a balancer). */
export interface ChaosUpstream {
  readonly host: string;
  readonly port: number;
}

/** How to start a proxy. */
export interface ChaosProxyOptions {
  readonly upstreams: readonly ChaosUpstream[];
  /** Called for every text frame delivered, and every acknowledgement lost. */
  readonly observe?: (observation: ChaosObservation) => void;
}

interface Queued {
  readonly bytes: Buffer;
  readonly releaseAtMs: number;
  readonly text: string | null;
}

/** One direction of one link: reads its source, queues, writes to its destination. */
class Channel {
  readonly reader: WebSocketStreamReader;
  readonly queue: Queued[] = [];
  timer: ReturnType<typeof setTimeout> | null = null;
  lastReleaseAtMs = 0;
  silent = false;
  sourceEnded = false;
  sourceFailed = false;

  constructor(
    readonly direction: ChaosDirection,
    readonly source: Socket,
    readonly destination: Socket,
  ) {
    this.reader = new WebSocketStreamReader(direction === 'toClient');
  }
}

/** One client connection and its connection to the server. */
class ChaosLink {
  readonly channels: Record<ChaosDirection, Channel>;
  finished = false;

  constructor(
    readonly id: number,
    readonly client: Socket,
    readonly server: Socket,
  ) {
    this.channels = { toServer: new Channel('toServer', client, server), toClient: new Channel('toClient', server, client) };
  }
}

function isCommandFrame(text: string | null): boolean {
  return text !== null && text.startsWith('{') && messageTypeOf(text) === 'command';
}

function messageTypeOf(text: string): string | null {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { type } = parsed as { type?: unknown };
    return typeof type === 'string' ? type : null;
  } catch {
    return null;
  }
}

/** A running chaos proxy. Start it with `ChaosProxy.start`; `close()` when done. */
export class ChaosProxy {
  private readonly links = new Set<ChaosLink>();
  private nextLinkId = 1;
  private readonly latencyMs: Record<ChaosDirection, number> = { toServer: 0, toClient: 0 };
  private acksToLose: { thenCut: boolean }[] = [];
  private commandsToReplay = 0;
  private silenceNextLink: ChaosDirection | 'both' | null = null;
  private refusingUntilMs = 0;
  private readonly counts: ChaosProxyStats = { links: 0, refused: 0, cuts: 0, halfOpens: 0, acksLost: 0, commandsReplayed: 0, framesDelivered: 0 };

  private constructor(
    private readonly server: Server,
    /** The port clients connect to, on 127.0.0.1. */
    readonly port: number,
    private readonly options: ChaosProxyOptions,
  ) {}

  /** Listens on a free loopback port. */
  static async start(options: ChaosProxyOptions): Promise<ChaosProxy> {
    if (options.upstreams.length === 0) throw new Error('A chaos proxy needs at least one upstream.');
    const server = createServer({ allowHalfOpen: true });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        resolve();
      });
    });
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('The chaos proxy has no address.');
    const proxy = new ChaosProxy(server, address.port, options);
    server.on('connection', (client) => {
      proxy.accept(client);
    });
    return proxy;
  }

  /** The proxy as an HTTP origin (`http://127.0.0.1:port`); use `ws:` for sockets. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Applies a fault now (see the file header for what each one means). */
  inject(fault: ChaosFault): void {
    switch (fault.kind) {
      case 'cut': {
        const link = this.newestLink();
        if (link) this.cut(link);
        return;
      }
      case 'halfOpen': {
        const link = this.newestLink();
        if (link) this.silence(link, fault.silent);
        else this.silenceNextLink = fault.silent;
        return;
      }
      case 'latency':
        this.latencyMs[fault.direction] = Math.max(0, fault.ms);
        return;
      case 'loseNextAck':
        this.acksToLose.push({ thenCut: fault.thenCut });
        return;
      case 'replayNextCommand':
        this.commandsToReplay += 1;
        return;
      case 'outage':
        this.refusingUntilMs = Date.now() + fault.ms;
        for (const link of [...this.links]) this.cut(link);
        return;
    }
  }

  /**
   * The network is good again from now on: no latency, nothing armed, connections accepted.
   * Connections already silenced stay dead, as they would: the client has to notice.
   */
  heal(): void {
    this.latencyMs.toServer = 0;
    this.latencyMs.toClient = 0;
    this.acksToLose = [];
    this.commandsToReplay = 0;
    this.silenceNextLink = null;
    this.refusingUntilMs = 0;
  }

  /** Connections open now (including silenced ones nobody has noticed yet). */
  openLinks(): number {
    return this.links.size;
  }

  /** What the proxy has done so far. */
  stats(): ChaosProxyStats {
    return { ...this.counts };
  }

  /** Stops listening and ends every connection abruptly. */
  async close(): Promise<void> {
    for (const link of [...this.links]) this.finish(link, true);
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }

  private newestLink(): ChaosLink | null {
    let newest: ChaosLink | null = null;
    for (const link of this.links) if (newest === null || link.id > newest.id) newest = link;
    return newest;
  }

  private accept(client: Socket): void {
    client.on('error', () => undefined);
    if (Date.now() < this.refusingUntilMs) {
      this.counts.refused += 1;
      resetAbruptly(client);
      return;
    }
    const upstream = this.options.upstreams[(this.nextLinkId - 1) % this.options.upstreams.length] ?? this.options.upstreams[0];
    if (upstream === undefined) return;
    const server = connect({ host: upstream.host, port: upstream.port, allowHalfOpen: true });
    server.on('error', () => undefined);
    client.setNoDelay(true);
    server.setNoDelay(true);
    const link = new ChaosLink(this.nextLinkId, client, server);
    this.nextLinkId += 1;
    this.links.add(link);
    this.counts.links += 1;
    if (this.silenceNextLink !== null) {
      this.silence(link, this.silenceNextLink);
      this.silenceNextLink = null;
    }
    for (const channel of Object.values(link.channels)) this.wire(link, channel);
  }

  private wire(link: ChaosLink, channel: Channel): void {
    channel.source.on('data', (chunk: Buffer) => {
      for (const unit of channel.reader.push(chunk)) this.route(link, channel, unit);
    });
    channel.source.on('end', () => {
      channel.sourceEnded = true;
      this.flush(link, channel);
    });
    channel.source.on('error', () => {
      channel.sourceFailed = true;
    });
    channel.source.on('close', () => {
      channel.sourceEnded = true;
      this.flush(link, channel);
      this.finishIfDone(link);
    });
  }

  /** Decides the fate of one unit: forwarded (after the latency), lost, or sent twice. */
  private route(link: ChaosLink, channel: Channel, unit: StreamUnit): void {
    if (channel.silent || link.finished) return;
    const text = unit.kind === 'frame' ? unit.text : null;
    if (channel.direction === 'toClient' && text !== null && this.acksToLose.length > 0 && messageTypeOf(text) === 'ack') {
      const loss = this.acksToLose.shift();
      this.counts.acksLost += 1;
      this.options.observe?.({ linkId: link.id, direction: channel.direction, text, fate: 'lost' });
      if (loss?.thenCut === true) this.cut(link);
      return;
    }
    this.enqueue(link, channel, unit.bytes, text);
    if (channel.direction === 'toServer' && this.commandsToReplay > 0 && isCommandFrame(text)) {
      this.commandsToReplay -= 1;
      this.counts.commandsReplayed += 1;
      this.enqueue(link, channel, unit.bytes, text);
    }
  }

  private enqueue(link: ChaosLink, channel: Channel, bytes: Buffer, text: string | null): void {
    const releaseAtMs = Math.max(channel.lastReleaseAtMs, Date.now() + this.latencyMs[channel.direction]);
    channel.lastReleaseAtMs = releaseAtMs;
    channel.queue.push({ bytes, releaseAtMs, text });
    this.flush(link, channel);
  }

  /** Writes everything due, in order; waits for the next due frame; passes on an end. */
  private flush(link: ChaosLink, channel: Channel): void {
    if (channel.timer !== null) {
      clearTimeout(channel.timer);
      channel.timer = null;
    }
    if (link.finished) return;
    const nowMs = Date.now();
    while (channel.queue.length > 0) {
      const head = channel.queue[0];
      if (head === undefined || head.releaseAtMs > nowMs) break;
      channel.queue.shift();
      if (channel.silent || channel.destination.destroyed) continue;
      channel.destination.write(head.bytes);
      if (head.text !== null) {
        this.counts.framesDelivered += 1;
        this.options.observe?.({ linkId: link.id, direction: channel.direction, text: head.text, fate: 'delivered' });
      }
    }
    const next = channel.queue[0];
    if (next !== undefined) {
      channel.timer = setTimeout(() => {
        channel.timer = null;
        this.flush(link, channel);
      }, Math.max(0, next.releaseAtMs - nowMs));
      return;
    }
    // The source finished and everything it sent is through: tell the other end, unless this
    // direction is silent, when the other end must never learn.
    if (channel.sourceEnded && !channel.silent && !channel.destination.destroyed) {
      if (channel.sourceFailed) resetAbruptly(channel.destination);
      else channel.destination.end();
    }
  }

  private silence(link: ChaosLink, silent: ChaosDirection | 'both'): void {
    this.counts.halfOpens += 1;
    if (silent !== 'toClient') link.channels.toServer.silent = true;
    if (silent !== 'toServer') link.channels.toClient.silent = true;
  }

  private cut(link: ChaosLink): void {
    if (link.finished) return;
    this.counts.cuts += 1;
    this.finish(link, true);
  }

  private finishIfDone(link: ChaosLink): void {
    if (link.client.destroyed && link.server.destroyed) this.finish(link, false);
  }

  private finish(link: ChaosLink, abruptly: boolean): void {
    if (!this.links.delete(link) && link.finished) return;
    link.finished = true;
    for (const channel of Object.values(link.channels)) {
      if (channel.timer !== null) clearTimeout(channel.timer);
      channel.timer = null;
      channel.queue.length = 0;
    }
    if (abruptly) {
      resetAbruptly(link.client);
      resetAbruptly(link.server);
    }
  }
}

/**
 * Ends a socket with a TCP reset, as a broken network path would. One still connecting, or
 * already half-closed, is simply destroyed: on Node 20.20, `resetAndDestroy()` right after
 * `end()` spins the event loop for ever (checked with two bare `net` sockets).
 */
function resetAbruptly(socket: Socket): void {
  if (socket.destroyed) return;
  if (socket.connecting || socket.readableEnded || socket.writableEnded) socket.destroy();
  else socket.resetAndDestroy();
}
