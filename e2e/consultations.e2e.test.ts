/**
 * Consultations with two people in two browser contexts in different time zones, against the
 * real server. Pia is a practitioner in Berlin (phone, 360 px, light); Bo is in New York (desktop,
 * dark). Their accounts are made through the HTTP API and Pia is marked a practitioner directly in
 * the e2e server's database, as an operator would. Then, in their browsers: Pia publishes weekly
 * times with her zone already chosen; Bo sees them on his own clock with Pia's named, and books;
 * both download the .ics and its DTSTART is the booked instant; Pia moves it and Bo sees the move
 * and the new file; Bo cancels and Pia sees it. Last, with a time a few minutes away, both open the
 * room and arrive in the same live session; and a guest may look but is asked for an account to
 * book. On every screen: help reachable, axe clean, a screenshot.
 *
 * The tests run in order; a later one is skipped when an earlier one failed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext } from 'node:test';
import type { ConsultationView, OpenSlotsView } from '../src/core/protocol/consultations-api.ts';
import { httpJson } from '../src/server/testing/live-client.ts';
import { browserOrSkipReason, e2eAppStart, type AppContext, type E2eApp } from './support/browser.ts';
import { accountOverHttp, downloadText, hhmm, icsUtcMs, icsValue, practitionerMark, zoneAwayFromMidnight, type E2eAccount } from './support/consultation-flow.ts';
import { screenReady } from './support/screens.ts';
import { REALTIME_MS, peopleAssertClean, personNew, screenVisit, type Person } from './support/session-flow.ts';

const skip = browserOrSkipReason();

/** A person's clock time of an instant, as the page writes it (en-GB, 24-hour). */
function clockIn(zone: string, ms: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(ms);
}

