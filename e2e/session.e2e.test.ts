/**
 * The live session with two people in two browser contexts against the real server: a host on a
 * phone creates a session and invites; a guest on a desktop joins by the link with a boundary;
 * they check in (shared and private), breathe together with the pacers in step (read inside both
 * pages at the same instants; the guest's device clock is set 2.3 s wrong, so only the session's
 * clock sync can keep them together), pause and resume (one pauses everyone, nobody is told who), check
 * in after, try a touch practice (no start without both yeses; one withdrawal stops it), and go
 * offline and back (reconnects, catches up, nothing repeated). On every screen of the flow: crisis
 * help is reachable, axe finds nothing serious, and a screenshot is saved at phone and desktop size.
 *
 * The tests run in order on one session; a later one is skipped when an earlier one failed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext } from 'node:test';
import {
  browserOrSkipReason,
  e2eAppStart,
  type AppContext,
  type E2eApp,
} from './support/browser.ts';
import { helpButton, sessionCreate } from './support/screens.ts';
import {
  REALTIME_MS,
  afterHeading,
  checkInSave,
  checkInSaved,
  clockSkew,
  connectionStatus,
  joinFill,
  joinOpen,
  joinSubmit,
  occurrences,
  pacerAgreement,
  pacerBreathing,
  pacerMsPerBreath,
  pacerNow,
  pausedOverlay,
  peopleAssertClean,
  peopleHeading,
  peopleRegion,
  personNew,
  personRow,
  practiceLook,
  practiceSuggest,
  readyPress,
  runningHeading,
  screenVisit,
  sessionCreateAndInvite,
  sessionEnterFromInvite,
  sessionStartFill,
  startButton,
  startEnabled,
  type PacerAgreement,
  type Person,
} from './support/session-flow.ts';

const BREATH_SYNC = 'Breathing together';
const TOUCH = 'A steadying hand';
const PAUSED_BY_SOMEONE = "Someone paused. They'll resume when ready.";
/** Largest disagreement between the two pacers at one instant. */
const PACER_MAX_DISAGREEMENT_MS = 50;

/**
 * The guest's device clock runs this far ahead of the host's (both pages otherwise share this
 * machine's clock), so the pacers can only agree through the session's clock sync.
 */
const GUEST_CLOCK_SKEW_MS = 2_345;

const HOST_NAME = 'Ana';
const GUEST_NAME = 'Bo';

const skip = browserOrSkipReason();

function agreementWords(label: string, agreement: PacerAgreement, msPerBreath: number): string {
  return `[pacer] ${label}: ${agreement.samples} instants, disagreement p50 ${agreement.p50Ms.toFixed(2)} ms, max ${agreement.maxMs.toFixed(2)} ms (1 breath = ${msPerBreath.toFixed(0)} ms); parts differed at ${agreement.boundaryInstants} boundary instant(s)`;
}

