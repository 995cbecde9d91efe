/**
 * The shipped nginx front (deploy/nginx/) before two `attune serve` nodes on one Postgres and one
 * Redis. People reach the session only through nginx, with no sticky sessions. One node is killed
 * with -9 while they write: nginx sends their reconnections and requests to the other node, and
 * every device's log ends equal to the database log with every acknowledged check-in once. Behind
 * the proxy, a client cannot dodge the rate limit by forging X-Forwarded-For.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { sessionIsPresent } from '../../core/session/queries.ts';
import { nginxFrontStart, nginxSiteFileCheck, nginxSkipReason, type NginxFront } from '../testing/nginx.ts';
import { serverProcessStart, type ServerProcess } from '../testing/server-process.ts';
import { createPostgresTestSchema, probePostgres, probeRedis, testChannelPrefix, type PostgresTestSchema } from '../testing/services.ts';
import { portFree } from '../testing/test-server.ts';
import {
  checkInsSend,
  databaseLogRead,
  deviceMatchesDatabase,
  deviceOpen,
  deviceWaitFor,
  liveUrlOf,
  notesStoredOnce,
  sessionWithPeople,
  type Device,
} from './multi-node.test-support.ts';

const PEOPLE = ['Ana', 'Ben', 'Cai', 'Dee'];
const CHECK_INS_TOGETHER = 8;
const CHECK_INS_ACROSS_THE_KILL = 12;
/** A node dies once every device has this many check-ins of the second round acknowledged. */
const KILL_AFTER = 3;
/** Low enough to reach in the test, high enough for its own requests. */
const REQUESTS_PER_MINUTE = 40;

const postgres = await probePostgres();
const redis = await probeRedis();
const nginxMissing = nginxSkipReason();
const skip = postgres.skipReason || redis.skipReason || nginxMissing;

let schema: PostgresTestSchema | undefined;
let front: NginxFront | undefined;
const nodes: ServerProcess[] = [];
const dataDirs: string[] = [];
const devices: Device[] = [];

