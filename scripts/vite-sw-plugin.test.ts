import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { precacheManifest, precacheable, serviceWorkerSource } from './vite-sw-plugin.ts';

const encode = (text: string) => new TextEncoder().encode(text);

test('the precache list holds the shell, assets, manifest and icons, but not the worker or maps', () => {
  const { urls } = precacheManifest([
    { path: 'index.html', contents: encode('<html>') },
    { path: 'assets/index-abc.js', contents: encode('js') },
    { path: 'assets/index-abc.js.map', contents: encode('map') },
    { path: 'manifest.webmanifest', contents: encode('{}') },
    { path: 'icon.svg', contents: encode('<svg>') },
    { path: 'sw.js', contents: encode('old worker') },
    { path: '.DS_Store', contents: encode('') },
  ]);
  assert.deepEqual(urls, ['/assets/index-abc.js', '/icon.svg', '/index.html', '/manifest.webmanifest']);
  assert.equal(precacheable('sw.js'), false);
});

test('the cache version changes with any file and not with order', () => {
  const a = { path: 'index.html', contents: encode('a') };
  const b = { path: 'assets/x.js', contents: encode('b') };
  const one = precacheManifest([a, b]).version;
  assert.equal(precacheManifest([b, a]).version, one);
  assert.notEqual(precacheManifest([a, { ...b, contents: encode('c') }]).version, one);
  assert.match(one, /^[0-9a-f]{16}$/);
});

type Listener = (event: unknown) => void;

/** Runs the worker's source against small fakes of the service-worker globals. */
function workerWith(fetchImpl: (request: FakeRequest) => Promise<unknown>) {
  const listeners = new Map<string, Listener>();
  const cache = new Map<string, unknown>();
  const self = {
    location: { origin: 'https://attune.example' },
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    skipWaiting: () => Promise.resolve(),
    clients: { claim: () => Promise.resolve() },
  };
  const caches = {
    open: () => Promise.resolve({ addAll: (requests: FakeRequest[]) => { for (const request of requests) cache.set(request.url, `cached ${request.url}`); return Promise.resolve(); } }),
    keys: () => Promise.resolve([]),
    delete: () => Promise.resolve(true),
    match: (request: string | FakeRequest) => Promise.resolve(cache.get(typeof request === 'string' ? request : new URL(request.url).pathname)),
  };
  class FakeRequest {
    constructor(
      readonly url: string,
      readonly init: unknown = {},
    ) {}
  }
  const FakeResponse = { error: () => 'network error' };
  const source = serviceWorkerSource('v1', ['/index.html', '/assets/app.js']);
  runInNewContext(source, { self, caches, fetch: fetchImpl, Request: FakeRequest, Response: FakeResponse, URL, Promise, setTimeout, clearTimeout, Error });
  return { listeners, cache };
}

interface FakeRequest {
  readonly url: string;
}

async function install(listeners: Map<string, Listener>) {
  let done: Promise<unknown> = Promise.resolve();
  listeners.get('install')?.({ waitUntil: (promise: Promise<unknown>) => (done = promise) });
  await done;
}

function request(path: string, options: { method?: string; mode?: string; upgrade?: string } = {}) {
  let responded: Promise<unknown> | null = null;
  const event = {
    request: {
      url: `https://attune.example${path}`,
      method: options.method ?? 'GET',
      mode: options.mode ?? 'no-cors',
      headers: { get: (name: string) => (name === 'upgrade' ? (options.upgrade ?? null) : null) },
    },
    respondWith: (response: Promise<unknown>) => (responded = response),
  };
  return { event, responded: () => responded };
}

test('the API, the socket and writes are never handled by the worker', async () => {
  const { listeners } = workerWith(() => Promise.resolve('network'));
  await install(listeners);
  for (const [path, options] of [
    ['/api/help', {}],
    ['/api/sessions/abc/live', { upgrade: 'websocket' }],
    ['/practice/grounding', { method: 'POST' }],
  ] as const) {
    const call = request(path, options);
    listeners.get('fetch')?.(call.event);
    assert.equal(call.responded(), null, path);
  }
});

test('pages come from the network first, and from the cached shell when offline', async () => {
  let online = true;
  const { listeners } = workerWith((req) => (online ? Promise.resolve({ status: 200, body: `network ${req.url}` }) : Promise.reject(new Error('offline'))));
  await install(listeners);
  const first = request('/practice/paced-breathing', { mode: 'navigate' });
  listeners.get('fetch')?.(first.event);
  assert.deepEqual(await first.responded(), { status: 200, body: 'network https://attune.example/practice/paced-breathing' });
  online = false;
  const second = request('/practice/paced-breathing', { mode: 'navigate' });
  listeners.get('fetch')?.(second.event);
  assert.equal(await second.responded(), 'cached /index.html');
});

test('built files come from the precache', async () => {
  const { listeners } = workerWith(() => Promise.reject(new Error('offline')));
  await install(listeners);
  const call = request('/assets/app.js');
  listeners.get('fetch')?.(call.event);
  assert.equal(await call.responded(), 'cached /assets/app.js');
});
