import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { WebSocket, WebSocketServer } from 'ws';
import { wsRawDataText } from '../realtime/ws-route.ts';
import { ChaosProxy, type ChaosObservation } from './chaos-proxy.ts';

/**
 * A scripted server behind the proxy: it records what it receives and answers `say` messages
 * with the frames they list, so each test decides exactly what crosses the proxy.
 */
interface ScriptedServer {
  readonly port: number;
  readonly received: string[];
  readonly sockets: WebSocket[];
  close(): Promise<void>;
}

async function scriptedServerStart(): Promise<ScriptedServer> {
  const received: string[] = [];
  const sockets: WebSocket[] = [];
  const http = createServer();
  const server = new WebSocketServer({ server: http, verifyClient: (info: { req: { url?: string } }) => info.req.url !== '/refuse' });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  server.on('connection', (socket) => {
    sockets.push(socket);
    socket.on('message', (data) => {
      const text = wsRawDataText(data);
      received.push(text);
      const message = JSON.parse(text) as { type: string; frames?: unknown[] };
      if (message.type === 'say') for (const frame of message.frames ?? []) socket.send(JSON.stringify(frame));
    });
  });
  return {
    port: (http.address() as AddressInfo).port,
    received,
    sockets,
    close: () =>
      new Promise((resolve) => {
        for (const socket of server.clients) socket.terminate();
        server.close();
        // Connections the proxy left half-open would otherwise keep the HTTP server waiting.
        http.closeAllConnections();
        http.close(() => {
          resolve();
        });
      }),
  };
}

/** A client socket and everything it has seen. */
interface Client {
  readonly socket: WebSocket;
  readonly messages: string[];
  closeCode: number | null;
}

function clientOpen(proxy: ChaosProxy, path = '/live'): Client {
  const socket = new WebSocket(`ws://127.0.0.1:${proxy.port}${path}`, { perMessageDeflate: false });
  const client: Client = { socket, messages: [], closeCode: null };
  socket.on('message', (data) => client.messages.push(wsRawDataText(data)));
  socket.on('error', () => undefined);
  socket.on('close', (code) => {
    client.closeCode = code;
  });
  return client;
}

async function opened(client: Client): Promise<void> {
  await waitFor(() => client.socket.readyState === WebSocket.OPEN, 'the socket to open');
}

/** Polls `condition` until it holds; generous so a loaded machine does not fail the test. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits a short while, for checks that something did NOT happen. */
function quietPeriod(ms = 300): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const say = (...frames: unknown[]) => JSON.stringify({ type: 'say', frames });

let upstream: ScriptedServer;
before(async () => {
  upstream = await scriptedServerStart();
});
after(async () => {
  await upstream.close();
});

async function withProxy(run: (proxy: ChaosProxy, observed: ChaosObservation[]) => Promise<void>): Promise<void> {
  const observed: ChaosObservation[] = [];
  const proxy = await ChaosProxy.start({ upstreams: [{ host: '127.0.0.1', port: upstream.port }], observe: (observation) => observed.push(observation) });
  try {
    await run(proxy, observed);
  } finally {
    await proxy.close();
  }
}

test('passes the handshake and frames of every size both ways, unchanged and in order', async () => {
  await withProxy(async (proxy) => {
    const client = clientOpen(proxy);
    await opened(client);
    const big = 'x'.repeat(70_000);
    const before = upstream.received.length;
    client.socket.send(say({ n: 1 }, { n: 2, big }, { n: 3 }));
    await waitFor(() => client.messages.length === 3, 'three answers');
    assert.deepEqual(client.messages.map((text) => (JSON.parse(text) as { n: number }).n), [1, 2, 3]);
    assert.equal((JSON.parse(client.messages[1]!) as { big: string }).big, big);
    assert.equal(upstream.received.length, before + 1);
    assert.equal(proxy.stats().links, 1);
  });
});

test('latency holds every frame back and never reorders them', async () => {
  await withProxy(async (proxy) => {
    const client = clientOpen(proxy);
    await opened(client);
    proxy.inject({ kind: 'latency', direction: 'toClient', ms: 150 });
    const sentAt = Date.now();
    const arrivals: number[] = [];
    client.socket.on('message', () => arrivals.push(Date.now() - sentAt));
    client.socket.send(say(...[1, 2, 3, 4, 5].map((n) => ({ n }))));
    await waitFor(() => client.messages.length === 5, 'five answers');
    assert.deepEqual(client.messages.map((text) => (JSON.parse(text) as { n: number }).n), [1, 2, 3, 4, 5]);
    assert.ok(arrivals.every((ms) => ms >= 140), `each frame waited the latency: ${arrivals.join(', ')} ms`);
  });
});

