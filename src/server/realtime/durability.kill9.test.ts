/**
 * Kill -9 the server while people are writing, restart it, and check that every acknowledged
 * event is there. Acknowledgement comes only after commit (SQLite WAL, synchronous=FULL).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { inviteAcceptOverHttp, LiveClient, sessionCreateOverHttp } from '../testing/live-client.ts';
import { serverProcessStart } from '../testing/server-process.ts';
import { portFree } from '../testing/test-server.ts';

const KILL_ROUNDS = 3;
const WRITERS = 4;

test('every acknowledged event survives kill -9 during writes, round after round', { timeout: 120_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-kill9-'));
  const port = await portFree();
  const environment = { DATA_DIR: dataDir, WS_MESSAGES_PER_SECOND: '10000', WS_MESSAGE_BURST: '10000' };
  let server = await serverProcessStart(port, environment);
  try {
    const { sessionId, hostCookie, inviteToken } = await sessionCreateOverHttp(server.baseUrl, 'Ana');
    const guestCookie = await inviteAcceptOverHttp(server.baseUrl, inviteToken, 'Ben');
    const cookies = [hostCookie, guestCookie];
    const acknowledged = new Map<string, number>();
    let attempted = 0;

    for (let round = 0; round < KILL_ROUNDS; round += 1) {
      const writers = Array.from({ length: WRITERS }, (_, index) => new LiveClient(server.baseUrl, cookies[index % 2] ?? '', sessionId));
      await Promise.all(writers.map((writer) => writer.connect(round === 0 ? { invite: inviteToken } : {})));
      if (round === 0) {
        await writers[0]?.join('Ana');
        await writers[1]?.join('Ben');
      }
      let killed = false;
      const loops = writers.map(async (writer, index) => {
        for (let serial = 0; !killed; serial += 1) {
          const note = `r${round}-w${index}-n${serial}`;
          attempted += 1;
          const outcome = await Promise.race([
            writer.command({ type: 'checkIn', state: 'regulated', intensity: 3, visibility: 'shared', note }),
            writer.waitFor(() => writer.closeInfo !== null, 'close', 60_000).then(() => null),
          ]);
          if (outcome === null) return;
          assert.ok(outcome.ok, `a check-in was turned down: ${JSON.stringify(outcome)}`);
          acknowledged.set(note, outcome.lastSeq ?? 0);
        }
      });
      await sleep(400 + round * 150);
      killed = true;
      await server.kill9();
      await Promise.all(loops);
      server = await serverProcessStart(port, environment);
    }

    // A check-in's note reaches only its writer, so each person reads back their own.
    const expectedLast = Math.max(...acknowledged.values());
    const readers = cookies.map((cookie) => new LiveClient(server.baseUrl, cookie, sessionId));
    const present = new Map<string, number>();
    for (const reader of readers) {
      await reader.connect({ lastSeq: 0 });
      await reader.waitForSeq(expectedLast);
      for (const wire of reader.events) {
        const note = wire.event.note;
        if (typeof note === 'string' && note !== '') present.set(note, wire.seq);
      }
    }
    const reader = readers[0]!;
    const lost = [...acknowledged].filter(([note, seq]) => present.get(note) !== seq);
    console.log(`kill -9 durability: ${KILL_ROUNDS} kills, ${attempted} check-ins sent, ${acknowledged.size} acknowledged, ${acknowledged.size - lost.length} present at their seq, ${lost.length} lost`);
    assert.ok(acknowledged.size > 50, `too few writes to mean anything (${acknowledged.size})`);
    assert.deepEqual(lost, [], 'acknowledged events went missing');
    assert.deepEqual(reader.events.map((event) => event.seq), reader.events.map((_, index) => index + 1), 'the log has gaps');
    await Promise.all(readers.map((each) => each.close()));
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
