/**
 * An account's live sockets end with its sign-in: signing out (on this device, or everywhere from
 * another) closes them within two seconds, on whichever node they are connected to, and leaves
 * every other sign-in's socket alone. The caller gives two nodes (one server twice, or two servers
 * sharing Postgres and Redis), so the same tests cover one node and several.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { CLOSE_CODES } from '../../core/protocol/messages.ts';
import { LiveClient } from '../testing/live-client.ts';
import type { TestServer } from '../testing/test-server.ts';

/** The promise the issue makes: a socket closes within this long after its sign-in ends. */
const CLOSE_WITHIN_MS = 2_000;
const PASSWORD = 'a quiet lake at dawn';

/** One HTTP call with a cookie jar given as a header string; answers status, JSON and the jar. */
async function call(
  baseUrl: string,
  method: string,
  path: string,
  jar: Map<string, string>,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      origin: baseUrl,
      ...(cookie === '' ? {} : { cookie }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const [name = '', ...rest] = pair.split('=');
    const value = rest.join('=');
    if (value === '' || /max-age=0/i.test(line)) jar.delete(name.trim());
    else jar.set(name.trim(), value);
  }
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** Resolves with how long the client took to be closed, or rejects after `limitMs`. */
async function closedWithin(client: LiveClient, limitMs: number): Promise<number> {
  const startedAt = Date.now();
  while (client.closeInfo === null) {
    if (Date.now() - startedAt > limitMs) throw new Error(`socket still open after ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - startedAt;
}

/** Registers the suite; `start` gives two nodes (possibly the same server twice), or a skip reason. */
export function signOutClosesSocketsSuite(name: string, start: () => Promise<readonly [TestServer, TestServer] | string>): void {
  describe(`signing out closes live sockets (${name})`, () => {
    let nodes: readonly [TestServer, TestServer] | null = null;
    let skipReason: string | undefined;
    const clients: LiveClient[] = [];

    before(async () => {
      const started = await start();
      if (typeof started === 'string') skipReason = started;
      else nodes = started;
    });
    after(async () => {
      await Promise.all(clients.map((client) => client.close()));
      const [a, b] = nodes ?? [];
      await a?.stop();
      if (b !== a) await b?.stop();
    });

    /** Registers an account on node A; returns its cookie jar. */
    async function accountNew(baseUrl: string): Promise<{ jar: Map<string, string>; signInName: string }> {
      const jar = new Map<string, string>();
      const signInName = `someone-${randomUUID().slice(0, 8)}`;
      const registered = await call(baseUrl, 'POST', '/api/account/register/password', jar, { signInName, displayName: 'Rowan', password: PASSWORD });
      assert.equal(registered.status, 201, JSON.stringify(registered.body));
      return { jar, signInName };
    }

    /** A session hosted by the account, and a live socket to it on `baseUrl`. */
    async function socketOn(baseUrl: string, jar: Map<string, string>, sessionId?: string): Promise<{ client: LiveClient; sessionId: string }> {
      let id = sessionId;
      if (id === undefined) {
        const created = await call(baseUrl, 'POST', '/api/sessions', jar, {});
        assert.equal(created.status, 201, JSON.stringify(created.body));
        id = (created.body as { sessionId: string }).sessionId;
      }
      const client = new LiveClient(baseUrl, cookieHeader(jar), id);
      clients.push(client);
      await client.connect();
      await client.waitFor(() => client.participantId !== '', 'the welcome');
      return { client, sessionId: id };
    }

    test('"sign out everywhere" on one node closes the sockets of every sign-in of that person, on the other node too, within 2 s', async (t) => {
      if (skipReason !== undefined || nodes === null) { t.skip(skipReason); return; }
      const [a, b] = nodes;
      const { jar: laptop, signInName } = await accountNew(a.baseUrl);
      const phone = new Map<string, string>();
      assert.equal((await call(b.baseUrl, 'POST', '/api/account/login/password', phone, { signInName, password: PASSWORD })).status, 200);
      const { client: onLaptop, sessionId } = await socketOn(b.baseUrl, laptop);
      const { client: onPhone } = await socketOn(a.baseUrl, phone, sessionId);

      const stranger = await accountNew(a.baseUrl);
      const { client: unrelated } = await socketOn(b.baseUrl, stranger.jar);

      assert.equal((await call(a.baseUrl, 'POST', '/api/account/logout-everywhere', laptop, {})).status, 204);
      const laptopMs = await closedWithin(onLaptop, CLOSE_WITHIN_MS);
      const phoneMs = await closedWithin(onPhone, CLOSE_WITHIN_MS);
      console.log(`[sign-out] sockets closed after ${laptopMs} ms (other node) and ${phoneMs} ms`);
      assert.equal(onLaptop.closeInfo?.code, CLOSE_CODES.unauthorized);
      assert.equal(onPhone.closeInfo?.code, CLOSE_CODES.unauthorized);
      assert.match(onPhone.closeInfo.reason, /sign in again/i);

      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(unrelated.closeInfo, null, 'someone else\'s socket stays open');
      const reopened = new LiveClient(b.baseUrl, cookieHeader(phone), sessionId);
      await assert.rejects(reopened.connect(), /401/);
    });

    test('signing out on one device closes that device\'s socket only', async (t) => {
      if (skipReason !== undefined || nodes === null) { t.skip(skipReason); return; }
      const [a, b] = nodes;
      const { jar: laptop, signInName } = await accountNew(a.baseUrl);
      const phone = new Map<string, string>();
      assert.equal((await call(a.baseUrl, 'POST', '/api/account/login/password', phone, { signInName, password: PASSWORD })).status, 200);
      const { client: onLaptop, sessionId } = await socketOn(a.baseUrl, laptop);
      const { client: onPhone } = await socketOn(b.baseUrl, phone, sessionId);

      assert.equal((await call(a.baseUrl, 'POST', '/api/account/logout', phone, {})).status, 204);
      await closedWithin(onPhone, CLOSE_WITHIN_MS);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(onLaptop.closeInfo, null, 'the laptop is still signed in');
    });
  });
}
