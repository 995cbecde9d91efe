/**
 * `attune setup-link` against a running server's data directory: it prints a link that works,
 * the link it replaces stops working, and once the operator exists it says so and exits 1.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setupLinkNew } from '../server/operator/setup-link.ts';
import { testServerStart, type TestServer } from '../server/testing/test-server.ts';
import { setupLinkCommand } from './setup-link.ts';

describe('attune setup-link', () => {
  let running: TestServer;
  let environment: Record<string, string> = {};

  before(async () => {
    running = await testServerStart({ HTTP_REQUESTS_PER_MINUTE: '100000' });
    environment = { DATA_DIR: running.dataDir, PUBLIC_ORIGIN: running.baseUrl, LOG_LEVEL: 'silent', ...(running.databaseUrl === undefined ? {} : { DATABASE_URL: running.databaseUrl }) };
  });
  after(async () => {
    await running.stop();
  });

  async function check(token: string): Promise<number> {
    const reply = await running.server.app.inject({
      method: 'POST',
      url: '/api/setup/check',
      headers: { origin: running.baseUrl, 'content-type': 'application/json' },
      payload: JSON.stringify({ token }),
    });
    return reply.statusCode;
  }

  test('prints a fresh link that works; the one before it stops working', async () => {
    const before = await setupLinkNew(running.server.context.instance.settings, running.baseUrl, Date.now());
    const older = before.kind === 'link_made' ? (before.link.split('#')[1] ?? '') : '';
    let printed = '';
    const code = await setupLinkCommand(environment, (text) => { printed += text; });
    assert.equal(code, 0);
    const link = /(http:\/\/\S+\/setup#([A-Za-z0-9_-]{43}))/.exec(printed);
    assert.ok(link, printed);
    assert.ok(link[1]?.startsWith(`${running.baseUrl}/setup#`));
    assert.equal(await check(link[2] ?? ''), 200);
    assert.equal(await check(older), 404);
    assert.match(printed, /works once/);
  });

  test('once the operator exists it says so and exits 1', async () => {
    const made = await setupLinkNew(running.server.context.instance.settings, running.baseUrl, Date.now());
    assert.ok(made.kind === 'link_made');
    const reply = await running.server.app.inject({
      method: 'POST',
      url: '/api/setup/password',
      headers: { origin: running.baseUrl, 'content-type': 'application/json' },
      payload: JSON.stringify({ token: made.link.split('#')[1], signInName: 'keeper', displayName: 'Keeper', password: 'lantern harbour evening walk' }),
    });
    assert.equal(reply.statusCode, 201, reply.body);
    let printed = '';
    const code = await setupLinkCommand(environment, (text) => { printed += text; });
    assert.equal(code, 1);
    assert.match(printed, /already has its operator account/);
  });
});
