/**
 * Bad input on every HTTP route (issue 7, item 6). Routes come from the app's own list
 * (`app.attuneRoutes`), so a new route is fuzzed without anyone adding it here; a valid request
 * for each comes from its row of the authorization matrix, and fast-check breaks it: near misses,
 * random and hostile bodies, junk path parameters and query strings, wrong content types, by a
 * signed-in actor, a guest and nobody. Every answer must be a 2xx-4xx, every error the one JSON
 * shape with a stable code and a sentence, nothing may reach `Object.prototype`, and the server
 * must still answer `/api/health` after each route. Then raw sockets do what inject cannot, and a
 * long burst shows the heap does not grow with the number of requests.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { answerProblems, prototypePollution } from '../testing/fuzz/answer-checks.ts';
import { heapUsedAfterGc } from '../testing/fuzz/heap.ts';
import { fixedHostileRequests, fuzzedRequests, type FuzzedRequest, type RouteSeed } from '../testing/fuzz/http-requests.ts';
import { rawHttpExchange } from '../testing/fuzz/raw-http.ts';
import { HTTP_BODY_MAX_BYTES } from './app.ts';
import { HTTP_MATRIX, routeMethod, type MatrixRow } from './authorization-matrix.ts';
import { AuthorizationWorld, type Actor } from './authorization-world.ts';

/** Requests per route; FUZZ_RUNS raises it for a deeper local run. */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 24);

/** Whose valid request seeds a route: the first of these the row lets through. */
const SEED_ACTORS: readonly Actor[] = ['owner', 'operator', 'practitionerConsented', 'partnerSharing', 'stranger', 'guest', 'anonymous'];

/**
 * Routes whose valid request ends or changes the caller's sign-in or account: fuzzed as a
 * throwaway account, so the world's cast keeps working for the routes after.
 */
const USES_UP_THE_CALLER = new Set(['PUT /api/account/password', 'POST /api/account/logout', 'POST /api/account/logout-everywhere', 'DELETE /api/account']);

let addressSerial = 0;
/** Each request from its own address, so per-address limits never turn fuzzing into 429s only. */
function addressNew(): string {
  addressSerial += 1;
  return `10.9${String(Math.floor(addressSerial / 65_000) % 10)}.${String(Math.floor(addressSerial / 250) % 250)}.${String(1 + (addressSerial % 250))}`;
}

