/**
 * Three `attune serve` processes share one Postgres and one Redis. Four people of one session are
 * spread over them, each on the product's own live client, and all write at once: every device's
 * log is the database log as that person may see it, in the same order. Then one node is killed
 * with -9 while people keep writing: its devices move to another node from their list of nodes,
 * catch up with no gap and no repeat, and every acknowledged check-in is stored exactly once.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { sessionIsPresent } from '../../core/session/queries.ts';
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
  nodeListRoute,
  notesStoredOnce,
  sessionWithPeople,
  type Device,
} from './multi-node.test-support.ts';

const NODES = 3;
const PEOPLE = ['Ana', 'Ben', 'Cai', 'Dee'];
const CHECK_INS_TOGETHER = 12;
const CHECK_INS_ACROSS_THE_KILL = 16;
/** Ben's node dies once he has this many check-ins of the second round acknowledged. */
const KILL_AFTER = 4;
/** The address people use: every node has it as PUBLIC_ORIGIN, as behind a load balancer. */
const ORIGIN = 'http://attune.test';

const postgres = await probePostgres();
const redis = await probeRedis();
const skip = postgres.skipReason || redis.skipReason;

let schema: PostgresTestSchema | undefined;
const nodes: ServerProcess[] = [];
const dataDirs: string[] = [];
const devices: Device[] = [];

after(async () => {
  for (const device of devices) device.dispose();
  await Promise.all(nodes.map((node) => (node.child.exitCode === null && node.child.signalCode === null ? node.stop() : Promise.resolve())));
  await schema?.drop();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

function joined(device: Device): boolean {
  const snapshot = device.session.snapshot();
  return snapshot.status === 'live' && snapshot.me !== null && sessionIsPresent(snapshot.state, snapshot.me) && snapshot.pendingCommands === 0;
}

test('people on three nodes see one order; a node killed with -9 loses nothing and its people carry on elsewhere', { skip, timeout: 240_000 }, async () => {
  assert.ok(postgres.url !== null && redis.url !== null);
  schema = await createPostgresTestSchema(postgres.url);
  const shared = {
    DATABASE_URL: schema.url,
    REDIS_URL: redis.url,
    REDIS_CHANNEL_PREFIX: testChannelPrefix(),
    PUBLIC_ORIGIN: ORIGIN,
    HTTP_REQUESTS_PER_MINUTE: '100000',
    WS_MESSAGES_PER_SECOND: '1000',
    WS_MESSAGE_BURST: '1000',
  };
  // All at once on an empty schema, as a fresh deployment starts: they race to migrate it.
  const ports = await Promise.all(Array.from({ length: NODES }, () => portFree()));
  nodes.push(
    ...(await Promise.all(
      ports.map((port, index) => {
        const dataDir = mkdtempSync(join(tmpdir(), `attune-node-${String(index)}-`));
        dataDirs.push(dataDir);
        return serverProcessStart(port, { ...shared, DATA_DIR: dataDir, NODE_ID: `node-${String(index)}` });
      }),
    )),
  );
  const liveUrls = nodes.map((node) => node.baseUrl);
  const people = await sessionWithPeople(nodes[0]?.baseUrl ?? '', ORIGIN, PEOPLE);
  const sessionLiveUrls = liveUrls.map((baseUrl) => liveUrlOf(baseUrl, people.sessionId));

  // Ana and Dee on node 0, Ben on node 1, Cai on node 2; each knows every node.
  PEOPLE.forEach((name, index) => {
    devices.push(
      deviceOpen({
        name,
        sessionId: people.sessionId,
        url: sessionLiveUrls[0] ?? '',
        cookie: people.cookies[index] ?? '',
        origin: ORIGIN,
        route: nodeListRoute(sessionLiveUrls, index % NODES),
      }),
    );
  });
  await Promise.all(devices.map((device) => deviceWaitFor(device, () => joined(device), 'joining')));

  // Round 1: everyone writes at once, on three nodes.
  const acknowledged: string[] = [];
  for (const notes of await Promise.all(devices.map((device) => checkInsSend(device, 'together', CHECK_INS_TOGETHER)))) acknowledged.push(...notes);
  let stored = await databaseLogRead(schema.url, people.sessionId);
  const lastSeq = stored.at(-1)?.seq ?? 0;
  await Promise.all(devices.map((device) => deviceWaitFor(device, () => (device.session.snapshot().log.at(-1)?.seq ?? 0) >= lastSeq, `seq ${String(lastSeq)}`)));
  for (const device of devices) deviceMatchesDatabase(device, stored);

  // Round 2: everyone keeps writing; Ben's node dies under him.
  const ben = devices[1];
  const bensNode = nodes[1];
  assert.ok(ben !== undefined && bensNode !== undefined);
  const connectionsBefore = ben.connections.length;
  let killedAtMs = 0;
  const killed = (async () => {
    await deviceWaitFor(ben, () => ben.session.snapshot().log.filter((entry) => String(entry.event.note).startsWith('Ben-across-')).length >= KILL_AFTER, 'Ben writing');
    killedAtMs = Date.now();
    await bensNode.kill9();
  })();
  const writes = await Promise.all(devices.map((device) => checkInsSend(device, 'across', CHECK_INS_ACROSS_THE_KILL)));
  await killed;
  for (const notes of writes) acknowledged.push(...notes);

  stored = await databaseLogRead(schema.url, people.sessionId);
  const finalSeq = stored.at(-1)?.seq ?? 0;
  await Promise.all(devices.map((device) => deviceWaitFor(device, () => (device.session.snapshot().log.at(-1)?.seq ?? 0) >= finalSeq, `seq ${String(finalSeq)}`)));
  for (const device of devices) deviceMatchesDatabase(device, stored);

  const { present, missing, repeated } = notesStoredOnce(stored, acknowledged);
  const bensNewConnection = ben.connections.slice(connectionsBefore).find((connection) => connection.opened);
  console.log(
    `multi-node: ${String(NODES)} nodes, ${String(PEOPLE.length)} devices, node 1 killed with -9; ` +
      `${String(acknowledged.length)} check-ins acknowledged, ${String(present)} present once, ${String(missing.length)} lost, ${String(repeated.length)} repeated; ` +
      `Ben tried ${String(ben.connections.length - connectionsBefore)} connection(s) after the kill and went on at ${bensNewConnection?.url ?? 'nowhere'}` +
      ` (${String(killedAtMs === 0 ? 0 : Date.now() - killedAtMs)} ms from the kill to the end of the round)`,
  );
  assert.deepEqual(missing, [], 'acknowledged check-ins are missing from the database');
  assert.deepEqual(repeated, [], 'check-ins were stored more than once');
  assert.equal(acknowledged.length, PEOPLE.length * (CHECK_INS_TOGETHER + CHECK_INS_ACROSS_THE_KILL));
  assert.ok(bensNewConnection !== undefined, 'Ben never connected again after his node died');
  assert.notEqual(bensNewConnection.url, sessionLiveUrls[1], 'Ben came back to the node that was killed');
});
