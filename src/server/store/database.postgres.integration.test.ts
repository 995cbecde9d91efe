/** Postgres opening: int8 as number, migrations, a clear error for an unreachable server. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import pg from 'pg';
import { createPostgresTestSchema, probePostgres } from '../testing/services.ts';
import type { PostgresTestSchema } from '../testing/services.ts';
import { openDatabase } from './database.ts';
import type { OpenDatabase } from './database.ts';
import { migrateToLatest, migrations } from './migrations/index.ts';

const postgres = await probePostgres();

void describe('openDatabase (postgres)', { skip: postgres.skipReason }, () => {
  let schema: PostgresTestSchema;
  let database: OpenDatabase;

  before(async () => {
    schema = await createPostgresTestSchema(postgres.url ?? '');
    database = await openDatabase({ databaseUrl: schema.url, dataDir: '' });
  });
  after(async () => {
    await database.close();
    await schema.drop();
  });

  void test('a fresh schema migrates to latest, and migrating again is a no-op', async () => {
    assert.equal(database.dialect, 'postgres');
    const first = await migrateToLatest(database.db);
    assert.deepEqual(
      first.results?.map((r) => [r.migrationName, r.status]),
      Object.keys(migrations).map((name) => [name, 'Success']),
    );
    assert.deepEqual((await migrateToLatest(database.db)).results, []);
    const tables = await database.db.introspection.getTables();
    const mine = tables.filter((t) => t.schema === schema.schema && !t.name.startsWith('kysely_'));
    assert.deepEqual(mine.map((t) => t.name).sort(), [
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
  });

  void test('int8 comes back as a JS number, exactly', async () => {
    const big = 8_640_000_000_000_000;
    const result = await sql<{
      n: unknown;
      c: unknown;
    }>`select ${big}::int8 as n, count(*) as c from (values (1), (2)) v(x)`.execute(database.db);
    assert.deepEqual(result.rows, [{ n: big, c: 2 }]);
  });

  void test('int8 that does not fit a number exactly is refused, not rounded', async () => {
    await assert.rejects(
      () => sql`select 9007199254740993::int8 as n`.execute(database.db),
      RangeError,
    );
  });

  void test('the int8 parser is per pool: other pg pools keep pg defaults', async () => {
    const plain = new pg.Pool({ connectionString: schema.url, max: 1 });
    try {
      const result = await plain.query<{ n: unknown }>('select 12::int8 as n');
      assert.deepEqual(result.rows, [{ n: '12' }]);
    } finally {
      await plain.end();
    }
  });
});

void describe('openDatabase (postgres unreachable)', () => {
  void test('fails at open with the host in the message and no password', async () => {
    await assert.rejects(
      () => openDatabase({ databaseUrl: 'postgres://u:secret@127.0.0.1:1/none', dataDir: '' }),
      (error: Error) => {
        assert.match(error.message, /Cannot connect to Postgres at 127\.0\.0\.1:1/);
        assert.doesNotMatch(error.message, /secret/);
        return true;
      },
    );
  });
});
