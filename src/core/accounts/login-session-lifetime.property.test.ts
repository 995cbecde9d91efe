import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  loginSessionEndsAtMs,
  loginSessionReauthenticatedUntilMs,
  loginSessionStatus,
  type LoginSessionPolicy,
  type LoginSessionTimes,
} from './login-session-lifetime.ts';

const START = 1_700_000_000_000;
const SPAN = 90 * 24 * 60 * 60_000;

const policyArbitrary: fc.Arbitrary<LoginSessionPolicy> = fc.record({
  idleTimeoutMs: fc.integer({ min: 1, max: 14 * 24 * 60 * 60_000 }),
  absoluteLifetimeMs: fc.integer({ min: 1, max: 60 * 24 * 60 * 60_000 }),
  reauthenticationWindowMs: fc.integer({ min: 1, max: 60 * 60_000 }),
});

/** Times as the server keeps them: last seen and re-authenticated at or after creation. */
const timesArbitrary: fc.Arbitrary<LoginSessionTimes> = fc
  .record({
    createdAtMs: fc.integer({ min: START, max: START + SPAN }),
    seenAfterMs: fc.nat({ max: SPAN }),
    reauthAfterMs: fc.nat({ max: SPAN }),
    revokedAfterMs: fc.option(fc.nat({ max: SPAN })),
  })
  .map(({ createdAtMs, seenAfterMs, reauthAfterMs, revokedAfterMs }) => ({
    createdAtMs,
    lastSeenAtMs: createdAtMs + seenAfterMs,
    reauthenticatedAtMs: createdAtMs + Math.min(reauthAfterMs, seenAfterMs),
    revokedAtMs: revokedAfterMs === null ? null : createdAtMs + revokedAfterMs,
  }));

const nowArbitrary = fc.integer({ min: START - SPAN, max: START + 3 * SPAN });

test('a session is active exactly when it is not revoked and its end has not come', () => {
  fc.assert(
    fc.property(timesArbitrary, nowArbitrary, policyArbitrary, (times, nowMs, policy) => {
      const active = loginSessionStatus(times, nowMs, policy) === 'active';
      assert.equal(
        active,
        times.revokedAtMs === null && nowMs < loginSessionEndsAtMs(times, policy),
      );
    }),
  );
});

test('activity never carries a session past its absolute lifetime', () => {
  fc.assert(
    fc.property(
      timesArbitrary,
      fc.nat({ max: SPAN }),
      nowArbitrary,
      policyArbitrary,
      (times, laterMs, nowMs, policy) => {
        const used = { ...times, lastSeenAtMs: times.lastSeenAtMs + laterMs };
        const absoluteEndMs = times.createdAtMs + policy.absoluteLifetimeMs;
        assert.ok(loginSessionEndsAtMs(used, policy) <= absoluteEndMs);
        assert.ok(loginSessionEndsAtMs(used, policy) >= loginSessionEndsAtMs(times, policy));
        if (nowMs >= absoluteEndMs)
          assert.notEqual(loginSessionStatus(used, nowMs, policy), 'active');
      },
    ),
  );
});

test('re-authentication lasts at most its window, ends before the session does, and only while active', () => {
  fc.assert(
    fc.property(timesArbitrary, nowArbitrary, policyArbitrary, (times, nowMs, policy) => {
      const untilMs = loginSessionReauthenticatedUntilMs(times, nowMs, policy);
      if (untilMs === null) return;
      assert.equal(loginSessionStatus(times, nowMs, policy), 'active');
      assert.ok(nowMs < untilMs);
      assert.ok(untilMs <= times.reauthenticatedAtMs + policy.reauthenticationWindowMs);
      assert.ok(untilMs <= loginSessionEndsAtMs(times, policy));
    }),
  );
});
