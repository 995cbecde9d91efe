/** The instance store contract on SQLite in a temp dir. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openDatabase } from '../store/database.ts';
import { migrateToLatest } from '../store/migrations/index.ts';
import { instanceStoresContract } from './instance-stores.contract.ts';

const dataDir = await mkdtemp(join(tmpdir(), 'attune-instance-stores-'));
after(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

instanceStoresContract('sqlite', async () => {
  const database = await openDatabase({ dataDir });
  await migrateToLatest(database.db);
  return database;
});
