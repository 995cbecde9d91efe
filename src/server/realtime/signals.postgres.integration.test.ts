/**
 * The body-signals suite on two nodes sharing Postgres (a throwaway schema) and Redis: Ana is
 * connected to one, Ben to the other, so every batch crosses the bus.
 */
import { after } from 'node:test';
import { createPostgresTestSchema, probePostgres, probeRedis, testChannelPrefix, type PostgresTestSchema } from '../testing/services.ts';
import { testServerStart } from '../testing/test-server.ts';
import { signalsSuite } from './signals.suite.ts';

const postgres = await probePostgres();
const redis = await probeRedis();
let schema: PostgresTestSchema | undefined;

after(async () => {
  await schema?.drop();
});

signalsSuite('Postgres + Redis, two nodes', async () => {
  if (postgres.url === null || !postgres.available) return postgres.skipReason || 'postgres unavailable';
  if (redis.url === null || !redis.available) return redis.skipReason || 'redis unavailable';
  schema = await createPostgresTestSchema(postgres.url);
  const shared = { DATABASE_URL: schema.url, REDIS_URL: redis.url, REDIS_CHANNEL_PREFIX: testChannelPrefix() };
  return [await testServerStart({ ...shared, NODE_ID: 'node-a' }), await testServerStart({ ...shared, NODE_ID: 'node-b' })];
});
