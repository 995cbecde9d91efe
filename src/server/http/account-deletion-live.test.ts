/**
 * Deleting an account while its devices are still streaming over a real socket (SQLite, one
 * node): frames already on the way are not handled after the delete, so no body sample and no
 * event of the person is written after their account is gone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { OPEN_BOUNDARIES } from '../../core/boundaries/boundary.ts';
import { inviteAcceptOverHttp, LiveClient, sessionCreateOverHttp } from '../testing/live-client.ts';
import { testServerStart, type TestServer } from '../testing/test-server.ts';

/** Longer than the recorder's flush interval (2 s), so a row still in memory would be written. */
const SETTLE_MS = 3_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

void describe('deleting an account while its sockets stream', () => {
  let node: TestServer;
  const clients: LiveClient[] = [];

  before(async () => {
    node = await testServerStart();
  });
  after(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await node.stop();
  });

  async function deleteAccount(cookie: string): Promise<number> {
    const response = await fetch(`${node.baseUrl}/api/account`, { method: 'DELETE', headers: { cookie, origin: node.baseUrl } });
    return response.status;
  }

  /** Sends a batch every 100 ms until stopped; a closed socket ends it. */
  function stream(client: LiveClient): () => void {
    const timer = setInterval(() => {
      try {
        client.sendSignals([{ atMs: Date.now(), heartRateBpm: 70, rrMs: [850], breathingRateBpm: 6, breathPhase: 0.3 }]);
      } catch {
        // The socket is already gone.
      }
    }, 100);
    return () => {
      clearInterval(timer);
    };
  }

  void test('a solo session: no sample of theirs is stored after the delete', async () => {
    const { sessionId, hostCookie } = await sessionCreateOverHttp(node.baseUrl, 'Solo');
    const solo = new LiveClient(node.baseUrl, hostCookie, sessionId);
    clients.push(solo);
    await solo.connect();
    await solo.join('Solo');
    const personId = solo.participantId;
    const stop = stream(solo);
    await pause(600);
    assert.equal(await deleteAccount(hostCookie), 204);
    await pause(SETTLE_MS);
    stop();
    await node.server.context.recorder.flush(true);
    const rows = await node.server.context.signals.readSession(sessionId);
    assert.deepEqual(rows.filter((row) => row.participantId === personId), [], 'no sample row of the deleted person');
    assert.notEqual(solo.closeInfo, null, 'their socket was closed');
  });

  void test('a shared session: streaming and a queued join write nothing of theirs after the delete', async () => {
    const { sessionId, hostCookie, inviteToken } = await sessionCreateOverHttp(node.baseUrl, 'Ana');
    const guestCookie = await inviteAcceptOverHttp(node.baseUrl, inviteToken, 'Ben');
    const ana = new LiveClient(node.baseUrl, hostCookie, sessionId);
    const ben = new LiveClient(node.baseUrl, guestCookie, sessionId);
    clients.push(ana, ben);
    await ana.connect();
    await ana.join('Ana');
    await ben.connect();
    await ben.join('Benedikt Unique');
    const benId = ben.participantId;
    const stop = stream(ben);
    await pause(600);
    const deleting = deleteAccount(guestCookie);
    // Frames already on their way as the delete starts, including one that would join again.
    for (let index = 0; index < 20; index += 1) {
      try {
        ben.sendRaw(JSON.stringify({ type: 'command', commandId: `rejoin-${String(index)}`, command: { type: 'join', displayName: 'Benedikt Unique', boundaries: OPEN_BOUNDARIES } }));
        ben.sendSignals([{ atMs: Date.now(), heartRateBpm: 71 }]);
      } catch {
        break;
      }
      await pause(5);
    }
    assert.equal(await deleting, 204);
    await pause(SETTLE_MS);
    stop();
    await node.server.context.recorder.flush(true);
    const rows = await node.server.context.signals.readSession(sessionId);
    assert.deepEqual(rows.filter((row) => row.participantId === benId), [], 'no sample row of the deleted person');
    const log = await node.server.context.hub.readLog(sessionId);
    const text = JSON.stringify(log);
    assert.ok(!text.includes(benId), 'their id is not in the log');
    assert.ok(!text.includes('Benedikt Unique'), 'their name is not in the log');
  });
});
