import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  LOGIN_THROTTLE_DEFAULTS,
  loginThrottleDecide,
  type LoginFailureRecord,
} from './login-throttle.ts';

const MINUTE = 60_000;
const now = 1_000_000_000;
const policy = LOGIN_THROTTLE_DEFAULTS;

function failures(count: number, atMs: number, trustedDevice = false): LoginFailureRecord[] {
  return Array.from({ length: count }, () => ({ atMs, trustedDevice }));
}

function decide(input: {
  address?: readonly LoginFailureRecord[];
  account?: readonly LoginFailureRecord[];
  trustedDevice?: boolean;
}) {
  return loginThrottleDecide({
    nowMs: now,
    policy,
    failuresFromAddress: input.address ?? [],
    failuresForAccount: input.account ?? [],
    trustedDevice: input.trustedDevice ?? false,
  });
}

test('the defaults: 15 minutes, 20 failures per address, 5 per account', () => {
  assert.deepEqual(LOGIN_THROTTLE_DEFAULTS, {
    windowMs: 15 * MINUTE,
    perAddressMaxFailures: 20,
    perAccountMaxFailures: 5,
  });
});

test('no failures, or fewer than the limits, go ahead', () => {
  assert.deepEqual(decide({}), { allowed: true });
  assert.deepEqual(
    decide({ address: failures(19, now - MINUTE), account: failures(4, now - MINUTE) }),
    {
      allowed: true,
    },
  );
});

test('the fifth untrusted failure against an account makes the next attempt wait', () => {
  const account = [...failures(1, now - 10 * MINUTE), ...failures(4, now - 2 * MINUTE)];
  // The oldest leaves the window five minutes from now.
  assert.deepEqual(decide({ account }), { allowed: false, retryAfterMs: 5 * MINUTE });
});

test('far past the limit, the wait lasts until the attempt would be allowed, not one failure less', () => {
  const account = [
    ...failures(3, now - 14 * MINUTE),
    ...failures(3, now - 6 * MINUTE),
    ...failures(3, now - MINUTE),
  ];
  // Nine counted, limit five: the fifth oldest (six minutes ago) must leave, in nine minutes.
  assert.deepEqual(decide({ account }), { allowed: false, retryAfterMs: 9 * MINUTE });
});

test('a device that signed in to the account before is never refused for the account limit', () => {
  const account = failures(500, now - MINUTE);
  assert.deepEqual(decide({ account, trustedDevice: true }), { allowed: true });
  assert.equal(decide({ account }).allowed, false);
});

test('failures from trusted devices do not count against the account', () => {
  assert.deepEqual(decide({ account: failures(10, now - MINUTE, true) }), { allowed: true });
});

test('too many failures from one address wait, trusted device or not', () => {
  const address = failures(20, now - 3 * MINUTE);
  assert.deepEqual(decide({ address, trustedDevice: true }), {
    allowed: false,
    retryAfterMs: 12 * MINUTE,
  });
});

test('when both limits are reached, the longer wait wins', () => {
  const decision = decide({
    address: failures(20, now - 14 * MINUTE),
    account: failures(5, now - MINUTE),
  });
  assert.deepEqual(decision, { allowed: false, retryAfterMs: 14 * MINUTE });
});

test('failures older than the window no longer count', () => {
  assert.deepEqual(decide({ account: failures(5, now - 15 * MINUTE) }), { allowed: true });
  assert.deepEqual(decide({ account: failures(5, now - 15 * MINUTE + 1) }), {
    allowed: false,
    retryAfterMs: 1,
  });
});

test('a failure stamped after now counts as now, so the wait never exceeds the window', () => {
  assert.deepEqual(decide({ account: failures(5, now + 7 * MINUTE) }), {
    allowed: false,
    retryAfterMs: 15 * MINUTE,
  });
});
