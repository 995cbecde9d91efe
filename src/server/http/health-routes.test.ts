import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonLogger, SILENT_LOGGER } from '../log/logger.ts';
import { portFree, testServerStart } from '../testing/test-server.ts';
import { READY_CACHE_MS, Readiness, type ReadinessProbes } from './health-routes.ts';

const never = (): Promise<void> => new Promise(() => undefined);

test('ready when the database and the bus answer; each failing check is named in plain words', async () => {
  let clock = 0;
  let databaseUp = true;
  let busUp = true;
  const probes: ReadinessProbes = {
    database: () => (databaseUp ? Promise.resolve() : never()),
    bus: () => (busUp ? Promise.resolve() : Promise.reject(new Error('ECONNREFUSED'))),
  };
  const lines: string[] = [];
  const readiness = new Readiness(probes, jsonLogger((line) => lines.push(line), () => clock), () => clock, 50);
  assert.deepEqual(await readiness.answer(), { ready: true, checks: { database: 'ok', bus: 'ok', accepting: 'yes' }, problems: [] });
  assert.equal(readiness.readyGauge(), 1);

  databaseUp = false;
  busUp = false;
  clock += READY_CACHE_MS;
  const down = await readiness.answer();
  assert.equal(down.ready, false);
  assert.deepEqual(down.checks, { database: 'failing', bus: 'failing', accepting: 'yes' });
  assert.match(down.problems[0] ?? '', /database did not answer within 2 seconds.*Check that the database is running/);
  assert.match(down.problems[1] ?? '', /Redis \(REDIS_URL\) did not answer.*Check that Redis is running/);
  assert.equal(readiness.readyGauge(), 0);
  // The change is logged once, not at every poll.
  await readiness.answer();
  assert.equal(lines.filter((line) => line.includes('not ready')).length, 1);
});

test('results are reused for a second, so polling cannot load the database', async () => {
  let clock = 0;
  let calls = 0;
  const readiness = new Readiness({ database: () => { calls += 1; return Promise.resolve(); }, bus: null }, SILENT_LOGGER, () => clock);
  await Promise.all([readiness.answer(), readiness.answer(), readiness.answer()]);
  clock += READY_CACHE_MS - 1;
  await readiness.answer();
  assert.equal(calls, 1);
  clock += 1;
  const answer = await readiness.answer();
  assert.equal(calls, 2);
  assert.equal(answer.checks.bus, 'in-process');
});

test('draining answers not-ready at once, whatever the cache says', async () => {
  const readiness = new Readiness({ database: () => Promise.resolve(), bus: null }, SILENT_LOGGER);
  assert.equal((await readiness.answer()).ready, true);
  readiness.drain();
  const answer = await readiness.answer();
  assert.equal(answer.ready, false);
  assert.equal(answer.checks.accepting, 'shutting down');
  assert.deepEqual(answer.problems, ['This node is shutting down; send new work to another node.']);
  assert.equal(readiness.readyGauge(), 0);
});

test('a real server with Redis unreachable: alive, but not ready, and says why without internals', { timeout: 30_000 }, async () => {
  const deadPort = await portFree();
  const running = await testServerStart({ REDIS_URL: `redis://:not-a-real-password@127.0.0.1:${deadPort}` });
  try {
    const health = await fetch(`${running.baseUrl}/api/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { ok: true });
    const ready = await fetch(`${running.baseUrl}/api/ready`);
    assert.equal(ready.status, 503);
    assert.equal(ready.headers.get('cache-control'), 'no-store');
    const text = await ready.text();
    const body = JSON.parse(text) as { ready: boolean; checks: Record<string, string>; error: { code: string; message: string } };
    assert.equal(body.ready, false);
    assert.deepEqual(body.checks, { database: 'ok', bus: 'failing', accepting: 'yes' });
    assert.equal(body.error.code, 'not_ready');
    assert.match(body.error.message, /Redis/);
    for (const internal of ['not-a-real-password', String(deadPort), '127.0.0.1', 'ECONNREFUSED']) assert.ok(!text.includes(internal), `${internal} in ${text}`);
  } finally {
    await running.stop();
  }
});

test('a real server with its database and bus up is ready', async () => {
  const running = await testServerStart();
  try {
    const ready = await fetch(`${running.baseUrl}/api/ready`);
    assert.equal(ready.status, 200);
    const body = (await ready.json()) as { ready: boolean; checks: { database: string } };
    assert.equal(body.ready, true);
    assert.equal(body.checks.database, 'ok');
  } finally {
    await running.stop();
  }
});
