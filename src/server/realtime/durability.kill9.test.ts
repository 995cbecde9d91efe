/**
 * Kill -9 the server again and again while people are writing, restart it, and check after every
 * restart that each acknowledged event is in the database at the seq its acknowledgement gave,
 * with no gap in the log. Once on SQLite (WAL, synchronous=FULL) and once on Postgres; the
 * server acknowledges only after commit, so the count of lost events must be 0 on both.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '../store/database.ts';
import { KyselyEventStore } from '../store/kysely-event-store.ts';
import { inviteAcceptOverHttp, LiveClient, sessionCreateOverHttp } from '../testing/live-client.ts';
import { serverProcessStart, type ServerProcess } from '../testing/server-process.ts';
import { createPostgresTestSchema, probePostgres, type PostgresTestSchema } from '../testing/services.ts';
import { portFree } from '../testing/test-server.ts';

const KILL_ROUNDS = 5;
const WRITERS = 4;
/** Each round is killed once this many of its check-ins are acknowledged (plus a random moment). */
const ACKS_BEFORE_KILL = 25;

interface Tally {
  attempted: number;
  /** note → the seq its acknowledgement named */
  readonly acknowledged: Map<string, number>;
}

/** What the database holds after a restart: every check-in note at its seq, and the seqs in order. */
async function storedLog(databaseUrl: string | undefined, dataDir: string, sessionId: string): Promise<{ notes: Map<string, number>; seqs: number[] }> {
  const database = await openDatabase({ databaseUrl, dataDir });
  try {
    const events = await new KyselyEventStore(database.db).readAfter(sessionId, 0);
    const notes = new Map<string, number>();
    for (const event of events) {
      const note = (event.body as { readonly note?: unknown } | null)?.note;
      if (event.type === 'checkedIn' && typeof note === 'string' && note !== '') notes.set(note, event.seq);
    }
    return { notes, seqs: events.map((event) => event.seq) };
  } finally {
    await database.close();
  }
}

/** Runs the kill rounds against one server configuration and prints the counts. */
async function killRounds(label: string, environment: Readonly<Record<string, string>>, databaseUrl: string | undefined): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-kill9-'));
  const port = await portFree();
  const settings = { ...environment, DATA_DIR: dataDir, WS_MESSAGES_PER_SECOND: '10000', WS_MESSAGE_BURST: '10000', HTTP_REQUESTS_PER_MINUTE: '100000' };
  let server: ServerProcess = await serverProcessStart(port, settings);
  const tally: Tally = { attempted: 0, acknowledged: new Map() };
  try {
    const { sessionId, hostCookie, inviteToken } = await sessionCreateOverHttp(server.baseUrl, 'Ana');
    const guestCookie = await inviteAcceptOverHttp(server.baseUrl, inviteToken, 'Ben');
    const cookies = [hostCookie, guestCookie];

    for (let round = 0; round < KILL_ROUNDS; round += 1) {
      const writers = Array.from({ length: WRITERS }, (_, index) => new LiveClient(server.baseUrl, cookies[index % 2] ?? '', sessionId));
      await Promise.all(writers.map((writer) => writer.connect(round === 0 ? { invite: inviteToken } : {})));
      if (round === 0) {
        await writers[0]?.join('Ana');
        await writers[1]?.join('Ben');
      }
      let ackedThisRound = 0;
      let enough: () => void = () => undefined;
      const enoughWritten = new Promise<void>((resolve) => { enough = resolve; });
      const loops = writers.map(async (writer, index) => {
        for (let serial = 0; ; serial += 1) {
          const note = `r${String(round)}-w${String(index)}-n${String(serial)}`;
          tally.attempted += 1;
          const outcome = await Promise.race([
            writer.command({ type: 'checkIn', state: 'regulated', intensity: 3, visibility: 'shared', note }),
            writer.waitFor(() => writer.closeInfo !== null, 'close', 120_000).then(() => null),
          ]);
          if (outcome === null) return;
          assert.ok(outcome.ok, `a check-in was turned down: ${JSON.stringify(outcome)}`);
          tally.acknowledged.set(note, outcome.lastSeq ?? 0);
          ackedThisRound += 1;
          if (ackedThisRound >= ACKS_BEFORE_KILL) enough();
        }
      });
      await enoughWritten;
      // A different moment of the write each round: mid-transaction, mid-acknowledgement, idle.
      await sleep(Math.floor(Math.random() * 60));
      await server.kill9();
      await Promise.all(loops);
      server = await serverProcessStart(port, settings);

      const stored = await storedLog(databaseUrl, dataDir, sessionId);
      const lost = [...tally.acknowledged].filter(([note, seq]) => stored.notes.get(note) !== seq);
      assert.deepEqual(lost, [], `${label}: after kill ${String(round + 1)}, acknowledged check-ins are missing or moved`);
      assert.deepEqual(stored.seqs, stored.seqs.map((_, index) => index + 1), `${label}: after kill ${String(round + 1)}, the log has a gap`);
    }

    // After all the restarts, a device catching up from nothing gets the whole log, in order.
    const stored = await storedLog(databaseUrl, dataDir, sessionId);
    const reader = new LiveClient(server.baseUrl, hostCookie, sessionId);
    await reader.connect({ lastSeq: 0 });
    await reader.waitFor(() => reader.lastSeq() >= stored.seqs.length, `catch-up to seq ${String(stored.seqs.length)}`, 30_000);
    assert.deepEqual(reader.events.map((event) => event.seq), stored.seqs, `${label}: catching up after the restarts`);
    await reader.close();

    const present = [...tally.acknowledged].filter(([note, seq]) => stored.notes.get(note) === seq).length;
    const lost = tally.acknowledged.size - present;
    console.log(`kill -9 durability (${label}): ${String(KILL_ROUNDS)} kills under write load, ${String(tally.attempted)} check-ins sent, ${String(tally.acknowledged.size)} acknowledged, ${String(present)} present at their seq, ${String(lost)} lost`);
    assert.ok(tally.acknowledged.size >= KILL_ROUNDS * ACKS_BEFORE_KILL, `too few writes to mean anything (${String(tally.acknowledged.size)})`);
    assert.equal(lost, 0, `${label}: acknowledged events were lost`);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

test('SQLite: every acknowledged event survives kill -9 during writes, round after round', { timeout: 180_000 }, async () => {
  await killRounds('SQLite', {}, undefined);
});

const postgres = await probePostgres();
let schema: PostgresTestSchema | undefined;
after(async () => {
  await schema?.drop();
});

test('Postgres: every acknowledged event survives kill -9 during writes, round after round', { skip: postgres.skipReason, timeout: 180_000 }, async () => {
  assert.ok(postgres.url !== null);
  schema = await createPostgresTestSchema(postgres.url);
  await killRounds('Postgres', { DATABASE_URL: schema.url }, schema.url);
});
