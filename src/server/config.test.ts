import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, configFromEnvironment } from './config.ts';

test('an empty environment gives the documented defaults', () => {
  const config = configFromEnvironment({});
  assert.equal(config.port, 8080);
  assert.equal(config.dataDir, './data');
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.redisUrl, undefined);
  assert.equal(config.publicOrigin, 'http://localhost:8080');
  assert.deepEqual(config.allowedOrigins, ['http://localhost:8080', 'http://127.0.0.1:8080']);
  assert.equal(config.secureCookies, false);
  assert.equal(config.inviteTtlMs, 24 * 3600 * 1000);
});

test('an https public origin makes cookies secure and is the only trusted origin', () => {
  const config = configFromEnvironment({ PUBLIC_ORIGIN: 'https://attune.example.org', DATABASE_URL: 'postgres://db/attune', REDIS_URL: '' });
  assert.equal(config.secureCookies, true);
  assert.deepEqual(config.allowedOrigins, ['https://attune.example.org']);
  assert.equal(config.databaseUrl, 'postgres://db/attune');
  assert.equal(config.redisUrl, undefined, 'an empty REDIS_URL means unset');
});

test('every bad setting is named, with what to do, in one error', () => {
  assert.throws(
    () => configFromEnvironment({ PORT: 'eighty', DATABASE_URL: 'mysql://x', PUBLIC_ORIGIN: 'https://a.org/path' }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /PORT must be a whole number between 0 and 65535/);
      assert.match(error.message, /DATABASE_URL must start with postgres:\/\//);
      assert.match(error.message, /PUBLIC_ORIGIN must be a scheme and host with no path/);
      return true;
    },
  );
});

test('sign-ins last one idle week and at most 30 days unless configured', () => {
  const defaults = configFromEnvironment({});
  assert.equal(defaults.loginIdleTimeoutMs, 7 * 24 * 3600 * 1000);
  assert.equal(defaults.loginAbsoluteLifetimeMs, 30 * 24 * 3600 * 1000);
  const configured = configFromEnvironment({ LOGIN_IDLE_HOURS: '12', LOGIN_MAX_DAYS: '2' });
  assert.equal(configured.loginIdleTimeoutMs, 12 * 3600 * 1000);
  assert.equal(configured.loginAbsoluteLifetimeMs, 2 * 24 * 3600 * 1000);
  assert.throws(
    () => configFromEnvironment({ LOGIN_IDLE_HOURS: 'soon', LOGIN_MAX_DAYS: '0' }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /LOGIN_IDLE_HOURS must be a number of hours/);
      assert.match(error.message, /LOGIN_MAX_DAYS must be more than 0/);
      return true;
    },
  );
});
