/**
 * Acknowledged appends per second on SQLite, through the real command path (decide, append in
 * one transaction with its command record, acknowledge after commit), beside a raw
 * better-sqlite3 loop that inserts one row per transaction with the same durability settings
 * (WAL, synchronous=FULL), in the same run. Prints figures and the ratio (target ≥ 0.5).
 * Run: npx tsx bench/sqlite-append.bench.ts [commands]
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { OPEN_BOUNDARIES } from '../src/core/boundaries/boundary.ts';
import { MemoryBus } from '../src/server/bus/memory-bus.ts';
import { SILENT_LOGGER } from '../src/server/log/logger.ts';
import { MemoryAdmissionStore } from '../src/server/store/admission-store.ts';
import { SessionHub } from '../src/server/realtime/session-hub.ts';
import { openDatabase } from '../src/server/store/database.ts';
import { KyselyEventStore } from '../src/server/store/kysely-event-store.ts';
import { SqliteEventStore } from '../src/server/store/sqlite-event-store.ts';
import { migrateToLatest } from '../src/server/store/migrations/index.ts';

const COMMANDS = Number(process.argv[2] ?? 3000);
const CONCURRENT_SESSIONS = 8;

function rawInsertLoop(dir: string, count: number): number {
  mkdirSync(dir, { recursive: true });
  const db = new BetterSqlite3(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('create table events (session_id text, seq integer, at_ms integer, body text, primary key (session_id, seq))');
  const insert = db.prepare('insert into events values (?, ?, ?, ?)');
  const body = JSON.stringify({ type: 'checkedIn', participantId: 'ana', state: 'regulated', intensity: 3, note: '' });
  const started = performance.now();
  for (let seq = 1; seq <= count; seq += 1) insert.run('s', seq, Date.now(), body);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return count / seconds;
}

async function hubAppends(dir: string, count: number, sessions: number): Promise<{ perSecond: number; p50Ms: number; p99Ms: number }> {
  const database = await openDatabase({ dataDir: join(dir, 'hub') });
  await migrateToLatest(database.db);
  const hub = new SessionHub({ admissions: new MemoryAdmissionStore(), store: database.sqlite ? new SqliteEventStore(database.sqlite) : new KyselyEventStore(database.db), bus: new MemoryBus(), logger: SILENT_LOGGER, now: Date.now, nodeId: 'bench' });
  const actor = { participantId: 'ana', kind: 'guest' as const };
  let serial = 0;
  const id = () => `bench-${String(++serial).padStart(10, '0')}`;
  for (let index = 0; index < sessions; index += 1) {
    await hub.submit(`s${index}`, actor, id(), { type: 'createSession', maxParticipants: 8 });
    await hub.submit(`s${index}`, actor, id(), { type: 'join', displayName: 'Ana', boundaries: OPEN_BOUNDARIES });
  }
  const latencies: number[] = [];
  const perSession = Math.ceil(count / sessions);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: sessions }, async (_, index) => {
      for (let n = 0; n < perSession; n += 1) {
        const sent = performance.now();
        const outcome = await hub.submit(`s${index}`, actor, id(), { type: 'checkIn', state: 'regulated', intensity: 3, tags: [], note: '', visibility: 'shared', moment: 'any' });
        if (!outcome.ok) throw new Error(outcome.message);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await hub.close(1001, 'bench over');
  await database.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { perSecond: (perSession * sessions) / seconds, p50Ms: at(0.5), p99Ms: at(0.99) };
}

/** Rounds alternate raw and acknowledged runs, so disk and CPU noise hits both alike. */
const ROUNDS = 3;

const dir = mkdtempSync(join(tmpdir(), 'attune-bench-'));
try {
  const fmt = (n: number) => n.toFixed(0).padStart(7);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  console.log(`SQLite appends, WAL + synchronous=FULL, ${COMMANDS} commands per run, ${ROUNDS} alternating rounds (one commit per acknowledged command)`);
  const ratios = { one: [] as number[], many: [] as number[] };
  for (let round = 0; round < ROUNDS; round += 1) {
    const raw = rawInsertLoop(join(dir, `raw-${round}`), COMMANDS);
    const single = await hubAppends(join(dir, `one-${round}`), COMMANDS, 1);
    const many = await hubAppends(join(dir, `many-${round}`), COMMANDS, CONCURRENT_SESSIONS);
    ratios.one.push(single.perSecond / raw);
    ratios.many.push(many.perSecond / raw);
    console.log(`round ${round + 1}: raw insert loop ${fmt(raw)} rows/s | acknowledged, 1 session ${fmt(single.perSecond)}/s (p50 ${single.p50Ms.toFixed(2)} ms, p99 ${single.p99Ms.toFixed(2)} ms) | ${CONCURRENT_SESSIONS} sessions ${fmt(many.perSecond)}/s (p50 ${many.p50Ms.toFixed(2)} ms, p99 ${many.p99Ms.toFixed(2)} ms)`);
  }
  const describe = (values: number[]) => `median ${median(values).toFixed(2)} (min ${Math.min(...values).toFixed(2)}, max ${Math.max(...values).toFixed(2)})`;
  console.log(`ratio acknowledged / raw, 1 session:  ${describe(ratios.one)}`);
  console.log(`ratio acknowledged / raw, ${CONCURRENT_SESSIONS} sessions: ${describe(ratios.many)}`);
  console.log('target: ratio ≥ 0.50');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
