/**
 * The event-store contract on SQLite in a temp dir. The second writer is a worker thread with its
 * own connection to the same file (see testing/sqlite-worker-event-store.ts for why a thread).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { openDatabase } from './database.ts';
import { eventStoreContract } from './event-store.contract.ts';
import { KyselyEventStore } from './kysely-event-store.ts';
import { SqliteEventStore } from './sqlite-event-store.ts';
import { migrateToLatest } from './migrations/index.ts';
import { openSqliteEventStoreInWorker } from './testing/sqlite-worker-event-store.ts';

let dataDir = '';

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'attune-event-store-'));
  const database = await openDatabase({ dataDir });
  await migrateToLatest(database.db);
  await database.close();
});
after(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

eventStoreContract(
  'sqlite (prepared statements)',
  async () => {
    const database = await openDatabase({ dataDir });
    if (!database.sqlite) throw new Error('expected an embedded database');
    return { store: new SqliteEventStore(database.sqlite), close: () => database.close() };
  },
  { makeOtherWriter: () => openSqliteEventStoreInWorker(dataDir) },
);

eventStoreContract(
  'sqlite (kysely)',
  async () => {
    const database = await openDatabase({ dataDir });
    return { store: new KyselyEventStore(database.db), close: () => database.close() };
  },
  { makeOtherWriter: () => openSqliteEventStoreInWorker(dataDir) },
);
