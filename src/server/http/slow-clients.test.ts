/**
 * Slow and idle clients (issue 7, item 6): connections that trickle their headers a byte at a
 * time and never finish them (slowloris), bodies that never finish, connections that say nothing,
 * live sockets that never say hello, and a live socket that never reads what it is sent. Each is
 * cut off on time (short timeouts here, through the same settings an operator has), answered in
 * the one error shape where HTTP still allows it, and meanwhile a normal person is served.
 */
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { WebSocket } from 'ws';
import { CLOSE_CODES, PROTOCOL_VERSION } from '../../core/protocol/messages.ts';
import { SLOW_READER_MAX_BUFFERED_BYTES } from '../realtime/connection.ts';
import { HELLO_TIMEOUT_REASON } from '../realtime/ws-route.ts';
import { answerProblems } from '../testing/fuzz/answer-checks.ts';
import { rawConnect, rawResponseParse } from '../testing/fuzz/raw-http.ts';
import { inviteAcceptOverHttp, LiveClient, sessionCreateOverHttp } from '../testing/live-client.ts';
import { testServerStart, type TestServer } from '../testing/test-server.ts';

const HEADERS_TIMEOUT_MS = 1500;
const REQUEST_TIMEOUT_MS = 3000;
const HELLO_TIMEOUT_MS = 1500;
/** How long a cut-off may take on a loaded machine: the timeout, Node's 1 s check, and slack. */
const CUT_OFF_WITHIN_MS = 15_000;

/** Resolves once `predicate` holds, checked every 50 ms; rejects after `timeoutMs`. */
async function eventually(predicate: () => boolean, what: string, timeoutMs = CUT_OFF_WITHIN_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A raw connection, and everything the server wrote to it until it closed. */
interface Watched {
  readonly socket: Socket;
  received: string;
  closed: boolean;
}

async function watchedConnect(port: number): Promise<Watched> {
  const socket = await rawConnect(port);
  const watched: Watched = { socket, received: '', closed: false };
  socket.on('data', (chunk: Buffer) => { watched.received += chunk.toString('utf8'); });
  socket.on('close', () => { watched.closed = true; });
  socket.on('error', () => undefined);
  return watched;
}

/** A normal person's request, with a generous limit: a server that is not serving fails it. */
async function healthAnswered(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) });
  return response.status;
}

