/**
 * Appends asked for in one turn of the event loop are committed together (one fsync), yet each
 * keeps its own outcome: a duplicate or a stale seq in the batch rolls back only its own
 * savepoint, and the others are appended.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openDatabase } from './database.ts';
import type { AppendInput } from './event-store.ts';
import { migrateToLatest } from './migrations/index.ts';
import { SqliteEventStore } from './sqlite-event-store.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'attune-sqlite-group-'));
after(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

function created(sessionId: string, commandId: string, expectedLastSeq = 0): AppendInput {
  return { sessionId, expectedLastSeq, commandId, actorId: 'p1', atMs: 1, events: [{ type: 'checkedIn', body: { n: commandId } }], outcome: { ok: true } };
}

test('appends of one turn share a commit and each gets its own outcome', async () => {
  const database = await openDatabase({ dataDir });
  try {
    await migrateToLatest(database.db);
    assert.ok(database.sqlite);
    const store = new SqliteEventStore(database.sqlite);
    await store.appendForCommand(created('s0', 'first-0001'));
    const results = await Promise.all([
      store.appendForCommand(created('s1', 'command-0001')),
      store.appendForCommand(created('s2', 'command-0002')),
      store.appendForCommand(created('s0', 'first-0001', 1)),
      store.appendForCommand(created('s0', 'stale-0001', 0)),
      store.appendForCommand(created('s3', 'command-0003')),
    ]);
    assert.deepEqual(results.map((result) => result.kind), ['appended', 'appended', 'duplicate', 'conflict', 'appended']);
    assert.equal((await store.readAfter('s1', 0)).length, 1);
    assert.equal((await store.readAfter('s3', 0)).length, 1);
    assert.equal((await store.readAfter('s0', 0)).length, 1, 'the duplicate and the stale append added nothing');
  } finally {
    await database.close();
  }
});

test('a bad input rejects only its own append', async () => {
  const database = await openDatabase({ dataDir: join(dataDir, 'bad') });
  try {
    await migrateToLatest(database.db);
    assert.ok(database.sqlite);
    const store = new SqliteEventStore(database.sqlite);
    const good = store.appendForCommand(created('s1', 'command-0001'));
    const bad = store.appendForCommand({ ...created('s2', 'command-0002'), expectedLastSeq: -1 });
    await assert.rejects(bad);
    assert.equal((await good).kind, 'appended');
  } finally {
    await database.close();
  }
});
