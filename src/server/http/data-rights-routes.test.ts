/**
 * The data-rights routes through `app.inject`, on a real server whose clock the tests
 * move: a guest exports and deletes, a guest who became an account deletes after proving it is
 * them, and the person they shared a session with still opens its report.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { OPEN_BOUNDARIES } from '../../core/boundaries/boundary.ts';
import type { AccountExport } from '../../core/protocol/account-api.ts';
import type { SessionCommand } from '../../core/protocol/commands.ts';
import type { OpenDatabase } from '../store/database.ts';
import { SOMEONE_WHO_LEFT_NAME } from '../store/person-deletion-redaction.ts';
import { rowsMentioning } from '../store/testing/person-data-seed.ts';
import { testServerStart, type TestServer } from '../testing/test-server.ts';
import { accountExportFileName } from './data-rights-routes.ts';

const MINUTE_MS = 60_000;
const PASSWORD = 'a quiet lake at dawn 1987';

interface Reply<T> {
  readonly status: number;
  readonly body: T;
  readonly headers: Record<string, unknown>;
  /** `name=value` of every cookie the reply set (an empty value: cleared). */
  readonly cookies: Record<string, string>;
}

void describe('data-rights routes', () => {
  let running: TestServer;
  let app: FastifyInstance;
  let database: OpenDatabase;
  let origin: string;
  let clockMs = Date.UTC(2026, 0, 15, 9, 0, 0);

  before(async () => {
    running = await testServerStart({}, { now: () => clockMs });
    origin = running.baseUrl;
    app = running.server.app;
    // The same database through a second connection, for looking at every table.
    database = await running.databaseOpen();
  });
  after(async () => {
    await database.close();
    await running.stop();
  });

  async function call<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie?: string, body?: unknown): Promise<Reply<T>> {
    const response = await app.inject({
      method,
      url,
      headers: { origin, ...(cookie === undefined ? {} : { cookie }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    const cookies = Object.fromEntries(response.cookies.map((set) => [set.name, set.value]));
    return { status: response.statusCode, body: (response.body === '' ? null : JSON.parse(response.body)) as T, headers: response.headers, cookies };
  }

  async function guest(displayName: string): Promise<{ cookie: string; id: string }> {
    const reply = await call<{ id: string }>('POST', '/api/identity', undefined, { displayName });
    assert.equal(reply.status, 201);
    return { cookie: `attune_identity=${reply.cookies.attune_identity ?? ''}`, id: reply.body.id };
  }

  async function command(sessionId: string, participantId: string, sent: SessionCommand): Promise<void> {
    const outcome = await running.server.context.hub.submit(sessionId, { participantId, kind: 'guest' }, `t-${String(Math.random())}`, sent);
    assert.ok(outcome.ok, JSON.stringify(outcome));
  }

  /** Ana hosts a session Ben joins; Ben checks in and sends samples the recorder has not stored yet. */
  async function sharedSession(benName: string) {
    const ana = await guest('Ana');
    const ben = await guest(benName);
    const created = await call<{ sessionId: string; invite: { token: string } }>('POST', '/api/sessions', ana.cookie, {});
    assert.equal(created.status, 201);
    const { sessionId } = created.body;
    assert.equal((await call('POST', `/api/invites/${created.body.invite.token}/accept`, ben.cookie, {})).status, 200);
    await command(sessionId, ana.id, { type: 'join', displayName: 'Ana', boundaries: OPEN_BOUNDARIES });
    await command(sessionId, ben.id, { type: 'join', displayName: benName, boundaries: OPEN_BOUNDARIES });
    await command(sessionId, ben.id, { type: 'checkIn', state: 'activated', intensity: 6, tags: [], note: `${benName} is tense`, visibility: 'shared', moment: 'any' });
    running.server.context.recorder.record(sessionId, ben.id, [0, 1, 2].map((second) => ({ atMs: clockMs + second * 1000, source: 'simulated', heartRateBpm: 70, rrMs: [850], breathingRateBpm: 6, breathPhase: 0.2 })));
    return { ana, ben, sessionId };
  }

  void test('both routes need someone signed in; deleting needs a page of ours', async () => {
    assert.equal((await call('GET', '/api/account/export')).status, 401);
    assert.equal((await call('DELETE', '/api/account')).status, 401);
    const ben = await guest('Ben');
    const foreign = await app.inject({ method: 'DELETE', url: '/api/account', headers: { origin: 'https://elsewhere.example', cookie: ben.cookie } });
    assert.equal(foreign.statusCode, 403);
    assert.equal((await call('GET', '/api/identity', ben.cookie)).status, 200, 'nothing was deleted');
  });

  void test('a guest downloads everything of theirs, as an attachment that is never cached', async () => {
    const benName = `Ben${String(Date.now()).slice(-6)}`;
    const { ben, sessionId } = await sharedSession(benName);
    await running.server.context.recorder.flush(true);
    const reply = await call<AccountExport>('GET', '/api/account/export', ben.cookie);
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['cache-control'], 'no-store');
    assert.equal(reply.headers['content-disposition'], `attachment; filename="${accountExportFileName(clockMs)}"`);
    assert.equal(accountExportFileName(clockMs), 'attune-export-2026-01-15.json');
    assert.deepEqual(reply.body.person, { id: ben.id, displayName: benName, kind: 'guest' });
    assert.equal(reply.body.account, null);
    assert.equal((reply.body.signalsCsv[sessionId] ?? '').trimEnd().split('\r\n').length, 4);
    assert.ok((reply.body.sections.sessionEvents ?? []).every((row) => row.sessionId === sessionId));
  });

  void test('a guest deletes themselves: samples in memory too; the other person still opens the report', async () => {
    const benName = `Ben${String(Date.now()).slice(-6)}`;
    const { ana, ben, sessionId } = await sharedSession(benName);
    const solo = await call<{ sessionId: string }>('POST', '/api/sessions', ben.cookie, {});
    clockMs += 5_000;

    const deleted = await call('DELETE', '/api/account', ben.cookie);
    assert.equal(deleted.status, 204);
    assert.equal(deleted.cookies.attune_identity, '', 'the guest cookie is cleared');
    assert.equal((await call('GET', '/api/identity', ben.cookie)).status, 401);

    await running.server.context.recorder.flush(true);
    assert.deepEqual(await rowsMentioning(database, [ben.id, benName]), [], 'no row, body or sample of theirs is left');
    assert.equal(await running.server.context.hub.accessOf(solo.body.sessionId, ana.id), 'missing', 'the session only they were in is gone');

    const state = await running.server.context.hub.sessionStateCurrent(sessionId);
    // Every node dropped its folded copy, so the state comes from the rewritten log: the stand-in
    // is there, not present (they left through the decider before going), and their id is not.
    assert.equal(state.participants[ben.id], undefined, 'no node keeps their id in memory');
    const standIns = Object.values(state.participants).filter((participant) => participant.displayName !== 'Ana');
    assert.ok(standIns.length === 1 && standIns.every((participant) => !participant.present), JSON.stringify(state.participants));
    await command(sessionId, ana.id, { type: 'endSession' });
    const report = await call<{ people: { participantId: string; displayName: string }[] }>('GET', `/api/sessions/${sessionId}/report`, ana.cookie);
    assert.equal(report.status, 200, JSON.stringify(report.body));
    assert.ok(!JSON.stringify(report.body).includes(benName));
    assert.ok(JSON.stringify(report.body).includes(SOMEONE_WHO_LEFT_NAME));
  });

  void test('an account deletes itself only after proving it is them in the last minutes', async () => {
    const benName = `Ben${String(Date.now()).slice(-6)}`;
    const { ben, sessionId } = await sharedSession(benName);
    const signInName = `ben-${String(Date.now())}`;
    const registered = await call('POST', '/api/account/register/password', ben.cookie, { signInName, displayName: benName, password: PASSWORD });
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    const account = `attune_session=${registered.cookies.attune_session ?? ''}`;
    assert.equal((await call<AccountExport>('GET', '/api/account/export', account)).body.person.id, ben.id, 'the account kept the guest\'s history');

    clockMs += 11 * MINUTE_MS;
    const tooLate = await call<{ error: { code: string } }>('DELETE', '/api/account', account);
    assert.equal(tooLate.status, 403);
    assert.equal(tooLate.body.error.code, 'reauthentication_needed');
    assert.equal((await call('GET', '/api/account', account)).status, 200, 'nothing was deleted');

    assert.equal((await call('POST', '/api/account/reauthenticate/password', account, { password: PASSWORD })).status, 200);
    const deleted = await call('DELETE', '/api/account', account);
    assert.equal(deleted.status, 204);
    assert.equal(deleted.cookies.attune_session, '', 'the sign-in cookie is cleared');
    assert.equal((await call('GET', '/api/account', account)).status, 401);
    await running.server.context.recorder.flush(true);
    assert.deepEqual(await rowsMentioning(database, [ben.id, benName, signInName]), []);
    const again = await call('POST', '/api/account/login/password', undefined, { signInName, password: PASSWORD });
    assert.notEqual(again.status, 200, 'the account cannot sign in again');
    assert.equal((await running.server.context.hub.sessionStateCurrent(sessionId)).status, 'open', 'the shared session goes on');
  });
});
