/**
 * Sign-out closes sockets across two nodes sharing Postgres and Redis: the sign-out lands on one
 * node, the sockets live on the other.
 */
import { after } from 'node:test';
import { createPostgresTestSchema, probePostgres, probeRedis, testChannelPrefix, type PostgresTestSchema } from '../testing/services.ts';
import { testServerStart } from '../testing/test-server.ts';
import { signOutClosesSocketsSuite } from './sign-out-closes-sockets.suite.ts';

const postgres = await probePostgres();
const redis = await probeRedis();
let schema: PostgresTestSchema | undefined;

after(async () => {
  await schema?.drop();
});

signOutClosesSocketsSuite('two nodes, Postgres + Redis', async () => {
  if (postgres.url === null || !postgres.available) return postgres.skipReason || 'postgres unavailable';
  if (redis.url === null || !redis.available) return redis.skipReason || 'redis unavailable';
  schema = await createPostgresTestSchema(postgres.url);
  const environment = { DATABASE_URL: schema.url, REDIS_URL: redis.url, REDIS_CHANNEL_PREFIX: testChannelPrefix() };
  const first = await testServerStart(environment);
  const second = await testServerStart(environment);
  return [first, second] as const;
});
