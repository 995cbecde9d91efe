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

test('operations: metrics off, no access log, 10 s to shut down, unless configured', () => {
  const defaults = configFromEnvironment({});
  assert.equal(defaults.metrics, null);
  assert.equal(defaults.accessLog, false);
  assert.equal(defaults.shutdownGraceMs, 10_000);
  assert.equal(defaults.shutdownDelayMs, 0);
  const configured = configFromEnvironment({ METRICS_PORT: '9464', ACCESS_LOG: 'true', SHUTDOWN_GRACE_MS: '30000', SHUTDOWN_DELAY_MS: '5000' });
  assert.deepEqual(configured.metrics, { port: 9464, host: '127.0.0.1', token: undefined });
  assert.equal(configured.accessLog, true);
  assert.equal(configured.shutdownGraceMs, 30_000);
  assert.equal(configured.shutdownDelayMs, 5000);
  const shared = configFromEnvironment({ METRICS_PORT: '9464', METRICS_HOST: '10.0.0.5', METRICS_TOKEN: 'x'.repeat(24) });
  assert.deepEqual(shared.metrics, { port: 9464, host: '10.0.0.5', token: 'x'.repeat(24) });
});

test('metrics open beyond this machine without a token, or sharing the public port, are refused with what to do', () => {
  assert.throws(
    () => configFromEnvironment({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /METRICS_TOKEN: metrics would be open to anyone who can reach 0\.0\.0\.0:9464; set METRICS_TOKEN/);
      return true;
    },
  );
  assert.throws(() => configFromEnvironment({ METRICS_PORT: '8080' }), /METRICS_PORT: it must differ from PORT/);
  assert.throws(() => configFromEnvironment({ METRICS_PORT: 'nine' }), /METRICS_PORT must be a whole number between 1 and 65535, or unset/);
  assert.throws(() => configFromEnvironment({ METRICS_PORT: '9464', METRICS_TOKEN: 'short' }), /METRICS_TOKEN must be at least 16 characters/);
  assert.throws(() => configFromEnvironment({ SHUTDOWN_GRACE_MS: '5000', SHUTDOWN_DELAY_MS: '5000' }), /SHUTDOWN_DELAY_MS: it must be shorter than SHUTDOWN_GRACE_MS/);
});

test('TRUST_PROXY: off by default; proxy addresses, a number of proxies or true; anything else refused', () => {
  assert.equal(configFromEnvironment({}).trustProxy, false);
  assert.equal(configFromEnvironment({ TRUST_PROXY: 'true' }).trustProxy, true);
  assert.equal(configFromEnvironment({ TRUST_PROXY: ' 127.0.0.1, 10.0.0.0/8 ,fd00::/8' }).trustProxy, '127.0.0.1,10.0.0.0/8,fd00::/8');
  const oneHop = configFromEnvironment({ TRUST_PROXY: '1' }).trustProxy;
  assert.ok(typeof oneHop === 'function');
  // Fastify walks from the socket outwards: the nearest hop is trusted, the one before it is the client.
  assert.deepEqual([oneHop('127.0.0.1', 0), oneHop('203.0.113.9', 1)], [true, false]);
  for (const wrong of ['yes', '10.0.0.0/33', '127.0.0.1,', 'nginx.internal', '1.2.3']) {
    assert.throws(() => configFromEnvironment({ TRUST_PROXY: wrong }), (error: unknown) => error instanceof ConfigError && /TRUST_PROXY must be false, true, a number of proxies/.test(error.message), wrong);
  }
});
