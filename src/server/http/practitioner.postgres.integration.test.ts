/** The practitioner-mode route suite on Postgres, in a throwaway schema. */
import { after } from 'node:test';
import { createPostgresTestSchema, probePostgres, type PostgresTestSchema } from '../testing/services.ts';
import { practitionerSuite } from './practitioner.suite.ts';
import { practitionerTestServerStart } from './practitioner.test-support.ts';

const postgres = await probePostgres();
let schema: PostgresTestSchema | undefined;

after(async () => {
  await schema?.drop();
});

practitionerSuite('Postgres', async () => {
  if (postgres.url === null || !postgres.available) return postgres.skipReason || 'postgres unavailable';
  schema = await createPostgresTestSchema(postgres.url);
  return practitionerTestServerStart(schema.url);
});
