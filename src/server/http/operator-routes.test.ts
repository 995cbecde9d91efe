/**
 * The operator's routes over HTTP (app.inject on a real server over SQLite, with a clock the tests
 * move): who may use them, the accounts table (metadata only), switching accounts off and on,
 * practitioners, crisis resources for every node, backups that are consistent and never served,
 * and the guard that no operator route reads anyone's content.
 */
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { LOGIN_SESSION_DEFAULTS } from '../../core/accounts/index.ts';
import type { RegisteredAnswer } from '../../core/protocol/account-api.ts';
import type { BackupsAnswer, BackupView, OperatorAccountsAnswer, OperatorAccountView, OperatorHelpAnswer } from '../../core/protocol/operator-api.ts';
import { loginSessionChannel, loginSessionsEndedParse, type LoginSessionsEndedNotice } from '../auth/login-session-notices.ts';
import { DEFAULT_HELP_RESOURCES } from '../help/help-resources.ts';
import { personDataWorldSeed } from '../store/testing/person-data-seed.ts';
import { TestBrowser } from '../testing/browser-client.ts';
import { testServerStart, type TestServer } from '../testing/test-server.ts';
import { OPERATOR_PASSWORD, operatorSetUp, routesOf } from './operator.test-support.ts';

type ErrorReply = { error: { code: string; message: string } };

/**
 * Every /api/operator route there may be, and what it answers. None returns content (sessions,
 * check-ins, signals, records, cycle maps, reflections). A new operator route fails the guard
 * below until it is added here, which is the moment to ask whether it reads anyone's content.
 */
const DOCUMENTED_OPERATOR_ROUTES: Readonly<Record<string, string>> = {
  'GET /api/operator/help-resources': 'the crisis resources and where they come from',
  'PUT /api/operator/help-resources': 'saves the crisis resources; answers them',
  'DELETE /api/operator/help-resources': 'back to the file or defaults; answers them',
  'GET /api/operator/accounts': 'sign-in name, display name, role, created, switched off: identity metadata only',
  'POST /api/operator/accounts/:identityId/disable': 'switches an account off and ends its sign-ins; answers its metadata',
  'POST /api/operator/accounts/:identityId/enable': 'switches an account on again; answers its metadata',
  'PUT /api/operator/accounts/:identityId/role': 'person or practitioner; answers its metadata',
  'GET /api/operator/backups': 'file names, sizes, times and the folder on the server; never a file',
  'POST /api/operator/backups': 'makes a backup on the server\'s disk; answers where it went, never the file',
};

const MINUTE = 60_000;
const PASSWORD = 'meadow candle morning song';

let addressSerial = 0;
function addressNew(): string {
  addressSerial += 1;
  return `10.77.${String(addressSerial % 250)}.${String(1 + Math.floor(addressSerial / 250))}`;
}

