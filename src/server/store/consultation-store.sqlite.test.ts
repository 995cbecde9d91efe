/** Consultation store contract on SQLite in a temp dir. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { consultationStoreContract } from './consultation-store.contract.ts';
import { openDatabase } from './database.ts';
import { migrateToLatest } from './migrations/index.ts';

const dataDir = await mkdtemp(join(tmpdir(), 'attune-consultation-store-'));
after(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

consultationStoreContract('sqlite', async () => {
  const database = await openDatabase({ dataDir });
  await migrateToLatest(database.db);
  return database;
});
