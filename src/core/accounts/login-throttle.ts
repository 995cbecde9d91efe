/**
 * Whether a sign-in attempt may go ahead, decided from earlier failures. Limits guessing from one
 * address and against one account, without letting a stranger lock the owner out: failures from
 * devices that never signed in to the account count against it, and a device that did sign in
 * before (an OWASP "device cookie") is never refused for the account limit.
 */

/**
 * How many failures, in how long a window, an address and an account may have before the next
 * attempt waits. The window is positive; a limit below 1 counts as 1.
 */
export interface LoginThrottlePolicy {
  readonly windowMs: number;
  readonly perAddressMaxFailures: number;
  readonly perAccountMaxFailures: number;
}

/** 15 minutes; 20 failures from one address; 5 untrusted failures against one account. */
export const LOGIN_THROTTLE_DEFAULTS: LoginThrottlePolicy = {
  windowMs: 15 * 60_000,
  perAddressMaxFailures: 20,
  perAccountMaxFailures: 5,
};

/** One failed sign-in: when, and whether it came from a device trusted by the account. */
export interface LoginFailureRecord {
  readonly atMs: number;
  readonly trustedDevice: boolean;
}

/** Go ahead, or wait this long first. */
export type LoginThrottleDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

/** What the decision is made from. */
export interface LoginThrottleInput {
  readonly nowMs: number;
  readonly policy: LoginThrottlePolicy;
  /** Failures from the address the attempt comes from. */
  readonly failuresFromAddress: readonly LoginFailureRecord[];
  /** Failures recorded under the normalised sign-in name, whether or not such an account exists. */
  readonly failuresForAccount: readonly LoginFailureRecord[];
  /** Whether this attempt comes from a device that signed in to this account before. */
  readonly trustedDevice: boolean;
}

/**
 * How long until at most `maxFailures - 1` of `failures` are still inside the window, or 0 when that
 * is already so. Failures outside the window are ignored; one stamped after `nowMs` (the clock
 * stepped back) counts as happening now. When the limit is reached, the attempt waits until enough
 * of the oldest counted failures have left the window that it would be allowed.
 */
function waitUnderLimitMs(
  failures: readonly LoginFailureRecord[],
  maxFailures: number,
  nowMs: number,
  windowMs: number,
): number {
  const limit = Math.max(1, Math.floor(maxFailures));
  const windowStartMs = nowMs - windowMs;
  const counted = failures
    .map((failure) => Math.min(failure.atMs, nowMs))
    .filter((atMs) => atMs > windowStartMs)
    .sort((a, b) => a - b);
  if (counted.length < limit) return 0;
  // Once the failure at this index has left the window, limit - 1 remain.
  const leavingAtMs = (counted[counted.length - limit] ?? nowMs) + windowMs;
  return leavingAtMs - nowMs;
}

/**
 * Whether the attempt may go ahead, and if not, how long until it may. Refused while the address
 * has `perAddressMaxFailures` failures inside the window, or, for an attempt from a device that is
 * not trusted, while the account has `perAccountMaxFailures` failures from untrusted devices inside
 * the window. A trusted device is never refused for the account limit, so someone guessing from
 * elsewhere cannot lock the owner out. The inputs say nothing about whether the account exists, so
 * neither does the decision.
 */
export function loginThrottleDecide(input: LoginThrottleInput): LoginThrottleDecision {
  const { nowMs, policy } = input;
  const addressWaitMs = waitUnderLimitMs(
    input.failuresFromAddress,
    policy.perAddressMaxFailures,
    nowMs,
    policy.windowMs,
  );
  const accountWaitMs = input.trustedDevice
    ? 0
    : waitUnderLimitMs(
        input.failuresForAccount.filter((failure) => !failure.trustedDevice),
        policy.perAccountMaxFailures,
        nowMs,
        policy.windowMs,
      );
  const retryAfterMs = Math.max(addressWaitMs, accountWaitMs);
  return retryAfterMs > 0 ? { allowed: false, retryAfterMs } : { allowed: true };
}