describe('slow and idle clients are cut off, and others are served meanwhile', () => {
  let running: TestServer;
  let port = 0;

  before(async () => {
    running = await testServerStart({
      HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      WS_HELLO_TIMEOUT_MS: String(HELLO_TIMEOUT_MS),
      WS_MESSAGES_PER_SECOND: '1000000',
      WS_MESSAGE_BURST: '1000000',
      HTTP_REQUESTS_PER_MINUTE: '100000',
    });
    port = Number(new URL(running.baseUrl).port);
  });
  after(async () => {
    await running.stop();
  });

  test('slowloris: headers trickled a byte at a time are cut off with a 408, and a normal request is served meanwhile', async (t) => {
    const slow = await Promise.all(Array.from({ length: 200 }, () => watchedConnect(port)));
    for (const { socket } of slow) socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const trickle = setInterval(() => {
      for (const watched of slow) if (!watched.closed) watched.socket.write('X');
    }, 100);
    try {
      for (let round = 0; round < 5; round += 1) {
        const started = performance.now();
        assert.equal(await healthAnswered(running.baseUrl), 200, 'a normal request is served while 200 connections trickle');
        t.diagnostic(`health answered in ${(performance.now() - started).toFixed(0)} ms while 200 connections trickle`);
      }
      await eventually(() => slow.every((watched) => watched.closed), 'every trickling connection to be cut off');
    } finally {
      clearInterval(trickle);
      for (const { socket } of slow) socket.destroy();
    }
    const answered = slow.map((watched) => rawResponseParse(watched.received)).filter((answer) => answer.status !== null);
    assert.ok(answered.length > 0, 'the cut-off connections were told why');
    for (const answer of answered) {
      assert.equal(answer.status, 408);
      assert.deepEqual(answerProblems(408, answer.contentType, answer.body), []);
    }
  });

  test('a body that never finishes, and a connection that says nothing, are cut off too', async () => {
    const slowBody = await watchedConnect(port);
    slowBody.socket.write(`POST /api/identity HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: ${running.baseUrl}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"displayName":`);
    const trickle = setInterval(() => {
      if (!slowBody.closed) slowBody.socket.write(' ');
    }, 200);
    const silent = await watchedConnect(port);
    try {
      await eventually(() => slowBody.closed && silent.closed, 'the slow body and the silent connection to be cut off');
    } finally {
      clearInterval(trickle);
      slowBody.socket.destroy();
      silent.socket.destroy();
    }
    const answer = rawResponseParse(slowBody.received);
    assert.equal(answer.status, 408, `the slow body was told it took too long: ${slowBody.received.slice(0, 200)}`);
    assert.equal(await healthAnswered(running.baseUrl), 200);
  });

  test('live sockets that never say hello are closed with 1008; one that does is kept', async () => {
    const { sessionId, hostCookie, inviteToken } = await sessionCreateOverHttp(running.baseUrl, 'Hana');
    const guestCookie = await inviteAcceptOverHttp(running.baseUrl, inviteToken, 'Gus');
    const silent = await Promise.all(
      Array.from({ length: 40 }, async () => {
        const socket = new WebSocket(`${running.baseUrl.replace(/^http/, 'ws')}/api/sessions/${sessionId}/live`, { headers: { cookie: guestCookie }, origin: running.baseUrl });
        const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => { resolve({ code, reason: reason.toString() }); }));
        await new Promise((resolve, reject) => {
          socket.once('open', resolve);
          socket.once('error', reject);
        });
        // Wrapped, so Promise.all waits for the sockets to open, not for them to close.
        return { closed };
      }),
    );
    const host = new LiveClient(running.baseUrl, hostCookie, sessionId);
    await host.connect();
    await host.join('Hana');
    const closes = await Promise.all(silent.map((socket) => socket.closed));
    for (const close of closes) assert.deepEqual(close, { code: CLOSE_CODES.policyViolation, reason: HELLO_TIMEOUT_REASON });
    // The host said hello at once: still connected well past the deadline, and still heard.
    await new Promise((resolve) => setTimeout(resolve, HELLO_TIMEOUT_MS + 500));
    assert.equal(host.closeInfo, null);
    const pong = await host.ping(7, 0);
    assert.equal(pong.pingId, 7);
    await host.close();
  });

  test('a live socket that never reads is dropped before the server queues more than its cap for it', async (t) => {
    const { sessionId, hostCookie } = await sessionCreateOverHttp(running.baseUrl, 'Noor');
    const socket = new WebSocket(`${running.baseUrl.replace(/^http/, 'ws')}/api/sessions/${sessionId}/live`, { headers: { cookie: hostCookie }, origin: running.baseUrl });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    socket.send(JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, lastSeq: 0 }));
    // From here on nothing is read: every answer piles up in the kernel, then in the server.
    socket.pause();
    const serverSockets = () => [...running.server.app.websocketServer.clients];
    let mostBuffered = 0;
    let sent = 0;
    // Each ping is answered with a pong; sent in batches so the server's buffer is watched between them.
    await eventually(
      () => {
        const open = serverSockets().filter((candidate) => candidate.readyState === WebSocket.OPEN);
        for (const candidate of open) mostBuffered = Math.max(mostBuffered, candidate.bufferedAmount);
        if (open.length === 0) return true;
        for (let index = 0; index < 2000 && socket.readyState === WebSocket.OPEN; index += 1) {
          sent += 1;
          socket.send(JSON.stringify({ type: 'ping', pingId: sent, clientSentAtMs: 0 }));
        }
        return false;
      },
      'the server to drop the socket that never reads',
      45_000,
    );
    socket.terminate();
    t.diagnostic(`${String(sent)} pings sent unread; the most the server queued for it: ${String(mostBuffered)} bytes`);
    // It was dropped near the cap (one answer past it at most), not after buffering without bound.
    assert.ok(mostBuffered < SLOW_READER_MAX_BUFFERED_BYTES + 64 * 1024, `the server queued ${String(mostBuffered)} bytes for a socket that never reads`);
    assert.ok(sent > 1000, 'the socket was sent enough to fill its buffers');
    assert.equal(await healthAnswered(running.baseUrl), 200);
  });
});
