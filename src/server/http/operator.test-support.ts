/**
 * Shared by the setup and operator route tests: reading every registered route out of Fastify's
 * route tree, a fresh setup token, and making the operator through first-run setup.
 */
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { RegisteredAnswer } from '../../core/protocol/account-api.ts';
import { setupLinkNew } from '../operator/setup-link.ts';
import type { TestBrowser } from '../testing/browser-client.ts';
import type { TestServer } from '../testing/test-server.ts';

/** A registered route: "METHOD /full/path" ("GET *" for the catch-all). */
export type RouteLine = string;

/**
 * Every route the app has, as "METHOD /path" (HEAD left out), read from `printRoutes`' tree:
 * each line is a path segment under the line above it at one less depth.
 */
export function routesOf(app: FastifyInstance): RouteLine[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: RouteLine[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│├└─\s]*?)([^\s│├└─]\S*)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (match === null) continue;
    const depth = Math.round((match[1] ?? '').length / 4);
    const path = (depth === 0 ? '' : (stack[depth - 1] ?? '')) + (match[2] ?? '');
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of (match[3] ?? '').split(',').map((word) => word.trim())) {
      if (method !== '' && method !== 'HEAD') routes.push(`${method} ${path}`);
    }
  }
  return routes;
}

/** A fresh setup token for the test server (the earlier one stops working), or null once set up. */
export async function setupTokenNew(running: TestServer, nowMs: number): Promise<string | null> {
  const made = await setupLinkNew(running.server.context.instance.settings, running.baseUrl, nowMs);
  if (made.kind === 'operator_exists') return null;
  const token = made.link.split('#')[1];
  assert.ok(token !== undefined);
  return token;
}

/** A strong password the policy accepts. */
export const OPERATOR_PASSWORD = 'lantern harbour evening walk';

/** Makes the operator through setup with a password, signed in on `browser`. */
export async function operatorSetUp(running: TestServer, browser: TestBrowser, nowMs: number, signInName = 'keeper'): Promise<RegisteredAnswer> {
  const token = await setupTokenNew(running, nowMs);
  assert.ok(token !== null, 'this server already has its operator');
  const reply = await browser.call<RegisteredAnswer>('POST', '/api/setup/password', { token, signInName, displayName: 'Keeper', password: OPERATOR_PASSWORD });
  assert.equal(reply.status, 201, JSON.stringify(reply.body));
  return reply.body;
}
