/**
 * The event-store contract on Postgres, in a throwaway schema. Each `makeStore` opens its own pool,
 * so the second writer is a real second client, as another node would be.
 */
import { after, before, describe } from 'node:test';
import { createPostgresTestSchema, probePostgres } from '../testing/services.ts';
import type { PostgresTestSchema } from '../testing/services.ts';
import { openDatabase } from './database.ts';
import { eventStoreContract } from './event-store.contract.ts';
import { KyselyEventStore } from './kysely-event-store.ts';
import { migrateToLatest } from './migrations/index.ts';

const postgres = await probePostgres();

void describe('postgres event store', { skip: postgres.skipReason }, () => {
  let schema: PostgresTestSchema;

  before(async () => {
    schema = await createPostgresTestSchema(postgres.url ?? '');
    const database = await openDatabase({ databaseUrl: schema.url, dataDir: '' });
    await migrateToLatest(database.db);
    await database.close();
  });
  after(async () => {
    await schema.drop();
  });

  eventStoreContract('postgres', async () => {
    const database = await openDatabase({
      databaseUrl: schema.url,
      dataDir: '',
      postgresPoolMax: 4,
    });
    return { store: new KyselyEventStore(database.db), close: () => database.close() };
  });
});
