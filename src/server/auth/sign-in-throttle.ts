/**
 * Slowing down password and recovery-code guessing. Failures are counted per address and per
 * sign-in name (core/accounts decides); a browser that signed in to the account before carries the
 * `attune_device` cookie, so a stranger's guesses never lock the owner out of their own account.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loginThrottleDecide, type LoginFailureRecord, type LoginThrottlePolicy } from '../../core/accounts/index.ts';
import type { Logger } from '../log/logger.ts';
import type { LoginFailureStore } from '../store/login-failure-store.ts';
import type { TrustedDeviceStore } from '../store/trusted-device-store.ts';
import { SignInThrottledError } from './account-errors.ts';
import { tokenHash, tokenLooksValid, tokenNew } from './tokens.ts';

/** The cookie that marks a browser which signed in successfully before. */
export const DEVICE_COOKIE = 'attune_device';

/** How long a browser stays trusted after its last sign-in. */
export const DEVICE_COOKIE_MAX_AGE_MS = 365 * 24 * 60 * 60_000;

/** One attempt being judged: who it claims to be, from where, and on which browser. */
export interface SignInAttempt {
  /** Normalised sign-in name as typed. */
  readonly signInName: string;
  readonly address: string;
  /** Whether this browser signed in to that account before. */
  readonly trustedDevice: boolean;
}

/** What `SignInThrottle` needs. */
export interface SignInThrottleDependencies {
  readonly failures: LoginFailureStore;
  readonly devices: TrustedDeviceStore;
  readonly policy: LoginThrottlePolicy;
  readonly secureCookies: boolean;
  readonly logger: Logger;
  readonly now: () => number;
}

/** The address an attempt counts against (behind a proxy, only if TRUST_PROXY says so). */
export function requestAddress(request: FastifyRequest): string {
  return request.ip || 'local';
}

/** Judges attempts, records failures and remembers trusted browsers. */
export class SignInThrottle {
  private lastSweepMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: SignInThrottleDependencies) {}

  /** Whether this browser signed in to `identityId` before (false when there is no such account). */
  async deviceTrusted(request: FastifyRequest, identityId: string | null): Promise<boolean> {
    const token = request.cookies[DEVICE_COOKIE];
    if (identityId === null || token === undefined || !tokenLooksValid(token)) return false;
    return this.deps.devices.isTrustedFor(tokenHash(token), identityId);
  }

  /**
   * Counts the attempt as a failure before anything is checked, then throws `sign_in_throttled`
   * (429) if it has to wait. Counting first means guesses sent all at once cannot all slip past
   * the limit while each other's argon2 checks run; a success clears the count (`succeeded`).
   */
  async check(attempt: SignInAttempt): Promise<void> {
    const nowMs = this.deps.now();
    await this.deps.failures.record({ ...attempt, atMs: nowMs });
    const sinceMs = nowMs - this.deps.policy.windowMs;
    const [fromAddress, forAccount] = await Promise.all([
      this.deps.failures.fromAddress(attempt.address, sinceMs),
      this.deps.failures.forSignInName(attempt.signInName, sinceMs),
    ]);
    const own = { atMs: nowMs, trustedDevice: attempt.trustedDevice };
    const decision = loginThrottleDecide({
      nowMs,
      policy: this.deps.policy,
      failuresFromAddress: withoutOne(fromAddress, own),
      failuresForAccount: withoutOne(forAccount, own),
      trustedDevice: attempt.trustedDevice,
    });
    if (!decision.allowed) throw new SignInThrottledError(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
  }

  /**
   * No browser stays exempt from the per-account limit: after "sign out everywhere" or a new
   * password, a device someone else once used (a past partner's, an intruder's) must earn trust again.
   */
  async forgetTrustedDevices(identityId: string): Promise<void> {
    await this.deps.devices.forgetAllOf(identityId);
  }

  /** After the credentials turned out wrong: the attempt was already counted by `check`. */
  async failed(_attempt: SignInAttempt): Promise<void> {
    await this.sweep(this.deps.now());
  }

  /**
   * After a successful sign-in: forgets the name's failures and marks this browser as trusted for
   * the account (a new device token unless it already was).
   */
  async succeeded(request: FastifyRequest, reply: FastifyReply, signInName: string, identityId: string): Promise<void> {
    const nowMs = this.deps.now();
    await this.deps.failures.clearSignInName(signInName);
    const existing = request.cookies[DEVICE_COOKIE];
    const token =
      existing !== undefined && tokenLooksValid(existing) && (await this.deps.devices.isTrustedFor(tokenHash(existing), identityId))
        ? existing
        : tokenNew();
    await this.deps.devices.remember(tokenHash(token), identityId, nowMs);
    reply.setCookie(DEVICE_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.deps.secureCookies,
      path: '/',
      maxAge: Math.floor(DEVICE_COOKIE_MAX_AGE_MS / 1000),
    });
  }

  /** Forgets failures older than any window, at most once a minute. */
  private async sweep(nowMs: number): Promise<void> {
    if (nowMs - this.lastSweepMs < 60_000) return;
    this.lastSweepMs = nowMs;
    await this.deps.failures.deleteBefore(nowMs - this.deps.policy.windowMs).catch((error: unknown) => {
      this.deps.logger.warn('auth', 'could not sweep old sign-in failures', { error: String(error) });
    });
  }
}

/** `records` less one entry equal to `own` (the attempt itself, counted just before reading). */
function withoutOne(records: readonly LoginFailureRecord[], own: LoginFailureRecord): LoginFailureRecord[] {
  const index = records.findIndex((record) => record.atMs === own.atMs && record.trustedDevice === own.trustedDevice);
  return index < 0 ? [...records] : [...records.slice(0, index), ...records.slice(index + 1)];
}