describe('fuzzing every HTTP route', () => {
  let world: AuthorizationWorld;

  before(async () => {
    world = await AuthorizationWorld.build();
  });
  after(async () => {
    await world.stop();
  });

  /** The route's matrix row, and who it is seeded as. */
  function rowOf(key: string): MatrixRow | undefined {
    return HTTP_MATRIX.find((row) => row.route === key);
  }

  async function seedOf(key: string, url: string): Promise<{ seed: RouteSeed; cookie: string | undefined }> {
    const method = routeMethod(key);
    const row = rowOf(key);
    if (row === undefined) {
      // A route nobody wrote a row for yet (the matrix test fails on it): fuzz it with made-up ids.
      return { seed: { method, url, path: url.replace(/:[A-Za-z]+/g, () => randomUUID()).replace('*', 'x'), body: undefined }, cookie: world.cookies.get('owner') };
    }
    const actor = SEED_ACTORS.find((candidate) => row.expect[candidate].outcome !== 'denied') ?? 'owner';
    const request = await row.request(world, actor);
    let cookie = request.as === undefined ? world.cookies.get(actor) : request.as.cookie;
    if (USES_UP_THE_CALLER.has(key) || row.phase !== undefined) cookie = (await world.freshAccount('person', 'Fuzz')).cookie;
    // Wrong passwords for a cast member's name would throttle their sign-in; a throwaway name takes them.
    let body = request.body;
    if (typeof body === 'object' && body !== null && 'signInName' in body) body = { ...body, signInName: (await world.freshAccount('person', 'Fuzz')).signInName };
    return { seed: { method, url, path: request.path, body }, cookie };
  }

  async function send(request: FuzzedRequest, cookies: readonly (string | undefined)[]) {
    const cookie = cookies[request.caller];
    const headers: Record<string, string> = { ...request.headers };
    if (headers.origin === 'own') headers.origin = world.origin;
    if (cookie !== undefined && cookie !== '') headers.cookie = cookie;
    return world.running.server.app.inject({
      method: request.method as 'GET',
      url: request.url,
      remoteAddress: addressNew(),
      headers,
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
  }

  test('every route answers fuzzed requests with a clear 4xx (or success), never a 5xx, and nothing is polluted', async (t) => {
    const routes = world.registeredRoutes().filter((route) => !route.websocket);
    assert.ok(routes.length > 50, `expected the app's whole route list, got ${String(routes.length)} routes`);
    const problems: string[] = [];
    const statusesSeen = new Map<number, number>();
    // Every seed first: some sign in again, which fuzzing other routes must not get in the way of.
    const seeds = [];
    for (const route of routes) {
      const url = route.key.slice(route.key.indexOf(' ') + 1);
      seeds.push({ route, ...(await seedOf(route.key, url)), guest: (await world.freshGuest('Fuzzy')).cookie });
    }
    const globalSeed = fc.readConfigureGlobal().seed;
    for (const [routeIndex, { route, seed, cookie, guest }] of seeds.entries()) {
      const callers = [cookie, guest, undefined];
      const failure = await fc.check(
        fc.asyncProperty(fuzzedRequests(seed, callers.length, HTTP_BODY_MAX_BYTES), async (request) => {
          const reply = await send(request, callers);
          statusesSeen.set(reply.statusCode, (statusesSeen.get(reply.statusCode) ?? 0) + 1);
          const contentType = reply.headers['content-type'];
          const found = [...answerProblems(reply.statusCode, typeof contentType === 'string' ? contentType : undefined, reply.body), ...prototypePollution()];
          if (found.length > 0) throw new Error(`${request.what}\n    ${found.join('\n    ')}`);
        }),
        {
          numRuns: RUNS_PER_ROUTE,
          examples: fixedHostileRequests(seed, HTTP_BODY_MAX_BYTES).map((request) => [request] as [FuzzedRequest]),
          // Under a fixed seed (CI) each route still gets its own draw, not the same one again.
          ...(globalSeed === undefined ? {} : { seed: globalSeed + routeIndex }),
        },
      );
      if (failure.failed) problems.push(`${route.key}: ${failure.errorInstance instanceof Error ? failure.errorInstance.message : JSON.stringify(failure.counterexample)}`);
      const health = await world.call('GET', '/api/health');
      if (health.status !== 200) problems.push(`after fuzzing ${route.key}, /api/health answered ${String(health.status)}`);
    }
    t.diagnostic(`${String(routes.length)} routes; answers by status: ${JSON.stringify(Object.fromEntries([...statusesSeen].sort(([a], [b]) => a - b)))}`);
    assert.deepEqual(problems, [], `routes that mishandled bad input:\n  ${problems.join('\n  ')}`);
    // The fuzzing reached past the door: bodies were read and refused, not only signed-out 401s.
    assert.ok((statusesSeen.get(400) ?? 0) > routes.length, `few 400s (${JSON.stringify([...statusesSeen])}): the fuzzer did not reach body parsing`);
    assert.ok((statusesSeen.get(413) ?? 0) > 0 && (statusesSeen.get(415) ?? 0) > 0, `no 413 or 415 seen: ${JSON.stringify([...statusesSeen])}`);
    assert.deepEqual(prototypePollution(), []);
  });

  test('bodies over the limit, cut short, with a false length or bytes that are not UTF-8 get clear answers on a real socket', async () => {
    const { port } = new URL(world.running.baseUrl);
    const host = new URL(world.origin).host;
    const cookie = world.cookies.get('owner') ?? '';
    const head = (length: number | string, extra = '') =>
      `POST /api/records HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${world.origin}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: ${String(length)}\r\n${extra}\r\n`;
    const cases: { what: string; bytes: Buffer; expect: number | 'closed' }[] = [
      { what: 'a declared length far over the limit', bytes: Buffer.from(head(50 * 1024 * 1024)), expect: 413 },
      { what: 'a chunked body over the limit', bytes: Buffer.concat([Buffer.from(head(0).replace('Content-Length: 0\r\n', 'Transfer-Encoding: chunked\r\n')), Buffer.from(`10000\r\n${'x'.repeat(0x10000)}\r\n10000\r\n${'x'.repeat(0x10000)}\r\n0\r\n\r\n`)]), expect: 413 },
      { what: 'a body that is not UTF-8', bytes: Buffer.concat([Buffer.from(head(12)), Buffer.from([0x7b, 0x22, 0x6b, 0x69, 0x6e, 0x64, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])]), expect: 400 },
      { what: 'a negative length', bytes: Buffer.from(`${head(-5)}{}`), expect: 400 },
      { what: 'two different lengths', bytes: Buffer.from(`${head(2, 'Content-Length: 3\r\n')}{}`), expect: 400 },
      { what: 'a header with a bare CR', bytes: Buffer.from(`GET /api/health HTTP/1.1\r\nHost: ${host}\r\nX-Evil: a\rb\r\n\r\n`), expect: 400 },
      { what: 'headers larger than Node reads', bytes: Buffer.from(`GET /api/health HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`), expect: 431 },
      { what: 'a request line that is not HTTP', bytes: Buffer.from('\u0016\u0003\u0001 hello there\r\n\r\n'), expect: 400 },
    ];
    const problems: string[] = [];
    for (const { what, bytes, expect } of cases) {
      const answer = await rawHttpExchange({ port: Number(port), bytes, endAfterSend: false, timeoutMs: 10_000 });
      if (answer.status === null) {
        if (expect !== 'closed') problems.push(`${what}: the connection closed with no answer (expected ${String(expect)})`);
        continue;
      }
      if (answer.status !== expect) problems.push(`${what}: expected ${String(expect)}, got ${String(answer.status)} ${answer.body.slice(0, 160)}`);
      problems.push(...answerProblems(answer.status, answer.contentType, answer.body).map((problem) => `${what}: ${problem}`));
    }
    // A body cut short: the client stops sending; the server must not wait forever or fall over.
    const partial = await rawHttpExchange({ port: Number(port), bytes: Buffer.from(`${head(100)}{"kind":`), endAfterSend: true, timeoutMs: 10_000 });
    if (partial.status !== null && partial.status >= 500) problems.push(`a body cut short: ${String(partial.status)}`);
    assert.deepEqual(problems, []);
    const health = await fetch(`${world.running.baseUrl}/api/health`);
    assert.equal(health.status, 200);
  });

  test('the heap stays bounded over a long burst of fuzzed requests', async (t) => {
    const row = rowOf('POST /api/records');
    assert.ok(row !== undefined);
    const { seed, cookie } = await seedOf('POST /api/records', '/api/records');
    const callers = [cookie, undefined];
    const requests = fuzzedRequests(seed, callers.length, HTTP_BODY_MAX_BYTES);
    const burst = async (count: number) => {
      // Pre-generated in batches, so the generator's own memory is not what is measured.
      for (const batch of [fc.sample(requests, { numRuns: count, seed: count })]) {
        for (const request of batch) {
          const reply = await send(request, callers);
          assert.ok(reply.statusCode < 500, `${request.what}: ${String(reply.statusCode)}`);
        }
      }
    };
    await burst(400);
    const warm = await heapUsedAfterGc();
    await burst(2000);
    const later = await heapUsedAfterGc();
    const growthMiB = (later - warm) / 1024 / 1024;
    t.diagnostic(`heap after GC: ${(warm / 1024 / 1024).toFixed(1)} MiB after 400 requests, ${(later / 1024 / 1024).toFixed(1)} MiB after 2000 more (${growthMiB.toFixed(1)} MiB)`);
    // Bounded means it does not follow the request count: 5x the requests may not cost even 24 MiB.
    assert.ok(growthMiB < 24, `the heap grew by ${growthMiB.toFixed(1)} MiB over 2000 fuzzed requests (after warm-up: ${(warm / 1024 / 1024).toFixed(1)} MiB)`);
  });
});
