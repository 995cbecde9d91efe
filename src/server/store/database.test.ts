/** SQLite opening: file location, the durability pragmas, migrations. */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase, SQLITE_FILE_NAME, sqliteSettingsApply } from './database.ts';
import { migrateToLatest, migrations } from './migrations/index.ts';

void describe('openDatabase (sqlite)', () => {
  let root = '';
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'attune-database-'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  void test('creates <dataDir>/attune.sqlite, making missing directories', async () => {
    const dataDir = join(root, 'a', 'b');
    const database = await openDatabase({ dataDir });
    try {
      assert.equal(database.dialect, 'sqlite');
      assert.ok((await stat(join(dataDir, SQLITE_FILE_NAME))).isFile());
    } finally {
      await database.close();
    }
  });

  void test('runs with WAL, synchronous=FULL, foreign keys and a busy timeout on its connection', async () => {
    const database = await openDatabase({ dataDir: join(root, 'pragmas') });
    try {
      const read = async (pragma: string) =>
        Object.values(
          (await sql.raw<Record<string, unknown>>(`pragma ${pragma}`).execute(database.db))
            .rows[0] ?? {},
        )[0];
      assert.equal(await read('journal_mode'), 'wal');
      assert.equal(await read('synchronous'), 2);
      assert.equal(await read('foreign_keys'), 1);
      assert.equal(await read('busy_timeout'), 5000);
    } finally {
      await database.close();
    }
  });

  void test('refuses to run, saying what to do, when SQLite will not use WAL', () => {
    // An in-memory database cannot use WAL, as some network filesystems cannot: the same refusal.
    const memory = new BetterSqlite3(':memory:');
    try {
      assert.throws(() => { sqliteSettingsApply(memory, '/srv/attune/attune.sqlite'); }, (error: unknown) => {
        assert.ok(error instanceof Error);
        assert.match(error.message, /write-ahead logging \(WAL\) for \/srv\/attune\/attune\.sqlite/);
        assert.match(error.message, /Put DATA_DIR on a local disk, or set DATABASE_URL/);
        return true;
      });
    } finally {
      memory.close();
    }
  });

  void test('an empty databaseUrl means SQLite', async () => {
    const database = await openDatabase({ databaseUrl: '', dataDir: join(root, 'empty-url') });
    await database.close();
    assert.equal(database.dialect, 'sqlite');
  });

  void test('a fresh database migrates to latest, and migrating again is a no-op', async () => {
    const database = await openDatabase({ dataDir: join(root, 'migrate') });
    try {
      const first = await migrateToLatest(database.db);
      assert.deepEqual(
        first.results?.map((r) => [r.migrationName, r.status]),
        Object.keys(migrations).map((name) => [name, 'Success']),
      );
      const second = await migrateToLatest(database.db);
      assert.deepEqual(second.results, []);
      const tables = await database.db.introspection.getTables();
      const names = tables
        .map((t) => t.name)
        .filter((n) => !n.startsWith('kysely_'))
        .sort();
      assert.deepEqual(names, [
        'accounts',
        'auth_challenges',
        'between_us_commands',
        'between_us_events',
        'between_us_logs',
        'consultation_availability',
        'consultations',
        'cycle_moments',
        'identities',
        'instance_settings',
        'invites',
        'login_failures',
        'login_sessions',
        'passkeys',
        'personal_records',
        'practitioner_notes',
        'prompt_history',
        'prompt_settings',
        'recovery_codes',
        'relationship_invites',
        'relationship_members',
        'relationship_sessions',
        'relationship_sharing',
        'relationships',
        'session_admissions',
        'session_body_summaries',
        'session_commands',
        'session_events',
        'session_signals',
        'sessions',
        'shared_access_audit',
        'trusted_devices',
      ]);
    } finally {
      await database.close();
    }
  });

  void test('data survives closing and reopening (migrations are not re-run)', async () => {
    const dataDir = join(root, 'reopen');
    const first = await openDatabase({ dataDir });
    await migrateToLatest(first.db);
    await first.db
      .insertInto('sessions')
      .values({ id: 's1', created_at_ms: 1, created_by: 'a' })
      .execute();
    await first.close();
    const second = await openDatabase({ dataDir });
    try {
      assert.deepEqual((await migrateToLatest(second.db)).results, []);
      const row = await second.db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
      assert.deepEqual(row, { id: 's1', created_at_ms: 1, created_by: 'a', last_seq: 0 });
    } finally {
      await second.close();
    }
  });
});
