/**
 * The instance on Postgres, in a throwaway schema: the store contract, and backups with pg_dump
 * (a custom-format archive pg_restore can read, holding this schema's tables) or, without pg_dump,
 * the sentence saying how to back up instead. Fails loudly under CI=true without Postgres.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { openDatabase } from '../store/database.ts';
import { migrateToLatest } from '../store/migrations/index.ts';
import { createPostgresTestSchema, probePostgres, type PostgresTestSchema } from '../testing/services.ts';
import { PostgresBackups, POSTGRES_BACKUP_HOW_TO, pgDumpArguments } from './backups.ts';
import { instanceStoresContract } from './instance-stores.contract.ts';

const postgres = await probePostgres();

void describe('postgres instance', { skip: postgres.skipReason }, () => {
  let schema: PostgresTestSchema;
  let dataDir = '';
  before(async () => {
    schema = await createPostgresTestSchema(postgres.url ?? '');
    dataDir = await mkdtemp(join(tmpdir(), 'attune-pg-backups-'));
  });
  after(async () => {
    await schema.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  instanceStoresContract('postgres', async () => {
    const database = await openDatabase({ databaseUrl: schema.url, dataDir: '' });
    await migrateToLatest(database.db);
    return database;
  });

  void test('a backup is a pg_dump custom archive of this schema, for the server\'s user only', async (t) => {
    const backups = new PostgresBackups(dataDir, schema.url);
    if ((await backups.unavailableReason()) !== null) {
      if (process.env.CI === 'true') assert.fail('CI=true and pg_dump is not installed');
      t.skip('pg_dump is not installed here');
      return;
    }
    const database = await openDatabase({ databaseUrl: schema.url, dataDir: '' });
    await migrateToLatest(database.db);
    await database.close();
    const made = await backups.make(Date.now());
    assert.match(made.fileName, /\.pgdump$/);
    assert.equal((await stat(made.path)).mode & 0o777, 0o600);
    const { stdout } = await promisify(execFile)('pg_restore', ['--list', made.path]);
    assert.match(stdout, new RegExp(`TABLE ${schema.schema} instance_settings`));
    assert.match(stdout, new RegExp(`TABLE ${schema.schema} accounts`));
    assert.deepEqual((await backups.list()).map((backup) => backup.fileName), [made.fileName]);
  });

  void test('without pg_dump, it says how to back up Postgres instead', async () => {
    const backups = new PostgresBackups(dataDir, schema.url, 'attune-test-no-such-pg-dump');
    assert.equal(await backups.unavailableReason(), POSTGRES_BACKUP_HOW_TO);
    await assert.rejects(backups.make(Date.now()), /pg_dump is not installed/);
  });
});

void test('pg_dump gets the password through the environment, and the schema a URL pins', () => {
  const { args, password } = pgDumpArguments('postgres://attune:s%40cret@db.example:5432/attune?options=-c%20search_path%3Dtenant_a', '/backups/x.pgdump');
  assert.equal(password, 's@cret');
  assert.ok(args.every((arg) => !arg.includes('cret')));
  assert.ok(args.includes('--schema=tenant_a'));
  assert.ok(args.includes('--format=custom'));
  assert.ok(args.includes('--file=/backups/x.pgdump'));
  const plain = pgDumpArguments('postgres://attune@db.example/attune', '/b/y.pgdump');
  assert.equal(plain.password, null);
  assert.ok(!plain.args.some((arg) => arg.startsWith('--schema')));
});
