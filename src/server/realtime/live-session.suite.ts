/**
 * The live session end to end over real HTTP and WebSockets, against whichever database the
 * caller starts the server with. Run for SQLite and for Postgres.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CLOSE_CODES } from '../../core/protocol/messages.ts';
import {
  httpJson,
  inviteAcceptOverHttp,
  LiveClient,
  sessionCreateOverHttp,
} from '../testing/live-client.ts';
import type { TestServer } from '../testing/test-server.ts';

/** Two people in one session over real sockets. */
async function pairInSession(baseUrl: string) {
  const { sessionId, hostCookie, inviteToken } = await sessionCreateOverHttp(baseUrl, 'Ana');
  const guestCookie = await inviteAcceptOverHttp(baseUrl, inviteToken, 'Ben');
  const ana = new LiveClient(baseUrl, hostCookie, sessionId);
  const ben = new LiveClient(baseUrl, guestCookie, sessionId);
  await ana.connect();
  await ana.join('Ana');
  await ben.connect({ invite: inviteToken });
  await ben.join('Ben');
  await ana.waitForSeq(3);
  return { sessionId, ana, ben, inviteToken, hostCookie, guestCookie };
}

/** Registers the live-session suite; `start` gives a fresh server, or null to skip with a reason. */
export function liveSessionSuite(name: string, start: () => Promise<TestServer | string>): void {
  describe(`live session over WebSockets (${name})`, () => {
    let running: TestServer | undefined;
    let skipReason: string | undefined;
    const clients: LiveClient[] = [];
    const track = <T extends { ana: LiveClient; ben: LiveClient }>(pair: T): T => {
      clients.push(pair.ana, pair.ben);
      return pair;
    };
    const baseUrl = () => {
      if (!running) throw new Error('server not started');
      return running.baseUrl;
    };

    before(async () => {
      const started = await start();
      if (typeof started === 'string') skipReason = started;
      else running = started;
    });
    after(async () => {
      await Promise.all(clients.map((client) => client.close()));
      await running?.stop();
    });

    test('two people complete a breath-synchronisation practice', async (t) => {
      if (skipReason !== undefined) { t.skip(skipReason); return; }
      const { ana, ben } = track(await pairInSession(baseUrl()));
      await ana.accept({ type: 'proposePractice', practiceId: 'breath-sync', durationMs: 120_000 });
      await ana.accept({ type: 'setReady', ready: true });
      const early = await ana.command({ type: 'startPractice' });
      assert.equal(!early.ok && early.code, 'not_all_ready');
      await ben.accept({ type: 'setReady', ready: true });
      const started = await ben.accept({ type: 'startPractice' });
      await ana.waitForSeq(started.lastSeq ?? 0);
      const startEvent = ana.events.find((event) => event.event.type === 'practiceStarted');
      assert.ok(startEvent);
      assert.deepEqual(
        (startEvent.event.pacer as { pattern: unknown }).pattern,
        { inhaleMs: 4000, holdAfterInhaleMs: 0, exhaleMs: 6000, holdAfterExhaleMs: 0 },
      );
      await ana.accept({ type: 'pause' });
      await ana.accept({ type: 'resume' });
      const ended = await ben.accept({ type: 'endPractice', outcome: 'stopped' });
      await ana.waitForSeq(ended.lastSeq ?? 0);
      await ben.waitForSeq(ended.lastSeq ?? 0);
      const types = (client: LiveClient) => client.events.map((event) => event.event.type);
      assert.deepEqual(types(ana), types(ben));
      assert.deepEqual(types(ana).slice(-7), ['practiceProposed', 'readinessSet', 'readinessSet', 'practiceStarted', 'sessionPaused', 'sessionResumed', 'practiceEnded']);
      assert.deepEqual(ana.events.map((event) => event.seq), ana.events.map((_, index) => index + 1));
    });

    test('a device that drops and reconnects with its last seq receives exactly what it missed, in order', async (t) => {
      if (skipReason !== undefined) { t.skip(skipReason); return; }
      const { ana, ben } = track(await pairInSession(baseUrl()));
      const benHad = ben.lastSeq();
      ben.drop();
      await ben.waitFor(() => ben.closeInfo !== null, 'the drop');
      let last = 0;
      for (let index = 0; index < 5; index += 1) {
        last = (await ana.accept({ type: 'checkIn', state: 'regulated', intensity: index, visibility: 'shared' })).lastSeq ?? 0;
      }
      await ben.connect({ lastSeq: benHad });
      await ben.waitForSeq(last);
      const seqs = ben.events.map((event) => event.seq);
      assert.deepEqual(seqs, Array.from({ length: last }, (_, index) => index + 1), 'no gap and no duplicate');
      const more = await ana.accept({ type: 'pause' });
      await ben.waitForSeq(more.lastSeq ?? 0);
      assert.equal(ben.events.at(-1)?.event.type, 'sessionPaused');
    });

    test('a guest of one session can neither read nor act in another', async (t) => {
      if (skipReason !== undefined) { t.skip(skipReason); return; }
      const first = track(await pairInSession(baseUrl()));
      const second = await sessionCreateOverHttp(baseUrl(), 'Cal');
      const intruder = new LiveClient(baseUrl(), first.guestCookie, second.sessionId);
      // The same answer as for a session that does not exist, so ids cannot be probed.
      await assert.rejects(intruder.connect(), /HTTP 404/);
      await assert.rejects(intruder.connect({ invite: first.inviteToken }), /HTTP 404/, 'an invite opens only its own session');
      const stranger = new LiveClient(baseUrl(), '', first.sessionId);
      await assert.rejects(stranger.connect(), /HTTP 401/);
      const invites = await httpJson<{ error: { code: string } }>(baseUrl(), `/api/sessions/${second.sessionId}/invites`, { method: 'POST', cookie: first.guestCookie, body: {} });
      assert.equal(invites.status, 404);
      assert.equal(invites.body.error.code, 'session_not_found');
    });

    test('a page from another origin cannot open the live socket', async (t) => {
      if (skipReason !== undefined) { t.skip(skipReason); return; }
      const { sessionId, hostCookie } = await sessionCreateOverHttp(baseUrl(), 'Ana');
      const client = new LiveClient(baseUrl(), hostCookie, sessionId);
      await assert.rejects(client.connect({ origin: 'https://evil.example' }), /HTTP 403/);
    });

    test('malformed and oversized frames get clear codes; peers and the server carry on', async (t) => {
      if (skipReason !== undefined) { t.skip(skipReason); return; }
      const { ana, ben } = track(await pairInSession(baseUrl()));
      const benSeq = ben.lastSeq();
      ana.sendRaw('{"type":');
      ana.sendRaw(JSON.stringify({ type: 'command', commandId: 'abcdefgh', command: { type: 'pause', why: 'x' } }));
      ana.sendRaw('y'.repeat(40_000));
      await ana.waitFor(() => ana.errors.length >= 3, 'three errors');
      assert.deepEqual(ana.errors.map((error) => error.code), ['malformed_frame', 'invalid_message', 'frame_too_large']);
      assert.ok(ana.errors.every((error) => error.message.length > 10));
      const after = await ana.accept({ type: 'pause' });
      await ben.waitForSeq(after.lastSeq ?? 0);
      assert.equal(ben.lastSeq(), benSeq + 1, 'the peer saw only the real pause');
      // Past the hard cap the socket is closed with 1009; the peer and the server are untouched.
      ana.sendRaw('z'.repeat(300_000));
      await ana.waitFor(() => ana.closeInfo !== null, 'the close');
      assert.equal(ana.closeInfo?.code, CLOSE_CODES.tooLarge);
      const still = await ben.accept({ type: 'pause' });
      assert.ok(still.ok);
      const health = await httpJson<{ ok: boolean }>(baseUrl(), '/api/health');
      assert.equal(health.body.ok, true);
    });

    test('clock-sync pings are answered with server timestamps', async (t) => {
      if (skipReason !== undefined) { t.skip(skipReason); return; }
      const { ana } = track(await pairInSession(baseUrl()));
      const sentAt = Date.now();
      const pong = await ana.ping(1, sentAt);
      assert.equal(pong.clientSentAtMs, sentAt);
      assert.ok(Math.abs(pong.serverReceivedAtMs - sentAt) < 5_000);
      assert.ok(pong.serverSentAtMs >= pong.serverReceivedAtMs);
    });
  });
}
