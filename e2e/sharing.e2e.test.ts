/**
 * Sharing per relationship in Chromium, with two people against the real server. Ana and Bo are
 * linked quickly through the HTTP API. Bo shares a reflection and Ana sees it; in "What I share"
 * Bo turns reflections off (by keyboard, on a 360px-wide screen) and Ana no longer sees it, then
 * on again and she does; he pauses the cycle map and it rests for both (the note to Ana never
 * says who); Bo leaves, and Ana sees nothing of his any more. On every screen: help
 * reachable, axe clean, a phone-sized screenshot.
 *
 * The tests run in order on one relationship; a later one is skipped when an earlier one failed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext } from 'node:test';
import type { PersonalRecordView } from '../src/core/protocol/between-us-api.ts';
import { httpJson } from '../src/server/testing/live-client.ts';
import { browserOrSkipReason, e2eAppStart, type AppContext, type E2eApp } from './support/browser.ts';
import { pairLinkOverHttp, scalePick } from './support/repair-reflect-flow.ts';
import { screenReady } from './support/screens.ts';
import { REALTIME_MS, peopleAssertClean, personNew, screenVisit, type Person } from './support/session-flow.ts';

const skip = browserOrSkipReason();

const BO_WORDS = 'Bo-words: more often than I expected.';

describe('sharing per relationship with two people in Chromium', { skip }, () => {
  let app: E2eApp;
  let anaApp: AppContext;
  let boApp: AppContext;
  let ana: Person;
  let bo: Person;
  let relationshipId = '';
  let anaCookie = '';
  const closers: (() => Promise<void>)[] = [];
  let brokenAt: string | null = null;

  before(async () => {
    app = await e2eAppStart();
    closers.unshift(() => app.stop());
    const pair = await pairLinkOverHttp(app.baseUrl, 'Ana', 'Bo');
    relationshipId = pair.relationshipId;
    anaCookie = pair.firstCookie;
    anaApp = await app.contextNew({ device: 'phone', colorScheme: 'light', cookie: pair.firstCookie });
    closers.unshift(() => anaApp.close());
    boApp = await app.contextNew({ device: 'phone', colorScheme: 'dark', cookie: pair.secondCookie });
    closers.unshift(() => boApp.close());
    ana = await personNew(anaApp, 'Ana (phone, light)', 'Ana');
    bo = await personNew(boApp, 'Bo (phone 360px, dark)', 'Bo');
    await bo.page.setViewportSize({ width: 360, height: 780 });
  });

  after(async () => {
    for (const close of closers)
      await close().catch((error: unknown) => {
        console.error('closing:', error);
      });
  });

  function step(name: string, body: (t: TestContext) => Promise<void>): void {
    test(name, async (t) => {
      if (brokenAt !== null) {
        t.skip(`the earlier step "${brokenAt}" failed`);
        return;
      }
      try {
        await body(t);
        peopleAssertClean([ana, bo]);
      } catch (error) {
        brokenAt = name;
        throw error;
      }
    });
  }

  /** Ana's relationship screen, read afresh. */
  async function anaLooks(): Promise<string> {
    await ana.page.goto(`/us/${relationshipId}`);
    await screenReady(ana.page);
    await ana.page.getByRole('heading', { name: 'What I share' }).waitFor({ timeout: REALTIME_MS });
    await ana.page.locator('.shared-with-us .loading').waitFor({ state: 'detached', timeout: REALTIME_MS });
    return ana.page.locator('main').innerText();
  }

  /** Bo's switch for reflections, set by keyboard and saved with Enter; waits for the confirmation. */
  async function boSetsReflections(on: boolean, confirmation: string): Promise<void> {
    const reflections = bo.page.getByRole('checkbox', { name: 'Reflections' });
    assert.equal(await reflections.isChecked(), !on, `reflections are ${on ? 'off' : 'on'} before`);
    await reflections.focus();
    await bo.page.keyboard.press('Space');
    assert.equal(await reflections.isChecked(), on);
    await bo.page.getByRole('button', { name: 'Save what I share' }).focus();
    await bo.page.keyboard.press('Enter');
    await bo.page.getByRole('status').filter({ hasText: confirmation }).waitFor({ timeout: REALTIME_MS });
  }

  step('Bo answers the two questions and shares them with Ana; she sees them on their relationship', async () => {
    await bo.page.goto('/reflect/two-questions');
    await screenReady(bo.page);
    await scalePick(bo.page, /worth loving/, 7);
    await bo.page.getByLabel('In your own words (optional)').nth(1).fill(BO_WORDS);
    await bo.page.getByRole('button', { name: 'Save my answers' }).click();
    await bo.page.getByText('Answered today').waitFor({ timeout: REALTIME_MS });
    await bo.page.getByLabel('Share with').selectOption({ label: 'Ana' });
    await bo.page.getByRole('button', { name: 'Share', exact: true }).click();
    await bo.page.getByText('Shared with Ana. You can stop sharing at any time.').waitFor({ timeout: REALTIME_MS });

    const seen = await anaLooks();
    assert.ok(seen.includes(BO_WORDS), 'Ana sees what Bo shared');
    await ana.page.getByText('Bo shares check-ins, reflections and the cycle map with you. Not shared right now: body signals.').waitFor();
    assert.equal(await ana.page.getByRole('checkbox', { name: 'Body signals' }).isChecked(), false, 'body signals start off');
    await screenVisit(ana.page, 'us-sharing');
  });

  step('Bo turns reflections off in “What I share”; Ana no longer sees his reflection', async () => {
    await bo.page.goto(`/us/${relationshipId}`);
    await screenReady(bo.page);
    await bo.page.getByRole('heading', { name: 'What I share' }).waitFor({ timeout: REALTIME_MS });
    await boSetsReflections(false, 'Saved. Ana can see: check-ins and the cycle map. Everything else stays with you.');
    const width = await bo.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `nothing spills sideways at 360px (${String(width)}px wide)`);
    await screenVisit(bo.page, 'us-what-i-share');

    const seen = await anaLooks();
    assert.ok(!seen.includes(BO_WORDS), 'the reflection is no longer shown to Ana');
    await ana.page.getByText('Not shared right now: body signals and reflections.').waitFor();
    const shared = await httpJson<{ records: PersonalRecordView[] }>(app.baseUrl, `/api/relationships/${relationshipId}/shared`, { cookie: anaCookie });
    assert.deepEqual(shared.body.records.filter((record) => record.ownerName === 'Bo'), [], 'nor does it reach her browser');
  });

  step('Bo turns reflections on again; Ana sees it again, as it was', async () => {
    await boSetsReflections(true, 'Saved. Ana can see: check-ins, reflections and the cycle map. Everything else stays with you.');
    const seen = await anaLooks();
    assert.ok(seen.includes(BO_WORDS), 'back, as it was');
  });

  step('Bo pauses sharing the cycle map: it rests for both, and the note to Ana never says who', async () => {
    const seen = await httpJson<{ relationship: { members: { personId: string; isMe: boolean }[] } }>(app.baseUrl, `/api/relationships/${relationshipId}`, { cookie: anaCookie });
    const boId = seen.body.relationship.members.find((member) => !member.isMe)?.personId ?? '';
    const opened = await httpJson<{ outcome: { ok: boolean } }>(app.baseUrl, `/api/relationships/${relationshipId}/cycle/commands`, {
      method: 'POST',
      cookie: anaCookie,
      body: { commandId: 'e2e-sharing-open-map', command: { type: 'openMap', mapId: 'e2e-sharing-map', partnerId: boId } },
    });
    assert.equal(opened.body.outcome.ok, true);
    await bo.page.getByRole('checkbox', { name: 'Cycle map' }).uncheck();
    await bo.page.getByRole('button', { name: 'Save what I share' }).click();
    await bo.page.getByRole('status').filter({ hasText: 'Saved. Ana can see: check-ins and reflections.' }).waitFor({ timeout: REALTIME_MS });
    await bo.page.getByText('You have paused sharing your cycle map, so it rests for both of you.').waitFor({ timeout: REALTIME_MS });

    await anaLooks();
    await ana.page.getByText('Your cycle map is resting for now, because sharing it is paused.').waitFor({ timeout: REALTIME_MS });
    assert.equal(await ana.page.getByRole('link', { name: /cycle map|Map your cycle/ }).count(), 0, 'nothing to open while it rests');
    await screenVisit(ana.page, 'us-cycle-resting');
  });

  step('Bo leaves; Ana sees nothing of his any more', async () => {
    await bo.page.getByRole('button', { name: 'Leave this relationship' }).click();
    await bo.page.getByRole('button', { name: 'Yes, leave' }).click();
    await bo.page.getByRole('heading', { name: 'You have left' }).waitFor({ timeout: REALTIME_MS });

    const seen = await anaLooks();
    assert.ok(!seen.includes(BO_WORDS), 'his reflection is gone');
    assert.ok(!seen.includes('Bo shares'), 'and so is the line about what he shares');
    assert.equal(await ana.page.getByRole('heading', { name: 'What the others share with you' }).count(), 0);
    const html = await ana.page.evaluate(() => document.documentElement.outerHTML);
    assert.ok(!html.includes(BO_WORDS), "nothing of Bo's is on Ana's page");
    const sharing = await httpJson<{ sharing: { others: unknown[] } }>(app.baseUrl, `/api/relationships/${relationshipId}/sharing`, { cookie: anaCookie });
    assert.deepEqual(sharing.body.sharing.others, []);
    await screenVisit(ana.page, 'us-after-other-left');
  });
});
