/**
 * Kysely and the fast append path share one SQLite connection. An append made while a Kysely
 * transaction is open must not join it: it is acknowledged only once it is really committed, and
 * a rollback of the other transaction must not take an acknowledged event with it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openDatabase } from './database.ts';
import { migrateToLatest } from './migrations/index.ts';
import { SqliteEventStore } from './sqlite-event-store.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'attune-sqlite-trx-'));
after(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

test('an append during a Kysely transaction that rolls back is kept, and acknowledged only after it ends', async () => {
  const database = await openDatabase({ dataDir });
  try {
    await migrateToLatest(database.db);
    const sqlite = database.sqlite;
    assert.ok(sqlite, 'the embedded database exposes its connection');
    const store = new SqliteEventStore(sqlite);
    let acknowledged = false;
    const pending: { append?: Promise<unknown> } = {};

    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('cycle_moments').values({ id: 'm1', relationship_id: 'r1', person_id: 'p1', session_id: null, at_ms: 1 }).execute();
        pending.append = store
          .appendForCommand({
            sessionId: 's1',
            expectedLastSeq: 0,
            commandId: 'c1',
            actorId: 'p1',
            atMs: 1,
            events: [{ type: 'sessionCreated', body: { hostId: 'p1' } }],
            outcome: { ok: true },
          })
          .then((result) => {
            acknowledged = true;
            return result;
          });
        await new Promise((resolve) => setTimeout(resolve, 20));
        assert.equal(acknowledged, false, 'not acknowledged while the other transaction is open');
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.ok(pending.append);
    await pending.append;
    assert.equal(acknowledged, true);
    assert.equal((await store.readAfter('s1', 0)).length, 1, 'the acknowledged event survived the rollback');
    assert.equal((await database.db.selectFrom('cycle_moments').selectAll().execute()).length, 0, 'the rolled-back insert is gone');
  } finally {
    await database.close();
  }
});
