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

/** The database every test-side server and store runs on: SQLite unless switched. */
export type TestDatabaseKind = 'sqlite' | 'postgres';

/** Environment variable that moves the whole server suite onto Postgres (`scripts/run-tests.ts`). */
export const TEST_DATABASE_SWITCH = 'ATTUNE_TEST_DATABASE';

/** `ATTUNE_TEST_DATABASE=postgres` → 'postgres'; unset or 'sqlite' → 'sqlite'; anything else throws. */
export function testDatabaseKind(): TestDatabaseKind {
  const value = (process.env[TEST_DATABASE_SWITCH] ?? '').trim().toLowerCase();
  if (value === '' || value === 'sqlite') return 'sqlite';
  if (value === 'postgres') return 'postgres';
  throw new Error(`${TEST_DATABASE_SWITCH} is "${value}"; use "sqlite" or "postgres", or leave it unset for SQLite.`);
}

/** A throwaway database for one test: `databaseUrl` undefined means SQLite in the test's data dir. */
export interface TestDatabase {
  readonly kind: TestDatabaseKind;
  readonly databaseUrl: string | undefined;
  /** DATABASE_URL for a server's environment; empty on SQLite. */
  readonly environment: Readonly<Record<string, string>>;
  /** Drops the Postgres schema; nothing on SQLite (the data dir is removed by its owner). */
  drop(): Promise<void>;
}

/**
 * A fresh database per caller. On Postgres a new schema, so test files running in parallel never
 * share tables. The switch was asked for explicitly, so an unreachable Postgres is an error even
 * outside CI: skipping would report a Postgres pass that never touched Postgres.
 */
export async function testDatabaseProvision(): Promise<TestDatabase> {
  const kind = testDatabaseKind();
  if (kind === 'sqlite') {
    return { kind, databaseUrl: undefined, environment: {}, drop: () => Promise.resolve() };
  }
  const probe = await probePostgres();
  if (!probe.available || probe.url === null) {
    const reason = probe.skipReason === false ? 'unavailable' : probe.skipReason;
    throw new Error(`${TEST_DATABASE_SWITCH}=postgres but Postgres cannot be used: ${reason}`);
  }
  const schema = await createPostgresTestSchema(probe.url);
  return { kind, databaseUrl: schema.url, environment: { DATABASE_URL: schema.url }, drop: () => schema.drop() };
}

/** Environment variable that puts every test server on the Redis bus (`scripts/run-tests.ts`). */
export const TEST_BUS_SWITCH = 'ATTUNE_TEST_BUS';

/**
 * REDIS_URL and a channel prefix of its own when ATTUNE_TEST_BUS=redis, so one server's suite
 * also runs over the bus several nodes use; empty (in-process bus) otherwise. As with the database
 * switch, an unreachable Redis is an error once asked for.
 */
export async function testBusEnvironment(): Promise<Readonly<Record<string, string>>> {
  const value = (process.env[TEST_BUS_SWITCH] ?? '').trim().toLowerCase();
  if (value === '' || value === 'memory') return {};
  if (value !== 'redis') {
    throw new Error(`${TEST_BUS_SWITCH} is "${value}"; use "memory" or "redis", or leave it unset for the in-process bus.`);
  }
  const probe = await probeRedis();
  if (!probe.available || probe.url === null) {
    const reason = probe.skipReason === false ? 'unavailable' : probe.skipReason;
    throw new Error(`${TEST_BUS_SWITCH}=redis but Redis cannot be used: ${reason}`);
  }
  return { REDIS_URL: probe.url, REDIS_CHANNEL_PREFIX: testChannelPrefix() };
}
