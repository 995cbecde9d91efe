/**
 * Runs the HTTP authorization matrix (`authorization-matrix.ts`) against a real server with the
 * world of `authorization-world.ts`: every registered route must have a row (and every row a
 * registered route); every actor's request in every row must come out as the row says; every
 * unsafe request from a foreign page, or with no Origin, is refused before anything happens
 * (CSRF); and every response carries the security headers.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LIVE_SOCKET_ROUTE } from '../realtime/realtime-authorization-matrix.ts';
import { HTTP_MATRIX, routeMethod, type Expectation, type MatrixRow } from './authorization-matrix.ts';
import {
  ACTORS,
  AuthorizationWorld,
  FOREIGN_ORIGIN,
  errorCodeOf,
  securityHeaderProblems,
  type Actor,
  type WorldReply,
} from './authorization-world.ts';
import { WEB_DIST_DIR } from './web-routes.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const webBuilt = existsSync(join(WEB_DIST_DIR, 'index.html'));

function describeExpectation(expectation: Expectation): string {
  return [expectation.outcome, expectation.status ?? '2xx', expectation.code ?? ''].join(' ').trim();
}

function excerpt(reply: WorldReply): string {
  return reply.text.length > 300 ? `${reply.text.slice(0, 300)}…` : reply.text;
}

/** What is wrong with `reply` for `expectation` (empty when nothing is). */
function replyProblems(world: AuthorizationWorld, actor: Actor, expectation: Expectation, reply: WorldReply): string[] {
  const problems: string[] = [];
  const got = `got ${String(reply.status)} ${excerpt(reply)}`;
  if (expectation.outcome === 'denied') {
    if (reply.status !== expectation.status) problems.push(`expected ${describeExpectation(expectation)}, ${got}`);
    else if (expectation.code !== undefined && errorCodeOf(reply) !== expectation.code) problems.push(`expected code ${expectation.code}, ${got}`);
  } else {
    const statusOk = expectation.status === undefined ? reply.status >= 200 && reply.status < 300 : reply.status === expectation.status;
    if (!statusOk) problems.push(`expected ${describeExpectation(expectation)}, ${got}`);
    for (const name of expectation.shows ?? []) {
      if (!reply.text.includes(world.marker(name))) problems.push(`expected the body to show ${name}, ${got}`);
    }
  }
  // Only an "allowed" answer may hold anyone else's marked words.
  if (expectation.outcome !== 'allowed') {
    const leaked = world.foreignMarkers(actor).filter((marker) => reply.text.includes(marker.text));
    if (leaked.length > 0) problems.push(`the body holds what is not theirs: ${leaked.map((marker) => marker.name).join(', ')}`);
  }
  problems.push(...securityHeaderProblems(reply.headers, false).map((problem) => `security headers: ${problem}`));
  return problems;
}

/** Runs one actor's cell of a row; returns what went wrong. */
async function cellProblems(world: AuthorizationWorld, row: MatrixRow, actor: Actor): Promise<string[]> {
  const method = routeMethod(row.route);
  const request = await row.request(world, actor);
  const cookie = request.as === undefined ? world.cookies.get(actor) : request.as.cookie;
  const expectation = row.expect[actor];
  const reply = await world.call(method, request.path, { cookie, body: request.body });
  const problems = replyProblems(world, actor, expectation, reply);
  if (row.missing !== undefined && expectation.outcome === 'denied' && expectation.status === 404) {
    const missing = await row.missing(world, actor);
    const nothing = await world.call(method, missing.path, { cookie, body: missing.body });
    if (nothing.status !== reply.status || errorCodeOf(nothing) !== errorCodeOf(reply)) {
      problems.push(`answers differently than for something that does not exist: ${String(reply.status)} ${String(errorCodeOf(reply))} vs ${String(nothing.status)} ${String(errorCodeOf(nothing))}`);
    }
  }
  return problems.map((problem) => `${actor} (${method} ${request.path}): ${problem}`);
}

