/**
 * Accounts over HTTP (app.inject on a real server over SQLite, with a clock the tests move):
 * registering, signing in and out, cookies, rotation, expiry, throttling, recovery codes, and the
 * confirmation credential changes need.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { LOGIN_SESSION_DEFAULTS, LOGIN_THROTTLE_DEFAULTS, RECOVERY_CODE_COUNT } from '../../core/accounts/index.ts';
import type { AccountView, RecoveryCodesAnswer, RegisteredAnswer } from '../../core/protocol/account-api.ts';
import { SIGN_IN_FAILED_MESSAGE } from '../auth/account-errors.ts';
import { loginSessionChannel, loginSessionsEndedParse, type LoginSessionsEndedNotice } from '../auth/login-session-notices.ts';
import { recoveryCodeHashOf, recoveryCodeSetNew } from '../auth/recovery-codes.ts';
import { TestBrowser, type SetCookie } from '../testing/browser-client.ts';
import { testServerStart, type TestServer } from '../testing/test-server.ts';
import { REGISTRATIONS_PER_WINDOW } from './account-routes.ts';

type ErrorReply = { error: { code: string; message: string } };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const PASSWORD = 'quiet river morning tea';

let addressSerial = 0;

/** A fresh address, so throttles and rate limits of one test never touch another. */
function addressNew(): string {
  addressSerial += 1;
  return `10.${String(Math.floor(addressSerial / 250))}.${String(addressSerial % 250)}.7`;
}

function nameNew(): string {
  return `robin.${randomUUID().slice(0, 8)}`;
}

function cookieNamed(cookies: readonly SetCookie[], name: string): SetCookie | undefined {
  return cookies.find((cookie) => cookie.name === name);
}

