/**
 * Bus over Redis pub/sub (ioredis). One connection publishes; one connection (in subscriber mode)
 * carries every subscription of this node. Local listeners are multiplexed: the first listener of a
 * channel sends SUBSCRIBE, the last one to leave sends UNSUBSCRIBE.
 *
 * At-most-once, like all Redis pub/sub: messages published while the subscriber connection is down
 * are gone (ioredis resubscribes on reconnect, but does not replay). Catch-up comes from the event
 * store.
 */
import { Redis } from 'ioredis';
import type { Bus, BusListener } from './bus.ts';

/** Options of `RedisBus`. */
export interface RedisBusOptions {
  /** e.g. redis://127.0.0.1:6379 */
  url: string;
  /** Prepended to every channel name (e.g. `attune:` in production, a random one per test run). */
  channelPrefix?: string;
  /** Connection errors and listener exceptions end up here instead of crashing the process. */
  onError?: (error: unknown) => void;
}

interface ChannelState {
  listeners: Set<{ onMessage: BusListener }>;
  /** Settles when Redis has confirmed the SUBSCRIBE. */
  live: Promise<void>;
}

/** `Bus` across processes through Redis. */
export class RedisBus implements Bus {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly prefix: string;
  private readonly onError: (error: unknown) => void;
  /** Keyed by the full (prefixed) Redis channel name. */
  private readonly channels = new Map<string, ChannelState>();
  private closed = false;

  constructor(options: RedisBusOptions) {
    this.prefix = options.channelPrefix ?? '';
    this.onError =
      options.onError ??
      ((error) => {
        console.error('redis bus error', error);
      });
    this.publisher = new Redis(options.url);
    this.subscriber = new Redis(options.url);
    // Without an 'error' listener, ioredis errors are unhandled 'error' events and kill the process.
    this.publisher.on('error', this.onError);
    this.subscriber.on('error', this.onError);
    this.subscriber.on('message', (channel: string, message: string) => {
      this.deliver(channel, message);
    });
  }

  async publish(channel: string, message: string): Promise<void> {
    if (this.closed) throw new Error('bus is closed');
    await this.publisher.publish(this.prefix + channel, message);
  }

  async subscribe(channel: string, onMessage: BusListener): Promise<() => Promise<void>> {
    if (this.closed) throw new Error('bus is closed');
    const name = this.prefix + channel;
    let state = this.channels.get(name);
    if (state === undefined) {
      // Commands on one ioredis connection go out in order, so a SUBSCRIBE sent after a pending
      // UNSUBSCRIBE of the same channel still ends subscribed.
      const live = this.subscriber.subscribe(name).then(() => undefined);
      state = { listeners: new Set(), live };
      this.channels.set(name, state);
    }
    const listener = { onMessage };
    state.listeners.add(listener);
    const current = state;
    try {
      await current.live;
    } catch (error) {
      await this.leave(name, current, listener);
      throw error;
    }
    let subscribed = true;
    return async () => {
      if (!subscribed) return;
      subscribed = false;
      await this.leave(name, current, listener);
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.channels.clear();
    // QUIT waits in ioredis's offline queue while Redis is unreachable, for ever; disconnect()
    // instead fails what is queued (pending subscribes included), so shutdown can finish.
    await Promise.allSettled([this.subscriber, this.publisher].map(async (redis) => {
      if (redis.status === 'ready') await redis.quit();
      else redis.disconnect();
    }));
  }

  private async leave(
    name: string,
    state: ChannelState,
    listener: { onMessage: BusListener },
  ): Promise<void> {
    state.listeners.delete(listener);
    if (state.listeners.size > 0 || this.channels.get(name) !== state) return;
    this.channels.delete(name);
    if (this.closed) return;
    await this.subscriber.unsubscribe(name);
  }

  private deliver(name: string, message: string): void {
    const state = this.channels.get(name);
    if (state === undefined) return;
    for (const listener of [...state.listeners]) {
      try {
        listener.onMessage(message);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}
