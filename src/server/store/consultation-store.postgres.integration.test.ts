/** Consultation store contract on Postgres, in a throwaway schema. */
import { after, before, describe } from 'node:test';
import { createPostgresTestSchema, probePostgres } from '../testing/services.ts';
import type { PostgresTestSchema } from '../testing/services.ts';
import { consultationStoreContract } from './consultation-store.contract.ts';
import { openDatabase } from './database.ts';
import { migrateToLatest } from './migrations/index.ts';

const postgres = await probePostgres();

void describe('postgres consultation store', { skip: postgres.skipReason }, () => {
  let schema: PostgresTestSchema;
  before(async () => {
    schema = await createPostgresTestSchema(postgres.url ?? '');
  });
  after(async () => {
    await schema.drop();
  });

  consultationStoreContract('postgres', async () => {
    const database = await openDatabase({ databaseUrl: schema.url, dataDir: '' });
    await migrateToLatest(database.db);
    return database;
  });
});
