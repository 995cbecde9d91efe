/**
 * First-run setup over HTTP (app.inject on a real server over SQLite, with a clock the tests move):
 * the link made at start, a fresh link replacing it, the link working once and for 24 hours,
 * the operator made with a password or a passkey through the ordinary registration code, and two
 * people racing with one link.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AccountView, PasskeyOptionsAnswer, RegisteredAnswer } from '../../core/protocol/account-api.ts';
import type { SetupStatus } from '../../core/protocol/operator-api.ts';
import type { Logger } from '../log/logger.ts';
import { SETUP_LINK_TTL_MS, setupOnStart } from '../operator/setup-link.ts';
import { TestBrowser } from '../testing/browser-client.ts';
import { SoftAuthenticator } from '../testing/soft-authenticator.ts';
import { portFree, testServerStart, type TestServer } from '../testing/test-server.ts';
import { OPERATOR_PASSWORD, setupTokenNew } from './operator.test-support.ts';

type ErrorReply = { error: { code: string; message: string } };

let addressSerial = 0;
function addressNew(): string {
  addressSerial += 1;
  return `10.66.${String(addressSerial % 250)}.${String(1 + Math.floor(addressSerial / 250))}`;
}

function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const keep = (_category: string, message: string, fields: Readonly<Record<string, unknown>> = {}) => {
    lines.push(`${message} ${JSON.stringify(fields)}`);
  };
  return { logger: { info: keep, warn: keep, error: keep }, lines };
}

describe('first-run setup', () => {
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

  const settings = () => running.server.context.instance.settings;

  test('a fresh instance needs setup, and a node starting while a link is pending makes no second one', async () => {
    const status = await browser().call<SetupStatus>('GET', '/api/setup');
    assert.deepEqual(status.body, { needed: true });
    // The server made a link when it started; starting another node now only says so.
    const { logger, lines } = recordingLogger();
    const again = await setupOnStart(settings(), origin, logger, clock);
    assert.equal(again.kind, 'link_pending');
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? '', /still works/);
    assert.doesNotMatch(lines[0] ?? '', /#/, 'a node that did not make the link cannot show it');
  });

  test('several nodes starting at once make exactly one link, logged once with the token after #', async () => {
    await setupTokenNew(running, clock); // a known state: one pending link
    const later = clock + SETUP_LINK_TTL_MS; // ... which has just expired
    const logs = [recordingLogger(), recordingLogger(), recordingLogger(), recordingLogger()];
    const outcomes = await Promise.all(logs.map(({ logger }) => setupOnStart(settings(), origin, logger, later)));
    const made = outcomes.filter((outcome) => outcome.kind === 'link_made');
    assert.equal(made.length, 1);
    const link = made[0]?.kind === 'link_made' ? made[0].link : '';
    assert.match(link, new RegExp(`^${origin}/setup#[A-Za-z0-9_-]{43}$`));
    const withLink = logs.flatMap(({ lines }) => lines).filter((line) => line.includes(link));
    assert.equal(withLink.length, 1);
    assert.equal(await settings().setupLinkMatches('not-the-hash', later), false);
  });

  test('a link is refused when it is not the pending one, or is older than 24 hours', async () => {
    const first = await setupTokenNew(running, clock);
    const second = await setupTokenNew(running, clock);
    assert.ok(first !== null && second !== null);
    const replaced = await browser().call<ErrorReply>('POST', '/api/setup/check', { token: first });
    assert.equal(replaced.status, 404);
    assert.equal(replaced.body.error.code, 'setup_link_invalid');
    assert.match(replaced.body.error.message, /attune setup-link/);
    assert.equal((await browser().call<SetupStatus>('POST', '/api/setup/check', { token: second })).status, 200);
    const malformed = await browser().call<ErrorReply>('POST', '/api/setup/check', { token: 'short' });
    assert.equal(malformed.status, 400);
    clock += SETUP_LINK_TTL_MS;
    const expired = await browser().call<ErrorReply>('POST', '/api/setup/password', {
      token: second,
      signInName: 'late',
      displayName: 'Late',
      password: OPERATOR_PASSWORD,
    });
    assert.equal(expired.body.error.code, 'setup_link_invalid');
    assert.equal(await running.server.context.auth.accounts.signInNameTaken('late'), false);
  });

  test('a weak password or a taken name leaves the link working', async () => {
    const token = await setupTokenNew(running, clock);
    const taken = await browser().call<RegisteredAnswer>('POST', '/api/account/register/password', {
      signInName: 'already.here',
      displayName: 'Here',
      password: 'meadow candle morning song',
    });
    assert.equal(taken.status, 201);
    const weak = await browser().call<ErrorReply>('POST', '/api/setup/password', { token, signInName: 'keeper', displayName: 'Keeper', password: 'keeper' });
    assert.equal(weak.body.error.code, 'weak_password');
    const clash = await browser().call<ErrorReply>('POST', '/api/setup/password', { token, signInName: 'already.here', displayName: 'K', password: OPERATOR_PASSWORD });
    assert.equal(clash.body.error.code, 'sign_in_name_taken');
    assert.equal((await browser().call('POST', '/api/setup/check', { token })).status, 200);
  });

  test('two people racing with one link: one becomes the operator, the other is told setup is done', async () => {
    const token = await setupTokenNew(running, clock);
    const [a, b] = await Promise.all(
      ['first.keeper', 'second.keeper'].map((signInName) =>
        browser().call<RegisteredAnswer | ErrorReply>('POST', '/api/setup/password', { token, signInName, displayName: 'Keeper', password: OPERATOR_PASSWORD }),
      ),
    );
    const statuses = [a?.status, b?.status].sort();
    assert.deepEqual(statuses, [201, 409]);
    const winner = [a, b].find((reply) => reply?.status === 201)?.body as RegisteredAnswer;
    assert.equal(winner.account.role, 'operator');
    assert.equal(winner.recoveryCodes.length > 0, true);
    const loser = [a, b].find((reply) => reply?.status === 409)?.body as ErrorReply;
    assert.equal(loser.error.code, 'setup_done');
    const names = ['first.keeper', 'second.keeper'];
    const madeAccounts = await Promise.all(names.map((name) => running.server.context.auth.accounts.signInNameTaken(name)));
    assert.deepEqual(madeAccounts.filter(Boolean).length, 1, 'no half-made second account');
  });

  test('once done: /api/setup says so, links are no longer made, and the operator is signed in', async () => {
    assert.deepEqual((await browser().call<SetupStatus>('GET', '/api/setup')).body, { needed: false });
    assert.equal(await setupTokenNew(running, clock), null);
    const { logger, lines } = recordingLogger();
    assert.equal((await setupOnStart(settings(), origin, logger, clock)).kind, 'operator_exists');
    assert.deepEqual(lines, []);
    const done = await browser().call<ErrorReply>('POST', '/api/setup/check', { token: 'A'.repeat(43) });
    assert.equal(done.status, 409);
    assert.equal(done.body.error.code, 'setup_done');
  });
});

describe('first-run setup with a passkey', () => {
  let running: TestServer;
  let origin = '';

  before(async () => {
    origin = `http://localhost:${String(await portFree())}`;
    running = await testServerStart({ PUBLIC_ORIGIN: origin, HTTP_REQUESTS_PER_MINUTE: '100000' });
  });
  after(async () => {
    await running.stop();
  });

  test('the operator is made with a passkey, and the link then stops working', async () => {
    const from = new TestBrowser(running.server.app, origin, addressNew());
    const token = await setupTokenNew(running, Date.now());
    const options = await from.call<PasskeyOptionsAnswer>('POST', '/api/setup/passkey/options', { token, signInName: 'Keeper', displayName: 'Keeper' });
    assert.equal(options.status, 200, JSON.stringify(options.body));
    const authenticator = new SoftAuthenticator(origin);
    const reply = await from.call<RegisteredAnswer>('POST', '/api/setup/passkey/verify', {
      token,
      challengeId: options.body.challengeId,
      response: authenticator.create(options.body.options),
    });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    assert.equal(reply.body.account.role, 'operator');
    assert.equal(reply.body.account.passkeys.length, 1);
    assert.equal(reply.body.account.hasPassword, false);
    const me = await from.call<AccountView>('GET', '/api/account');
    assert.equal(me.body.role, 'operator');
    const again = await from.call<ErrorReply>('POST', '/api/setup/passkey/options', { token, signInName: 'other', displayName: 'Other' });
    assert.equal(again.body.error.code, 'setup_done');
  });

  test('an ordinary registration is never an operator', async () => {
    const from = new TestBrowser(running.server.app, origin, addressNew());
    const reply = await from.call<RegisteredAnswer>('POST', '/api/account/register/password', { signInName: 'plain', displayName: 'Plain', password: OPERATOR_PASSWORD });
    assert.equal(reply.body.account.role, 'person');
  });
});
