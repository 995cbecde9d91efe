/**
 * Leaving a relationship ends one's part in its live sessions at once: the open socket stops
 * hearing what the others do, and a fresh connection is refused like one to a missing session.
 * When the host leaves, the others lose the session instead.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testServerStart } from '../testing/test-server.ts';
import { injectClient } from './relationship-sharing.test-support.ts';

async function liveCouple() {
  const running = await testServerStart();
  const http = injectClient(running);
  const couple = await http.couple();
  const created = await http.call<{ sessionId: string }>('POST', `/api/relationships/${couple.relationshipId}/sessions`, couple.ana, {});
  const { sessionId } = created.body;
  const ana = http.live(couple.ana, sessionId);
  const ben = http.live(couple.ben, sessionId);
  await ana.connect();
  await ana.join('Ana');
  await ben.connect();
  await ben.join('Ben');
  await ana.waitForSeq(3);
  return { running, http, couple, sessionId, ana, ben };
}

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

test('someone who leaves the relationship hears nothing more of its live session and cannot reconnect', async () => {
  const { running, http, couple, sessionId, ana, ben } = await liveCouple();
  try {
    assert.equal((await http.call('DELETE', `/api/relationships/${couple.relationshipId}/membership`, couple.ben)).status, 204);
    await settle();
    assert.notEqual(ben.closeInfo, null, 'their open socket was closed');

    await ana.connect();
    await ana.waitFor(() => ana.participantId !== '', 'the welcome');
    await ana.accept({ type: 'checkIn', state: 'activated', intensity: 7, visibility: 'shared' });
    const again = http.live(couple.ben, sessionId);
    await assert.rejects(again.connect(), /HTTP 404/);
  } finally {
    await http.closeAll();
    await running.stop();
  }
});

test('when the host leaves, the others lose the session and the host keeps it', async () => {
  const { running, http, couple, sessionId, ben } = await liveCouple();
  try {
    assert.equal((await http.call('DELETE', `/api/relationships/${couple.relationshipId}/membership`, couple.ana)).status, 204);
    await settle();
    assert.notEqual(ben.closeInfo, null);
    await assert.rejects(http.live(couple.ben, sessionId).connect(), /HTTP 404/);
    const host = http.live(couple.ana, sessionId);
    await host.connect();
    await host.waitFor(() => host.participantId !== '', 'the welcome');
  } finally {
    await http.closeAll();
    await running.stop();
  }
});