describe('a live session with two people in Chromium', { skip }, () => {
  let app: E2eApp;
  let hostApp: AppContext;
  let guestApp: AppContext;
  /** What `after` closes, latest first (only what `before` got as far as opening). */
  const closers: (() => Promise<void>)[] = [];
  let host: Person;
  let guest: Person;
  let people: readonly Person[] = [];
  let msPerBreath = 10_000;
  /** The first failed step; the steps after it need the session it left behind. */
  let brokenAt: string | null = null;

  before(async () => {
    app = await e2eAppStart();
    closers.unshift(() => app.stop());
    hostApp = await app.contextNew({ device: 'phone', colorScheme: 'light' });
    closers.unshift(() => hostApp.close());
    guestApp = await app.contextNew({ device: 'desktop', colorScheme: 'dark' });
    closers.unshift(() => guestApp.close());
    await clockSkew(guestApp.context, GUEST_CLOCK_SKEW_MS);
    host = await personNew(hostApp, 'host (phone)', HOST_NAME);
    guest = await personNew(guestApp, 'guest (desktop)', GUEST_NAME);
    people = [host, guest];
  });

  after(async () => {
    for (const close of closers)
      await close().catch((error: unknown) => {
        console.error('closing:', error);
      });
  });

  /** Runs one step of the shared flow; skips it if an earlier one failed; ends with the clean checks. */
  function step(name: string, body: (t: TestContext) => Promise<void>): void {
    test(name, async (t) => {
      if (brokenAt !== null) {
        t.skip(`the earlier step "${brokenAt}" failed`);
        return;
      }
      try {
        await body(t);
        peopleAssertClean(people);
      } catch (error) {
        brokenAt = name;
        throw error;
      }
    });
  }

  step(
    'the host creates a session on a phone; the guest joins from a desktop by the link with a boundary; both see each other',
    async () => {
      const { page: hostPage } = host;
      const { page: guestPage } = guest;

      await sessionStartFill(hostPage, HOST_NAME);
      await screenVisit(hostPage, 'session-start');
      const link = await sessionCreateAndInvite(hostPage);
      assert.ok(
        link.startsWith(`${app.baseUrl}/join#`),
        `the invite link ${link} opens /join# on this server`,
      );
      assert.ok(
        await hostPage.getByRole('img', { name: 'QR code to join this session' }).isVisible(),
        'the invite shows a QR code',
      );
      await screenVisit(hostPage, 'session-invite');
      await sessionEnterFromInvite(hostPage);

      await joinOpen(guestPage, link);
      await joinFill(guestPage, GUEST_NAME, ['No camera']);
      await screenVisit(guestPage, 'session-join');
      await joinSubmit(guestPage, 2);
      await peopleHeading(hostPage, 2).waitFor({ timeout: REALTIME_MS });

      for (const person of people) {
        for (const name of [HOST_NAME, GUEST_NAME]) {
          assert.equal(
            await personRow(person.page, name).count(),
            1,
            `${person.label} lists ${name} once`,
          );
        }
        await connectionStatus(person.page)
          .getByText('Connected')
          .waitFor({ timeout: REALTIME_MS });
      }
      // The guest's boundary was kept with them.
      assert.equal(
        await guestPage.getByLabel('No camera', { exact: true }).isChecked(),
        true,
        'the guest\'s "No camera" is kept',
      );
      assert.equal(
        await guestPage.getByLabel('No touch', { exact: true }).isChecked(),
        false,
        'the guest said nothing about touch',
      );

      for (const person of people) await screenVisit(person.page, 'session-idle');
    },
  );

  step(
    "check-ins: the host's shared one reaches the guest; the guest's private one stays on the guest's page",
    async () => {
      const { page: hostPage } = host;
      const { page: guestPage } = guest;

      await checkInSave(hostPage, 'Revved up or on edge', true);
      await personRow(guestPage, HOST_NAME)
        .getByText('Revved up or on edge, 5 out of 10')
        .waitFor({ timeout: REALTIME_MS });

      await checkInSave(guestPage, 'Settled and present', false);
      const guestOwnRow = personRow(guestPage, GUEST_NAME);
      await guestOwnRow
        .getByText('Settled and present, 5 out of 10')
        .waitFor({ timeout: REALTIME_MS });
      await guestOwnRow.getByText('private: only you see this').waitFor();

      // Give a leak time to arrive (the host's own check-in round trip is the yardstick), then look.
      await checkInSave(hostPage, 'Revved up or on edge', true);
      const hostView = await peopleRegion(hostPage).innerText();
      assert.doesNotMatch(
        hostView,
        /Settled and present/,
        "the guest's private check-in is not on the host's page",
      );
      assert.match(await personRow(hostPage, GUEST_NAME).innerText(), /Nothing shared yet/);
    },
  );

  step(
    'breath synchronisation: suggest, both ready, start; the pacers in both pages agree at the same instants',
    async () => {
      const { page: hostPage } = host;
      const { page: guestPage } = guest;

      await practiceLook(hostPage, BREATH_SYNC, 60_000);
      await screenVisit(hostPage, 'session-practice-detail');
      await practiceLook(guestPage, BREATH_SYNC);
      await screenVisit(guestPage, 'session-practice-detail', { help: false });
      await practiceSuggest(hostPage, BREATH_SYNC, [hostPage, guestPage]);
      assert.match(
        await guestPage.getByText(/^Suggested by/).innerText(),
        /Suggested by Ana · 1 minute/,
      );

      // The guest checks in before (this one is compared with the after check-in later).
      await guestPage.getByRole('button', { name: 'Check in before (optional)' }).click();
      await guestPage.getByText('Mixed, or not sure', { exact: true }).first().click();
      await guestPage.getByRole('button', { name: 'Save check-in' }).click();
      await guestPage
        .getByText(/^Your check-in before: Mixed, or not sure/)
        .waitFor({ timeout: REALTIME_MS });

      for (const person of people) await screenVisit(person.page, 'session-proposal');

      assert.equal(
        await startButton(hostPage).isDisabled(),
        true,
        'Start is disabled before anyone is ready',
      );
      await readyPress(guestPage);
      await hostPage.getByText(`Ready: ${GUEST_NAME}.`).waitFor({ timeout: REALTIME_MS });
      assert.equal(
        await startButton(hostPage).isDisabled(),
        true,
        'Start is disabled while the host is not ready',
      );
      await readyPress(hostPage);
      await startEnabled(hostPage);
      await startEnabled(guestPage);
      await startButton(hostPage).click();

      for (const person of people)
        await runningHeading(person.page, BREATH_SYNC).waitFor({ timeout: REALTIME_MS });
      await Promise.all(people.map((person) => pacerBreathing(person.page)));

      const guestAhead = (await guestPage.evaluate(() => Date.now())) - Date.now();
      assert.ok(
        Math.abs(guestAhead - GUEST_CLOCK_SKEW_MS) < 1_000,
        `the guest's clock runs ${guestAhead} ms ahead`,
      );
      msPerBreath = await pacerMsPerBreath(hostPage);
      const guestMsPerBreath = await pacerMsPerBreath(guestPage);
      assert.ok(
        Math.abs(msPerBreath - 10_000) < 50,
        `breath sync paces 4 in / 6 out: one breath is ${msPerBreath} ms`,
      );
      assert.ok(
        Math.abs(msPerBreath - guestMsPerBreath) < 1,
        `both pages pace alike (${msPerBreath} / ${guestMsPerBreath} ms a breath)`,
      );

      const agreement = await pacerAgreement(hostPage, guestPage, {
        samples: 20,
        spacingMs: 200,
        msPerBreath,
        skewBMs: GUEST_CLOCK_SKEW_MS,
      });
      console.log(agreementWords('running', agreement, msPerBreath));
      assert.ok(
        agreement.maxMs <= PACER_MAX_DISAGREEMENT_MS,
        `the pacers disagree by up to ${agreement.maxMs.toFixed(1)} ms (allowed ${PACER_MAX_DISAGREEMENT_MS}): ${agreement.disagreementsMs.map((ms) => ms.toFixed(1)).join(', ')}`,
      );
      assert.ok(
        agreement.boundaryInstants <= 3,
        `parts differed at ${agreement.boundaryInstants} of ${agreement.samples} instants`,
      );
      for (const person of people) {
        assert.equal(await person.page.getByTestId('pacer').getAttribute('data-paused'), 'false');
        await screenVisit(person.page, 'session-pacer', { help: person === host, viewport: true });
      }
    },
  );

  step(
    'a pause from the guest (P key) pauses the host without saying who; the guest resumes and the pacers still agree',
    async () => {
      const { page: hostPage } = host;
      const { page: guestPage } = guest;

      await guestPage.getByRole('heading', { level: 2, name: BREATH_SYNC }).focus();
      await guestPage.keyboard.press('p');

      const hostOverlay = pausedOverlay(hostPage);
      await hostOverlay.waitFor({ timeout: REALTIME_MS });
      await hostOverlay.getByText(PAUSED_BY_SOMEONE).waitFor();
      const hostOverlayText = await hostOverlay.innerText();
      assert.doesNotMatch(
        hostOverlayText,
        new RegExp(GUEST_NAME),
        'the host is not told who paused',
      );
      // Nor by the screen reader announcements (a visually hidden live region) or anywhere else.
      const hostAllText = await hostPage.evaluate(() => document.body.textContent);
      assert.doesNotMatch(
        hostAllText,
        new RegExp(`${GUEST_NAME} (has )?paused|paused by ${GUEST_NAME}`, 'i'),
        'nothing on the host page says who paused',
      );
      assert.equal(
        await hostOverlay.getByRole('button', { name: "Resume when you're ready" }).count(),
        0,
        'only the pauser can resume',
      );
      await hostPage.waitForFunction(
        () =>
          document.querySelector('[data-testid="pacer"]')?.getAttribute('data-paused') === 'true',
        undefined,
        { timeout: REALTIME_MS },
      );
      assert.equal((await pacerNow(hostPage)).paused, true, "the host's pacer is paused");

      const guestOverlay = pausedOverlay(guestPage);
      await guestOverlay
        .getByText('You paused the session. Everything is waiting for you.')
        .waitFor({ timeout: REALTIME_MS });
      assert.equal((await pacerNow(guestPage)).paused, true, "the guest's pacer is paused");

      await screenVisit(hostPage, 'session-paused', { viewport: true });
      await screenVisit(guestPage, 'session-paused', { viewport: true });
      await hostOverlay
        .getByRole('button', { name: 'A short grounding: three slow steps' })
        .click();
      await hostOverlay.getByText('Step 1 of 3').waitFor();
      await screenVisit(hostPage, 'session-paused-grounding', { help: false, viewport: true });

      await guestOverlay.getByRole('button', { name: "Resume when you're ready" }).click();
      for (const person of people) {
        await pausedOverlay(person.page).waitFor({ state: 'detached', timeout: REALTIME_MS });
        await person.page.waitForFunction(
          () =>
            document.querySelector('[data-testid="pacer"]')?.getAttribute('data-paused') ===
            'false',
          undefined,
          { timeout: REALTIME_MS },
        );
      }
      await Promise.all(people.map((person) => pacerBreathing(person.page)));
      for (const person of people)
        assert.equal((await pacerNow(person.page)).paused, false, `${person.label}: running again`);

      const agreement = await pacerAgreement(hostPage, guestPage, {
        samples: 12,
        spacingMs: 200,
        msPerBreath,
        skewBMs: GUEST_CLOCK_SKEW_MS,
      });
      console.log(agreementWords('after resume', agreement, msPerBreath));
      assert.ok(
        agreement.maxMs <= PACER_MAX_DISAGREEMENT_MS,
        `after resume the pacers disagree by up to ${agreement.maxMs.toFixed(1)} ms (allowed ${PACER_MAX_DISAGREEMENT_MS}): ${agreement.disagreementsMs.map((ms) => ms.toFixed(1)).join(', ')}`,
      );
    },
  );

  step(
    'stopping the practice brings both to the after check-in; the guest sees before and after side by side',
    async () => {
      const { page: hostPage } = host;
      const { page: guestPage } = guest;

      await hostPage.getByRole('button', { name: 'Stop the practice for everyone' }).click();
      for (const person of people) {
        await afterHeading(person.page, BREATH_SYNC, 'stopped').waitFor({ timeout: REALTIME_MS });
        assert.equal(
          await person.page.getByTestId('pacer').count(),
          0,
          `${person.label}: the pacer is gone`,
        );
      }
      for (const person of people) await screenVisit(person.page, 'session-after');

      const afterCard = guestPage.getByRole('region', { name: `${BREATH_SYNC} has stopped` });
      await afterCard.getByText('Settled and present', { exact: true }).first().click();
      await afterCard.getByRole('button', { name: 'Save my after check-in' }).click();
      await guestPage
        .getByRole('heading', { name: 'Before and after' })
        .waitFor({ timeout: REALTIME_MS });
      const sideBySide = await afterCard.innerText();
      assert.match(sideBySide, /Mixed, or not sure/, 'the before check-in is shown');
      assert.match(sideBySide, /Settled and present/, 'the after check-in is shown');
      await screenVisit(guestPage, 'session-before-after', { help: false });

      await guestPage.getByRole('button', { name: 'Done', exact: true }).click();
      await hostPage.getByRole('button', { name: 'Skip', exact: true }).click();
      for (const person of people) {
        await afterHeading(person.page, BREATH_SYNC, 'stopped').waitFor({
          state: 'detached',
          timeout: REALTIME_MS,
        });
      }
    },
  );

  step(
    'touch: Start stays disabled until both say yes; after starting, one withdrawal stops it on both pages',
    async () => {
      const { page: hostPage } = host;
      const { page: guestPage } = guest;

      await practiceLook(hostPage, TOUCH, 30_000);
      await practiceSuggest(hostPage, TOUCH, [hostPage, guestPage]);
      await readyPress(hostPage);
      await readyPress(guestPage);
      await hostPage.getByText(`Ready: you, ${GUEST_NAME}.`).waitFor({ timeout: REALTIME_MS });
      for (const person of people) {
        assert.equal(
          await startButton(person.page).isDisabled(),
          true,
          `${person.label}: Start is disabled while nobody has said yes to touch`,
        );
        await person.page
          .getByText('Start works once everyone is ready and has said yes to the touch.')
          .waitFor();
      }
      await screenVisit(guestPage, 'session-touch-consent', { help: false });

      await hostPage.getByRole('button', { name: "I'm a yes to this touch" }).click();
      await guestPage.getByText(`Said yes: ${HOST_NAME}.`).waitFor({ timeout: REALTIME_MS });
      for (const person of people) {
        assert.equal(
          await startButton(person.page).isDisabled(),
          true,
          `${person.label}: Start is disabled with only one yes`,
        );
      }
      await guestPage.getByRole('button', { name: "I'm a yes to this touch" }).click();
      await startEnabled(hostPage);
      await startEnabled(guestPage);
      await startButton(guestPage).click();

      for (const person of people)
        await runningHeading(person.page, TOUCH).waitFor({ timeout: REALTIME_MS });
      const withdraw = guestPage
        .getByRole('region', { name: 'Pause' })
        .getByRole('button', { name: 'Withdraw my yes' });
      await withdraw.waitFor({ timeout: REALTIME_MS });
      // Past the few seconds' lead-in, so the touch is really under way when the yes is taken back.
      for (const person of people) {
        await person.page
          .getByText(/^Starting in \d/)
          .waitFor({ state: 'detached', timeout: 15_000 });
        await person.page.getByText(/^\d+:\d\d left$/).waitFor({ timeout: REALTIME_MS });
      }
      await screenVisit(hostPage, 'session-touch-running', { help: false, viewport: true });
      await withdraw.click();
      for (const person of people) {
        await afterHeading(person.page, TOUCH, 'stopped').waitFor({ timeout: REALTIME_MS });
        assert.equal(
          await runningHeading(person.page, TOUCH).count(),
          0,
          `${person.label}: the touch practice is no longer running`,
        );
      }
      for (const person of people)
        await person.page.getByRole('button', { name: 'Skip', exact: true }).click();
    },
  );

  step(
    'offline and back: the guest sees "Reconnecting…", then catches up with what happened meanwhile, with nothing repeated',
    async () => {
      const { page: hostPage } = host;
      const { page: guestPage } = guest;

      await guestApp.context.setOffline(true);
      await connectionStatus(guestPage)
        .getByText('Reconnecting…')
        .waitFor({ timeout: REALTIME_MS });
      await screenVisit(guestPage, 'session-reconnecting', { help: false, viewport: true });

      // Meanwhile: the host shares a new check-in, pauses and resumes; the guest shares a check-in
      // while still offline (it is sent once the connection is back).
      await checkInSave(hostPage, 'Low, numb or far away', true);
      await hostPage.getByRole('button', { name: 'Pause', exact: true }).click();
      await pausedOverlay(hostPage)
        .getByRole('button', { name: "Resume when you're ready" })
        .click();
      await pausedOverlay(hostPage).waitFor({ state: 'detached', timeout: REALTIME_MS });
      await checkInSave(guestPage, 'Settled and present', true, false);
      await guestPage
        .getByRole('region', { name: 'Pause' })
        .getByText('Reconnecting… Nothing will be lost.')
        .waitFor();
      assert.equal(
        await personRow(guestPage, HOST_NAME).getByText('Low, numb or far away').count(),
        0,
        'the offline guest has not yet seen it',
      );

      await guestApp.context.setOffline(false);
      await connectionStatus(guestPage).getByText('Connected').waitFor({ timeout: 20_000 });
      await checkInSaved(guestPage);
      await personRow(guestPage, HOST_NAME)
        .getByText('Low, numb or far away, 5 out of 10')
        .waitFor({ timeout: REALTIME_MS });
      await personRow(hostPage, GUEST_NAME)
        .getByText('Settled and present, 5 out of 10')
        .waitFor({ timeout: REALTIME_MS });

      for (const [person, other] of [
        [host, guest],
        [guest, host],
      ] as const) {
        await peopleHeading(person.page, 2).waitFor();
        assert.equal(
          await peopleRegion(person.page).getByRole('listitem').count(),
          2,
          `${person.label}: two people listed`,
        );
        for (const name of [HOST_NAME, GUEST_NAME]) {
          assert.equal(
            await personRow(person.page, name).count(),
            1,
            `${person.label}: ${name} listed once`,
          );
        }
        const shared = other === host ? 'Low, numb or far away' : 'Settled and present';
        assert.equal(
          await occurrences(peopleRegion(person.page), shared),
          1,
          `${person.label}: ${other.name}'s check-in shows once`,
        );
        assert.equal(await pausedOverlay(person.page).count(), 0, `${person.label}: not paused`);
      }
      // The host's earlier check-in was replaced, not added to.
      assert.equal(await occurrences(peopleRegion(guestPage), 'Revved up or on edge'), 0);
    },
  );

  step('pause never waits for the network: offline, the pause shows at once and reaches the other when back', async () => {
    const { page: hostPage } = host;
    const { page: guestPage } = guest;
    await guestApp.context.setOffline(true);
    await connectionStatus(guestPage).getByText('Reconnecting…').waitFor({ timeout: REALTIME_MS });
    // P on a checkbox still pauses: only text fields take the key.
    await guestPage.getByRole('checkbox', { name: 'Let others know it was me' }).focus();
    await guestPage.keyboard.press('p');
    const guestOverlay = pausedOverlay(guestPage);
    await guestOverlay.getByText('You paused. The connection is being restored').waitFor({ timeout: 2_000 });
    assert.equal(await helpButton(guestPage).isVisible(), true, 'help stays reachable while paused');
    assert.equal(await pausedOverlay(hostPage).count(), 0, 'the host cannot know yet');

    await guestApp.context.setOffline(false);
    const hostOverlay = pausedOverlay(hostPage);
    await hostOverlay.getByText(PAUSED_BY_SOMEONE).waitFor({ timeout: 20_000 });
    await guestOverlay.getByRole('button', { name: "Resume when you're ready" }).click();
    await hostOverlay.waitFor({ state: 'detached', timeout: REALTIME_MS });
    await guestOverlay.waitFor({ state: 'detached', timeout: REALTIME_MS });
  });

  test('start, invite and join screens on the other device: crisis help, axe, screenshots', async () => {
    // The flow above visits start and invite on the phone and join on the desktop; here the rest.
    const desktop = await app.contextNew({ device: 'desktop', colorScheme: 'dark' });
    const phone = await app.contextNew({ device: 'phone', colorScheme: 'light' });
    try {
      const desktopPage = await desktop.pageNew();
      await sessionStartFill(desktopPage, 'Cy');
      await screenVisit(desktopPage, 'session-start');
      await sessionCreateAndInvite(desktopPage);
      await screenVisit(desktopPage, 'session-invite');

      const created = await sessionCreate(app.baseUrl, 'Di');
      const phonePage = await phone.pageNew();
      await joinOpen(phonePage, `/join#${created.inviteToken}`);
      await joinFill(phonePage, 'Ed', ['No touch']);
      await screenVisit(phonePage, 'session-join');
      for (const context of [desktop, phone]) {
        context.assertNoForeignRequests();
        context.assertNoPageErrors();
        context.assertNoServerErrors();
      }
    } finally {
      await desktop.close();
      await phone.close();
    }
  });
});
