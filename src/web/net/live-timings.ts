/**
 * How quickly a live connection notices trouble and tries again. The defaults suit phones on
 * real networks; tests that break the network many times a second pass shorter ones.
 */
import { RECONNECT_SCHEDULE_DEFAULT } from './backoff.ts';

/** The timings of one live connection. */
export interface LiveTimings {
  /** How long an unanswered command waits, while connected, before it is sent again (same id). */
  readonly commandResendAfterMs: number;
  /** How often a connected device checks that the server still answers. */
  readonly heartbeatIntervalMs: number;
  /**
   * Silence after which the connection is taken as dead and renewed; also how long a new
   * connection may take to be greeted.
   */
  readonly silenceLimitMs: number;
  /** The first wait before reconnecting; it doubles on each failure. */
  readonly reconnectFirstDelayMs: number;
  /** The longest wait between two attempts. */
  readonly reconnectMaxDelayMs: number;
}

/** How long an unanswered command waits, while connected, before it is sent again (same id). */
export const COMMAND_RESEND_AFTER_MS = 5000;
/** How often a connected device checks that the server still answers. */
export const HEARTBEAT_INTERVAL_MS = 10_000;
/** Silence after which the connection is taken as dead and renewed. */
export const SILENCE_LIMIT_MS = 25_000;

/** The timings a page uses. */
export const LIVE_TIMINGS_DEFAULT: LiveTimings = {
  commandResendAfterMs: COMMAND_RESEND_AFTER_MS,
  heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS,
  silenceLimitMs: SILENCE_LIMIT_MS,
  reconnectFirstDelayMs: RECONNECT_SCHEDULE_DEFAULT.firstDelayMs,
  reconnectMaxDelayMs: RECONNECT_SCHEDULE_DEFAULT.maxDelayMs,
};
