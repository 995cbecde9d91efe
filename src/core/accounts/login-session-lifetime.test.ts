import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  LOGIN_SESSION_DEFAULTS,
  LOGIN_SESSION_TOUCH_INTERVAL_MS,
  loginSessionEndsAtMs,
  loginSessionReauthenticatedUntilMs,
  loginSessionStatus,
  loginSessionTouchDue,
  type LoginSessionTimes,
} from './login-session-lifetime.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const policy = LOGIN_SESSION_DEFAULTS;
const created = 1_700_000_000_000;
const fresh: LoginSessionTimes = {
  createdAtMs: created,
  lastSeenAtMs: created,
  reauthenticatedAtMs: created,
  revokedAtMs: null,
};

test('the defaults: idle 7 days, absolute 30 days, re-authentication 10 minutes', () => {
  assert.deepEqual(LOGIN_SESSION_DEFAULTS, {
    idleTimeoutMs: 7 * DAY,
    absoluteLifetimeMs: 30 * DAY,
    reauthenticationWindowMs: 10 * MINUTE,
  });
});

test('a session left alone ends a week after it was last used', () => {
  assert.equal(loginSessionEndsAtMs(fresh, policy), created + 7 * DAY);
  assert.equal(loginSessionStatus(fresh, created + 7 * DAY - 1, policy), 'active');
  assert.equal(loginSessionStatus(fresh, created + 7 * DAY, policy), 'idle_expired');
});

test('a session used every day still ends thirty days after sign-in', () => {
  const usedYesterday = { ...fresh, lastSeenAtMs: created + 29 * DAY };
  assert.equal(loginSessionEndsAtMs(usedYesterday, policy), created + 30 * DAY);
  assert.equal(loginSessionStatus(usedYesterday, created + 30 * DAY - 1, policy), 'active');
  assert.equal(loginSessionStatus(usedYesterday, created + 30 * DAY, policy), 'expired');
});

test('a revoked session stays revoked, whatever the time', () => {
  const revoked = { ...fresh, revokedAtMs: created + MINUTE };
  assert.equal(loginSessionStatus(revoked, created + 2 * MINUTE, policy), 'revoked');
  assert.equal(loginSessionStatus(revoked, created + 60 * DAY, policy), 'revoked');
  assert.equal(loginSessionReauthenticatedUntilMs(revoked, created + 2 * MINUTE, policy), null);
});

test('the password counts as just given for ten minutes, never past the session end', () => {
  assert.equal(
    loginSessionReauthenticatedUntilMs(fresh, created + MINUTE, policy),
    created + 10 * MINUTE,
  );
  assert.equal(loginSessionReauthenticatedUntilMs(fresh, created + 10 * MINUTE, policy), null);
  const nearEnd = {
    ...fresh,
    lastSeenAtMs: created + 29 * DAY,
    reauthenticatedAtMs: created + 30 * DAY - 2 * MINUTE,
  };
  assert.equal(
    loginSessionReauthenticatedUntilMs(nearEnd, created + 30 * DAY - MINUTE, policy),
    created + 30 * DAY,
  );
  assert.equal(loginSessionReauthenticatedUntilMs(nearEnd, created + 30 * DAY, policy), null);
});

test('last seen is written at most once a minute', () => {
  assert.equal(LOGIN_SESSION_TOUCH_INTERVAL_MS, MINUTE);
  assert.equal(loginSessionTouchDue(fresh, created), false);
  assert.equal(loginSessionTouchDue(fresh, created + MINUTE - 1), false);
  assert.equal(loginSessionTouchDue(fresh, created + MINUTE), true);
  assert.equal(loginSessionTouchDue(fresh, created - 5 * MINUTE), false);
});
