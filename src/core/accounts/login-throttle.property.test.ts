import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  loginThrottleDecide,
  type LoginFailureRecord,
  type LoginThrottleDecision,
  type LoginThrottlePolicy,
} from './login-throttle.ts';

const NOW = 1_700_000_000_000;

const policyArbitrary: fc.Arbitrary<LoginThrottlePolicy> = fc.record({
  windowMs: fc.integer({ min: 1, max: 60 * 60_000 }),
  perAddressMaxFailures: fc.integer({ min: 1, max: 12 }),
  perAccountMaxFailures: fc.integer({ min: 1, max: 8 }),
});

/** Failures from well before the window to a little after now (a clock that stepped back). */
const failuresArbitrary = fc.array(
  fc.record({
    atMs: fc.integer({ min: NOW - 2 * 60 * 60_000, max: NOW + 60_000 }),
    trustedDevice: fc.boolean(),
  }),
  { maxLength: 30 },
);

const inputArbitrary = fc.record({
  nowMs: fc.constant(NOW),
  policy: policyArbitrary,
  failuresFromAddress: failuresArbitrary,
  failuresForAccount: failuresArbitrary,
  trustedDevice: fc.boolean(),
});

function waitOf(decision: LoginThrottleDecision): number {
  return decision.allowed ? 0 : decision.retryAfterMs;
}

test('a trusted device is never refused by failures against the account alone', () => {
  fc.assert(
    fc.property(inputArbitrary, (input) => {
      const decision = loginThrottleDecide({
        ...input,
        failuresFromAddress: [],
        trustedDevice: true,
      });
      assert.deepEqual(decision, { allowed: true });
    }),
  );
});

test('a refusal waits more than nothing and at most one window', () => {
  fc.assert(
    fc.property(inputArbitrary, (input) => {
      const decision = loginThrottleDecide(input);
      if (!decision.allowed) {
        assert.ok(decision.retryAfterMs > 0);
        assert.ok(decision.retryAfterMs <= input.policy.windowMs);
      }
    }),
  );
});

test('more failures never shorten the wait or turn a refusal into an attempt', () => {
  fc.assert(
    fc.property(
      inputArbitrary,
      failuresArbitrary,
      failuresArbitrary,
      (input, moreAddress, moreAccount) => {
        const before = waitOf(loginThrottleDecide(input));
        const after = waitOf(
          loginThrottleDecide({
            ...input,
            failuresFromAddress: [...input.failuresFromAddress, ...moreAddress],
            failuresForAccount: [...input.failuresForAccount, ...moreAccount],
          }),
        );
        assert.ok(after >= before, `${after} < ${before}`);
      },
    ),
  );
});

test('failures older than the window never matter', () => {
  const oldFailuresArbitrary = fc.array(
    fc.record({ offsetMs: fc.nat({ max: 10 * 60 * 60_000 }), trustedDevice: fc.boolean() }),
    { maxLength: 40 },
  );
  fc.assert(
    fc.property(
      inputArbitrary,
      oldFailuresArbitrary,
      oldFailuresArbitrary,
      (input, oldAddress, oldAccount) => {
        const old = (records: typeof oldAddress): LoginFailureRecord[] =>
          records.map(({ offsetMs, trustedDevice }) => ({
            atMs: input.nowMs - input.policy.windowMs - offsetMs,
            trustedDevice,
          }));
        const withOld = loginThrottleDecide({
          ...input,
          failuresFromAddress: [...old(oldAddress), ...input.failuresFromAddress],
          failuresForAccount: [...input.failuresForAccount, ...old(oldAccount)],
        });
        assert.deepEqual(withOld, loginThrottleDecide(input));
      },
    ),
  );
});

test('the order failures are listed in does not matter', () => {
  fc.assert(
    fc.property(inputArbitrary, (input) => {
      const reversed = loginThrottleDecide({
        ...input,
        failuresFromAddress: [...input.failuresFromAddress].reverse(),
        failuresForAccount: [...input.failuresForAccount].reverse(),
      });
      assert.deepEqual(reversed, loginThrottleDecide(input));
    }),
  );
});
