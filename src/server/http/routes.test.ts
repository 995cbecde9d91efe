import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { WEB_DIST_DIR } from './web-routes.ts';
import { httpJson, sessionCreateOverHttp } from '../testing/live-client.ts';
import { testServerStart, type TestServer } from '../testing/test-server.ts';

type ErrorReply = { error: { code: string; message: string } };

describe('HTTP API', () => {
  let running: TestServer;
  before(async () => { running = await testServerStart(); });
  after(async () => { await running.stop(); });

  test('creating a session needs a name or an identity, and returns an unguessable, expiring invite', async () => {
    const anonymous = await httpJson<ErrorReply>(running.baseUrl, '/api/sessions', { method: 'POST', body: {} });
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.body.error.code, 'not_signed_in');
    const created = await sessionCreateOverHttp(running.baseUrl, 'Ana');
    assert.match(created.inviteToken, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(created.inviteUrl, `${running.baseUrl}/join#${created.inviteToken}`);
    const invite = await httpJson<{ sessionId: string; expiresAtMs: number }>(running.baseUrl, `/api/invites/${created.inviteToken}`);
    assert.equal(invite.body.sessionId, created.sessionId);
    const hoursLeft = (invite.body.expiresAtMs - Date.now()) / 3_600_000;
    assert.ok(hoursLeft > 23.9 && hoursLeft <= 24, `invite expires in ${hoursLeft} h`);
  });

  test('an unknown or malformed invite token gets one clear answer', async () => {
    for (const token of ['nope', 'A'.repeat(43)]) {
      const reply = await httpJson<ErrorReply>(running.baseUrl, `/api/invites/${token}`);
      assert.equal(reply.status, 404);
      assert.equal(reply.body.error.code, 'invite_invalid');
      assert.match(reply.body.error.message, /Ask the person who sent it for a new one/);
    }
  });

  test('state-changing requests from another origin are refused (CSRF)', async () => {
    const reply = await httpJson<ErrorReply>(running.baseUrl, '/api/identity', { method: 'POST', body: { displayName: 'Eve' }, origin: 'https://evil.example' });
    assert.equal(reply.status, 403);
    assert.equal(reply.body.error.code, 'bad_origin');
    assert.equal(reply.cookie, undefined, 'no identity was issued');
  });

  test('bad bodies get a sentence naming the field; nothing is created', async () => {
    const reply = await httpJson<ErrorReply>(running.baseUrl, '/api/identity', { method: 'POST', body: { displayName: '' } });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error.code, 'invalid_body');
    assert.match(reply.body.error.message, /^displayName: Please choose a name/);
    const notJson = await fetch(`${running.baseUrl}/api/identity`, { method: 'POST', headers: { origin: running.baseUrl, 'content-type': 'application/json' }, body: '{"displayName":' });
    assert.equal(notJson.status, 400);
    assert.equal(((await notJson.json()) as ErrorReply).error.code, 'invalid_request');
  });

  test('the identity cookie is HttpOnly and SameSite, and names a guest', async () => {
    const response = await fetch(`${running.baseUrl}/api/identity`, { method: 'POST', headers: { origin: running.baseUrl, 'content-type': 'application/json' }, body: JSON.stringify({ displayName: 'Ben' }) });
    const cookie = response.headers.get('set-cookie') ?? '';
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    const me = await httpJson<{ displayName: string; kind: string }>(running.baseUrl, '/api/identity', { cookie: cookie.split(';')[0] ?? '' });
    assert.deepEqual([me.body.displayName, me.body.kind], ['Ben', 'guest']);
  });

  test('page paths get the app shell, with no inline script', async (t) => {
    if (!existsSync(join(WEB_DIST_DIR, 'index.html'))) {
      t.skip('the web app is not built (npm test builds it first; run npm run build)');
      return;
    }
    const page = await fetch(`${running.baseUrl}/session/anything`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<div id="app">/);
    assert.doesNotMatch(html, /<script>(?!<\/script>)/, 'no inline script body');
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  });

  test('every response carries the security headers and a strict CSP', async () => {
    const response = await fetch(`${running.baseUrl}/api/health`);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const missing = await fetch(`${running.baseUrl}/api/nowhere`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as ErrorReply).error.code, 'not_found');
    assert.ok(missing.headers.get('content-security-policy'));
    for (const answered of [response, missing]) {
      assert.match(answered.headers.get('permissions-policy') ?? '', /camera=\(self\).*microphone=\(\)/);
    }
  });
});
