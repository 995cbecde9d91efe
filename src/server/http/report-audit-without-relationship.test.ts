/**
 * Looking at someone else's check-ins in the report of a session no relationship started (an
 * invite link, a consultation) is audited too, and the person looked at sees it in their access log.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { httpJson, inviteAcceptOverHttp, LiveClient, sessionCreateOverHttp } from '../testing/live-client.ts';
import { testServerStart } from '../testing/test-server.ts';

test('a report read in an invite session is written to the access log of the person it shows', async () => {
  const running = await testServerStart();
  const clients: LiveClient[] = [];
  try {
    const { sessionId, hostCookie, inviteToken } = await sessionCreateOverHttp(running.baseUrl, 'Ana');
    const guestCookie = await inviteAcceptOverHttp(running.baseUrl, inviteToken, 'Ben');
    const ana = new LiveClient(running.baseUrl, hostCookie, sessionId);
    const ben = new LiveClient(running.baseUrl, guestCookie, sessionId);
    clients.push(ana, ben);
    await ana.connect();
    await ana.join('Ana');
    await ben.connect();
    await ben.join('Ben');
    await ana.accept({ type: 'checkIn', state: 'activated', intensity: 6, visibility: 'shared' });
    await ana.accept({ type: 'endSession' });

    const report = await httpJson(running.baseUrl, `/api/sessions/${sessionId}/report`, { cookie: guestCookie });
    assert.equal(report.status, 200, JSON.stringify(report.body));
    const log = await httpJson<{ entries: { viewerName: string; subject: string; relationshipId: string; sessionId: string | null }[] }>(running.baseUrl, '/api/me/access-log', { cookie: hostCookie });
    assert.equal(log.status, 200, JSON.stringify(log.body));
    const looks = log.body.entries.filter((entry) => entry.viewerName === 'Ben' && entry.subject === 'sessionCheckIns');
    assert.equal(looks.length, 1, JSON.stringify(log.body.entries));
    assert.equal(looks[0]?.relationshipId, '');
  } finally {
    await Promise.all(clients.map((client) => client.close()));
    await running.stop();
  }
});
