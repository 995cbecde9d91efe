/**
 * Pub/sub between server nodes: after a node commits events it publishes a notice on the session's
 * channel, and every node pushes to its own sockets.
 *
 * At-most-once: a message can be lost (a node reconnecting to Redis, a slow subscriber dropped).
 * The bus is only a nudge to read sooner; catch-up and ordering always come from the event store
 * (`readAfter(lastSeqSeen)`), never from the bus.
 */

/** Called for each message on a subscribed channel; errors it throws are reported, not propagated. */
export type BusListener = (message: string) => void;

/** Cross-node pub/sub; `MemoryBus` in one process, `RedisBus` across processes. */
export interface Bus {
  /** Sends to every current subscriber of `channel` on every node; resolves once handed over. */
  publish(channel: string, message: string): Promise<void>;
  /** Resolves once the subscription is live (messages published after that arrive, in order); returns unsubscribe. */
  subscribe(channel: string, onMessage: BusListener): Promise<() => Promise<void>>;
  /**
   * False when no other node can hear a publish on `channel` now (an in-process bus where only
   * this node listens), so a busy publisher may skip it. Absent means others may always hear.
   */
  reachesOtherNodes?(channel: string): boolean;
  /** Drops all subscriptions and connections. */
  close(): Promise<void>;
}
