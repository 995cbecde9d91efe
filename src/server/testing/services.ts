/**
 * External services (Postgres, Redis) for integration suites. Each is probed once per test process
 * with a short timeout. Missing locally: the suite is skipped with a printed reason. Missing under
 * CI=true: the suite fails loudly, so CI can never go green by silently skipping the real backends.
 *
 * Describe-level use:
 *   const pg = await probeService('postgres');            // throws under CI if unreachable
 *   describe('x', { skip: pg.skipReason }, () => { ... }); // pg.url is set when not skipped
 * Test-level use:
 *   const url = await serviceOrSkip(t, 'redis'); if (url === null) return;
 */
import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import { Redis } from 'ioredis';
import pg from 'pg';

/** The services integration suites may need. */
export type ServiceName = 'postgres' | 'redis';

/** Outcome of probing one service. */
export interface ServiceProbe {
  name: ServiceName;
  /** The URL to use; null when the service is switched off by an empty env var. */
  url: string | null;
  available: boolean;
  /** For node:test's `skip` option: false when available, otherwise the reason. */
  skipReason: string | false;
}

const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
const PROBE_TIMEOUT_MS = 2000;

/** Postgres URL for tests: ATTUNE_TEST_DATABASE_URL, the local default, or null if set to ''. */
export function postgresUrlForTests(): string | null {
  return urlFromEnv('ATTUNE_TEST_DATABASE_URL', DEFAULT_POSTGRES_URL);
}

/** Redis URL for tests: ATTUNE_TEST_REDIS_URL, the local default, or null if set to ''. */
export function redisUrlForTests(): string | null {
  return urlFromEnv('ATTUNE_TEST_REDIS_URL', DEFAULT_REDIS_URL);
}

function urlFromEnv(variable: string, fallback: string): string | null {
  const value = process.env[variable];
  if (value === undefined) return fallback;
  return value.trim() === '' ? null : value;
}

const probes = new Map<ServiceName, Promise<ServiceProbe>>();

/**
 * Probes a service once per process. Under CI=true an unreachable service throws (naming the
 * service and URL) instead of returning a skip reason; otherwise the reason is also printed.
 */
export async function probeService(name: ServiceName): Promise<ServiceProbe> {
  let probe = probes.get(name);
  if (probe === undefined) {
    probe = runProbe(name);
    probes.set(name, probe);
  }
  const result = await probe;
  if (!result.available) {
    const reason = result.skipReason === false ? 'unavailable' : result.skipReason;
    if (process.env.CI === 'true') {
      throw new Error(`CI=true and the ${name} integration suite cannot run: ${reason}`);
    }
    console.warn(`[skip] ${reason}`);
  }
  return result;
}

/** `probeService('postgres')`. */
export function probePostgres(): Promise<ServiceProbe> {
  return probeService('postgres');
}

/** `probeService('redis')`. */
export function probeRedis(): Promise<ServiceProbe> {
  return probeService('redis');
}

/** Test-level form: the URL, or null after marking the test skipped (throws under CI=true). */
export async function serviceOrSkip(t: TestContext, name: ServiceName): Promise<string | null> {
  const probe = await probeService(name);
  if (probe.available && probe.url !== null) return probe.url;
  t.skip(probe.skipReason === false ? `${name} unavailable` : probe.skipReason);
  return null;
}

async function runProbe(name: ServiceName): Promise<ServiceProbe> {
  const url = name === 'postgres' ? postgresUrlForTests() : redisUrlForTests();
  const variable = name === 'postgres' ? 'ATTUNE_TEST_DATABASE_URL' : 'ATTUNE_TEST_REDIS_URL';
  if (url === null) {
    return {
      name,
      url,
      available: false,
      skipReason: `${name} is switched off (${variable} is empty)`,
    };
  }
  try {
    await (name === 'postgres' ? probePostgresUrl(url) : probeRedisUrl(url));
    return { name, url, available: true, skipReason: false };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      name,
      url,
      available: false,
      skipReason: `cannot reach ${name} at ${redact(url)} (${detail}); set ${variable} or start it`,
    };
  }
}

async function probePostgresUrl(url: string): Promise<void> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function probeRedisUrl(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: PROBE_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable url)';
  }
}

/** A throwaway Postgres schema: `url` points its search_path there; `drop()` removes it. */
export interface PostgresTestSchema {
  schema: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates `attune_test_<random>` so parallel test files and repeated runs never see each other's
 * tables (the Kysely migration table included). Call `drop()` in `after`.
 */
export async function createPostgresTestSchema(baseUrl: string): Promise<PostgresTestSchema> {
  const schema = `attune_test_${randomBytes(6).toString('hex')}`;
  await withClient(baseUrl, (client) => client.query(`create schema "${schema}"`));
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    schema,
    url: url.toString(),
    drop: () =>
      withClient(baseUrl, (client) => client.query(`drop schema if exists "${schema}" cascade`)),
  };
}

async function withClient(
  url: string,
  run: (client: pg.Client) => Promise<unknown>,
): Promise<void> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

/** A Redis channel prefix no other test run uses: `attune:test:<random>:`. */
export function testChannelPrefix(): string {
  return `attune:test:${randomBytes(6).toString('hex')}:`;
}
