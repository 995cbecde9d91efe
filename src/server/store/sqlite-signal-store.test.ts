/**
 * Body-signal rows on SQLite through the writer thread (what the server runs) and on the server's
 * own connection: what goes in reads back exactly as the Kysely store wrote it, a batch with a
 * bad row adds nothing, and signal writes take turns with event appends on the same thread.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openDatabase, type OpenDatabase } from './database.ts';
import { migrateToLatest } from './migrations/index.ts';
import { KyselySignalStore, type StoredSignalRow } from './signal-store.ts';
import { SqliteEventStore } from './sqlite-event-store.ts';
import { SqliteSignalStore } from './sqlite-signal-store.ts';

let dataDir = '';

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'attune-signal-store-'));
  const database = await openDatabase({ dataDir });
  await migrateToLatest(database.db);
  await database.close();
});
after(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function row(sessionId: string, participantId: string, atMs: number): StoredSignalRow {
  return { sessionId, participantId, atMs, source: 'strap', heartRateBpm: 61.5, breathingRateBpm: null, breathPhase: 0.25, rrMs: [812.34, 799.96] };
}

/** The same rows stored by the Kysely store in a session of their own, for comparison. */
async function asKyselyStoresThem(database: OpenDatabase, rows: readonly StoredSignalRow[], sessionId: string): Promise<StoredSignalRow[]> {
  const kysely = new KyselySignalStore(database.db);
  await kysely.append(rows.map((each) => ({ ...each, sessionId })));
  return (await kysely.readSession(sessionId)).map((each) => ({ ...each, sessionId: rows[0]?.sessionId ?? '' }));
}

async function withDatabase(run: (database: OpenDatabase & { sqlite: NonNullable<OpenDatabase['sqlite']> }) => Promise<void>): Promise<void> {
  const database = await openDatabase({ dataDir });
  const { sqlite } = database;
  if (sqlite === null) throw new Error('expected an embedded database');
  try {
    await run({ ...database, sqlite });
  } finally {
    await database.close();
  }
}

describe('SqliteSignalStore', () => {
  for (const threaded of [true, false]) {
    const where = threaded ? 'on the writer thread' : "on the server's connection";

    test(`rows written ${where} read back as the Kysely store's do`, async () => {
      await withDatabase(async (database) => {
        const events = new SqliteEventStore(database.sqlite, { writerThread: threaded });
        const store = new SqliteSignalStore(database.db, database.sqlite, events.writer);
        assert.equal(events.writer !== null, threaded);
        try {
          const sessionId = `signals-${String(threaded)}`;
          const rows = [row(sessionId, 'ana', 2000), row(sessionId, 'ben', 1000), row(sessionId, 'ana', 1000)];
          await store.append(rows);
          const stored = await store.readSession(sessionId);
          assert.deepEqual(stored, await asKyselyStoresThem(database, rows, `${sessionId}-kysely`));
          assert.deepEqual(stored.map((each) => `${each.participantId}@${String(each.atMs)}`), ['ana@1000', 'ben@1000', 'ana@2000']);
          assert.equal(await store.deleteForParticipant(sessionId, 'ana'), 2);
          assert.equal(await store.deleteSession(sessionId), 1);
        } finally {
          await events.close();
        }
      });
    });

    test(`a batch with a row the table refuses adds nothing ${where}, and the error says why`, async () => {
      await withDatabase(async (database) => {
        const events = new SqliteEventStore(database.sqlite, { writerThread: threaded });
        const store = new SqliteSignalStore(database.db, database.sqlite, events.writer);
        try {
          const sessionId = `refused-${String(threaded)}`;
          const broken = { ...row(sessionId, 'ben', 2000), participantId: null } as unknown as StoredSignalRow;
          await assert.rejects(store.append([row(sessionId, 'ana', 1000), broken]), /NOT NULL/);
          assert.deepEqual(await store.readSession(sessionId), []);
        } finally {
          await events.close();
        }
      });
    });
  }

  test('signal rows and event appends on one writer thread both land, in turn', async () => {
    await withDatabase(async (database) => {
      const events = new SqliteEventStore(database.sqlite, { writerThread: true });
      const store = new SqliteSignalStore(database.db, database.sqlite, events.writer);
      try {
        const rows = Array.from({ length: 3000 }, (_, index) => row('mixed', `p${String(index % 3)}`, index * 1000));
        const append = (seq: number) =>
          events.appendForCommand({
            sessionId: 'mixed',
            expectedLastSeq: seq,
            commandId: `command-${String(seq).padStart(4, '0')}`,
            actorId: 'p0',
            atMs: seq,
            events: [{ type: 'checkedIn', body: { seq } }],
            outcome: { ok: true },
          });
        const kinds: string[] = [];
        for (let seq = 0; seq < 20; seq += 1) {
          // Every few commands a signal batch is posted at the same moment as the append.
          const [result] = await Promise.all([append(seq), seq % 5 === 0 ? store.append(rows.slice(seq * 150, seq * 150 + 750)) : null]);
          kinds.push(result.kind);
        }
        assert.deepEqual(new Set(kinds), new Set(['appended']));
        assert.equal(await events.lastSeq('mixed'), 20);
        assert.equal((await store.readSession('mixed')).length, rows.length);
      } finally {
        await events.close();
      }
    });
  });
});
