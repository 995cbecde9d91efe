/**
 * How long to wait before reconnecting: 1 s, 2 s, 4 s, 8 s, then 10 s for as long as it takes.
 * A little jitter (never more than a tenth) keeps many devices from knocking at the same instant
 * after a server restarts.
 */

/** The first wait after a connection drops. */
export const RECONNECT_FIRST_DELAY_MS = 1000;
/** The longest wait between two attempts. */
export const RECONNECT_MAX_DELAY_MS = 10_000;

/**
 * The wait before attempt number `attempt` (0 for the first retry). `jitter` in [0, 1) adds up
 * to a tenth more; pass 0 for the plain schedule.
 */
export function reconnectDelayMs(attempt: number, jitter = 0): number {
  const safeAttempt = Number.isFinite(attempt) && attempt > 0 ? Math.floor(attempt) : 0;
  // 2^4 × 1 s is already past the cap; clamping the exponent keeps the number small.
  const base = Math.min(RECONNECT_MAX_DELAY_MS, RECONNECT_FIRST_DELAY_MS * 2 ** Math.min(safeAttempt, 8));
  const spread = Math.min(Math.max(jitter, 0), 0.999);
  return Math.round(Math.min(RECONNECT_MAX_DELAY_MS, base * (1 + spread / 10)));
}
