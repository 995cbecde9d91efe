/**
 * Security headers on every kind of response, not only the happy JSON ones: 404s (API, file, page),
 * every error reply (400, 401, 403, 413, 415, 429), a refused WebSocket upgrade, static files
 * (plain, precompressed, hashed assets) and the HTML shell; and Strict-Transport-Security when
 * PUBLIC_ORIGIN is https. The shell itself must work under the strict CSP: no inline script or
 * style, no inline event handler, nothing loaded from anywhere else.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { WebSocket } from 'ws';
import { testServerStart, type TestServer } from '../testing/test-server.ts';
import { HTTP_BODY_MAX_BYTES } from './app.ts';
import { FOREIGN_ORIGIN, securityHeaderProblems } from './authorization-world.ts';
import { WEB_DIST_DIR } from './web-routes.ts';

type Headers = Readonly<Record<string, string | string[] | number | undefined>>;

interface Probe {
  readonly what: string;
  readonly method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS';
  readonly url: string;
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly payload?: string;
  /** Sent without this instance's Origin. */
  readonly foreign?: boolean;
}

const webBuilt = existsSync(join(WEB_DIST_DIR, 'index.html'));

/** Every kind of response the app gives, and the status it must have. */
function probes(): Probe[] {
  const json = { 'content-type': 'application/json' };
  const list: Probe[] = [
    { what: 'JSON answer', url: '/api/health', status: 200 },
    { what: 'HEAD of a JSON answer', method: 'HEAD', url: '/api/health', status: 200 },
    { what: 'readiness', url: '/api/ready', status: 200 },
    { what: 'unknown API path', url: '/api/nowhere', status: 404 },
    { what: 'unknown API path, other method', method: 'DELETE', url: '/api/nowhere', status: 404 },
    { what: 'OPTIONS (no CORS here)', method: 'OPTIONS', url: '/api/health', status: 404 },
    { what: 'missing file', url: '/nothing-here.js', status: 404 },
    { what: 'not signed in', url: '/api/identity', status: 401 },
    { what: 'invalid body', method: 'POST', url: '/api/identity', headers: json, payload: JSON.stringify({ displayName: '' }), status: 400 },
    { what: 'malformed JSON', method: 'POST', url: '/api/identity', headers: json, payload: '{"displayName":', status: 400 },
    { what: 'a form post, not JSON', method: 'POST', url: '/api/identity', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'displayName=Eve', status: 415 },
    { what: 'body too large', method: 'POST', url: '/api/identity', headers: json, payload: JSON.stringify({ displayName: 'x'.repeat(HTTP_BODY_MAX_BYTES) }), status: 413 },
    { what: 'foreign origin (CSRF)', method: 'POST', url: '/api/identity', headers: json, payload: JSON.stringify({ displayName: 'Eve' }), foreign: true, status: 403 },
    { what: 'live route without an upgrade, foreign origin', url: `/api/sessions/${randomUUID()}/live`, foreign: true, status: 403 },
    { what: 'invite that does not exist', url: `/api/invites/${'A'.repeat(43)}`, status: 404 },
  ];
  if (webBuilt) {
    const asset = readdirSync(join(WEB_DIST_DIR, 'assets')).find((name) => name.endsWith('.js'));
    list.push(
      { what: 'the shell at /', url: '/', status: 200 },
      { what: 'the shell at a page path', url: '/session/anything', status: 200 },
      { what: 'index.html', url: '/index.html', status: 200 },
      { what: 'a static file', url: '/icon.svg', status: 200 },
      { what: 'a precompressed static file', url: '/icon.svg', headers: { 'accept-encoding': 'br, gzip' }, status: 200 },
      { what: 'HEAD of a static file', method: 'HEAD', url: '/icon.svg', status: 200 },
    );
    if (asset !== undefined) list.push({ what: 'a hashed asset', url: `/assets/${asset}`, status: 200 });
  }
  return list;
}

