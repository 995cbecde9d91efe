import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { backupRestoreRoundTrip } from './backup-restore.suite.ts';

test('SQLite: back up, write more, restore (refused while a server has it open), and the data is as it was', { timeout: 60_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-restore-'));
  try {
    await backupRestoreRoundTrip({ dataDir }, async (restore) => {
      const refused = await restore();
      assert.equal(refused.code, 1);
      assert.match(refused.text, /is in use by a running Attune server .* Stop every server using DATA_DIR=.*Nothing was changed\./);
    });
    const aside = readdirSync(dataDir).filter((name) => name.startsWith('attune.sqlite.before-restore-'));
    assert.equal(aside.length, 1, 'the replaced database is kept beside the new one');
    assert.ok(existsSync(join(dataDir, 'attune.sqlite')));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