after(async () => {
  for (const device of devices) device.dispose();
  await front?.stop();
  await Promise.all(nodes.map((node) => (node.child.exitCode === null && node.child.signalCode === null ? node.stop() : Promise.resolve())));
  await schema?.drop();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

test('the shipped site file, TLS included, is one nginx accepts', { skip: nginxMissing }, () => {
  const checked = nginxSiteFileCheck();
  assert.ok(checked.ok, checked.output);
  assert.match(checked.output, /test is successful/);
});

function joined(device: Device): boolean {
  const snapshot = device.session.snapshot();
  return snapshot.status === 'live' && snapshot.me !== null && sessionIsPresent(snapshot.state, snapshot.me) && snapshot.pendingCommands === 0;
}

function acknowledgedFrom(device: Device, label: string): number {
  return device.session.snapshot().log.filter((entry) => String(entry.event.note).startsWith(`${device.name}-${label}-`)).length;
}

test('through nginx, people carry on when a node is killed with -9, and nothing is lost', { skip, timeout: 240_000 }, async () => {
  assert.ok(postgres.url !== null && redis.url !== null);
  schema = await createPostgresTestSchema(postgres.url);
  const [frontPort, ...nodePorts] = await Promise.all([portFree(), portFree(), portFree()]);
  const origin = `http://127.0.0.1:${String(frontPort)}`;
  const shared = {
    DATABASE_URL: schema.url,
    REDIS_URL: redis.url,
    REDIS_CHANNEL_PREFIX: testChannelPrefix(),
    // What people type is nginx's address; nodes trust X-Forwarded-For from it alone.
    PUBLIC_ORIGIN: origin,
    TRUST_PROXY: '127.0.0.1',
    HTTP_REQUESTS_PER_MINUTE: String(REQUESTS_PER_MINUTE),
    WS_MESSAGES_PER_SECOND: '1000',
    WS_MESSAGE_BURST: '1000',
  };
  nodes.push(
    ...(await Promise.all(
      nodePorts.map((port, index) => {
        const dataDir = mkdtempSync(join(tmpdir(), `attune-nginx-node-${String(index)}-`));
        dataDirs.push(dataDir);
        return serverProcessStart(port, { ...shared, DATA_DIR: dataDir, NODE_ID: `node-${String(index)}` });
      }),
    )),
  );
  front = await nginxFrontStart(nodePorts.map((port) => `127.0.0.1:${String(port)}`), { port: frontPort });

  const people = await sessionWithPeople(front.baseUrl, origin, PEOPLE);
  const liveUrl = liveUrlOf(front.baseUrl, people.sessionId);
  PEOPLE.forEach((name, index) => {
    devices.push(deviceOpen({ name, sessionId: people.sessionId, url: liveUrl, cookie: people.cookies[index] ?? '', origin }));
  });
  await Promise.all(devices.map((device) => deviceWaitFor(device, () => joined(device), 'joining through nginx')));

  const acknowledged: string[] = [];
  for (const notes of await Promise.all(devices.map((device) => checkInsSend(device, 'together', CHECK_INS_TOGETHER)))) acknowledged.push(...notes);

  // Everyone keeps writing; node 0 dies under whoever nginx put there.
  const doomed = nodes[0];
  assert.ok(doomed !== undefined);
  const killed = (async () => {
    await Promise.all(devices.map((device) => deviceWaitFor(device, () => acknowledgedFrom(device, 'across') >= KILL_AFTER, 'writing')));
    await doomed.kill9();
  })();
  const writes = await Promise.all(devices.map((device) => checkInsSend(device, 'across', CHECK_INS_ACROSS_THE_KILL)));
  await killed;
  for (const notes of writes) acknowledged.push(...notes);

  // Plain requests move over too: the first one nginx sends to the dead node is retried on the other.
  const statuses = [];
  for (let index = 0; index < 6; index += 1) statuses.push((await fetch(`${front.baseUrl}/api/health`)).status);
  assert.deepEqual(statuses, statuses.map(() => 200), `requests through nginx after the kill: ${statuses.join(', ')}\n${front.errorLog()}`);

  const stored = await databaseLogRead(schema.url, people.sessionId);
  const finalSeq = stored.at(-1)?.seq ?? 0;
  await Promise.all(devices.map((device) => deviceWaitFor(device, () => (device.session.snapshot().log.at(-1)?.seq ?? 0) >= finalSeq, `seq ${String(finalSeq)}`)));
  for (const device of devices) deviceMatchesDatabase(device, stored);
  const { present, missing, repeated } = notesStoredOnce(stored, acknowledged);
  const moved = devices.filter((device) => device.connections.length > 1);
  console.log(
    `nginx front: 2 nodes, ${String(PEOPLE.length)} devices, one node killed with -9; ${String(moved.length)} device(s) reconnected through nginx; ` +
      `${String(acknowledged.length)} check-ins acknowledged, ${String(present)} present once, ${String(missing.length)} lost, ${String(repeated.length)} repeated`,
  );
  assert.deepEqual(missing, [], 'acknowledged check-ins are missing from the database');
  assert.deepEqual(repeated, [], 'check-ins were stored more than once');
  assert.equal(acknowledged.length, PEOPLE.length * (CHECK_INS_TOGETHER + CHECK_INS_ACROSS_THE_KILL));
  // nginx spreads live sockets by least connections, so the dead node had some of them.
  assert.ok(moved.length >= 1, 'no device was on the killed node, so nothing was shown');
  for (const device of moved) {
    assert.ok(device.connections.every((connection) => connection.url === liveUrl), `${device.name} left nginx`);
  }
});

test('behind nginx, a forged X-Forwarded-For does not buy a fresh rate limit', { skip, timeout: 60_000 }, async (t) => {
  if (front === undefined || nodes.every((node) => node.child.exitCode !== null || node.child.signalCode !== null)) {
    t.skip('the first test did not leave a front and a node running');
    return;
  }
  // Each request claims to come from somewhere else; nginx replaces the claim with the address it saw.
  const statuses: number[] = [];
  for (let index = 0; index < REQUESTS_PER_MINUTE + 5; index += 1) {
    const response = await fetch(`${front.baseUrl}/api/invites/not-a-token`, { headers: { 'x-forwarded-for': `203.0.113.${String(index % 250)}` } });
    statuses.push(response.status);
    await response.arrayBuffer();
  }
  assert.ok(statuses.includes(429), `no request was limited, so the forged addresses were believed: ${statuses.join(', ')}`);
});