test('a half-open direction carries nothing, not even a close, and neither end is told', async () => {
  await withProxy(async (proxy) => {
    const client = clientOpen(proxy);
    await opened(client);
    proxy.inject({ kind: 'halfOpen', silent: 'toClient' });
    const before = upstream.received.length;
    client.socket.send(say({ n: 1 }));
    await waitFor(() => upstream.received.length === before + 1, 'the server to hear the client');
    upstream.sockets.at(-1)?.close(1000, 'bye');
    await quietPeriod();
    assert.deepEqual(client.messages, [], 'the answer never arrived');
    assert.equal(client.socket.readyState, WebSocket.OPEN, 'and the client was not told the server closed');
    assert.equal(proxy.stats().halfOpens, 1);
  });
});

test('half-open with no connection open catches the next handshake, which then never completes', async () => {
  await withProxy(async (proxy) => {
    proxy.inject({ kind: 'halfOpen', silent: 'toServer' });
    const connectionsBefore = upstream.sockets.length;
    const client = clientOpen(proxy);
    await quietPeriod();
    assert.equal(client.socket.readyState, WebSocket.CONNECTING);
    assert.equal(upstream.sockets.length, connectionsBefore, 'the server never saw the upgrade');
    client.socket.terminate();
    proxy.heal();
    const next = clientOpen(proxy);
    await opened(next);
    next.socket.close();
  });
});

test('a cut ends the connection at once on both sides, without a close frame', async () => {
  await withProxy(async (proxy) => {
    const client = clientOpen(proxy);
    await opened(client);
    const serverSide = upstream.sockets.at(-1)!;
    let serverClosed = false;
    serverSide.on('close', () => {
      serverClosed = true;
    });
    proxy.inject({ kind: 'cut' });
    await waitFor(() => client.closeCode !== null && serverClosed, 'both sides to see the cut');
    assert.equal(client.closeCode, 1006, 'abnormal closure: no close frame came');
    assert.equal(proxy.openLinks(), 0);
  });
});

test('a lost acknowledgement vanishes while the connection carries on, or takes the connection with it', async () => {
  await withProxy(async (proxy, observed) => {
    const client = clientOpen(proxy);
    await opened(client);
    proxy.inject({ kind: 'loseNextAck', thenCut: false });
    client.socket.send(say({ type: 'events', n: 1 }, { type: 'ack', n: 2 }, { type: 'ack', n: 3 }));
    await waitFor(() => client.messages.length === 2, 'the frames that were not lost');
    assert.deepEqual(client.messages.map((text) => (JSON.parse(text) as { n: number }).n), [1, 3]);
    assert.deepEqual(observed.filter((o) => o.fate === 'lost').map((o) => (JSON.parse(o.text) as { n: number }).n), [2]);

    proxy.inject({ kind: 'loseNextAck', thenCut: true });
    client.socket.send(say({ type: 'events', n: 4 }, { type: 'ack', n: 5 }, { type: 'events', n: 6 }));
    await waitFor(() => client.closeCode !== null, 'the connection to die with the acknowledgement');
    assert.equal(client.closeCode, 1006);
    assert.equal(client.messages.some((text) => text.includes('"n":5') || text.includes('"n":6')), false);
    assert.equal(proxy.stats().acksLost, 2);
  });
});

test('a replayed command reaches the server twice; other frames are not replayed', async () => {
  await withProxy(async (proxy) => {
    const client = clientOpen(proxy);
    await opened(client);
    proxy.inject({ kind: 'replayNextCommand' });
    const before = upstream.received.length;
    client.socket.send(JSON.stringify({ type: 'ping', pingId: 1 }));
    client.socket.send(JSON.stringify({ type: 'command', commandId: 'c-1' }));
    client.socket.send(JSON.stringify({ type: 'command', commandId: 'c-2' }));
    await waitFor(() => upstream.received.length === before + 4, 'four frames at the server');
    assert.deepEqual(
      upstream.received.slice(before).map((text) => (JSON.parse(text) as { commandId?: string }).commandId ?? 'ping'),
      ['ping', 'c-1', 'c-1', 'c-2'],
    );
  });
});

test('an outage cuts what is open and resets new connections until it is over', async () => {
  await withProxy(async (proxy) => {
    const client = clientOpen(proxy);
    await opened(client);
    proxy.inject({ kind: 'outage', ms: 600 });
    await waitFor(() => client.closeCode !== null, 'the open connection to be cut');
    const during = clientOpen(proxy);
    await waitFor(() => during.closeCode !== null, 'the connection during the outage to fail');
    assert.equal(proxy.stats().refused, 1);
    await quietPeriod(650);
    const afterwards = clientOpen(proxy);
    await opened(afterwards);
    afterwards.socket.close();
  });
});

test('a refused upgrade reaches the client as the server answered it', async () => {
  await withProxy(async (proxy) => {
    const socket = new WebSocket(`ws://127.0.0.1:${proxy.port}/refuse`, { perMessageDeflate: false });
    socket.on('error', () => undefined);
    const status = await new Promise<number>((resolve) => {
      socket.once('unexpected-response', (_request, response) => {
        resolve(response.statusCode ?? 0);
        response.resume();
        socket.terminate();
      });
    });
    assert.equal(status, 401);
  });
});