describe('consultations in Chromium: a practitioner in Berlin, a person in New York', { skip }, () => {
  let app: E2eApp;
  let piaAccount: E2eAccount;
  let boAccount: E2eAccount;
  let pia: Person;
  let bo: Person;
  let consultationId = '';
  let bookedStartMs = 0;
  const closers: (() => Promise<void>)[] = [];
  let brokenAt: string | null = null;

  before(async () => {
    app = await e2eAppStart();
    closers.unshift(() => app.stop());
    piaAccount = await accountOverHttp(app.baseUrl, 'Pia');
    boAccount = await accountOverHttp(app.baseUrl, 'Bo');
    await practitionerMark(app.server.dataDir, piaAccount.id);
    const piaApp: AppContext = await app.contextNew({ device: 'phone', colorScheme: 'light', cookie: piaAccount.cookie, timezoneId: 'Europe/Berlin' });
    closers.unshift(() => piaApp.close());
    const boApp: AppContext = await app.contextNew({ device: 'desktop', colorScheme: 'dark', cookie: boAccount.cookie, timezoneId: 'America/New_York' });
    closers.unshift(() => boApp.close());
    pia = await personNew(piaApp, 'Pia (phone 360 px, light, Berlin)', 'Pia');
    await pia.page.setViewportSize({ width: 360, height: 780 });
    bo = await personNew(boApp, 'Bo (desktop, dark, New York)', 'Bo');
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
        peopleAssertClean([pia, bo]);
      } catch (error) {
        brokenAt = name;
        throw error;
      }
    });
  }

  /** The consultation as the server holds it, read by `who`'s page. */
  async function consultationRead(who: Person): Promise<ConsultationView> {
    const reply = await who.page.evaluate(async (id) => (await fetch(`/api/consultations/${id}`)).json() as Promise<{ consultation: ConsultationView }>, consultationId);
    return reply.consultation;
  }

  step('Pia publishes weekly times in Berlin; her own zone is already chosen', async () => {
    await pia.page.goto('/consultations');
    await screenReady(pia.page);
    await pia.page.getByText('Nothing coming up.').waitFor({ timeout: REALTIME_MS });
    await screenVisit(pia.page, 'consultations-empty');
    await pia.page.getByRole('link', { name: 'Your availability' }).click();
    await pia.page.getByRole('heading', { level: 1, name: 'Your availability' }).waitFor();
    const zone = pia.page.getByLabel('Time zone');
    await zone.waitFor();
    assert.equal(await zone.inputValue(), 'Europe/Berlin');
    await pia.page.getByRole('button', { name: 'Add a time' }).click();
    await pia.page.getByRole('button', { name: 'Add a time' }).click();
    const second = pia.page.getByRole('group', { name: /^Time 2:/ });
    await second.getByLabel('Day').selectOption({ label: 'Thursday' });
    await second.getByLabel('From').fill('14:00');
    await second.getByLabel('Until').fill('17:00');
    await pia.page.getByRole('group', { name: 'Time 2: Thursday 14:00–17:00' }).waitFor();
    await pia.page.getByRole('heading', { name: 'The next times people will see' }).waitFor();
    await screenVisit(pia.page, 'consultation-availability');
    await pia.page.getByRole('button', { name: 'Publish these times' }).click();
    await pia.page.getByText(/^Saved\. People can book these times now/).waitFor({ timeout: REALTIME_MS });
  });

  step('Bo, in New York, sees Pia\'s times on his own clock with her zone named, and books one', async () => {
    await bo.page.goto('/consultations/book');
    await screenReady(bo.page);
    await screenVisit(bo.page, 'consultation-practitioners');
    await bo.page.getByRole('link', { name: 'See times with Pia' }).click();
    await bo.page.getByText('Times are shown in your time zone, America/New York. Pia is in Europe/Berlin.').waitFor({ timeout: REALTIME_MS });
    const slots = await bo.page.evaluate(async (id) => (await fetch(`/api/practitioners/${id}/slots`)).json() as Promise<OpenSlotsView>, piaAccount.id);
    assert.equal(slots.timeZone, 'Europe/Berlin');
    const first = slots.slots[0];
    assert.ok(first !== undefined, 'Pia offers times');
    assert.ok(['09:00', '10:00', '11:00', '14:00', '15:00', '16:00'].includes(first.practitionerStart));
    const firstRadio = bo.page.getByRole('radio').first();
    assert.equal(await firstRadio.getAttribute('value'), String(first.startMs));
    // The same instant on Bo's clock: New York's, not Berlin's.
    await bo.page.getByRole('radio', { name: clockIn('America/New_York', first.startMs) }).first().waitFor();
    assert.notEqual(clockIn('America/New_York', first.startMs), first.practitionerStart);
    await firstRadio.check();
    await bo.page.getByText(`${first.practitionerStart} in Berlin, Pia’s time`).waitFor();
    await screenVisit(bo.page, 'consultation-book');
    await bo.page.getByRole('button', { name: 'Book this time' }).click();
    await bo.page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/, { timeout: REALTIME_MS });
    await bo.page.getByText('Booked. Pia can see it too.', { exact: false }).waitFor();
    consultationId = bo.page.url().split('/').pop() ?? '';
    bookedStartMs = first.startMs;
    await bo.page.getByText(/^The room opens .* a little before the start\./).waitFor();
    await screenVisit(bo.page, 'consultation-booked');
  });

  step('both download the .ics, and its DTSTART is the booked instant for each', async () => {
    const boFile = await downloadText(bo.page, bo.page.getByRole('link', { name: 'Add to calendar (.ics)' }));
    assert.equal(boFile.fileName, 'consultation.ics');
    assert.equal(icsUtcMs(icsValue(boFile.text, 'DTSTART')), bookedStartMs);
    assert.equal(icsValue(boFile.text, 'SUMMARY'), 'Consultation with Pia');
    assert.equal(icsValue(boFile.text, 'SEQUENCE'), '0');

    await pia.page.goto('/consultations');
    await screenReady(pia.page);
    const card = pia.page.getByRole('article', { name: 'With Bo' });
    await card.getByText('Bo booked this consultation with you.').waitFor({ timeout: REALTIME_MS });
    await screenVisit(pia.page, 'consultations-practitioner');
    const piaFile = await downloadText(pia.page, card.getByRole('link', { name: 'Add to calendar (.ics)' }));
    assert.equal(icsValue(piaFile.text, 'DTSTART'), icsValue(boFile.text, 'DTSTART'));
    assert.equal(icsValue(piaFile.text, 'UID'), icsValue(boFile.text, 'UID'));
    assert.equal(icsValue(piaFile.text, 'SUMMARY'), 'Consultation with Bo');
  });

  step('Pia moves it; Bo sees the move and his new file says so', async () => {
    await pia.page.getByRole('article', { name: 'With Bo' }).getByRole('link', { name: 'Choose another time' }).click();
    await pia.page.getByRole('heading', { level: 1, name: 'Choose another time' }).waitFor();
    const radio = pia.page.getByRole('radio').first();
    await radio.waitFor({ timeout: REALTIME_MS });
    const newStartMs = Number(await radio.getAttribute('value'));
    assert.notEqual(newStartMs, bookedStartMs);
    await radio.check();
    await screenVisit(pia.page, 'consultation-move');
    await pia.page.getByRole('button', { name: 'Move to this time' }).click();
    await pia.page.getByText('Moved. Bo will see the new time.').waitFor({ timeout: REALTIME_MS });
    await screenVisit(pia.page, 'consultation-moved');

    await bo.page.reload();
    await screenReady(bo.page);
    await bo.page.getByText('Pia moved this consultation to the time above.').waitFor({ timeout: REALTIME_MS });
    const now = await consultationRead(bo);
    assert.deepEqual([now.startMs, now.sequence], [newStartMs, 1]);
    await bo.page.getByText(new RegExp(`, ${clockIn('America/New_York', newStartMs)}–`)).first().waitFor();
    await screenVisit(bo.page, 'consultation-seen-moved');
    const file = await downloadText(bo.page, bo.page.getByRole('link', { name: 'Add to calendar (.ics)' }));
    assert.equal(icsUtcMs(icsValue(file.text, 'DTSTART')), newStartMs);
    assert.equal(icsValue(file.text, 'SEQUENCE'), '1');
  });

  step('Bo cancels without giving a reason; Pia sees it cancelled', async () => {
    await bo.page.getByRole('button', { name: 'Cancel this consultation' }).click();
    await bo.page.getByText('You do not need to give a reason.', { exact: false }).waitFor();
    await screenVisit(bo.page, 'consultation-cancel-ask');
    await bo.page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await bo.page.getByText('You cancelled this consultation.').waitFor({ timeout: REALTIME_MS });
    await screenVisit(bo.page, 'consultation-cancelled');

    await pia.page.goto('/consultations');
    await screenReady(pia.page);
    await pia.page.getByRole('heading', { name: 'Earlier and cancelled' }).waitFor({ timeout: REALTIME_MS });
    const card = pia.page.getByRole('article', { name: 'With Bo' });
    await card.getByText('Bo cancelled this consultation.').waitFor();
    await screenVisit(pia.page, 'consultations-practitioner-cancelled');
    const file = await downloadText(pia.page, card.getByRole('link', { name: 'Update your calendar (.ics)' }));
    assert.equal(icsValue(file.text, 'STATUS'), 'CANCELLED');
    assert.equal(icsValue(file.text, 'SEQUENCE'), '2');
  });

  step('when it is time, both open the room and arrive in the same live session', async () => {
    // A time a few minutes from now: published over HTTP with no notice, in a zone where the day is not ending.
    const nowMs = Date.now();
    const place = zoneAwayFromMidnight(nowMs);
    const start = place.minuteOfDay + 3;
    const published = await httpJson(app.baseUrl, '/api/consultations/availability', {
      method: 'PUT',
      cookie: piaAccount.cookie,
      body: { timeZone: place.zone, slotMinutes: 15, bufferMinutes: 0, minNoticeMinutes: 0, windows: [{ weekday: place.weekday, start: hhmm(start), end: hhmm(start + 60) }] },
    });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    const slots = await httpJson<OpenSlotsView>(app.baseUrl, `/api/practitioners/${piaAccount.id}/slots`, { cookie: boAccount.cookie });
    const soon = slots.body.slots[0];
    assert.ok(soon !== undefined && soon.startMs - Date.now() < 10 * 60_000, `a time within ten minutes: ${JSON.stringify(slots.body.slots.slice(0, 2))}`);
    const booked = await httpJson<{ consultation: ConsultationView }>(app.baseUrl, '/api/consultations', { method: 'POST', cookie: boAccount.cookie, body: { practitionerId: piaAccount.id, startMs: soon.startMs } });
    assert.equal(booked.status, 201, JSON.stringify(booked.body));
    const id = booked.body.consultation.consultationId;

    await bo.page.goto(`/consultations/${id}`);
    await screenReady(bo.page);
    await bo.page.getByText(/^The room is open until/).waitFor({ timeout: REALTIME_MS });
    await screenVisit(bo.page, 'consultation-room-open');
    await bo.page.getByRole('button', { name: 'Open the room' }).click();
    await bo.page.waitForURL(/\/session\/[0-9a-f-]{36}$/, { timeout: REALTIME_MS });
    await screenReady(bo.page);

    await pia.page.goto('/consultations');
    await screenReady(pia.page);
    await pia.page.getByRole('button', { name: 'Open the room' }).click();
    await pia.page.waitForURL(/\/session\/[0-9a-f-]{36}$/, { timeout: REALTIME_MS });
    assert.equal(new URL(pia.page.url()).pathname, new URL(bo.page.url()).pathname, 'one live session for both');
    await screenReady(pia.page);
  });

  step('a guest may look at Pia\'s times, and is asked for an account to book', async () => {
    const guest = await httpJson(app.baseUrl, '/api/identity', { method: 'POST', body: { displayName: 'Gus' } });
    assert.ok(guest.cookie !== undefined);
    const gusApp = await app.contextNew({ device: 'phone', colorScheme: 'dark', cookie: guest.cookie, timezoneId: 'Asia/Kolkata' });
    closers.unshift(() => gusApp.close());
    const gus = await personNew(gusApp, 'Gus (guest, phone, dark, Kolkata)', 'Gus');
    await gus.page.goto(`/consultations/book/${piaAccount.id}`);
    await screenReady(gus.page);
    await gus.page.getByText('Times are shown in your time zone, Asia/Kolkata.', { exact: false }).waitFor({ timeout: REALTIME_MS });
    await gus.page.getByRole('radio').first().check();
    await gus.page.getByRole('button', { name: 'Book this time' }).click();
    await gus.page.getByText('Booking a consultation needs an account', { exact: false }).waitFor({ timeout: REALTIME_MS });
    const create = gus.page.getByRole('link', { name: 'Create an account' });
    assert.match((await create.getAttribute('href')) ?? '', /^\/account\/create\?next=%2Fconsultations%2Fbook%2F/);
    await screenVisit(gus.page, 'consultation-account-needed');
    peopleAssertClean([gus]);
  });
});
