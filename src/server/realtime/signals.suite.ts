/**
 * Body signals end to end over real HTTP and WebSockets: who receives them, the boundary
 * checked at send time, the stored copy behind the report, and deleting it. The caller starts
 * one node, or two sharing a database and a bus, so the same tests cover a multi-node setup.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { OPEN_BOUNDARIES } from '../../core/boundaries/boundary.ts';
import type { SessionReport } from '../../core/report/session-report.ts';
import { httpJson, inviteAcceptOverHttp, LiveClient, sessionCreateOverHttp } from '../testing/live-client.ts';
import type { TestServer } from '../testing/test-server.ts';

const NO_PHYSIOLOGY = { ...OPEN_BOUNDARIES, sharePhysiology: true };

/** Calls a route and returns its status and raw text (CSV and 204s are not JSON). */
async function httpText(baseUrl: string, path: string, cookie: string, method = 'GET') {
  const response = await fetch(`${baseUrl}${path}`, { method, headers: { cookie, origin: baseUrl } });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') ?? '' };
}

/** Registers the suite; `start` gives the nodes (Ana uses the first, Ben the last), or a skip reason. */
export function signalsSuite(name: string, start: () => Promise<readonly TestServer[] | string>): void {
  describe(`body signals over WebSockets (${name})`, () => {
    let nodes: readonly TestServer[] = [];
    let skipReason: string | undefined;
    const clients: LiveClient[] = [];

    before(async () => {
      const started = await start();
      if (typeof started === 'string') skipReason = started;
      else nodes = started;
    });
    after(async () => {
      await Promise.all(clients.map((client) => client.close()));
      for (const node of nodes) await node.stop();
    });

    async function pair(benBoundaries = OPEN_BOUNDARIES) {
      const first = nodes[0]?.baseUrl ?? '';
      const last = nodes.at(-1)?.baseUrl ?? '';
      const { sessionId, hostCookie, inviteToken } = await sessionCreateOverHttp(first, 'Ana');
      const guestCookie = await inviteAcceptOverHttp(first, inviteToken, 'Ben');
      const ana = new LiveClient(first, hostCookie, sessionId);
      const ben = new LiveClient(last, guestCookie, sessionId);
      clients.push(ana, ben);
      await ana.connect();
      await ana.join('Ana');
      await ben.connect();
      await ben.join('Ben', benBoundaries);
      await ana.waitForSeq(3);
      await ben.waitForSeq(3);
      return { sessionId, ana, ben, hostCookie, guestCookie, first, last };
    }

    test('a batch reaches the others present, once, and not its sender', async (t) => {
      if (skipReason !== undefined) { t.skip(skipReason); return; }
      const { ana, ben } = await pair();
      const now = Date.now();
      ana.sendSignals([{ atMs: now, heartRateBpm: 71, rrMs: [845, 850] }, { atMs: now + 250, heartRateBpm: 72 }]);
      await ben.waitFor(() => ben.signals.length === 1, "Ana's samples at Ben");
      const [batch] = ben.signals;
      assert.ok(batch);
      assert.equal(batch.participantId, ana.participantId);
      assert.deepEqual(batch.samples.map((sample) => [sample.heartRateBpm, sample.rrMs, sample.source]), [[71, [845, 850], 'simulated'], [72, [], 'simulated']]);
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.equal(ana.signals.length, 0, 'the sender does not get its own samples back');
      assert.equal(ben.signals.length, 1, 'no duplicates');
    });

    test('boundaries are checked when each batch is sent: ruling sharing out stops the next one', async (t) => {
      if (skipReason !== undefined) { t.skip(skipReason); return; }
      const { ana, ben } = await pair(NO_PHYSIOLOGY);
      ben.sendSignals([{ atMs: Date.now(), heartRateBpm: 80 }]);
      await ben.waitFor(() => ben.errors.some((error) => error.code === 'not_sharing'), 'a not_sharing answer');
      assert.match(ben.errors.find((error) => error.code === 'not_sharing')?.message ?? '', /boundaries keep your body signals to yourself/);

      ana.sendSignals([{ atMs: Date.now(), heartRateBpm: 70 }]);
      await ben.waitFor(() => ben.signals.length === 1, 'one batch before the boundary');
      await ana.accept({ type: 'setBoundaries', boundaries: NO_PHYSIOLOGY });
      ana.sendSignals([{ atMs: Date.now(), heartRateBpm: 70 }]);
      await ana.waitFor(() => ana.errors.some((error) => error.code === 'not_sharing'), 'Ana told her readings stay with her');
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.equal(ben.signals.length, 1, 'nothing after the boundary');
      assert.equal(ana.signals.length, 0, "Ben's were never passed on");
    });

    test('someone admitted but not in the session receives nothing, and cannot send', async (t) => {
      if (skipReason !== undefined) { t.skip(skipReason); return; }
      const { sessionId, ana, ben, first } = await pair();
      await ben.accept({ type: 'leave' });
      const outside = new LiveClient(first, ben.cookie, sessionId);
      clients.push(outside);
      await outside.connect();
      ana.sendSignals([{ atMs: Date.now(), heartRateBpm: 70 }]);
      outside.sendSignals([{ atMs: Date.now(), heartRateBpm: 90 }]);
      await outside.waitFor(() => outside.errors.some((error) => error.code === 'not_present'), 'a not_present answer');
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.equal(outside.signals.length + ben.signals.length, 0);
      assert.equal(ana.signals.length, 0);
    });

    test('malformed and stale samples get a clear answer and keep the socket open', async (t) => {
      if (skipReason !== undefined) { t.skip(skipReason); return; }
      const { ana, ben } = await pair();
      ana.sendRaw(JSON.stringify({ type: 'signals', samples: [{ atMs: Date.now(), source: 'strap', heartRateBpm: 900 }] }));
      ana.sendSignals([{ atMs: Date.now() - 10 * 60_000, heartRateBpm: 70 }, { atMs: Date.now(), heartRateBpm: 71 }]);
      await ana.waitFor(() => ana.errors.length >= 2, 'two answers');
      assert.match(ana.errors[0]?.message ?? '', /samples\.0\.heartRateBpm/);
      assert.match(ana.errors[1]?.message ?? '', /1 reading\(s\) were stamped more than a minute away/);
      await ben.waitFor(() => ben.signals.length === 1, 'the fresh sample still arrives');
      assert.deepEqual(ben.signals[0]?.samples.map((sample) => sample.heartRateBpm), [71]);
      assert.equal(ana.closeInfo, null);
    });

    test('the report holds what each person may see; deleting mine and the session removes it', async (t) => {
      if (skipReason !== undefined) { t.skip(skipReason); return; }
      const { sessionId, ana, ben, hostCookie, guestCookie, first, last } = await pair();
      // Stamped after both joined (a report shows others' samples only from when the viewer
      // was there) and no further ahead than the server accepts.
      const start = Date.now() + 100;
      for (let second = 0; second < 8; second += 4) {
        ana.sendSignals([0, 1, 2, 3].map((k) => ({ atMs: start + (second + k) * 1000, heartRateBpm: 70 + k, rrMs: [850] })));
        ben.sendSignals([0, 1, 2, 3].map((k) => ({ atMs: start + (second + k) * 1000 + 500, heartRateBpm: 80, breathingRateBpm: 6 })));
      }
      await ana.waitFor(() => ana.signals.length === 2, "all Ben's batches");

      // Each node writes each finished second every two seconds: on two nodes, the other node's
      // rows reach the database within about three seconds.
      const reportOf = () => httpJson<SessionReport>(first, `/api/sessions/${sessionId}/report`, { cookie: hostCookie });
      let report = await reportOf();
      const complete = () => report.body.series.length === 2 && report.body.series.every((series) => series.atMs.length === 8);
      for (let tries = 0; tries < 75 && !complete(); tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        report = await reportOf();
      }
      assert.equal(report.status, 200);
      const byPerson = new Map(report.body.series.map((series) => [series.participantId, series]));
      assert.equal(byPerson.get(ana.participantId)?.atMs.length, 8, 'one stored row a second');
      assert.equal(byPerson.get(ana.participantId)?.rrCount, 8, 'every RR interval kept');
      assert.equal(byPerson.get(ben.participantId)?.atMs.length, 8);

      const csv = await httpText(last, `/api/sessions/${sessionId}/report/rr.csv`, guestCookie);
      assert.equal(csv.status, 200);
      assert.match(csv.type, /^text\/csv/);
      assert.equal(csv.text.trim().split('\n').length, 9, 'a header and one line per interval');

      // Ben now keeps his body to himself: Ana's report no longer shows his series.
      await ben.accept({ type: 'setBoundaries', boundaries: NO_PHYSIOLOGY });
      const after = await httpJson<SessionReport>(first, `/api/sessions/${sessionId}/report`, { cookie: hostCookie });
      assert.deepEqual(after.body.series.map((series) => series.participantId), [ana.participantId]);

      assert.equal((await httpText(first, `/api/sessions/${sessionId}/signals/mine`, hostCookie, 'DELETE')).status, 204);
      const mine = await httpJson<SessionReport>(first, `/api/sessions/${sessionId}/report`, { cookie: hostCookie });
      assert.deepEqual(mine.body.series, []);

      const stranger = await sessionCreateOverHttp(first, 'Cy');
      assert.equal((await httpText(first, `/api/sessions/${sessionId}/report`, stranger.hostCookie)).status, 404, 'a stranger learns nothing, not even that it exists');
      const open = await httpText(first, `/api/sessions/${sessionId}`, hostCookie, 'DELETE');
      assert.equal(open.status, 409);
      assert.match(open.text, /still open/);
      await ana.accept({ type: 'endSession' });
      assert.equal((await httpText(last, `/api/sessions/${sessionId}`, guestCookie, 'DELETE')).status, 403, 'only the host deletes for everyone');
      assert.equal((await httpText(first, `/api/sessions/${sessionId}`, hostCookie, 'DELETE')).status, 204);
      assert.equal((await httpText(first, `/api/sessions/${sessionId}/report`, hostCookie)).status, 404);
      assert.equal((await httpText(last, `/api/sessions/${sessionId}/report/rr.csv`, guestCookie)).status, 404);
    });
  });
}
