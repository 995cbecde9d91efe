/**
 * The one configuration schema. Parsed once at start from the environment and passed down;
 * nothing else reads `process.env`. Every setting is documented in the README's table.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { LOGIN_SESSION_DEFAULTS } from '../core/accounts/index.ts';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

const optionalSetting = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const environmentSchema = z.object({
  PORT: z.coerce.number({ error: 'PORT must be a whole number between 0 and 65535.' }).int().min(0).max(65535, 'PORT must be a whole number between 0 and 65535.').default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalSetting.refine((url) => url === undefined || /^postgres(ql)?:\/\//.test(url), {
    message: 'DATABASE_URL must start with postgres:// (leave it unset to use the embedded SQLite database).',
  }),
  REDIS_URL: optionalSetting.refine((url) => url === undefined || /^rediss?:\/\//.test(url), {
    message: 'REDIS_URL must start with redis:// or rediss:// (leave it unset to run a single node).',
  }),
  PUBLIC_ORIGIN: optionalSetting.refine((url) => url === undefined || /^https?:\/\/[^/]+$/.test(url), {
    message: 'PUBLIC_ORIGIN must be a scheme and host with no path, e.g. https://attune.example.org',
  }),
  INVITE_TTL_HOURS: z.coerce.number({ error: 'INVITE_TTL_HOURS must be a number of hours.' }).positive().max(24 * 30, 'INVITE_TTL_HOURS can be at most 720 (30 days).').default(24),
  GUEST_TTL_DAYS: z.coerce.number({ error: 'GUEST_TTL_DAYS must be a number of days.' }).positive().max(365, 'GUEST_TTL_DAYS can be at most 365.').default(30),
  /**
   * LOGIN_IDLE_HOURS: a signed-in browser that is not used for this many hours is signed out
   * (default 168, one week). Using Attune keeps it going, up to LOGIN_MAX_DAYS.
   */
  LOGIN_IDLE_HOURS: z.coerce
    .number({ error: 'LOGIN_IDLE_HOURS must be a number of hours.' })
    .positive('LOGIN_IDLE_HOURS must be more than 0.')
    .max(24 * 365, 'LOGIN_IDLE_HOURS can be at most 8760 (a year).')
    .default(LOGIN_SESSION_DEFAULTS.idleTimeoutMs / HOUR_MS),
  /**
   * LOGIN_MAX_DAYS: every sign-in ends this many days after it began, however much it is used
   * (default 30); the person signs in again. Also the lifetime of the sign-in cookie.
   */
  LOGIN_MAX_DAYS: z.coerce
    .number({ error: 'LOGIN_MAX_DAYS must be a number of days.' })
    .positive('LOGIN_MAX_DAYS must be more than 0.')
    .max(365, 'LOGIN_MAX_DAYS can be at most 365.')
    .default(LOGIN_SESSION_DEFAULTS.absoluteLifetimeMs / DAY_MS),
  WS_MAX_FRAME_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024).default(16 * 1024),
  WS_MESSAGES_PER_SECOND: z.coerce.number().positive().default(20),
  WS_MESSAGE_BURST: z.coerce.number().int().positive().default(60),
  HTTP_REQUESTS_PER_MINUTE: z.coerce.number().int().positive().default(300),
  /** HTTP_HEADERS_TIMEOUT_MS: a request's headers must all arrive within this (slow clients, slowloris). */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce
    .number({ error: 'HTTP_HEADERS_TIMEOUT_MS must be a number of milliseconds.' })
    .int()
    .min(500, 'HTTP_HEADERS_TIMEOUT_MS must be at least 500.')
    .max(120_000, 'HTTP_HEADERS_TIMEOUT_MS can be at most 120000 (two minutes).')
    .default(10_000),
  /** HTTP_REQUEST_TIMEOUT_MS: a whole request, body included, must arrive within this. */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce
    .number({ error: 'HTTP_REQUEST_TIMEOUT_MS must be a number of milliseconds.' })
    .int()
    .min(500, 'HTTP_REQUEST_TIMEOUT_MS must be at least 500.')
    .max(600_000, 'HTTP_REQUEST_TIMEOUT_MS can be at most 600000 (ten minutes).')
    .default(30_000),
  /** WS_HELLO_TIMEOUT_MS: a live socket that has not said hello within this is closed (1008). */
  WS_HELLO_TIMEOUT_MS: z.coerce
    .number({ error: 'WS_HELLO_TIMEOUT_MS must be a number of milliseconds.' })
    .int()
    .min(200, 'WS_HELLO_TIMEOUT_MS must be at least 200.')
    .max(300_000, 'WS_HELLO_TIMEOUT_MS can be at most 300000 (five minutes).')
    .default(15_000),
  /** WS_KEEPALIVE_MS: how often live sockets are pinged; one silent for a whole round is ended. */
  WS_KEEPALIVE_MS: z.coerce
    .number({ error: 'WS_KEEPALIVE_MS must be a number of milliseconds.' })
    .int()
    .min(100, 'WS_KEEPALIVE_MS must be at least 100.')
    .max(600_000, 'WS_KEEPALIVE_MS can be at most 600000 (ten minutes).')
    .default(30_000),
  LOG_LEVEL: z.enum(['info', 'warn', 'error', 'silent']).default('info'),
  NODE_ID: z.string().min(1).optional(),
  REDIS_CHANNEL_PREFIX: z.string().default('attune:'),
  HELP_RESOURCES_FILE: optionalSetting,
  /**
   * TRUST_PROXY: which X-Forwarded-* headers to believe. `false` (default): none. The proxy's
   * address or addresses (`127.0.0.1`, `10.0.0.0/8`, comma-separated), or the number of proxies in
   * front (`1`): the client address is the one the nearest trusted proxy saw, which a client
   * cannot forge. `true` believes every hop, so only use it when nothing but the proxy can reach
   * the node and the proxy overwrites X-Forwarded-For.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .refine(trustProxySettingIsValid, {
      message: 'TRUST_PROXY must be false, true, a number of proxies (e.g. 1), or proxy addresses such as 127.0.0.1 or 10.0.0.0/8, separated by commas.',
    }),
  /** ACCESS_LOG=true: one JSON line per HTTP request (route pattern, status, time); off by default. */
  ACCESS_LOG: z.enum(['true', 'false'], { error: 'ACCESS_LOG must be true or false.' }).default('false'),
  SHUTDOWN_GRACE_MS: z.coerce
    .number({ error: 'SHUTDOWN_GRACE_MS must be a number of milliseconds.' })
    .int()
    .min(1000, 'SHUTDOWN_GRACE_MS must be at least 1000 (one second).')
    .max(10 * 60_000, 'SHUTDOWN_GRACE_MS can be at most 600000 (ten minutes).')
    .default(10_000),
  SHUTDOWN_DELAY_MS: z.coerce
    .number({ error: 'SHUTDOWN_DELAY_MS must be a number of milliseconds.' })
    .int()
    .min(0, 'SHUTDOWN_DELAY_MS cannot be negative.')
    .max(5 * 60_000, 'SHUTDOWN_DELAY_MS can be at most 300000 (five minutes).')
    .default(0),
  METRICS_PORT: optionalSetting
    .refine((port) => port === undefined || (/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535), {
      message: 'METRICS_PORT must be a whole number between 1 and 65535, or unset to turn metrics off.',
    })
    .transform((port) => (port === undefined ? undefined : Number(port))),
  METRICS_HOST: z.string().trim().min(1).default('127.0.0.1'),
  METRICS_TOKEN: optionalSetting.refine((token) => token === undefined || token.length >= 16, {
    message: 'METRICS_TOKEN must be at least 16 characters (for example the output of `openssl rand -hex 24`).',
  }),
});

