/** The relationship-sharing route suite on Postgres, in a throwaway schema. */
import { after } from 'node:test';
import { createPostgresTestSchema, probePostgres, type PostgresTestSchema } from '../testing/services.ts';
import { testServerStart } from '../testing/test-server.ts';
import { relationshipSharingSuite } from './relationship-sharing.suite.ts';

const postgres = await probePostgres();
let schema: PostgresTestSchema | undefined;

after(async () => {
  await schema?.drop();
});

relationshipSharingSuite('Postgres', async () => {
  if (postgres.url === null || !postgres.available) return postgres.skipReason || 'postgres unavailable';
  schema = await createPostgresTestSchema(postgres.url);
  return testServerStart({ DATABASE_URL: schema.url });
});