describe('operator routes', () => {
  let running: TestServer;
  let clock = Date.now();
  let operator: TestBrowser;
  let operatorId = '';

  before(async () => {
    running = await testServerStart({ HTTP_REQUESTS_PER_MINUTE: '100000' }, { now: () => clock });
    operator = browser();
    operatorId = (await operatorSetUp(running, operator, clock)).account.id;
  });
  after(async () => {
    await running.stop();
  });

  function browser(): TestBrowser {
    return new TestBrowser(running.server.app, running.baseUrl, addressNew());
  }

  let serial = 0;
  async function person(displayName = 'Robin') {
    serial += 1;
    const from = browser();
    const signInName = `person.${String(serial)}`;
    const reply = await from.call<RegisteredAnswer>('POST', '/api/account/register/password', { signInName, displayName, password: PASSWORD });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    return { browser: from, signInName, id: reply.body.account.id };
  }

  /** One call per documented route, with a real account id and a body that would be accepted. */
  function everyRoute(targetId: string): [method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown][] {
    return [
      ['GET', '/api/operator/help-resources'],
      ['PUT', '/api/operator/help-resources', DEFAULT_HELP_RESOURCES],
      ['DELETE', '/api/operator/help-resources'],
      ['GET', '/api/operator/accounts'],
      ['POST', `/api/operator/accounts/${targetId}/disable`, {}],
      ['POST', `/api/operator/accounts/${targetId}/enable`, {}],
      ['PUT', `/api/operator/accounts/${targetId}/role`, { role: 'practitioner' }],
      ['GET', '/api/operator/backups'],
      ['POST', '/api/operator/backups', {}],
    ];
  }

  test('not signed in: 401; a guest, a person or a practitioner: the same 404 as a path that is not there', async () => {
    const someone = await person();
    const guest = browser();
    assert.equal((await guest.call('POST', '/api/identity', { displayName: 'Guest' })).status, 201);
    const practitioner = await person('Pat');
    assert.equal((await operator.call('PUT', `/api/operator/accounts/${practitioner.id}/role`, { role: 'practitioner' })).status, 200);
    const nothing = await someone.browser.call<ErrorReply>('GET', '/api/operator/nothing-here');
    assert.equal(nothing.status, 404);
    assert.equal(everyRoute(someone.id).length, Object.keys(DOCUMENTED_OPERATOR_ROUTES).length);
    for (const [method, url, body] of everyRoute(someone.id)) {
      const anonymous = await browser().call<ErrorReply>(method, url, body);
      assert.equal(anonymous.status, 401, `${method} ${url}`);
      assert.equal(anonymous.body.error.code, 'not_signed_in');
      assert.equal((await guest.call<ErrorReply>(method, url, body)).status, 401, `${method} ${url} as a guest`);
      for (const [who, from] of [['person', someone.browser], ['practitioner', practitioner.browser]] as const) {
        const refused = await from.call<ErrorReply>(method, url, body);
        assert.equal(refused.status, 404, `${method} ${url} as a ${who}`);
        assert.deepEqual(refused.body, nothing.body);
      }
    }
    const after = await operator.call<OperatorAccountsAnswer>('GET', '/api/operator/accounts');
    assert.equal(after.body.accounts.find((account) => account.id === someone.id)?.disabledAtMs, null, 'nothing they tried changed anything');
  });

  test('the accounts table holds identity metadata only, oldest first, with the operator marked', async () => {
    const someone = await person('Sam');
    const reply = await operator.call<OperatorAccountsAnswer>('GET', '/api/operator/accounts');
    assert.equal(reply.status, 200);
    assert.equal(reply.body.truncated, false);
    for (const account of reply.body.accounts) {
      assert.deepEqual(Object.keys(account).sort(), ['createdAtMs', 'disabledAtMs', 'displayName', 'id', 'isYou', 'role', 'signInName']);
    }
    const times = reply.body.accounts.map((account) => account.createdAtMs);
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    const me = reply.body.accounts.find((account) => account.isYou);
    assert.deepEqual(me && { ...me, createdAtMs: 0 }, {
      id: operatorId,
      signInName: 'keeper',
      displayName: 'Keeper',
      role: 'operator',
      createdAtMs: 0,
      disabledAtMs: null,
      isYou: true,
    });
    const sam = reply.body.accounts.find((account) => account.id === someone.id);
    assert.deepEqual(sam && { ...sam, createdAtMs: 0 }, {
      id: someone.id,
      signInName: someone.signInName,
      displayName: 'Sam',
      role: 'person',
      createdAtMs: 0,
      disabledAtMs: null,
      isYou: false,
    });
  });

  test('switching an account off ends every sign-in at once; switching it on lets them sign in again', async () => {
    const someone = await person('Kai');
    const otherDevice = browser();
    assert.equal((await otherDevice.call('POST', '/api/account/login/password', { signInName: someone.signInName, password: PASSWORD })).status, 200);
    const notices: LoginSessionsEndedNotice[] = [];
    await running.server.context.bus.subscribe(loginSessionChannel(someone.id), (message) => {
      const notice = loginSessionsEndedParse(message);
      if (notice !== null) notices.push(notice);
    });
    const off = await operator.call<OperatorAccountView>('POST', `/api/operator/accounts/${someone.id}/disable`, {});
    assert.equal(off.status, 200, JSON.stringify(off.body));
    assert.equal(off.body.disabledAtMs, clock);
    await new Promise((done) => setTimeout(done, 20));
    assert.deepEqual(notices.map((notice) => notice.loginSessionIds), ['all'], 'every node closes their live sockets');
    assert.equal((await someone.browser.call('GET', '/api/account')).status, 401);
    assert.equal((await otherDevice.call('GET', '/api/account')).status, 401);
    const refused = await browser().call<ErrorReply>('POST', '/api/account/login/password', { signInName: someone.signInName, password: PASSWORD });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'account_disabled');
    // Switching off twice keeps the first time.
    clock += MINUTE;
    const again = await operator.call<OperatorAccountView>('POST', `/api/operator/accounts/${someone.id}/disable`, {});
    assert.equal(again.body.disabledAtMs, off.body.disabledAtMs);
    const on = await operator.call<OperatorAccountView>('POST', `/api/operator/accounts/${someone.id}/enable`, {});
    assert.equal(on.body.disabledAtMs, null);
    assert.equal((await browser().call('POST', '/api/account/login/password', { signInName: someone.signInName, password: PASSWORD })).status, 200);
  });

  test('the operator cannot switch themselves off, and unknown accounts are a plain 404', async () => {
    const self = await operator.call<ErrorReply>('POST', `/api/operator/accounts/${operatorId}/disable`, {});
    assert.equal(self.status, 409);
    assert.equal(self.body.error.code, 'not_yourself');
    assert.equal((await operator.call('GET', '/api/account')).status, 200);
    for (const id of ['no-such-account', '..%2F..%2Fetc']) {
      assert.equal((await operator.call<ErrorReply>('POST', `/api/operator/accounts/${id}/disable`, {})).status, 404);
      assert.equal((await operator.call<ErrorReply>('PUT', `/api/operator/accounts/${id}/role`, { role: 'person' })).status, 404);
    }
  });

  test('marking a practitioner shows them to people booking; the operator keeps their role', async () => {
    const someone = await person('Dr Lee');
    const marked = await operator.call<OperatorAccountView>('PUT', `/api/operator/accounts/${someone.id}/role`, { role: 'practitioner' });
    assert.equal(marked.body.role, 'practitioner');
    const booker = await person('Booker');
    const practitioners = await booker.browser.call('GET', '/api/practitioners');
    assert.equal(practitioners.status, 200);
    assert.match(JSON.stringify(practitioners.body), new RegExp(someone.id));
    const back = await operator.call<OperatorAccountView>('PUT', `/api/operator/accounts/${someone.id}/role`, { role: 'person' });
    assert.equal(back.body.role, 'person');
    const own = await operator.call<ErrorReply>('PUT', `/api/operator/accounts/${operatorId}/role`, { role: 'person' });
    assert.equal(own.body.error.code, 'operator_role_fixed');
    const toOperator = await operator.call<ErrorReply>('PUT', `/api/operator/accounts/${someone.id}/role`, { role: 'operator' });
    assert.equal(toOperator.status, 400);
  });

  test('changes need a recent confirmation; reading does not', async () => {
    clock += LOGIN_SESSION_DEFAULTS.reauthenticationWindowMs + MINUTE;
    const stale = await operator.call<ErrorReply>('PUT', '/api/operator/help-resources', DEFAULT_HELP_RESOURCES);
    assert.equal(stale.status, 403);
    assert.equal(stale.body.error.code, 'reauthentication_needed');
    assert.equal((await operator.call<ErrorReply>('POST', '/api/operator/backups', {})).body.error.code, 'reauthentication_needed');
    assert.equal((await operator.call('GET', '/api/operator/accounts')).status, 200);
    assert.equal((await operator.call('POST', '/api/account/reauthenticate/password', { password: OPERATOR_PASSWORD })).status, 200);
    assert.equal((await operator.call('PUT', '/api/operator/help-resources', DEFAULT_HELP_RESOURCES)).status, 200);
  });

  test('crisis resources: checked, stored for every node, served by /api/help, and put back to the defaults', async () => {
    const bad = await operator.call<ErrorReply>('PUT', '/api/operator/help-resources', { intro: 'x', resources: [] });
    assert.equal(bad.status, 400);
    const badUrl = await operator.call<ErrorReply>('PUT', '/api/operator/help-resources', {
      intro: 'x',
      resources: [{ name: 'Line', url: 'javascript:alert(1)' }],
    });
    assert.equal(badUrl.status, 400);
    const mine = { intro: 'You are not alone.', resources: [{ name: 'Harbour Line', description: 'Day and night.', phone: '0800 111 222' }] };
    const saved = await operator.call<OperatorHelpAnswer>('PUT', '/api/operator/help-resources', mine);
    assert.deepEqual(saved.body, { help: mine, source: 'operator', updatedAtMs: clock });
    // Another node reads the same database: what it would serve is what was saved.
    const stored = await running.server.context.instance.settings.helpRead();
    assert.deepEqual(JSON.parse(stored?.json ?? 'null'), mine);
    assert.deepEqual((await browser().call('GET', '/api/help')).body, mine);
    const reset = await operator.call<OperatorHelpAnswer>('DELETE', '/api/operator/help-resources');
    assert.deepEqual(reset.body, { help: DEFAULT_HELP_RESOURCES, source: 'default', updatedAtMs: null });
    assert.deepEqual((await browser().call('GET', '/api/help')).body, DEFAULT_HELP_RESOURCES);
  });

  test('a backup is a consistent copy on the server\'s disk, for the server\'s user only, and never served over HTTP', async () => {
    const made = await operator.call<BackupView>('POST', '/api/operator/backups', {});
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const directory = resolve(running.dataDir, 'backups');
    assert.equal(made.body.path, join(directory, made.body.fileName));
    // The whole server suite also runs on Postgres (ATTUNE_TEST_DATABASE=postgres): there the copy is a pg_dump.
    const onPostgres = running.databaseUrl !== undefined;
    assert.match(made.body.fileName, new RegExp(`^attune-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z\\.${onPostgres ? 'pgdump' : 'sqlite'}$`));
    assert.equal((await stat(made.body.path)).mode & 0o777, 0o600);
    assert.equal((await stat(directory)).mode & 0o777, 0o700);
    if (onPostgres) {
      // pg_dump's custom format opens with this magic; the restore itself is tested with the backup tools.
      assert.equal((await readFile(made.body.path)).subarray(0, 5).toString('latin1'), 'PGDMP');
    } else {
      const copy = new BetterSqlite3(made.body.path, { readonly: true, fileMustExist: true });
      try {
        assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
        const names = copy.prepare('select sign_in_name as name from accounts').all() as { name: string }[];
        assert.ok(names.some((row) => row.name === 'keeper'));
      } finally {
        copy.close();
      }
    }
    const listed = await operator.call<BackupsAnswer>('GET', '/api/operator/backups');
    assert.equal(listed.body.database, onPostgres ? 'postgres' : 'sqlite');
    assert.equal(listed.body.canBackUp, true);
    assert.equal(listed.body.howTo, null);
    assert.equal(listed.body.directory, directory);
    assert.deepEqual(listed.body.backups[0], made.body);
    for (const url of [`/api/operator/backups/${made.body.fileName}`, `/backups/${made.body.fileName}`, `/${made.body.fileName}`, '/data/backups/']) {
      const reply = await running.server.app.inject({ method: 'GET', url, cookies: Object.fromEntries(operator.cookies) });
      assert.doesNotMatch(reply.body, /SQLite format|PGDMP/, url);
      assert.doesNotMatch(String(reply.headers['content-type'] ?? ''), /octet-stream|sqlite/, url);
    }
  });

  test('guard: every /api/operator route is one of the documented ones', () => {
    const registered = routesOf(running.server.app).filter((route) => route.split(' ')[1]?.startsWith('/api/operator') === true);
    assert.ok(routesOf(running.server.app).includes('POST /api/account/logout-everywhere'), 'the route reader sees the whole tree');
    assert.deepEqual(
      registered.sort(),
      Object.keys(DOCUMENTED_OPERATOR_ROUTES).sort(),
      'a new operator route must be documented above, and must never return anyone\'s content',
    );
  });

  test('guard: with content in every table, no operator answer carries any of it', async () => {
    const database = await running.databaseOpen();
    let needles: string[];
    try {
      const world = await personDataWorldSeed(database.db);
      needles = [world.otherNote, `${world.marker} felt tight`, `${world.marker} kept this`, `${world.marker} sets it off`, `${world.marker} will text first`, `${world.marker} alone`];
    } finally {
      await database.close();
    }
    assert.equal((await operator.call('POST', '/api/account/reauthenticate/password', { password: OPERATOR_PASSWORD })).status, 200);
    const someone = await person('Ari');
    for (const [method, url, body] of everyRoute(someone.id)) {
      const reply = await operator.call(method, url, body);
      assert.ok(reply.status < 300, `${method} ${url}: ${String(reply.status)} ${JSON.stringify(reply.body)}`);
      const text = JSON.stringify(reply.body);
      for (const needle of needles) assert.ok(!text.includes(needle), `${method} ${url} carried content: ${needle}`);
    }
  });
});