/** The server's configuration after parsing. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  /** Where people reach Attune; the WebSocket Origin check and invite links use it. */
  readonly publicOrigin: string;
  /** Origins whose pages may open a live connection. */
  readonly allowedOrigins: readonly string[];
  readonly secureCookies: boolean;
  readonly inviteTtlMs: number;
  readonly guestTtlMs: number;
  /** A signed-in browser unused this long is signed out (LOGIN_IDLE_HOURS). */
  readonly loginIdleTimeoutMs: number;
  /** Every sign-in ends this long after it began (LOGIN_MAX_DAYS). */
  readonly loginAbsoluteLifetimeMs: number;
  readonly wsMaxFrameBytes: number;
  readonly wsMessagesPerSecond: number;
  readonly wsMessageBurst: number;
  readonly httpRequestsPerMinute: number;
  /** Headers of one request must arrive within this (HTTP_HEADERS_TIMEOUT_MS). */
  readonly httpHeadersTimeoutMs: number;
  /** One whole request must arrive within this (HTTP_REQUEST_TIMEOUT_MS); never less than the headers' time. */
  readonly httpRequestTimeoutMs: number;
  /** A live socket that has not said hello within this is closed (WS_HELLO_TIMEOUT_MS). */
  readonly wsHelloTimeoutMs: number;
  /** Live sockets are pinged this often; one that stayed silent a whole round is ended (WS_KEEPALIVE_MS). */
  readonly wsKeepaliveMs: number;
  readonly logLevel: 'info' | 'warn' | 'error' | 'silent';
  readonly nodeId: string | undefined;
  /** Prepended to every Redis channel, so several deployments can share one Redis. */
  readonly redisChannelPrefix: string;
  /** A JSON file with the crisis resources to show; unset: sensible defaults. */
  readonly helpResourcesFile: string | undefined;
  /**
   * Which proxies' X-Forwarded-* headers are believed (TRUST_PROXY), in the form Fastify takes:
   * false, true, comma-separated addresses, or (for a number of proxies) a test of each hop.
   * Rate limits key on the address it gives.
   */
  readonly trustProxy: boolean | string | ((address: string, hop: number) => boolean);
  /** Whether every HTTP request is logged (ACCESS_LOG). */
  readonly accessLog: boolean;
  /** After SIGTERM, the longest shutdown may take before the process exits anyway (SHUTDOWN_GRACE_MS). */
  readonly shutdownGraceMs: number;
  /**
   * After SIGTERM, how long the node keeps serving while /api/ready says 503, so a load balancer
   * that polls it moves traffic away before connections close (SHUTDOWN_DELAY_MS).
   */
  readonly shutdownDelayMs: number;
  /** The Prometheus listener (METRICS_PORT, METRICS_HOST, METRICS_TOKEN); null when off. */
  readonly metrics: MetricsListenerConfig | null;
}

