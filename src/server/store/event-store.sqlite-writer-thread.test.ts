/**
 * The event-store contract on SQLite with appends committed on the writer thread (what the
 * server runs), and the group commit's promise: appends of one turn get their own outcomes, and
 * each is acknowledged only once it is readable on the main connection.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openDatabase } from './database.ts';
import { eventStoreContract } from './event-store.contract.ts';
import type { AppendInput } from './event-store.ts';
import { migrateToLatest } from './migrations/index.ts';
import { SqliteEventStore } from './sqlite-event-store.ts';
import { openSqliteEventStoreInWorker } from './testing/sqlite-worker-event-store.ts';

let dataDir = '';

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'attune-event-store-thread-'));
  const database = await openDatabase({ dataDir });
  await migrateToLatest(database.db);
  await database.close();
});
after(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

eventStoreContract(
  'sqlite (prepared statements, writer thread)',
  async () => {
    const database = await openDatabase({ dataDir });
    if (!database.sqlite) throw new Error('expected an embedded database');
    const store = new SqliteEventStore(database.sqlite, { writerThread: true });
    return {
      store,
      close: async () => {
        await store.close();
        await database.close();
      },
    };
  },
  { makeOtherWriter: () => openSqliteEventStoreInWorker(dataDir) },
);

function checkIn(sessionId: string, commandId: string, expectedLastSeq = 0): AppendInput {
  return { sessionId, expectedLastSeq, commandId, actorId: 'p1', atMs: 1, events: [{ type: 'checkedIn', body: { n: commandId } }], outcome: { ok: true } };
}

test('appends of one turn each get their own outcome, readable once acknowledged', async () => {
  const database = await openDatabase({ dataDir });
  assert.ok(database.sqlite);
  const store = new SqliteEventStore(database.sqlite, { writerThread: true });
  try {
    await store.appendForCommand(checkIn('t0', 'first-0001'));
    const appends = [
      store.appendForCommand(checkIn('t1', 'command-0001')),
      store.appendForCommand(checkIn('t0', 'first-0001', 1)),
      store.appendForCommand(checkIn('t0', 'stale-0001', 0)),
      store.appendForCommand({ ...checkIn('t2', 'command-0002'), expectedLastSeq: -1 }),
      store.appendForCommand(checkIn('t3', 'command-0003')),
    ];
    const settled = await Promise.allSettled(appends);
    assert.deepEqual(settled.map((result) => (result.status === 'fulfilled' ? result.value.kind : 'rejected')), ['appended', 'duplicate', 'conflict', 'rejected', 'appended']);
    // Acknowledged means committed: the main connection reads it at once.
    assert.equal((await store.readAfter('t1', 0)).length, 1);
    assert.equal((await store.readAfter('t3', 0)).length, 1);
    assert.equal((await store.readAfter('t0', 0)).length, 1, 'the duplicate and the stale append added nothing');
  } finally {
    await store.close();
    await database.close();
  }
});
