/**
 * /metrics on a real server: valid exposition that moves with real traffic, on its own loopback
 * port and never on the public one, behind a token when one is set, and with no person in it.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { after, before, describe, test } from 'node:test';
import { inviteAcceptOverHttp, LiveClient, sessionCreateOverHttp } from '../testing/live-client.ts';
import { portFree, testServerStart, type TestServer } from '../testing/test-server.ts';
import { expositionParse, expositionValue, type ExpositionSample } from './exposition-check.ts';
import { metricsServerStart } from './metrics-server.ts';

async function scrape(url: string, headers: Record<string, string> = {}): Promise<{ status: number; contentType: string | null; text: string }> {
  const response = await fetch(`${url}/metrics`, { headers });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

/** A non-loopback IPv4 address of this machine, if it has one. */
function outsideAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((address) => address !== undefined && address.family === 'IPv4' && !address.internal)?.address;
}

function connectionRefused(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3000 });
    socket.once('connect', () => { socket.destroy(); resolve(false); });
    socket.once('error', () => { resolve(true); });
    socket.once('timeout', () => { socket.destroy(); resolve(true); });
  });
}

describe('metrics of a running node', () => {
  let running: TestServer;
  let metricsUrl = '';

  before(async () => {
    running = await testServerStart({ METRICS_PORT: String(await portFree()), WS_MESSAGES_PER_SECOND: '1000', WS_MESSAGE_BURST: '1000' });
    metricsUrl = running.server.metricsUrl ?? '';
  });
  after(async () => {
    await running.stop();
  });

  test('a scrape is valid text format 0.0.4 and follows real traffic, with no person in it', async () => {
    const first = await scrape(metricsUrl);
    assert.equal(first.status, 200);
    assert.equal(first.contentType, 'text/plain; version=0.0.4; charset=utf-8');
    const initial = expositionParse(first.text);
    const accepted = (samples: readonly ExpositionSample[]) => expositionValue(samples, 'attune_command_appends_total', { result: 'accepted' }) ?? 0;

    const { sessionId, hostCookie, inviteToken } = await sessionCreateOverHttp(running.baseUrl, 'Zephyrine');
    const guestCookie = await inviteAcceptOverHttp(running.baseUrl, inviteToken, 'Quillon');
    const host = new LiveClient(running.baseUrl, hostCookie, sessionId);
    const guest = new LiveClient(running.baseUrl, guestCookie, sessionId);
    await host.connect();
    await guest.connect();
    await host.join('Zephyrine');
    await guest.join('Quillon');
    const checkIn = await host.accept({ type: 'checkIn', state: 'regulated', intensity: 3, visibility: 'shared', note: 'private words' });
    await guest.waitForSeq(checkIn.lastSeq ?? 0);
    const now = Date.now();
    host.sendSignals([{ atMs: now, heartRateBpm: 70 }, { atMs: now - 10 * 60_000, heartRateBpm: 71 }]);
    await guest.waitFor(() => guest.signals.length > 0, 'signals');

    const { text } = await scrape(metricsUrl);
    const samples = expositionParse(text);
    assert.ok(accepted(samples) >= accepted(initial) + 3, 'two joins and a check-in were counted');
    assert.ok((expositionValue(samples, 'attune_http_requests_total', { method: 'POST', route: '/api/sessions', status_class: '2xx' }) ?? 0) >= 1);
    assert.ok((expositionValue(samples, 'attune_http_requests_total', { method: 'POST', route: '/api/invites/:token/accept', status_class: '2xx' }) ?? 0) >= 1);
    assert.ok((expositionValue(samples, 'attune_http_request_duration_seconds_count', { method: 'POST', route: '/api/sessions' }) ?? 0) >= 1);
    assert.equal(expositionValue(samples, 'attune_live_sockets'), 2);
    assert.ok((expositionValue(samples, 'attune_rooms_active') ?? 0) >= 1);
    assert.ok((expositionValue(samples, 'attune_events_delivered_total') ?? 0) >= 2 * (checkIn.lastSeq ?? 0) - 1);
    assert.ok((expositionValue(samples, 'attune_command_append_duration_seconds_count') ?? 0) >= 3);
    assert.equal(expositionValue(samples, 'attune_signal_samples_received_total'), 1);
    assert.equal(expositionValue(samples, 'attune_signal_samples_dropped_total'), 1);
    assert.equal(expositionValue(samples, 'attune_signal_batches_relayed_total'), 1);
    assert.ok((expositionValue(samples, 'attune_bus_publishes_total') ?? 0) >= 3);
    assert.equal(expositionValue(samples, 'attune_ready'), 0, 'nobody asked /api/ready yet');
    assert.ok((expositionValue(samples, 'process_resident_memory_bytes') ?? 0) > 0);
    assert.ok((expositionValue(samples, 'nodejs_heap_used_bytes') ?? 0) > 0);
    assert.ok((expositionValue(samples, 'process_cpu_seconds_total') ?? 0) > 0);
    assert.notEqual(expositionValue(samples, 'nodejs_eventloop_delay_seconds', { quantile: '0.99' }), undefined);
    assert.equal(expositionValue(samples, 'attune_build_info', { version: '0.1.0' }), 1);
    for (const personal of [sessionId, inviteToken, 'Zephyrine', 'Quillon', 'private words', host.participantId, guest.participantId]) {
      assert.ok(!text.includes(personal), `${personal} must not be in metrics`);
    }
    await Promise.all([host.close(), guest.close()]);
  });

  test('the public port does not serve metrics, and the metrics port is loopback only', async () => {
    // /metrics on the public port is just a page path (the app shell when the web app is built).
    for (const path of ['/metrics', '/api/metrics']) {
      const response = await fetch(`${running.baseUrl}${path}`);
      if (path.startsWith('/api/')) assert.equal(response.status, 404, path);
      assert.notEqual(response.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
      assert.doesNotMatch(await response.text(), /attune_http_requests_total|# TYPE/);
    }
    assert.match(metricsUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    const address = outsideAddress();
    if (address === undefined) {
      // Without a second interface there is no outside to try from; the bind address was checked above.
      console.log('metrics: no non-loopback interface here; checked only that metrics bind to 127.0.0.1');
      return;
    }
    assert.equal(await connectionRefused(address, Number(new URL(metricsUrl).port)), true, `metrics answered on ${address}`);
  });
});

test('with METRICS_TOKEN a scrape needs the bearer token; other paths and methods are refused', async () => {
  const token = 'a-long-metrics-token-for-tests';
  const server = await metricsServerStart({ port: await portFree(), host: '127.0.0.1', token }, () => 'up 1\n');
  try {
    assert.equal((await scrape(server.url)).status, 401);
    assert.equal((await scrape(server.url, { authorization: 'Bearer wrong-token-of-some-length' })).status, 401);
    assert.equal((await scrape(server.url, { authorization: `Basic ${token}` })).status, 401);
    const allowed = await scrape(server.url, { authorization: `Bearer ${token}` });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.text, 'up 1\n');
    assert.equal((await fetch(`${server.url}/other`)).status, 404);
    assert.equal((await fetch(`${server.url}/metrics`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).status, 405);
  } finally {
    await server.close();
  }
});
