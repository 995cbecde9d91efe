/**
 * Backup and restore on Postgres (pg_dump / pg_restore 15), in a throwaway schema.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createPostgresTestSchema, probePostgres } from '../server/testing/services.ts';
import { backupRestoreRoundTrip } from './backup-restore.suite.ts';

const postgres = await probePostgres();

void describe('backup and restore on postgres', { skip: postgres.skipReason }, () => {
  test('back up, write more, restore, and the data is as it was; what was there is saved first', { timeout: 60_000 }, async () => {
    const schema = await createPostgresTestSchema(postgres.url ?? '');
    const dataDir = mkdtempSync(join(tmpdir(), 'attune-restore-pg-'));
    try {
      await backupRestoreRoundTrip({ dataDir, databaseUrl: schema.url }, () => Promise.resolve());
      // One by `attune backup`, one by the restore that went ahead (the refused ones saved nothing).
      const backups = readdirSync(join(dataDir, 'backups')).filter((name) => name.endsWith('.pgdump'));
      assert.equal(backups.length, 2, `the data before the restore was saved: ${backups.join(', ')}`);
    } finally {
      await schema.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
