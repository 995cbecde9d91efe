import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { tokenNew } from '../auth/tokens.ts';
import { configFromEnvironment } from '../config.ts';
import { jsonLogger } from '../log/logger.ts';
import { serverStart } from '../main.ts';
import { UNMATCHED_ROUTE } from './http-metrics.ts';

async function accessLogLines(accessLog: 'true' | 'false', paths: readonly string[]): Promise<Record<string, unknown>[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-access-log-'));
  const lines: string[] = [];
  const config = configFromEnvironment({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ACCESS_LOG: accessLog });
  const server = await serverStart(config, jsonLogger((line) => lines.push(line), Date.now));
  try {
    for (const path of paths) await server.app.inject({ method: 'GET', url: path, headers: { cookie: `attune_session=${tokenNew()}` } });
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.message === 'request');
}

test('the access log, when on, is one line per request with the route pattern: no token, query, address or cookie', async () => {
  const token = tokenNew();
  const lines = await accessLogLines('true', [`/api/invites/${token}?invite=${token}`, '/api/health', '/api/nowhere?secret=1']);
  assert.equal(lines.length, 3);
  assert.deepEqual(
    lines.map(({ method, route, status }) => ({ method, route, status })),
    [
      { method: 'GET', route: '/api/invites/:token', status: 404 },
      { method: 'GET', route: '/api/health', status: 200 },
      { method: 'GET', route: UNMATCHED_ROUTE, status: 404 },
    ],
  );
  for (const line of lines) {
    assert.deepEqual(Object.keys(line).sort(), ['category', 'durationMs', 'level', 'message', 'method', 'route', 'status', 'time']);
    assert.equal(line.level, 'info');
    assert.equal(typeof line.durationMs, 'number');
  }
  assert.ok(!JSON.stringify(lines).includes(token));
});

test('the access log is off by default', async () => {
  assert.deepEqual(await accessLogLines('false', ['/api/health', '/api/nowhere']), []);
});
