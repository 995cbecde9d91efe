/**
 * How long to wait before reconnecting: 1 s, 2 s, 4 s, 8 s, then 10 s for as long as it takes.
 * A little jitter (never more than a tenth) keeps many devices from knocking at the same instant
 * after a server restarts.
 */

/** The first wait after a connection drops. */
export const RECONNECT_FIRST_DELAY_MS = 1000;
/** The longest wait between two attempts. */
export const RECONNECT_MAX_DELAY_MS = 10_000;

/** The first wait and the cap; tests that fault the network many times a second shrink both. */
export interface ReconnectSchedule {
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

/** 1 s doubling to 10 s. */
export const RECONNECT_SCHEDULE_DEFAULT: ReconnectSchedule = {
  firstDelayMs: RECONNECT_FIRST_DELAY_MS,
  maxDelayMs: RECONNECT_MAX_DELAY_MS,
};

/**
 * The wait before attempt number `attempt` (0 for the first retry). `jitter` in [0, 1) adds up
 * to a tenth more; pass 0 for the plain schedule.
 */
export function reconnectDelayMs(attempt: number, jitter = 0, schedule: ReconnectSchedule = RECONNECT_SCHEDULE_DEFAULT): number {
  const safeAttempt = Number.isFinite(attempt) && attempt > 0 ? Math.floor(attempt) : 0;
  // 2^8 × the first wait is past any sensible cap; clamping the exponent keeps the number small.
  const base = Math.min(schedule.maxDelayMs, schedule.firstDelayMs * 2 ** Math.min(safeAttempt, 8));
  const spread = Math.min(Math.max(jitter, 0), 0.999);
  return Math.round(Math.min(schedule.maxDelayMs, base * (1 + spread / 10)));
}

/**
 * The wait after a server asked this device to reconnect (it is restarting, or its node is
 * stopping): anywhere in [0, 2 × first wait), spread evenly, so the devices of a stopping node do
 * not all arrive at the remaining nodes in the same instant, and none waits long.
 */
export function restartReconnectDelayMs(jitter: number, firstDelayMs: number = RECONNECT_FIRST_DELAY_MS): number {
  const spread = Number.isFinite(jitter) ? Math.min(Math.max(jitter, 0), 0.999) : 0;
  return Math.round(spread * 2 * firstDelayMs);
}
