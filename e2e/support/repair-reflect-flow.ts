/**
 * Setting up two linked people quickly through the real HTTP API (as their browsers would, with
 * cookie and Origin), keeping records dated in the past for the progress page, and waiting for a
 * repair to reach a step in a page. Targets in pages are roles and visible names.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { httpJson } from '../../src/server/testing/live-client.ts';
import { REALTIME_MS } from './session-flow.ts';

/** Two people linked as partners: the relationship and each one's identity cookie. */
export interface LinkedPair {
  readonly relationshipId: string;
  readonly firstCookie: string;
  readonly secondCookie: string;
}

/** `first` starts a partner relationship and `second` accepts its invite, both as new guests. */
export async function pairLinkOverHttp(baseUrl: string, first: string, second: string): Promise<LinkedPair> {
  const started = await httpJson<{ relationship: { relationshipId: string }; invite: { token: string } }>(baseUrl, '/api/relationships', {
    method: 'POST',
    body: { kind: 'partner', displayName: first },
  });
  assert.equal(started.status, 201, `starting a relationship answered ${String(started.status)}: ${JSON.stringify(started.body)}`);
  assert.ok(started.cookie !== undefined, 'starting a relationship as a guest set an identity cookie');
  const accepted = await httpJson<{ relationship: { relationshipId: string } }>(baseUrl, `/api/relationship-invites/${started.body.invite.token}/accept`, {
    method: 'POST',
    body: { displayName: second },
  });
  assert.equal(accepted.status, 200, `accepting the invite answered ${String(accepted.status)}: ${JSON.stringify(accepted.body)}`);
  assert.ok(accepted.cookie !== undefined, 'accepting as a guest set an identity cookie');
  return { relationshipId: started.body.relationship.relationshipId, firstCookie: started.cookie, secondCookie: accepted.cookie };
}

/** Keeps a personal record for the person with `cookie`, dated `atMs`. */
export async function recordKeepOverHttp(baseUrl: string, cookie: string, kind: string, body: unknown, atMs: number): Promise<void> {
  const created = await httpJson(baseUrl, '/api/records', { method: 'POST', body: { kind, body, atMs }, cookie });
  assert.equal(created.status, 201, `keeping a ${kind} record answered ${String(created.status)}: ${JSON.stringify(created.body)}`);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Three weeks of check-ins and solo practices (kept as records), and a cycle moment, for the
 * progress page to draw.
 */
export async function progressSeedOverHttp(baseUrl: string, cookie: string, relationshipId: string, nowMs: number): Promise<void> {
  const states = ['regulated', 'activated', 'regulated', 'shutdown', 'mixed', 'regulated'] as const;
  for (let index = 0; index < 12; index += 1) {
    const atMs = nowMs - (index * 40 * 60 * 60 * 1000 + DAY_MS);
    await recordKeepOverHttp(baseUrl, cookie, 'checkIn', { state: states[index % states.length], intensity: 3 + (index % 5) }, atMs);
  }
  for (let index = 0; index < 6; index += 1) {
    const atMs = nowMs - index * 3 * DAY_MS - 2 * 60 * 60 * 1000;
    await recordKeepOverHttp(baseUrl, cookie, 'soloPractice', { practiceId: index % 2 === 0 ? 'paced-breathing' : 'grounding', durationMs: (3 + index) * 60_000, completed: true }, atMs);
  }
  const moment = await httpJson(baseUrl, `/api/relationships/${relationshipId}/cycle/moments`, { method: 'POST', body: {}, cookie });
  assert.equal(moment.status, 201, `noting a cycle moment answered ${String(moment.status)}: ${JSON.stringify(moment.body)}`);
}

/** Waits until the repair's step heading on `page` reads `heading` (the screen reads the repair every few seconds). */
export async function repairStepWait(page: Page, heading: string | RegExp, who: string): Promise<void> {
  try {
    await page.getByRole('heading', { level: 2, name: heading }).waitFor({ timeout: REALTIME_MS });
  } catch (error) {
    const shown = await page.locator('#repair-step-heading').innerText().catch(() => '(no step heading)');
    throw new Error(`${who}: waited for the step "${String(heading)}", the page shows "${shown}"`, { cause: error });
  }
}

/** Clicks the radio labelled `point` in the 0–10 scale named by its legend. */
export async function scalePick(page: Page, legend: string | RegExp, point: number): Promise<void> {
  await page.getByRole('group', { name: legend }).getByRole('radio', { name: String(point), exact: true }).check();
}