async function headerProblemsOf(running: TestServer, origin: string, https: boolean): Promise<string[]> {
  const problems: string[] = [];
  for (const probe of probes()) {
    const response = await running.server.app.inject({
      method: probe.method ?? 'GET',
      url: probe.url,
      headers: { origin: probe.foreign === true ? FOREIGN_ORIGIN : origin, ...probe.headers },
      ...(probe.payload === undefined ? {} : { payload: probe.payload }),
    });
    const where = `${probe.what} (${probe.method ?? 'GET'} ${probe.url})`;
    if (response.statusCode !== probe.status) problems.push(`${where}: status ${String(response.statusCode)}, expected ${String(probe.status)}`);
    problems.push(...securityHeaderProblems(response.headers, https).map((problem) => `${where}: ${problem}`));
  }
  return problems;
}

/** The headers of a refused WebSocket upgrade, over a real connection. */
function refusedUpgradeHeaders(running: TestServer, origin: string | null): Promise<{ status: number; headers: Headers }> {
  const socket = new WebSocket(`${running.baseUrl.replace(/^http/, 'ws')}/api/sessions/${randomUUID()}/live`, origin === null ? {} : { origin });
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      socket.terminate();
      reject(new Error('the upgrade was accepted'));
    });
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) => {
      resolve({ status: response.statusCode ?? 0, headers: response.headers });
      response.resume();
      socket.terminate();
    });
  });
}

describe('security headers on every response', () => {
  let running: TestServer;
  let httpsRunning: TestServer;
  let limited: TestServer;
  const httpsOrigin = 'https://attune.example';

  before(async () => {
    running = await testServerStart({ HTTP_REQUESTS_PER_MINUTE: '100000' });
    httpsRunning = await testServerStart({ PUBLIC_ORIGIN: httpsOrigin, HTTP_REQUESTS_PER_MINUTE: '100000' });
    limited = await testServerStart({ HTTP_REQUESTS_PER_MINUTE: '2' });
  });
  after(async () => {
    await Promise.all([running.stop(), httpsRunning.stop(), limited.stop()]);
  });

  test('answers, 404s and error replies all carry them (http origin)', async () => {
    assert.deepEqual(await headerProblemsOf(running, running.baseUrl, false), []);
  });

  test('behind https, every response also carries Strict-Transport-Security', async () => {
    assert.deepEqual(await headerProblemsOf(httpsRunning, httpsOrigin, true), []);
  });

  test('a rate-limited reply (429) carries them', async () => {
    let last = await limited.server.app.inject({ method: 'GET', url: '/api/identity', remoteAddress: '10.77.0.1' });
    for (let n = 0; n < 5 && last.statusCode !== 429; n += 1) {
      last = await limited.server.app.inject({ method: 'GET', url: '/api/identity', remoteAddress: '10.77.0.1' });
    }
    assert.equal(last.statusCode, 429);
    assert.deepEqual(securityHeaderProblems(last.headers, false), []);
  });

  test('a refused WebSocket upgrade (foreign origin, no origin) carries them', async () => {
    for (const origin of [FOREIGN_ORIGIN, null]) {
      const refused = await refusedUpgradeHeaders(running, origin);
      assert.equal(refused.status, 403, `origin ${origin ?? '(none)'}`);
      assert.deepEqual(securityHeaderProblems(refused.headers, false), [], `origin ${origin ?? '(none)'}`);
    }
  });

  test('the HTML shell runs under the strict CSP: no inline script, style or handler, nothing from elsewhere', async (t) => {
    if (!webBuilt) {
      t.skip('the browser app is not built (npm run build)');
      return;
    }
    const page = await running.server.app.inject({ method: 'GET', url: '/session/anything' });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.equal(page.headers['cache-control'], 'no-cache', 'the shell is always revalidated');
    const html = page.body;
    for (const script of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
      assert.match(script, /\bsrc="\/[^/]/, `a script must come from this origin's files: ${script}`);
      assert.match(script, /^<script\b[^>]*>\s*<\/script>$/i, `no inline script body: ${script}`);
    }
    assert.doesNotMatch(html, /<style\b/i, 'no inline <style> (style-src has no unsafe-inline)');
    assert.doesNotMatch(html, /\sstyle\s*=/i, 'no style attributes');
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handlers');
    assert.doesNotMatch(html, /\b(?:src|href)\s*=\s*"(?:https?:)?\/\//i, 'nothing loaded from another origin');
  });
});
