/** Relationship sharing store contract on SQLite in a temp dir. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openDatabase } from './database.ts';
import { migrateToLatest } from './migrations/index.ts';
import { relationshipSharingStoreContract } from './relationship-sharing-store.contract.ts';

const dataDir = await mkdtemp(join(tmpdir(), 'attune-relationship-sharing-'));
after(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

relationshipSharingStoreContract('sqlite', async () => {
  const database = await openDatabase({ dataDir });
  await migrateToLatest(database.db);
  return database;
});
