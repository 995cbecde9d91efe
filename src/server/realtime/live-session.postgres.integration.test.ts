/**
 * The live-session suite with the server on Postgres (a throwaway schema) and the Redis bus,
 * as a multi-node deployment runs it.
 */
import { after } from 'node:test';
import { createPostgresTestSchema, probePostgres, probeRedis, testChannelPrefix, type PostgresTestSchema } from '../testing/services.ts';
import { testServerStart } from '../testing/test-server.ts';
import { liveSessionSuite } from './live-session.suite.ts';

const postgres = await probePostgres();
const redis = await probeRedis();
let schema: PostgresTestSchema | undefined;

after(async () => {
  await schema?.drop();
});

liveSessionSuite('Postgres + Redis', async () => {
  if (postgres.url === null || !postgres.available) return postgres.skipReason || 'postgres unavailable';
  if (redis.url === null || !redis.available) return redis.skipReason || 'redis unavailable';
  schema = await createPostgresTestSchema(postgres.url);
  return testServerStart({ DATABASE_URL: schema.url, REDIS_URL: redis.url, REDIS_CHANNEL_PREFIX: testChannelPrefix() });
});