describe('account routes', () => {
  let running: TestServer;
  let clock = Date.now();

  before(async () => {
    running = await testServerStart({ HTTP_REQUESTS_PER_MINUTE: '100000' }, { now: () => clock });
  });
  after(async () => {
    await running.stop();
  });

  function browser(): TestBrowser {
    return new TestBrowser(running.server.app, running.baseUrl, addressNew());
  }

  /** Collects the login-session notices published for `identityId`. */
  async function noticesFor(identityId: string): Promise<LoginSessionsEndedNotice[]> {
    const notices: LoginSessionsEndedNotice[] = [];
    await running.server.context.bus.subscribe(loginSessionChannel(identityId), (message) => {
      const notice = loginSessionsEndedParse(message);
      if (notice !== null) notices.push(notice);
    });
    return notices;
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  async function registered(displayName = 'Robin', from = browser(), password = PASSWORD) {
    const signInName = nameNew();
    const reply = await from.call<RegisteredAnswer>('POST', '/api/account/register/password', { signInName, displayName, password });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    return { browser: from, signInName, answer: reply.body, id: reply.body.account.id };
  }

  test('registering with a password signs in at once and shows recovery codes this one time', async () => {
    const from = browser();
    const signInName = `Robin.${randomUUID().slice(0, 6)}`;
    const reply = await from.call<RegisteredAnswer>('POST', '/api/account/register/password', { signInName: ` ${signInName} `, displayName: 'Robin', password: PASSWORD });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    const { account, recoveryCodes } = reply.body;
    assert.equal(recoveryCodes.length, RECOVERY_CODE_COUNT);
    assert.equal(new Set(recoveryCodes).size, RECOVERY_CODE_COUNT);
    for (const code of recoveryCodes) assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    assert.deepEqual(
      { ...account, id: '' },
      {
        id: '',
        displayName: 'Robin',
        signInName: signInName.toLowerCase(),
        role: 'person',
        hasPassword: true,
        passkeys: [],
        recoveryCodesLeft: RECOVERY_CODE_COUNT,
        reauthenticatedUntilMs: clock + LOGIN_SESSION_DEFAULTS.reauthenticationWindowMs,
      },
    );
    const stored = await running.server.context.auth.accounts.findByIdentityId(account.id);
    assert.match(stored?.passwordHash ?? '', /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const me = await from.call<AccountView>('GET', '/api/account');
    assert.equal(me.status, 200);
    assert.equal(me.body.id, account.id);
    const identity = await from.call<{ id: string; kind: string }>('GET', '/api/identity');
    assert.deepEqual(identity.body, { id: account.id, displayName: 'Robin', kind: 'account' });
  });

  test('the sign-in cookie is HttpOnly, SameSite=Lax, Path=/, lasts the absolute lifetime, and is not Secure over http', async () => {
    const from = browser();
    const reply = await from.call<RegisteredAnswer>('POST', '/api/account/register/password', { signInName: nameNew(), displayName: 'Kai', password: PASSWORD });
    const session = cookieNamed(reply.setCookies, 'attune_session');
    assert.ok(session);
    assert.match(session.value, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Lax');
    assert.equal(session.path, '/');
    assert.equal(session.maxAge, LOGIN_SESSION_DEFAULTS.absoluteLifetimeMs / 1000);
    assert.notEqual(session.secure, true);
    const device = cookieNamed(reply.setCookies, 'attune_device');
    assert.ok(device);
    assert.equal(device.httpOnly, true);
    assert.equal(device.sameSite, 'Lax');
    const rows = await running.server.context.auth.identities.findById(reply.body.account.id);
    assert.equal(rows?.kind, 'account');
  });

  test('weak passwords are refused with every reason, warmly', async () => {
    const signInName = nameNew();
    const reply = await browser().call<ErrorReply>('POST', '/api/account/register/password', { signInName, displayName: 'Robin', password: 'robin' });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error.code, 'weak_password');
    assert.match(reply.body.error.message, /at least 8 characters/);
    assert.match(reply.body.error.message, /close to your name/);
    const same = await browser().call<ErrorReply>('POST', '/api/account/register/password', { signInName, displayName: 'Robin', password: signInName.toUpperCase() });
    assert.equal(same.body.error.code, 'weak_password');
    assert.match(same.body.error.message, /close to your name/);
    assert.equal(await running.server.context.auth.accounts.signInNameTaken(signInName), false);
  });

  test('a taken name is refused whatever its case; a bad name names the field', async () => {
    const { signInName } = await registered();
    const taken = await browser().call<ErrorReply>('POST', '/api/account/register/password', { signInName: signInName.toUpperCase(), displayName: 'Other', password: PASSWORD });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.error.code, 'sign_in_name_taken');
    assert.match(taken.body.error.message, /choose another/);
    const bad = await browser().call<ErrorReply>('POST', '/api/account/register/password', { signInName: 'a b', displayName: 'X', password: PASSWORD });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /^signInName: /);
  });

  test('registration is rate-limited per address', async () => {
    const from = browser();
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= REGISTRATIONS_PER_WINDOW; attempt += 1) {
      const reply = await from.call('POST', '/api/account/register/password', { signInName: nameNew(), displayName: 'R', password: 'short' });
      statuses.push(reply.status);
    }
    assert.deepEqual(statuses.slice(0, REGISTRATIONS_PER_WINDOW), Array<number>(REGISTRATIONS_PER_WINDOW).fill(400));
    assert.equal(statuses.at(-1), 429);
    const elsewhere = await browser().call('POST', '/api/account/register/password', { signInName: nameNew(), displayName: 'R', password: 'short' });
    assert.equal(elsewhere.status, 400, 'another address is not affected');
  });

  test('a guest who registers keeps their identity, and their guest cookie stops working', async () => {
    const from = browser();
    const guest = await from.call<{ id: string; kind: string }>('POST', '/api/identity', { displayName: 'Guest Sam' });
    assert.equal(guest.status, 201);
    const guestCookie = from.cookies.get('attune_identity');
    assert.ok(guestCookie);
    const session = await from.call<{ sessionId: string }>('POST', '/api/sessions', { displayName: 'Guest Sam' });
    assert.equal(session.status, 201, JSON.stringify(session.body));
    const reply = await from.call<RegisteredAnswer>('POST', '/api/account/register/password', { signInName: nameNew(), displayName: 'Sam', password: PASSWORD });
    assert.equal(reply.status, 201);
    assert.equal(reply.body.account.id, guest.body.id, 'same id, so the history stays');
    assert.equal(reply.body.account.displayName, 'Sam');
    assert.equal(from.cookies.has('attune_identity'), false, 'the guest cookie is cleared');
    const identity = await running.server.context.identities.findById(guest.body.id);
    assert.deepEqual([identity?.kind, identity?.expiresAtMs], ['account', null]);
    const oldGuest = new TestBrowser(running.server.app, running.baseUrl, addressNew());
    oldGuest.cookies.set('attune_identity', guestCookie);
    assert.equal((await oldGuest.call('GET', '/api/identity')).status, 401);
    const invite = await from.call('POST', `/api/sessions/${session.body.sessionId}/invites`, {});
    assert.equal(invite.status, 201, 'the account is still the host of the session it made as a guest');
  });

  test('sign out ends this sign-in, clears the cookie and tells every node', async () => {
    const { browser: from, id } = await registered();
    const notices = await noticesFor(id);
    const stolen = from.copy(addressNew());
    const reply = await from.call('POST', '/api/account/logout', {});
    assert.equal(reply.status, 204);
    assert.equal(from.cookies.has('attune_session'), false);
    assert.equal((await stolen.call<ErrorReply>('GET', '/api/account')).status, 401, 'the old token no longer works');
    await settle();
    assert.equal(notices.length, 1);
    const ended = notices[0]?.loginSessionIds;
    assert.ok(Array.isArray(ended) && ended.length === 1);
    const notSignedIn = await from.call('POST', '/api/account/logout', {});
    assert.equal(notSignedIn.status, 204, 'signing out twice is fine');
  });

  test('signing in rotates the session: the previous token stops working', async () => {
    const { browser: from, signInName, id } = await registered();
    const before = from.copy(addressNew());
    const again = await from.call<AccountView>('POST', '/api/account/login/password', { signInName, password: PASSWORD });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.id, id);
    assert.notEqual(from.cookies.get('attune_session'), before.cookies.get('attune_session'));
    assert.equal((await before.call('GET', '/api/account')).status, 401);
    assert.equal((await from.call('GET', '/api/account')).status, 200);
  });

  test('signing in with a password from a new browser; the name is matched however it is typed', async () => {
    const { signInName, id } = await registered();
    const other = browser();
    const reply = await other.call<AccountView>('POST', '/api/account/login/password', { signInName: `  ${signInName.toUpperCase()} `, password: PASSWORD });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal(reply.body.id, id);
    assert.ok(other.cookies.get('attune_session'));
    assert.ok(other.cookies.get('attune_device'));
  });

  test('a failed sign-in reads the same for an unknown name, a wrong password and a passkey-only account', async () => {
    const { signInName } = await registered();
    const passkeyOnly = nameNew();
    const outcome = await running.server.context.auth.accounts.register({
      identityId: randomUUID(),
      signInName: passkeyOnly,
      displayName: 'P',
      passwordHash: null,
      passkey: null,
      recoveryCodeHashes: [],
      nowMs: clock,
      identity: 'new',
    });
    assert.equal(outcome, 'created');
    const replies = await Promise.all([
      browser().call('POST', '/api/account/login/password', { signInName: nameNew(), password: PASSWORD }),
      browser().call('POST', '/api/account/login/password', { signInName, password: `${PASSWORD}!` }),
      browser().call('POST', '/api/account/login/password', { signInName: passkeyOnly, password: PASSWORD }),
      browser().call('POST', '/api/account/login/recovery', { signInName, code: 'AAAA-BBBB-CCCC' }),
      browser().call('POST', '/api/account/login/recovery', { signInName: nameNew(), code: 'not a code' }),
    ]);
    for (const reply of replies) {
      assert.equal(reply.status, 401);
      assert.deepEqual(reply.body, { error: { code: 'sign_in_failed', message: SIGN_IN_FAILED_MESSAGE } });
      assert.equal(cookieNamed(reply.setCookies, 'attune_session'), undefined);
    }
  });

  test('an unknown name costs about as much time as a wrong password', async () => {
    const { signInName } = await registered();
    const timed = async (name: string) => {
      const started = performance.now();
      await browser().call('POST', '/api/account/login/password', { signInName: name, password: 'wrong but long enough' });
      return performance.now() - started;
    };
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      unknown.push(await timed(nameNew()));
      wrong.push(await timed(signInName));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1] ?? 0;
    // The dummy hash makes both run argon2; without it the unknown name would take ~1 ms.
    assert.ok(median(unknown) > median(wrong) * 0.5, `unknown ${median(unknown).toFixed(1)} ms vs wrong ${median(wrong).toFixed(1)} ms`);
  });

  test('guessing from one address is throttled, with Retry-After; other addresses carry on', async () => {
    const attacker = browser();
    const { signInName } = await registered();
    for (let attempt = 0; attempt < LOGIN_THROTTLE_DEFAULTS.perAddressMaxFailures; attempt += 1) {
      const reply = await attacker.call('POST', '/api/account/login/password', { signInName: nameNew(), password: 'guess guess guess' });
      assert.equal(reply.status, 401);
    }
    const throttled = await attacker.call<ErrorReply>('POST', '/api/account/login/password', { signInName, password: PASSWORD });
    assert.equal(throttled.status, 429);
    assert.equal(throttled.body.error.code, 'sign_in_throttled');
    assert.match(throttled.body.error.message, /wait/);
    const retryAfter = Number(throttled.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= LOGIN_THROTTLE_DEFAULTS.windowMs / 1000, `Retry-After ${String(retryAfter)}`);
    const code = await attacker.call('POST', '/api/account/login/recovery', { signInName, code: 'AAAA-BBBB-CCCC' });
    assert.equal(code.status, 429, 'recovery codes share the throttle');
    const owner = await browser().call('POST', '/api/account/login/password', { signInName, password: PASSWORD });
    assert.equal(owner.status, 200, 'the owner elsewhere is not affected');
    clock += LOGIN_THROTTLE_DEFAULTS.windowMs;
    const later = await attacker.call('POST', '/api/account/login/password', { signInName, password: PASSWORD });
    assert.equal(later.status, 200, 'after the window it works again');
  });

  test('guessing one account from many addresses is throttled, but never locks out a browser that signed in before', async () => {
    const { browser: owner, signInName } = await registered();
    for (let attempt = 0; attempt < LOGIN_THROTTLE_DEFAULTS.perAccountMaxFailures; attempt += 1) {
      const reply = await browser().call('POST', '/api/account/login/password', { signInName, password: `guess number ${String(attempt)}` });
      assert.equal(reply.status, 401);
    }
    const stranger = await browser().call<ErrorReply>('POST', '/api/account/login/password', { signInName, password: PASSWORD });
    assert.equal(stranger.status, 429, 'a new browser has to wait, even with the right password');
    assert.ok(Number(stranger.headers['retry-after']) > 0);
    const ownerAgain = await owner.call<AccountView>('POST', '/api/account/login/password', { signInName, password: PASSWORD });
    assert.equal(ownerAgain.status, 200, 'the trusted device is not locked out');
    const afterSuccess = await browser().call('POST', '/api/account/login/password', { signInName, password: PASSWORD });
    assert.equal(afterSuccess.status, 200, "a successful sign-in forgets the name's failures");
  });

  test('guesses sent all at once cannot slip past the limit while their password checks run', async () => {
    const { signInName } = await registered();
    const attacker = browser();
    const guesses = Array.from({ length: 30 }, (_, index) => attacker.call('POST', '/api/account/login/password', { signInName, password: `guess at once ${String(index)}` }));
    const statuses = (await Promise.all(guesses)).map((reply) => reply.status);
    const checked = statuses.filter((status) => status === 401).length;
    assert.ok(checked <= LOGIN_THROTTLE_DEFAULTS.perAccountMaxFailures, `only ${String(LOGIN_THROTTLE_DEFAULTS.perAccountMaxFailures)} guesses may be checked, ${String(checked)} were: ${statuses.join(',')}`);
    assert.equal(statuses.filter((status) => status === 429).length, 30 - checked);
  });

  test('after "sign out everywhere" no browser stays exempt from the per-account limit', async () => {
    const { browser: owner, signInName } = await registered();
    assert.equal((await owner.call('POST', '/api/account/logout-everywhere', {})).status, 204);
    for (let attempt = 0; attempt < LOGIN_THROTTLE_DEFAULTS.perAccountMaxFailures; attempt += 1) {
      assert.equal((await browser().call('POST', '/api/account/login/password', { signInName, password: `guess ${String(attempt)}` })).status, 401);
    }
    const formerlyTrusted = await owner.call('POST', '/api/account/login/password', { signInName, password: PASSWORD });
    assert.equal(formerlyTrusted.status, 429, 'the once-trusted browser waits like any other');
  });

  test('a session ends after the idle timeout, and at the absolute lifetime however much it is used', async () => {
    const idle = await registered();
    clock += LOGIN_SESSION_DEFAULTS.idleTimeoutMs - MINUTE;
    assert.equal((await idle.browser.call('GET', '/api/account')).status, 200, 'used just in time');
    clock += LOGIN_SESSION_DEFAULTS.idleTimeoutMs - MINUTE;
    assert.equal((await idle.browser.call('GET', '/api/account')).status, 200, 'use keeps it going');
    clock += LOGIN_SESSION_DEFAULTS.idleTimeoutMs;
    assert.equal((await idle.browser.call('GET', '/api/account')).status, 401, 'idle too long');
    assert.equal((await idle.browser.call('GET', '/api/identity')).status, 401, 'every route sees it signed out');

    const busy = await registered();
    const startedAt = clock;
    while (clock < startedAt + LOGIN_SESSION_DEFAULTS.absoluteLifetimeMs - DAY) {
      clock += DAY;
      assert.equal((await busy.browser.call('GET', '/api/account')).status, 200);
    }
    clock = startedAt + LOGIN_SESSION_DEFAULTS.absoluteLifetimeMs;
    assert.equal((await busy.browser.call('GET', '/api/account')).status, 401, 'past the absolute lifetime');
  });

  test('last-seen is written at most once a minute', async () => {
    const { browser: from, id } = await registered();
    const read = async () =>
      running.server.context.auth.loginSessions.current({ cookies: { attune_session: from.cookies.get('attune_session') } } as unknown as FastifyRequest);
    const first = await read();
    clock += 30_000;
    await from.call('GET', '/api/account');
    const start = first?.session.lastSeenAtMs ?? 0;
    const afterHalf = await read();
    assert.equal(afterHalf?.session.lastSeenAtMs, start, 'not written within the minute');
    clock += 31_000;
    await from.call('GET', '/api/account');
    const afterMinute = await read();
    assert.equal(afterMinute?.session.lastSeenAtMs, clock);
    assert.equal(afterMinute.identity.id, id);
  });

  test('signedInOf names the login session and when it ends; a guest has none', async () => {
    const { browser: from, id } = await registered();
    const signedIn = await running.server.context.cookies.signedInOf({ cookies: { attune_session: from.cookies.get('attune_session') } } as unknown as FastifyRequest);
    assert.equal(signedIn?.identity.id, id);
    assert.ok(signedIn.loginSession);
    assert.equal(signedIn.loginSession.endsAtMs, clock + LOGIN_SESSION_DEFAULTS.idleTimeoutMs);
    const guest = browser();
    await guest.call('POST', '/api/identity', { displayName: 'G' });
    const asGuest = await running.server.context.cookies.signedInOf({ cookies: { attune_identity: guest.cookies.get('attune_identity') } } as unknown as FastifyRequest);
    assert.equal(asGuest?.loginSession, null);
    assert.equal(asGuest.identity.kind, 'guest');
    assert.equal(await running.server.context.cookies.signedInOf({ cookies: {} } as unknown as FastifyRequest), null);
  });

  test('sign out everywhere ends every browser of this person, this one included, and tells every node', async () => {
    const { browser: first, signInName, id } = await registered();
    const second = browser();
    assert.equal((await second.call('POST', '/api/account/login/password', { signInName, password: PASSWORD })).status, 200);
    const someoneElse = await registered();
    const notices = await noticesFor(id);
    const reply = await first.call('POST', '/api/account/logout-everywhere', {});
    assert.equal(reply.status, 204);
    assert.equal((await first.call('GET', '/api/account')).status, 401);
    assert.equal((await second.call('GET', '/api/account')).status, 401);
    assert.equal((await someoneElse.browser.call('GET', '/api/account')).status, 200);
    await settle();
    assert.deepEqual(notices.map((notice) => notice.loginSessionIds), ['all']);
    assert.equal((await first.call<ErrorReply>('POST', '/api/account/logout-everywhere', {})).status, 401);
  });

  test('a recovery code signs in once', async () => {
    const { signInName, answer, id } = await registered();
    const [code = ''] = answer.recoveryCodes;
    const typed = code.toLowerCase().replaceAll('-', ' ');
    const first = await browser().call<AccountView>('POST', '/api/account/login/recovery', { signInName, code: typed });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.id, id);
    assert.equal(first.body.recoveryCodesLeft, RECOVERY_CODE_COUNT - 1);
    const again = await browser().call<ErrorReply>('POST', '/api/account/login/recovery', { signInName, code });
    assert.equal(again.status, 401);
    assert.equal(again.body.error.code, 'sign_in_failed');
  });

  test('a switched-off account hears so only after the right password', async () => {
    const { browser: signedIn, signInName, id } = await registered();
    // Switching accounts off is an operator's tool, not an API yet: write it as that tool would.
    const database = await running.databaseOpen();
    try {
      await database.db.updateTable('accounts').set({ disabled_at_ms: clock }).where('identity_id', '=', id).execute();
    } finally {
      await database.close();
    }
    const wrong = await browser().call<ErrorReply>('POST', '/api/account/login/password', { signInName, password: 'not the password' });
    assert.equal(wrong.status, 401);
    const right = await browser().call<ErrorReply>('POST', '/api/account/login/password', { signInName, password: PASSWORD });
    assert.equal(right.status, 403);
    assert.equal(right.body.error.code, 'account_disabled');
    assert.equal(cookieNamed(right.setCookies, 'attune_session'), undefined);
    assert.equal((await signedIn.call('GET', '/api/account')).status, 401, 'its open sign-ins stop working');
  });

  test('credential changes need a recent confirmation; a new password signs out every other browser', async () => {
    const { browser: from, signInName, id } = await registered();
    const other = browser();
    assert.equal((await other.call('POST', '/api/account/login/password', { signInName, password: PASSWORD })).status, 200);
    clock += LOGIN_SESSION_DEFAULTS.reauthenticationWindowMs + MINUTE;
    const view = await from.call<AccountView>('GET', '/api/account');
    assert.equal(view.body.reauthenticatedUntilMs, null);
    for (const [method, url, body] of [
      ['PUT', '/api/account/password', { newPassword: 'a brand new phrase' }],
      ['POST', '/api/account/recovery-codes', {}],
      ['POST', '/api/account/passkeys/options', { name: 'Laptop' }],
      ['DELETE', '/api/account/passkeys/abc', undefined],
    ] as const) {
      const refused = await from.call<ErrorReply>(method, url, body);
      assert.equal(refused.status, 403, `${method} ${url}`);
      assert.equal(refused.body.error.code, 'reauthentication_needed');
    }
    const wrong = await from.call<ErrorReply>('POST', '/api/account/reauthenticate/password', { password: 'not it at all' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error.code, 'sign_in_failed');
    const confirmed = await from.call<AccountView>('POST', '/api/account/reauthenticate/password', { password: PASSWORD });
    assert.equal(confirmed.status, 200);
    assert.equal(confirmed.body.reauthenticatedUntilMs, clock + LOGIN_SESSION_DEFAULTS.reauthenticationWindowMs);
    const weak = await from.call<ErrorReply>('PUT', '/api/account/password', { newPassword: 'short' });
    assert.equal(weak.body.error.code, 'weak_password');
    const notices = await noticesFor(id);
    const changed = await from.call<AccountView>('PUT', '/api/account/password', { newPassword: 'a brand new phrase' });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.hasPassword, true);
    assert.equal((await from.call('GET', '/api/account')).status, 200, 'this browser stays signed in');
    assert.equal((await other.call('GET', '/api/account')).status, 401, 'the other browser is signed out');
    await settle();
    assert.equal(notices.length, 1);
    const ended = notices[0]?.loginSessionIds;
    assert.ok(Array.isArray(ended) && ended.length === 1, 'names the other session only');
    assert.equal((await browser().call('POST', '/api/account/login/password', { signInName, password: PASSWORD })).status, 401);
    assert.equal((await browser().call('POST', '/api/account/login/password', { signInName, password: 'a brand new phrase' })).status, 200);
  });

  test('re-authenticating with a password is throttled like signing in', async () => {
    const { browser: from } = await registered();
    for (let attempt = 0; attempt < LOGIN_THROTTLE_DEFAULTS.perAddressMaxFailures; attempt += 1) {
      await from.call('POST', '/api/account/reauthenticate/password', { password: `wrong ${String(attempt)}` });
    }
    const throttled = await from.call<ErrorReply>('POST', '/api/account/reauthenticate/password', { password: PASSWORD });
    assert.equal(throttled.status, 429);
    assert.ok(Number(throttled.headers['retry-after']) > 0);
  });

  test('new recovery codes replace the old ones', async () => {
    const { browser: from, signInName, answer } = await registered();
    const renewed = await from.call<RecoveryCodesAnswer>('POST', '/api/account/recovery-codes', {});
    assert.equal(renewed.status, 200);
    assert.equal(renewed.body.recoveryCodes.length, RECOVERY_CODE_COUNT);
    assert.equal(renewed.body.recoveryCodes.some((code) => answer.recoveryCodes.includes(code)), false);
    const old = await browser().call('POST', '/api/account/login/recovery', { signInName, code: answer.recoveryCodes[0] ?? '' });
    assert.equal(old.status, 401);
    const fresh = await browser().call('POST', '/api/account/login/recovery', { signInName, code: renewed.body.recoveryCodes[0] ?? '' });
    assert.equal(fresh.status, 200);
  });

  test('the last way in cannot be removed', async () => {
    const identityId = randomUUID();
    const signInName = nameNew();
    const codes = recoveryCodeSetNew();
    const credentialId = `cred${randomUUID().replaceAll('-', '')}`;
    await running.server.context.auth.accounts.register({
      identityId,
      signInName,
      displayName: 'Passkey Person',
      passwordHash: null,
      passkey: { credentialId, publicKey: 'AAAA', counter: 0, transports: ['internal'], name: 'Phone', createdAtMs: clock },
      recoveryCodeHashes: codes.hashes,
      nowMs: clock,
      identity: 'new',
    });
    assert.equal(recoveryCodeHashOf(codes.codes[0] ?? ''), codes.hashes[0]);
    const from = browser();
    assert.equal((await from.call('POST', '/api/account/login/recovery', { signInName, code: codes.codes[0] ?? '' })).status, 200);
    const missing = await from.call<ErrorReply>('DELETE', '/api/account/passkeys/nope');
    assert.equal(missing.status, 404);
    const last = await from.call<ErrorReply>('DELETE', `/api/account/passkeys/${credentialId}`);
    assert.equal(last.status, 409);
    assert.equal(last.body.error.code, 'last_way_in');
    assert.match(last.body.error.message, /only way to sign in/);
    assert.equal((await from.call('PUT', '/api/account/password', { newPassword: 'now there is a password' })).status, 200);
    const removed = await from.call<AccountView>('DELETE', `/api/account/passkeys/${credentialId}`);
    assert.equal(removed.status, 200);
    assert.deepEqual(removed.body.passkeys, []);
    assert.equal(removed.body.hasPassword, true);
  });

  test('without an account sign-in, account routes answer not_signed_in', async () => {
    const guest = browser();
    await guest.call('POST', '/api/identity', { displayName: 'G' });
    for (const [method, url, body] of [
      ['GET', '/api/account', undefined],
      ['POST', '/api/account/logout-everywhere', {}],
      ['POST', '/api/account/reauthenticate/password', { password: PASSWORD }],
      ['PUT', '/api/account/password', { newPassword: 'whatever it may be' }],
      ['POST', '/api/account/recovery-codes', {}],
      ['POST', '/api/account/reauthenticate/passkey/options', {}],
    ] as const) {
      const reply = await guest.call<ErrorReply>(method, url, body);
      assert.equal(reply.status, 401, `${method} ${url}`);
      assert.equal(reply.body.error.code, 'not_signed_in');
    }
  });

  test('account routes refuse other origins (CSRF)', async () => {
    const evil = new TestBrowser(running.server.app, 'https://evil.example', addressNew());
    const reply = await evil.call<ErrorReply>('POST', '/api/account/login/password', { signInName: nameNew(), password: PASSWORD });
    assert.equal(reply.status, 403);
    assert.equal(reply.body.error.code, 'bad_origin');
  });

  test('context.accounts: recent proof and ending every sign-in', async () => {
    const { browser: from, id } = await registered();
    const request = { cookies: { attune_session: from.cookies.get('attune_session') } } as unknown as FastifyRequest;
    const proof = await running.server.context.accounts.requireRecentProof(request);
    assert.equal(proof.identityId, id);
    clock += LOGIN_SESSION_DEFAULTS.reauthenticationWindowMs;
    await assert.rejects(() => running.server.context.accounts.requireRecentProof({ cookies: { attune_session: from.cookies.get('attune_session') } } as unknown as FastifyRequest), /confirm it is you/);
    const notices = await noticesFor(id);
    await running.server.context.accounts.endAllLoginSessions(id);
    assert.equal((await from.call('GET', '/api/account')).status, 401);
    await settle();
    assert.deepEqual(notices.map((notice) => notice.loginSessionIds), ['all']);
  });
});

describe('account cookies behind https', () => {
  let running: TestServer;
  before(async () => {
    running = await testServerStart({ PUBLIC_ORIGIN: 'https://attune.example.org' });
  });
  after(async () => {
    await running.stop();
  });

  test('with an https PUBLIC_ORIGIN the sign-in and device cookies are Secure', async () => {
    const from = new TestBrowser(running.server.app, 'https://attune.example.org', '192.0.2.1');
    const reply = await from.call<RegisteredAnswer>('POST', '/api/account/register/password', { signInName: nameNew(), displayName: 'S', password: PASSWORD });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    assert.equal(cookieNamed(reply.setCookies, 'attune_session')?.secure, true);
    assert.equal(cookieNamed(reply.setCookies, 'attune_device')?.secure, true);
    const out = await from.call('POST', '/api/account/logout', {});
    assert.equal(cookieNamed(out.setCookies, 'attune_session')?.secure, true);
  });
});