describe('authorization matrix: every HTTP route × every actor', () => {
  let world: AuthorizationWorld;
  let registered: Set<string>;

  before(async () => {
    world = await AuthorizationWorld.build();
    registered = new Set(world.registeredRoutes().map((route) => route.key));
  });
  after(async () => {
    await world.stop();
  });

  test('every registered route has exactly one row, and every row names a registered route', () => {
    const routes = world.registeredRoutes();
    const rows = HTTP_MATRIX.map((row) => row.route);
    const duplicates = rows.filter((route, index) => rows.indexOf(route) !== index);
    const websocketRoutes = routes.filter((route) => route.websocket).map((route) => route.key);
    const withoutRow = routes.filter((route) => !route.websocket && !rows.includes(route.key)).map((route) => route.key);
    const stale = HTTP_MATRIX.filter((row) => !registered.has(row.route) && !(row.onlyWhenWebBuilt === true && !webBuilt)).map((row) => row.route);
    assert.deepEqual(duplicates, [], `routes with more than one row in authorization-matrix.ts: ${duplicates.join(', ')}`);
    assert.deepEqual(
      withoutRow,
      [],
      `registered routes with no row in the authorization matrix (src/server/http/authorization-matrix.ts): add a row saying who may do what:\n  ${withoutRow.join('\n  ')}`,
    );
    assert.deepEqual(stale, [], `rows of the authorization matrix whose route is no longer registered: remove or rename them:\n  ${stale.join('\n  ')}`);
    assert.deepEqual(
      websocketRoutes,
      [LIVE_SOCKET_ROUTE],
      'every WebSocket route needs its socket table in src/server/realtime/realtime-authorization-matrix.ts (only the live session has one)',
    );
    for (const row of HTTP_MATRIX) assert.deepEqual(Object.keys(row.expect).sort(), [...ACTORS].sort(), `${row.route}: a cell for every actor`);
  });

  test('CSRF: every unsafe request from a foreign page, a null origin or no Origin is refused before it acts', async () => {
    const probe = await world.freshAccount('person', 'Probe');
    const problems: string[] = [];
    for (const row of HTTP_MATRIX.filter((candidate) => UNSAFE.has(routeMethod(candidate.route)) && registered.has(candidate.route))) {
      const method = routeMethod(row.route);
      const path = row.route.slice(method.length + 1).replace(/:[A-Za-z]+/g, () => randomUUID()).replace('*', 'x');
      const origins: (string | null)[] = [FOREIGN_ORIGIN, 'null', null, world.origin.replace(/^http:/, 'https:'), `${world.origin}.evil.example`];
      for (const origin of origins) {
        for (const cookie of [probe.cookie, undefined]) {
          const reply = await world.call(method, path, { cookie, origin, body: {} });
          const where = `${method} ${path} with Origin ${origin ?? '(none)'}${cookie === undefined ? ' and no cookie' : ''}`;
          if (reply.status !== 403 || errorCodeOf(reply) !== 'bad_origin') problems.push(`${where}: expected 403 bad_origin, got ${String(reply.status)} ${excerpt(reply)}`);
          if (reply.setCookies.length > 0) problems.push(`${where}: a refused request set cookies: ${reply.setCookies.join(', ')}`);
          problems.push(...securityHeaderProblems(reply.headers, false).map((problem) => `${where}: security headers: ${problem}`));
        }
      }
    }
    assert.deepEqual(problems, []);
    const me = await world.call('GET', '/api/account', { cookie: probe.cookie });
    assert.equal(me.status, 200, 'none of the refused requests touched the account they came with');
  });

  function rowTest(row: MatrixRow): void {
    test(`${row.route}: ${row.why}`, async (t) => {
      if (!registered.has(row.route)) {
        if (row.onlyWhenWebBuilt === true && !webBuilt) {
          t.skip('the browser app is not built (npm run build)');
          return;
        }
        assert.fail(`${row.route} is not registered`);
      }
      const problems: string[] = [];
      const actors = row.phase === 'final' ? [...ACTORS.filter((actor) => actor !== 'owner'), 'owner' as const] : ACTORS;
      for (const actor of actors) {
        if (row.phase === 'final' && actor === 'owner') {
          problems.push(...(await world.ownerIntactProblems(true)).map((problem) => `after everyone else deleted their account: ${problem}`));
        }
        problems.push(...(await cellProblems(world, row, actor)));
        if (row.phase === 'last') await world.restoreSignIn(actor);
      }
      const finding = row.finding === undefined ? '' : `\nKNOWN FINDING (the row says what should happen): ${row.finding}`;
      assert.deepEqual(problems, [], `${row.route}: ${row.why}${finding}\n  ${problems.join('\n  ')}`);
    });
  }

  for (const row of HTTP_MATRIX.filter((candidate) => candidate.phase === undefined)) rowTest(row);

  test("after every actor's request on every route, the owner's things are all still there, unchanged", async () => {
    assert.deepEqual(await world.ownerIntactProblems(), []);
  });

  for (const row of HTTP_MATRIX.filter((candidate) => candidate.phase === 'last')) rowTest(row);
  for (const row of HTTP_MATRIX.filter((candidate) => candidate.phase === 'final')) rowTest(row);
});
