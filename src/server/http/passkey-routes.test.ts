/**
 * Passkey ceremonies over HTTP, answered by a software authenticator: the options each step sends,
 * registering, signing in, confirming, adding and removing, and every way a challenge is refused
 * (unknown, replayed, expired, issued for something else). Real browsers are covered by e2e.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { LOGIN_SESSION_DEFAULTS } from '../../core/accounts/index.ts';
import type { AccountView, PasskeyOptionsAnswer, RegisteredAnswer } from '../../core/protocol/account-api.ts';
import { SIGN_IN_FAILED_MESSAGE } from '../auth/account-errors.ts';
import { PASSKEY_CHALLENGE_TTL_MS } from '../auth/passkey-ceremonies.ts';
import { FIRST_PASSKEY_NAME } from '../auth/registration.ts';
import { TestBrowser } from '../testing/browser-client.ts';
import { SoftAuthenticator } from '../testing/soft-authenticator.ts';
import { portFree, testServerStart, type TestServer } from '../testing/test-server.ts';

type ErrorReply = { error: { code: string; message: string } };

let addressSerial = 0;

function addressNew(): string {
  addressSerial += 1;
  return `10.9.${String(addressSerial % 250)}.${String(1 + Math.floor(addressSerial / 250))}`;
}

function nameNew(): string {
  return `kai.${randomUUID().slice(0, 8)}`;
}

describe('passkey routes', () => {
  let running: TestServer;
  let origin = '';
  let clock = Date.now();

  before(async () => {
    // localhost, not 127.0.0.1: an IP address cannot be a WebAuthn relying party.
    origin = `http://localhost:${String(await portFree())}`;
    running = await testServerStart({ PUBLIC_ORIGIN: origin, HTTP_REQUESTS_PER_MINUTE: '100000' }, { now: () => clock });
  });
  after(async () => {
    await running.stop();
  });

  function browser(): TestBrowser {
    return new TestBrowser(running.server.app, origin, addressNew());
  }

  async function options(from: TestBrowser, url: string, body: object = {}): Promise<PasskeyOptionsAnswer> {
    const reply = await from.call<PasskeyOptionsAnswer>('POST', url, body);
    assert.equal(reply.status, 200, `${url}: ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  /** Registers with a passkey made by `authenticator`; answers the browser and the account. */
  async function registeredWithPasskey(authenticator = new SoftAuthenticator(origin), from = browser()) {
    const signInName = nameNew();
    const made = await options(from, '/api/account/register/passkey/options', { signInName, displayName: 'Kai' });
    const reply = await from.call<RegisteredAnswer>('POST', '/api/account/register/passkey/verify', {
      challengeId: made.challengeId,
      response: authenticator.create(made.options),
    });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    return { browser: from, authenticator, signInName, account: reply.body.account, recoveryCodes: reply.body.recoveryCodes };
  }

  test('registration options ask for a discoverable passkey, verification preferred, no attestation', async () => {
    const signInName = nameNew();
    const answer = await options(browser(), '/api/account/register/passkey/options', { signInName: signInName.toUpperCase(), displayName: 'Kai' });
    assert.match(answer.challengeId, /^[0-9a-f-]{36}$/);
    const opts = answer.options as {
      rp: unknown;
      user: { id: string; name: string; displayName: string };
      challenge: string;
      authenticatorSelection: unknown;
      attestation: string;
      timeout: number;
      excludeCredentials: unknown[];
      pubKeyCredParams: { alg: number }[];
    };
    assert.deepEqual(opts.rp, { name: 'Attune', id: 'localhost' });
    assert.equal(opts.user.name, signInName);
    assert.equal(opts.user.displayName, 'Kai');
    assert.match(opts.user.id, /^[A-Za-z0-9_-]+$/);
    assert.match(opts.challenge, /^[A-Za-z0-9_-]{32,}$/);
    assert.deepEqual(opts.authenticatorSelection, { residentKey: 'required', requireResidentKey: true, userVerification: 'preferred' });
    assert.equal(opts.attestation, 'none');
    assert.equal(opts.timeout, PASSKEY_CHALLENGE_TTL_MS);
    assert.deepEqual(opts.excludeCredentials, []);
    assert.ok(opts.pubKeyCredParams.some((param) => param.alg === -7), 'ES256 is offered');
  });

  test('registering with a passkey signs in, with recovery codes and no password', async () => {
    const { browser: from, account, recoveryCodes, authenticator } = await registeredWithPasskey();
    assert.equal(account.hasPassword, false);
    assert.equal(recoveryCodes.length, 10);
    assert.deepEqual(
      account.passkeys.map((passkey) => [passkey.id, passkey.name, passkey.lastUsedAtMs]),
      [[authenticator.credentialIds()[0], FIRST_PASSKEY_NAME, null]],
    );
    assert.ok(from.cookies.get('attune_session'));
    const me = await from.call<AccountView>('GET', '/api/account');
    assert.equal(me.body.id, account.id);
  });

  test('a challenge works once: unknown and replayed ids are refused plainly', async () => {
    const from = browser();
    const unknown = await from.call<ErrorReply>('POST', '/api/account/register/passkey/verify', { challengeId: randomUUID(), response: {} });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.code, 'passkey_failed');
    assert.match(unknown.body.error.message, /start it again/);
    const authenticator = new SoftAuthenticator(origin);
    const made = await options(from, '/api/account/register/passkey/options', { signInName: nameNew(), displayName: 'Kai' });
    const response = authenticator.create(made.options);
    assert.equal((await from.call('POST', '/api/account/register/passkey/verify', { challengeId: made.challengeId, response })).status, 201);
    const replayed = await browser().call<ErrorReply>('POST', '/api/account/register/passkey/verify', { challengeId: made.challengeId, response });
    assert.equal(replayed.status, 400);
    assert.equal(replayed.body.error.code, 'passkey_failed');
  });

  test('a broken answer spends the challenge too', async () => {
    const from = browser();
    const made = await options(from, '/api/account/register/passkey/options', { signInName: nameNew(), displayName: 'Kai' });
    const broken = await from.call<ErrorReply>('POST', '/api/account/register/passkey/verify', { challengeId: made.challengeId, response: { id: 'x' } });
    assert.equal(broken.body.error.code, 'passkey_failed');
    const good = new SoftAuthenticator(origin).create(made.options);
    const again = await from.call<ErrorReply>('POST', '/api/account/register/passkey/verify', { challengeId: made.challengeId, response: good });
    assert.equal(again.status, 400);
  });

  test('an expired challenge is refused', async () => {
    const from = browser();
    const made = await options(from, '/api/account/register/passkey/options', { signInName: nameNew(), displayName: 'Kai' });
    const response = new SoftAuthenticator(origin).create(made.options);
    clock += PASSKEY_CHALLENGE_TTL_MS;
    const late = await from.call<ErrorReply>('POST', '/api/account/register/passkey/verify', { challengeId: made.challengeId, response });
    assert.equal(late.status, 400);
    assert.equal(late.body.error.code, 'passkey_failed');
  });

  test('an answer from another origin is refused', async () => {
    const from = browser();
    const made = await options(from, '/api/account/register/passkey/options', { signInName: nameNew(), displayName: 'Kai' });
    const phished = new SoftAuthenticator('https://attune.example.evil').create(made.options);
    const reply = await from.call<ErrorReply>('POST', '/api/account/register/passkey/verify', { challengeId: made.challengeId, response: phished });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error.code, 'passkey_failed');
  });

  test('the name is checked at options and again at verify', async () => {
    const signInName = nameNew();
    const first = browser();
    const second = browser();
    const a = await options(first, '/api/account/register/passkey/options', { signInName, displayName: 'A' });
    const b = await options(second, '/api/account/register/passkey/options', { signInName, displayName: 'B' });
    assert.equal((await first.call('POST', '/api/account/register/passkey/verify', { challengeId: a.challengeId, response: new SoftAuthenticator(origin).create(a.options) })).status, 201);
    const lost = await second.call<ErrorReply>('POST', '/api/account/register/passkey/verify', { challengeId: b.challengeId, response: new SoftAuthenticator(origin).create(b.options) });
    assert.equal(lost.status, 409);
    assert.equal(lost.body.error.code, 'sign_in_name_taken');
    const taken = await browser().call<ErrorReply>('POST', '/api/account/register/passkey/options', { signInName, displayName: 'C' });
    assert.equal(taken.status, 409);
  });

  test('a guest who registers with a passkey keeps their identity', async () => {
    const from = browser();
    const guest = await from.call<{ id: string }>('POST', '/api/identity', { displayName: 'Guest' });
    const { account } = await registeredWithPasskey(new SoftAuthenticator(origin), from);
    assert.equal(account.id, guest.body.id);
    assert.equal(from.cookies.has('attune_identity'), false);
  });

  test('signing in with a passkey: options name no credentials; the counter moves; a replay is refused', async () => {
    const { authenticator, account } = await registeredWithPasskey();
    const from = browser();
    const made = await options(from, '/api/account/login/passkey/options');
    const opts = made.options as { rpId: string; userVerification: string; allowCredentials?: unknown; challenge: string; timeout: number };
    assert.equal(opts.rpId, 'localhost');
    assert.equal(opts.userVerification, 'preferred');
    assert.equal(opts.allowCredentials, undefined);
    assert.equal(opts.timeout, PASSKEY_CHALLENGE_TTL_MS);
    const response = authenticator.get(made.options);
    const signedIn = await from.call<AccountView>('POST', '/api/account/login/passkey/verify', { challengeId: made.challengeId, response });
    assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
    assert.equal(signedIn.body.id, account.id);
    assert.equal(signedIn.body.passkeys[0]?.lastUsedAtMs, clock);
    assert.ok(from.cookies.get('attune_session'));
    assert.ok(from.cookies.get('attune_device'));
    const stored = await running.server.context.auth.passkeys.findByCredentialId(authenticator.credentialIds()[0] ?? '');
    assert.equal(stored?.counter, 1);

    const replayed = await browser().call<ErrorReply>('POST', '/api/account/login/passkey/verify', { challengeId: made.challengeId, response });
    assert.equal(replayed.status, 400);
    assert.equal(replayed.body.error.code, 'passkey_failed');

    const fresh = await options(from, '/api/account/login/passkey/options');
    const rewound = await browser().call<ErrorReply>('POST', '/api/account/login/passkey/verify', {
      challengeId: fresh.challengeId,
      response: authenticator.get(fresh.options, { counter: 1 }),
    });
    assert.equal(rewound.status, 401, 'a counter that did not move suggests a cloned authenticator');
    assert.deepEqual(rewound.body, { error: { code: 'sign_in_failed', message: SIGN_IN_FAILED_MESSAGE } });
  });

  test('an unknown passkey or a challenge issued for something else does not sign in', async () => {
    const stranger = new SoftAuthenticator(origin);
    const from = browser();
    const register = await options(from, '/api/account/register/passkey/options', { signInName: nameNew(), displayName: 'X' });
    stranger.create(register.options);
    const made = await options(from, '/api/account/login/passkey/options');
    const unknown = await from.call<ErrorReply>('POST', '/api/account/login/passkey/verify', { challengeId: made.challengeId, response: stranger.get(made.options) });
    assert.equal(unknown.status, 401);
    assert.equal(unknown.body.error.code, 'sign_in_failed');
    const wrongPurpose = await from.call<ErrorReply>('POST', '/api/account/login/passkey/verify', { challengeId: register.challengeId, response: stranger.get(made.options) });
    assert.equal(wrongPurpose.status, 400);
    assert.equal(wrongPurpose.body.error.code, 'passkey_failed');
  });

  test('confirming with a passkey, then adding and removing passkeys, keeping one way in', async () => {
    const { browser: from, authenticator, account } = await registeredWithPasskey();
    const firstId = authenticator.credentialIds()[0] ?? '';
    clock += LOGIN_SESSION_DEFAULTS.reauthenticationWindowMs;
    const refused = await from.call<ErrorReply>('POST', '/api/account/passkeys/options', { name: 'Laptop' });
    assert.equal(refused.body.error.code, 'reauthentication_needed');

    const confirm = await options(from, '/api/account/reauthenticate/passkey/options');
    assert.deepEqual((confirm.options as { allowCredentials: { id: string }[] }).allowCredentials.map((descriptor) => descriptor.id), [firstId]);
    const confirmed = await from.call<AccountView>('POST', '/api/account/reauthenticate/passkey/verify', { challengeId: confirm.challengeId, response: authenticator.get(confirm.options) });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.reauthenticatedUntilMs, clock + LOGIN_SESSION_DEFAULTS.reauthenticationWindowMs);

    const add = await options(from, '/api/account/passkeys/options', { name: 'Laptop' });
    const addOptions = add.options as { excludeCredentials: { id: string }[]; user: { name: string } };
    assert.deepEqual(addOptions.excludeCredentials.map((descriptor) => descriptor.id), [firstId]);
    assert.equal(addOptions.user.name, account.signInName);
    const added = await from.call<AccountView>('POST', '/api/account/passkeys/verify', { challengeId: add.challengeId, response: authenticator.create(add.options) });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.deepEqual(added.body.passkeys.map((passkey) => passkey.name), [FIRST_PASSKEY_NAME, 'Laptop']);
    const secondId = authenticator.credentialIds()[1] ?? '';

    const removed = await from.call<AccountView>('DELETE', `/api/account/passkeys/${firstId}`);
    assert.equal(removed.status, 200);
    assert.deepEqual(removed.body.passkeys.map((passkey) => passkey.id), [secondId]);
    const last = await from.call<ErrorReply>('DELETE', `/api/account/passkeys/${secondId}`);
    assert.equal(last.status, 409);
    assert.equal(last.body.error.code, 'last_way_in');

    const signIn = await options(browser(), '/api/account/login/passkey/options');
    const withRemoved = await browser().call('POST', '/api/account/login/passkey/verify', {
      challengeId: signIn.challengeId,
      response: authenticator.get(signIn.options, { credentialId: firstId }),
    });
    assert.equal(withRemoved.status, 401, 'a removed passkey no longer signs in');
  });

  test("one account cannot use another's confirmation challenge", async () => {
    const ana = await registeredWithPasskey();
    const ben = await registeredWithPasskey();
    const anaChallenge = await options(ana.browser, '/api/account/reauthenticate/passkey/options');
    const reply = await ben.browser.call<ErrorReply>('POST', '/api/account/reauthenticate/passkey/verify', {
      challengeId: anaChallenge.challengeId,
      response: ben.authenticator.get({ ...anaChallenge.options, allowCredentials: undefined }),
    });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error.code, 'passkey_failed');
  });

  test('passkey routes that need a sign-in say so', async () => {
    const guest = browser();
    for (const [url, body] of [
      ['/api/account/reauthenticate/passkey/options', {}],
      ['/api/account/reauthenticate/passkey/verify', { challengeId: randomUUID(), response: {} }],
      ['/api/account/passkeys/options', { name: 'Phone' }],
      ['/api/account/passkeys/verify', { challengeId: randomUUID(), response: {} }],
    ] as const) {
      const reply = await guest.call<ErrorReply>('POST', url, body);
      assert.equal(reply.status, 401, url);
      assert.equal(reply.body.error.code, 'not_signed_in');
    }
    const removal = await guest.call<ErrorReply>('DELETE', '/api/account/passkeys/abc');
    assert.equal(removal.status, 401);
  });
});
