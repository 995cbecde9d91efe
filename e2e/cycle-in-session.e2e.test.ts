/**
 * "Our cycle is here" in a live session, and a repair that starts from the pause. Ana and Bo are
 * linked, and their cycle map is filled, opened, named and planned through the HTTP API (the
 * map's own screens have their e2e in cycle.e2e.test.ts). Then, in two browsers, they practise
 * together from the relationship: Ana presses "Our cycle is here", which pauses both of them at
 * once and shows her their plan; from the plan she begins a repair, which opens on the repair
 * screen dated at the pause, and Bo finds it on his.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ELI_SIDE, NOOR_SIDE, WORKED_EXAMPLE_NAME, WORKED_EXAMPLE_PLAN } from '../src/core/cycles/worked-example.ts';
import { httpJson } from '../src/server/testing/live-client.ts';
import { browserOrSkipReason, e2eAppStart, type AppContext, type E2eApp } from './support/browser.ts';
import { pairLinkOverHttp } from './support/repair-reflect-flow.ts';
import { screenReady } from './support/screens.ts';
import { joinFill, joinSubmit, pausedOverlay, peopleAssertClean, personNew, REALTIME_MS, screenVisit, type Person } from './support/session-flow.ts';

const skip = browserOrSkipReason();

let commandSerial = 0;

/** Sends one cycle-map command as the person with `cookie`; it must be accepted. */
async function cycleCommand(baseUrl: string, relationshipId: string, cookie: string, command: object): Promise<void> {
  commandSerial += 1;
  const answer = await httpJson<{ outcome: { ok: boolean; message?: string } }>(baseUrl, `/api/relationships/${relationshipId}/cycle/commands`, {
    method: 'POST',
    cookie,
    body: { commandId: `e2e-cycle-${String(commandSerial)}-${String(Date.now())}`, command },
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.ok(answer.body.outcome.ok, `${JSON.stringify(command)}: ${answer.body.outcome.message ?? ''}`);
}

describe('our cycle in a live session, and a repair from the pause', { skip }, () => {
  let app: E2eApp;
  let anaApp: AppContext;
  let boApp: AppContext;
  let ana: Person;
  let bo: Person;
  let relationshipId = '';
  let sessionId = '';
  let boCookie = '';
  const closers: (() => Promise<void>)[] = [];

  before(async () => {
    app = await e2eAppStart();
    closers.unshift(() => app.stop());
    const pair = await pairLinkOverHttp(app.baseUrl, 'Ana', 'Bo');
    relationshipId = pair.relationshipId;
    boCookie = pair.secondCookie;
    const seen = await httpJson<{ relationship: { members: { personId: string; isMe: boolean }[] } }>(app.baseUrl, `/api/relationships/${relationshipId}`, {
      cookie: pair.firstCookie,
    });
    const boId = seen.body.relationship.members.find((member) => !member.isMe)?.personId ?? '';
    const cycle = (cookie: string, command: object) => cycleCommand(app.baseUrl, relationshipId, cookie, command);
    await cycle(pair.firstCookie, { type: 'openMap', mapId: `map-${String(Date.now())}`, partnerId: boId });
    await cycle(pair.firstCookie, { type: 'saveDraft', side: NOOR_SIDE });
    await cycle(pair.secondCookie, { type: 'saveDraft', side: ELI_SIDE });
    for (const cookie of [pair.firstCookie, pair.secondCookie]) await cycle(cookie, { type: 'markReady' });
    for (const cookie of [pair.firstCookie, pair.secondCookie]) await cycle(cookie, { type: 'agreeToReveal' });
    await cycle(pair.firstCookie, { type: 'nameCycle', name: WORKED_EXAMPLE_NAME });
    await cycle(pair.secondCookie, { type: 'savePlan', plan: WORKED_EXAMPLE_PLAN });

    const started = await httpJson<{ sessionId: string }>(app.baseUrl, `/api/relationships/${relationshipId}/sessions`, { method: 'POST', cookie: pair.firstCookie, body: {} });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    sessionId = started.body.sessionId;

    anaApp = await app.contextNew({ device: 'phone', colorScheme: 'light', cookie: pair.firstCookie });
    closers.unshift(() => anaApp.close());
    boApp = await app.contextNew({ device: 'desktop', colorScheme: 'dark', cookie: pair.secondCookie });
    closers.unshift(() => boApp.close());
    ana = await personNew(anaApp, 'Ana (phone, light)', 'Ana');
    bo = await personNew(boApp, 'Bo (desktop, dark)', 'Bo');
  });

  after(async () => {
    for (const close of closers) await close().catch(() => undefined);
  });

  test('both join the session started from their relationship', async () => {
    for (const [person, count] of [[ana, 1], [bo, 2]] as const) {
      await person.page.goto(`/session/${sessionId}`);
      await screenReady(person.page);
      await joinFill(person.page, person.name, []);
      await joinSubmit(person.page, count);
    }
    await ana.page.getByRole('button', { name: 'Our cycle is here' }).waitFor({ timeout: REALTIME_MS });
  });

  test('"our cycle is here" pauses everyone at once and brings up the plan', async () => {
    await ana.page.getByRole('button', { name: 'Our cycle is here' }).click();
    await pausedOverlay(ana.page).waitFor({ timeout: REALTIME_MS });
    await pausedOverlay(bo.page).waitFor({ timeout: REALTIME_MS });
    const plan = ana.page.getByRole('region', { name: `“${WORKED_EXAMPLE_NAME}” is here` });
    await plan.waitFor({ timeout: REALTIME_MS });
    const text = await plan.innerText();
    assert.match(text, new RegExp(WORKED_EXAMPLE_PLAN.cuePhrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.match(text, new RegExp(`${String(WORKED_EXAMPLE_PLAN.pauseMinutes)} minutes`));
    assert.equal(await bo.page.getByRole('region', { name: /is here/ }).count(), 0, 'the plan shows to the one who pressed');
    await screenVisit(ana.page, 'cycle-in-session-plan', { viewport: true });
  });

  test('a repair begins from the pause, dated at it, and the other finds it', async () => {
    await ana.page.getByRole('button', { name: 'Begin a repair when you are ready' }).click();
    await ana.page.waitForURL(new RegExp(`/us/${relationshipId}/repair/[^/]+$`), { timeout: REALTIME_MS });
    await screenReady(ana.page);
    const repairId = ana.page.url().split('/').at(-1) ?? '';
    type Started = { type: string; startedFrom?: string; sessionId?: string; ruptureAtMs?: number; atMs?: number };
    const seen = await httpJson<{ repair: { events: { event: Started }[] } }>(app.baseUrl, `/api/repairs/${repairId}`, { cookie: boCookie });
    assert.equal(seen.status, 200, JSON.stringify(seen.body));
    const start = seen.body.repair.events.find((entry) => entry.event.type === 'repairStarted')?.event;
    assert.equal(start?.startedFrom, 'pause');
    assert.equal(start.sessionId, sessionId);
    assert.ok((start.ruptureAtMs ?? Infinity) <= (start.atMs ?? 0), 'dated at the pause, before the repair began');
    // Bo, still paused in the session, can begin from his own pause too; here he opens the list.
    await bo.page.goto(`/us/${relationshipId}/repair`);
    await screenReady(bo.page);
    await bo.page.getByRole('region', { name: 'Under way' }).getByRole('link', { name: /^Rupture/ }).waitFor({ timeout: REALTIME_MS });
    await screenVisit(ana.page, 'cycle-in-session-repair');
    peopleAssertClean([ana, bo]);
  });
});
