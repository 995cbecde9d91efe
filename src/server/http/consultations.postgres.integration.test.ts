/** The consultations HTTP suite on Postgres, in a throwaway schema. */
import { after } from 'node:test';
import { createPostgresTestSchema, probePostgres, type PostgresTestSchema } from '../testing/services.ts';
import { consultationTestServerStart, consultationsSuite } from './consultations.suite.ts';

const postgres = await probePostgres();
let schema: PostgresTestSchema | undefined;

after(async () => {
  await schema?.drop();
});

consultationsSuite('Postgres', async (now) => {
  if (postgres.url === null || !postgres.available) return postgres.skipReason || 'postgres unavailable';
  schema = await createPostgresTestSchema(postgres.url);
  return consultationTestServerStart(now, schema.url);
});
