/**
 * Two nodes sharing Postgres and Redis: a report cached on one node is not served once a person
 * in it deleted their account through the other node (their name was rewritten out of the log).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { httpJson, inviteAcceptOverHttp, sessionCreateOverHttp } from '../testing/live-client.ts';
import { createPostgresTestSchema, probePostgres, probeRedis, testChannelPrefix, type PostgresTestSchema } from '../testing/services.ts';
import { testServerStart, type TestServer } from '../testing/test-server.ts';
import { OPEN_BOUNDARIES } from '../../core/boundaries/boundary.ts';
import type { SessionCommand } from '../../core/protocol/commands.ts';

const postgres = await probePostgres();
const redis = await probeRedis();

void describe('cached reports after an account is deleted on another node (Postgres + Redis)', () => {
  let schema: PostgresTestSchema | undefined;
  let nodes: readonly [TestServer, TestServer] | null = null;
  let skipReason: string | undefined;

  before(async () => {
    if (postgres.url === null || !postgres.available) { skipReason = postgres.skipReason || 'postgres unavailable'; return; }
    if (redis.url === null || !redis.available) { skipReason = redis.skipReason || 'redis unavailable'; return; }
    schema = await createPostgresTestSchema(postgres.url);
    const environment = { DATABASE_URL: schema.url, REDIS_URL: redis.url, REDIS_CHANNEL_PREFIX: testChannelPrefix() };
    nodes = [await testServerStart(environment), await testServerStart(environment)];
  });
  after(async () => {
    await nodes?.[0].stop();
    await nodes?.[1].stop();
    await schema?.drop();
  });

  void test("the other node forgets its cached report, so the deleted person's name is not served", async (t) => {
    if (skipReason !== undefined || nodes === null) { t.skip(skipReason); return; }
    const [a, b] = nodes;
    const benName = `Benedikt${String(Date.now()).slice(-6)}`;
    const { sessionId, hostCookie, inviteToken } = await sessionCreateOverHttp(a.baseUrl, 'Ana');
    const benCookie = await inviteAcceptOverHttp(a.baseUrl, inviteToken, benName);
    const anaId = (await httpJson<{ id: string }>(a.baseUrl, '/api/identity', { cookie: hostCookie })).body.id;
    const benId = (await httpJson<{ id: string }>(a.baseUrl, '/api/identity', { cookie: benCookie })).body.id;
    const submit = async (participantId: string, command: SessionCommand) => {
      const outcome = await a.server.context.hub.submit(sessionId, { participantId, kind: 'guest' }, `t-${String(Math.random())}`, command);
      assert.ok(outcome.ok, JSON.stringify(outcome));
    };
    await submit(anaId, { type: 'join', displayName: 'Ana', boundaries: OPEN_BOUNDARIES });
    await submit(benId, { type: 'join', displayName: benName, boundaries: OPEN_BOUNDARIES });
    await submit(anaId, { type: 'endSession' });

    const before = await httpJson(b.baseUrl, `/api/sessions/${sessionId}/report`, { cookie: hostCookie });
    assert.equal(before.status, 200);
    assert.ok(JSON.stringify(before.body).includes(benName), 'the report on node B names Ben (and is cached there)');

    const deleted = await fetch(`${a.baseUrl}/api/account`, { method: 'DELETE', headers: { cookie: benCookie, origin: a.baseUrl } });
    assert.equal(deleted.status, 204);
    await new Promise((resolve) => setTimeout(resolve, 500));

    const afterDelete = await httpJson(b.baseUrl, `/api/sessions/${sessionId}/report`, { cookie: hostCookie });
    assert.equal(afterDelete.status, 200);
    assert.ok(!JSON.stringify(afterDelete.body).includes(benName), 'node B no longer serves his name');
  });
});
