/**
 * A device that has gone silent (no pong, no message) is ended within two keepalive rounds, so
 * it stops holding its room; a device that answers pings stays, however quiet its person is.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket } from 'ws';
import { PROTOCOL_VERSION } from '../../core/protocol/messages.ts';
import { sessionCreateOverHttp } from '../testing/live-client.ts';
import { testServerStart, type TestServer } from '../testing/test-server.ts';

const KEEPALIVE_MS = 200;
let running: TestServer;

before(async () => {
  running = await testServerStart({ WS_KEEPALIVE_MS: String(KEEPALIVE_MS) });
});
after(async () => {
  await running.stop();
});

async function liveSocket(sessionId: string, cookie: string, answersPings: boolean): Promise<{ socket: WebSocket; closed: Promise<number> }> {
  const url = `${running.baseUrl.replace(/^http/, 'ws')}/api/sessions/${sessionId}/live`;
  const socket = new WebSocket(url, { headers: { cookie }, origin: running.baseUrl, autoPong: answersPings });
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => { resolve(code); }));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => { resolve(); });
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, lastSeq: 0 }));
  return { socket, closed };
}

test('a socket that never answers pings is ended; one that answers stays open', { timeout: 30_000 }, async () => {
  const { sessionId, hostCookie } = await sessionCreateOverHttp(running.baseUrl, 'Ana');
  const silent = await liveSocket(sessionId, hostCookie, false);
  const answering = await liveSocket(sessionId, hostCookie, true);
  const startedAt = Date.now();
  const code = await Promise.race([silent.closed, sleep(20_000).then(() => null)]);
  assert.notEqual(code, null, 'the silent socket was never ended');
  const tookMs = Date.now() - startedAt;
  // Quiet for well over a few rounds, yet answering pings: still there.
  await sleep(KEEPALIVE_MS * 5);
  assert.equal(answering.socket.readyState, WebSocket.OPEN, 'a device that answers pings must be kept');
  console.log(`[keepalive] a silent socket was ended after ${tookMs} ms (rounds of ${KEEPALIVE_MS} ms)`);
  answering.socket.close();
  await answering.closed;
});
