/**
 * The one configuration schema. Parsed once at start from the environment and passed down;
 * nothing else reads `process.env`. Every setting is documented in the README's table.
 */
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
  LOG_LEVEL: z.enum(['info', 'warn', 'error', 'silent']).default('info'),
  NODE_ID: z.string().min(1).optional(),
  REDIS_CHANNEL_PREFIX: z.string().default('attune:'),
  HELP_RESOURCES_FILE: optionalSetting,
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
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
  readonly logLevel: 'info' | 'warn' | 'error' | 'silent';
  readonly nodeId: string | undefined;
  /** Prepended to every Redis channel, so several deployments can share one Redis. */
  readonly redisChannelPrefix: string;
  /** A JSON file with the crisis resources to show; unset: sensible defaults. */
  readonly helpResourcesFile: string | undefined;
  /** Whether X-Forwarded-For is believed (only behind a proxy you run); rate limits key on it. */
  readonly trustProxy: boolean;
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
    logLevel: env.LOG_LEVEL,
    nodeId: env.NODE_ID,
    redisChannelPrefix: env.REDIS_CHANNEL_PREFIX,
    helpResourcesFile: env.HELP_RESOURCES_FILE,
    trustProxy: env.TRUST_PROXY === 'true',
  };
}
