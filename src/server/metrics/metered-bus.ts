/**
 * A `Bus` that counts publishes, failures and received messages around any other bus, and can
 * prove the bus answers (readiness) by publishing to a channel nobody listens on.
 */
import type { Bus, BusListener } from '../bus/bus.ts';

/** What the metered bus reports to. */
export interface BusMetrics {
  busPublished(ok: boolean): void;
  busMessageReceived(): void;
  busSubscribeFailed(): void;
}

/** The channel readiness publishes to; no node subscribes to it. */
export const READINESS_PROBE_CHANNEL = 'readiness-probe';

/** `inner`, counted. */
export class MeteredBus implements Bus {
  constructor(
    private readonly inner: Bus,
    private readonly metrics: BusMetrics,
  ) {}

  async publish(channel: string, message: string): Promise<void> {
    try {
      await this.inner.publish(channel, message);
    } catch (error) {
      this.metrics.busPublished(false);
      throw error;
    }
    this.metrics.busPublished(true);
  }

  async subscribe(channel: string, onMessage: BusListener): Promise<() => Promise<void>> {
    try {
      return await this.inner.subscribe(channel, (message) => {
        this.metrics.busMessageReceived();
        onMessage(message);
      });
    } catch (error) {
      this.metrics.busSubscribeFailed();
      throw error;
    }
  }

  reachesOtherNodes(channel: string): boolean {
    return this.inner.reachesOtherNodes?.(channel) ?? true;
  }

  /** Resolves once the bus took a message: the round trip to Redis works. */
  probe(): Promise<void> {
    return this.inner.publish(READINESS_PROBE_CHANNEL, '');
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
