/**
 * In-process bus: for a single node and for tests. Several `MemoryBus`es on one `MemoryBusHub`
 * behave like several nodes on one Redis. Delivery is asynchronous (a microtask per message), so
 * a publisher never re-enters its own listeners synchronously, and in publish order per channel.
 */
import type { Bus, BusListener } from './bus.ts';

interface Subscription {
  listener: BusListener;
  active: boolean;
  /** The bus (the "node") that subscribed. */
  owner: object;
}

/** The shared "broker" behind one or more memory buses. */
export class MemoryBusHub {
  private readonly channels = new Map<string, Set<Subscription>>();

  /** Queues delivery to everyone subscribed right now. */
  publish(channel: string, message: string, onError: (error: unknown) => void): void {
    const subscribers = this.channels.get(channel);
    if (subscribers === undefined) return;
    for (const subscription of [...subscribers]) {
      queueMicrotask(() => {
        if (!subscription.active) return;
        try {
          subscription.listener(message);
        } catch (error) {
          onError(error);
        }
      });
    }
  }

  /** Whether anyone but `owner` is subscribed to `channel`. */
  hasOtherSubscriber(channel: string, owner: object): boolean {
    const subscribers = this.channels.get(channel);
    if (subscribers === undefined) return false;
    for (const subscription of subscribers) if (subscription.owner !== owner) return true;
    return false;
  }

  /** Adds a subscription; the returned one is live at once. */
  add(channel: string, listener: BusListener, owner: object): Subscription {
    const subscription: Subscription = { listener, active: true, owner };
    const subscribers = this.channels.get(channel) ?? new Set<Subscription>();
    subscribers.add(subscription);
    this.channels.set(channel, subscribers);
    return subscription;
  }

  /** Removes a subscription; messages already queued for it are dropped. */
  remove(channel: string, subscription: Subscription): void {
    subscription.active = false;
    const subscribers = this.channels.get(channel);
    subscribers?.delete(subscription);
    if (subscribers?.size === 0) this.channels.delete(channel);
  }

  /** Number of channels with at least one subscriber (for leak checks in tests). */
  get channelCount(): number {
    return this.channels.size;
  }
}

/** Options of `MemoryBus`. */
export interface MemoryBusOptions {
  /** Share to simulate several nodes; default: a private hub. */
  hub?: MemoryBusHub;
  /** Receives errors thrown by listeners (default: console.error). */
  onError?: (error: unknown) => void;
}

/** `Bus` inside one process. */
export class MemoryBus implements Bus {
  private readonly hub: MemoryBusHub;
  private readonly onError: (error: unknown) => void;
  private readonly mine = new Set<{ channel: string; subscription: Subscription }>();
  private closed = false;

  constructor(options: MemoryBusOptions = {}) {
    this.hub = options.hub ?? new MemoryBusHub();
    this.onError =
      options.onError ??
      ((error) => {
        console.error('memory bus listener failed', error);
      });
  }

  publish(channel: string, message: string): Promise<void> {
    if (this.closed) return Promise.reject(new Error('bus is closed'));
    this.hub.publish(channel, message, this.onError);
    return Promise.resolve();
  }

  reachesOtherNodes(channel: string): boolean {
    return this.hub.hasOtherSubscriber(channel, this);
  }

  subscribe(channel: string, onMessage: BusListener): Promise<() => Promise<void>> {
    if (this.closed) return Promise.reject(new Error('bus is closed'));
    const entry = { channel, subscription: this.hub.add(channel, onMessage, this) };
    this.mine.add(entry);
    return Promise.resolve(() => {
      this.mine.delete(entry);
      this.hub.remove(channel, entry.subscription);
      return Promise.resolve();
    });
  }

  close(): Promise<void> {
    this.closed = true;
    for (const entry of this.mine) this.hub.remove(entry.channel, entry.subscription);
    this.mine.clear();
    return Promise.resolve();
  }
}