/** Where `/metrics` is served: its own port, loopback by default, never the public one. */
export interface MetricsListenerConfig {
  readonly port: number;
  readonly host: string;
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  readonly token: string | undefined;
}

/** Whether `host` only accepts connections from this machine. */
export function hostIsLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** A setting that could not be used, with what to do about it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment into a `Config`, or throws a `ConfigError` listing every problem. */
export function configFromEnvironment(environment: Readonly<Record<string, string | undefined>>): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Attune cannot start with this configuration:\n${problems.join('\n')}`);
  }
  const env = parsed.data;
  const problems: string[] = [];
  if (env.SHUTDOWN_DELAY_MS >= env.SHUTDOWN_GRACE_MS) {
    problems.push('- SHUTDOWN_DELAY_MS: it must be shorter than SHUTDOWN_GRACE_MS, or the node would be stopped before it finished; lower it or raise SHUTDOWN_GRACE_MS.');
  }
  if (env.METRICS_PORT !== undefined && !hostIsLoopback(env.METRICS_HOST) && env.METRICS_TOKEN === undefined) {
    problems.push(`- METRICS_TOKEN: metrics would be open to anyone who can reach ${env.METRICS_HOST}:${env.METRICS_PORT}; set METRICS_TOKEN (for example from \`openssl rand -hex 24\`) or keep METRICS_HOST at 127.0.0.1.`);
  }
  if (env.METRICS_PORT !== undefined && env.METRICS_PORT === env.PORT) {
    problems.push('- METRICS_PORT: it must differ from PORT, so metrics never share the public port; pick another, such as 9464.');
  }
  if (problems.length > 0) throw new ConfigError(`Attune cannot start with this configuration:\n${problems.join('\n')}`);
  const publicOrigin = env.PUBLIC_ORIGIN ?? `http://localhost:${env.PORT}`;
  const allowedOrigins =
    env.PUBLIC_ORIGIN === undefined
      ? [`http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`]
      : [env.PUBLIC_ORIGIN];
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    publicOrigin,
    allowedOrigins,
    secureCookies: publicOrigin.startsWith('https://'),
    inviteTtlMs: env.INVITE_TTL_HOURS * HOUR_MS,
    guestTtlMs: env.GUEST_TTL_DAYS * DAY_MS,
    loginIdleTimeoutMs: env.LOGIN_IDLE_HOURS * HOUR_MS,
    loginAbsoluteLifetimeMs: env.LOGIN_MAX_DAYS * DAY_MS,
    wsMaxFrameBytes: env.WS_MAX_FRAME_BYTES,
    wsMessagesPerSecond: env.WS_MESSAGES_PER_SECOND,
    wsMessageBurst: env.WS_MESSAGE_BURST,
    httpRequestsPerMinute: env.HTTP_REQUESTS_PER_MINUTE,
    httpHeadersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
    // Node refuses a headers timeout longer than the request timeout.
    httpRequestTimeoutMs: Math.max(env.HTTP_REQUEST_TIMEOUT_MS, env.HTTP_HEADERS_TIMEOUT_MS),
    wsHelloTimeoutMs: env.WS_HELLO_TIMEOUT_MS,
    wsKeepaliveMs: env.WS_KEEPALIVE_MS,
    logLevel: env.LOG_LEVEL,
    nodeId: env.NODE_ID,
    redisChannelPrefix: env.REDIS_CHANNEL_PREFIX,
    helpResourcesFile: env.HELP_RESOURCES_FILE,
    trustProxy: trustProxyParse(env.TRUST_PROXY),
    accessLog: env.ACCESS_LOG === 'true',
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    shutdownDelayMs: env.SHUTDOWN_DELAY_MS,
    metrics: env.METRICS_PORT === undefined ? null : { port: env.METRICS_PORT, host: env.METRICS_HOST, token: env.METRICS_TOKEN },
  };
}

/** An address (`127.0.0.1`, `::1`) or a network (`10.0.0.0/8`, `fd00::/8`). */
function addressOrNetworkIsValid(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function trustProxySettingIsValid(value: string): boolean {
  if (value === 'true' || value === 'false' || /^\d{1,2}$/.test(value)) return true;
  const entries = value.split(',').map((entry) => entry.trim());
  return entries.length > 0 && entries.every(addressOrNetworkIsValid);
}

/** TRUST_PROXY as Fastify's `trustProxy` option; the value was validated by the schema. */
function trustProxyParse(value: string): Config['trustProxy'] {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d{1,2}$/.test(value)) {
    // Fastify's types leave out the hop count its proxy-addr understands; this is the same rule.
    const proxies = Number(value);
    return (_address, hop) => hop < proxies;
  }
  return value.split(',').map((entry) => entry.trim()).join(',');
}
