/**
 * How long a sign-in lasts. A session ends after a stretch without use (idle) or at a fixed time
 * after sign-in (absolute), whichever is first; use never stretches the absolute end. Sensitive
 * changes ask for the password again unless it was given within a short window.
 */

/** The three lengths of time a session is measured against. */
export interface LoginSessionPolicy {
  readonly idleTimeoutMs: number;
  readonly absoluteLifetimeMs: number;
  readonly reauthenticationWindowMs: number;
}

/** Idle 7 days, absolute 30 days, re-authentication 10 minutes. */
export const LOGIN_SESSION_DEFAULTS: LoginSessionPolicy = {
  idleTimeoutMs: 7 * 24 * 60 * 60_000,
  absoluteLifetimeMs: 30 * 24 * 60 * 60_000,
  reauthenticationWindowMs: 10 * 60_000,
};

/** When a session began, was last used, last had its password confirmed, and was revoked (if ever). */
export interface LoginSessionTimes {
  readonly createdAtMs: number;
  readonly lastSeenAtMs: number;
  readonly reauthenticatedAtMs: number;
  readonly revokedAtMs: number | null;
}

/** Where a session stands. */
export type LoginSessionStatus = 'active' | 'revoked' | 'idle_expired' | 'expired';

/** How often, at most, the last-seen time is written. */
export const LOGIN_SESSION_TOUCH_INTERVAL_MS = 60_000;

/** When the session ends unless used again: min(lastSeen + idle, created + absolute). */
export function loginSessionEndsAtMs(times: LoginSessionTimes, policy: LoginSessionPolicy): number {
  return Math.min(
    times.lastSeenAtMs + policy.idleTimeoutMs,
    times.createdAtMs + policy.absoluteLifetimeMs,
  );
}

/**
 * Where the session stands at `nowMs`: revoked once it has a revocation time (revoking is final),
 * else expired from its absolute lifetime, else expired from idleness, else active.
 */
export function loginSessionStatus(
  times: LoginSessionTimes,
  nowMs: number,
  policy: LoginSessionPolicy,
): LoginSessionStatus {
  if (times.revokedAtMs !== null) return 'revoked';
  if (nowMs >= times.createdAtMs + policy.absoluteLifetimeMs) return 'expired';
  if (nowMs >= times.lastSeenAtMs + policy.idleTimeoutMs) return 'idle_expired';
  return 'active';
}

/**
 * Until when the password counts as just confirmed: the re-authentication window after it was last
 * given, cut short if the session ends first. Null if that time has passed or the session is not
 * active.
 */
export function loginSessionReauthenticatedUntilMs(
  times: LoginSessionTimes,
  nowMs: number,
  policy: LoginSessionPolicy,
): number | null {
  if (loginSessionStatus(times, nowMs, policy) !== 'active') return null;
  const untilMs = Math.min(
    times.reauthenticatedAtMs + policy.reauthenticationWindowMs,
    loginSessionEndsAtMs(times, policy),
  );
  return nowMs < untilMs ? untilMs : null;
}

/**
 * Whether the last-seen time is due to be written: once LOGIN_SESSION_TOUCH_INTERVAL_MS has passed
 * since the last write, so a busy session does not write on every request. The idle timeout is
 * days long, so a minute of lag in last-seen never matters.
 */
export function loginSessionTouchDue(times: LoginSessionTimes, nowMs: number): boolean {
  return nowMs - times.lastSeenAtMs >= LOGIN_SESSION_TOUCH_INTERVAL_MS;
}
