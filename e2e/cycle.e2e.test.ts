/**
 * "Between us" and the cycle map with two people in two browser contexts against the real server:
 * Noor starts a relationship on a phone and sends the link; Eli accepts it on another phone; each
 * fills in their side privately (the other's words are on neither the other's page nor in any
 * answer the other's browser received, until both chose to look); both mark done and choose to
 * look; both see the pattern, the loop (an SVG with an accessible name) and both sides; they name
 * it and save a plan, each seeing what the other set. Then a live session from the relationship,
 * and leaving, after which nothing of the map is shown any more. Before all that, the screens a
 * newcomer sees first: Learn, a card, the worked example (all its steps) and home's ways onward.
 * On every screen: help reachable, axe clean, and a phone-sized screenshot.
 *
 * The tests run in order on one relationship; a later one is skipped when an earlier one failed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext } from 'node:test';
import {
  browserOrSkipReason,
  e2eAppStart,
  type AppContext,
  type E2eApp,
} from './support/browser.ts';
import {
  apiAnswersWatch,
  assertNothingOf,
  loopPicture,
  relationshipJoinOpen,
  relationshipJoinSubmit,
  relationshipStartAndInvite,
  sideFill,
  type ApiAnswers,
  type SideToFill,
} from './support/cycle-flow.ts';
import { screenReady } from './support/screens.ts';
import { screenshotsOfScreen } from './support/screenshots.ts';
import {
  REALTIME_MS,
  peopleAssertClean,
  personNew,
  screenVisit,
  type Person,
} from './support/session-flow.ts';

const skip = browserOrSkipReason();

const NOOR = 'Noor';
const ELI = 'Eli';

/** Words only Noor writes, to look for where they must not be. */
const NOOR_SIDE: SideToFill = {
  setsItOff: 'Noorwords: an evening when dinner goes cold',
  moves: ['Criticising', 'Pushing for an answer right now'],
  ownMove: { text: 'Noorwords listing every late night', lean: 'toward' },
  story: 'Noorwords: your job matters more than I do',
  feelings: ['Hurt', 'Alone'],
  ownFeeling: 'Noorwords like a housemate',
  longings: ['To matter'],
};

/** Words only Eli writes. */
const ELI_SIDE: SideToFill = {
  setsItOff: 'Eliwords: coming home worn out',
  moves: ['Going quiet', 'Leaving the room'],
  ownMove: { text: 'Eliwords staying at my desk longer', lean: 'away' },
  story: 'Eliwords: it will never be enough for you',
  feelings: ['Overwhelmed'],
  ownFeeling: 'Eliwords like a letdown',
  longings: ['To feel safe'],
};

const CYCLE_NAME = 'The cold-dinner loop';

describe('Between us and the cycle map with two people in Chromium', { skip }, () => {
  let app: E2eApp;
  let noorApp: AppContext;
  let eliApp: AppContext;
  const closers: (() => Promise<void>)[] = [];
  let noor: Person;
  let eli: Person;
  let noorAnswers: ApiAnswers;
  let eliAnswers: ApiAnswers;
  let relationshipPath = '';
  let brokenAt: string | null = null;

  before(async () => {
    app = await e2eAppStart();
    closers.unshift(() => app.stop());
    noorApp = await app.contextNew({ device: 'phone', colorScheme: 'light' });
    closers.unshift(() => noorApp.close());
    eliApp = await app.contextNew({
      device: 'phone',
      colorScheme: 'dark',
      reducedMotion: 'reduce',
    });
    closers.unshift(() => eliApp.close());
    noor = await personNew(noorApp, 'Noor (phone, light)', NOOR);
    eli = await personNew(eliApp, 'Eli (phone, dark)', ELI);
    noorAnswers = apiAnswersWatch(noor.page);
    eliAnswers = apiAnswersWatch(eli.page);
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
        peopleAssertClean([noor, eli]);
      } catch (error) {
        brokenAt = name;
        throw error;
      }
    });
  }

  step(
    'home offers the ways onward; Learn, a card and the worked example stand on their own',
    async () => {
      const page = noor.page;
      await page.goto('/');
      await screenReady(page);
      const onward = page.getByRole('navigation', { name: 'When you want more' });
      for (const name of ['Between us', 'Reflect', 'Your progress', 'Learn']) {
        assert.ok(
          await onward.getByRole('link', { name: new RegExp(`^${name}`) }).isVisible(),
          `home links to ${name}`,
        );
      }
      await screenVisit(page, 'home-with-more');

      await onward.getByRole('link', { name: /^Learn/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Learn' }).waitFor();
      await screenVisit(page, 'learn');
      await page.getByRole('link', { name: /^The loop is the trouble, not the person/ }).click();
      await page
        .getByRole('heading', { level: 1, name: 'The loop is the trouble, not the person' })
        .waitFor();
      await screenVisit(page, 'learn-card');

      await page.getByRole('link', { name: 'Go there' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'A worked example: Noor and Eli' })
        .waitFor();
      await screenVisit(page, 'example-start');
      // Every step, one at a time, as a newcomer would: the loop step has the picture with its name.
      for (;;) {
        const next = page.getByRole('button', { name: /^Next: / });
        if ((await next.count()) === 0) break;
        const title = (await next.innerText()).replace(/^Next: /, '');
        await next.click();
        await page.getByRole('heading', { level: 2, name: title }).waitFor();
        // Focus moves once the new step has been drawn (an effect after paint), so wait for it.
        const focusMoved = await page
          .waitForFunction((expected) => document.activeElement?.textContent === expected, title, {
            timeout: 3_000,
          })
          .then(
            () => true,
            () => false,
          );
        assert.ok(focusMoved, `focus moves to the new step's title "${title}"`);
        if (title === 'The loop') {
          assert.ok(await loopPicture(page, NOOR, ELI).isVisible(), 'the example draws the loop');
          await screenVisit(page, 'example-loop');
        }
        if (title === 'One reaches, one steps back') await screenVisit(page, 'example-pattern');
      }
      await page.getByRole('button', { name: 'Show it all on one page' }).click();
      assert.equal(
        (await page.getByRole('heading', { level: 2 }).count()) >= 9,
        true,
        'all steps on one page',
      );
      await screenVisit(page, 'example-whole');
    },
  );

  step(
    'Noor starts a relationship and shares the link; Eli accepts it on his own phone',
    async () => {
      await noor.page.goto('/us');
      await screenReady(noor.page);
      await screenVisit(noor.page, 'us-new');
      const link = await relationshipStartAndInvite(noor.page, 'Partners', NOOR);
      assert.ok(
        await noor.page
          .getByRole('img', { name: 'QR code for your partner to join you' })
          .isVisible(),
      );
      await screenVisit(noor.page, 'us-invite');

      await relationshipJoinOpen(eli.page, link, NOOR);
      await screenVisit(eli.page, 'us-join');
      await relationshipJoinSubmit(eli.page, NOOR, ELI);
      relationshipPath = new URL(eli.page.url()).pathname;
      await screenVisit(eli.page, 'relationship-home');

      await noor.page.getByRole('link', { name: 'Go to your shared space' }).click();
      await noor.page
        .getByRole('heading', { level: 1, name: `You and ${ELI}` })
        .waitFor({ timeout: REALTIME_MS });
      assert.equal(
        new URL(noor.page.url()).pathname,
        relationshipPath,
        'both are in the same relationship',
      );
    },
  );

  step(
    'both fill in their sides privately: nothing of either reaches the other, on the page or over the network',
    async () => {
      await noor.page.getByRole('link', { name: 'Map your cycle' }).click();
      await noor.page.getByRole('heading', { level: 1, name: 'Your cycle map' }).waitFor();
      await screenVisit(noor.page, 'cycle-intro');
      await noor.page.getByRole('button', { name: 'Start my side' }).click();
      await noor.page
        .getByRole('heading', { level: 2, name: 'Your side' })
        .waitFor({ timeout: REALTIME_MS });

      await eli.page.goto(`${relationshipPath}/cycle`);
      await eli.page
        .getByRole('heading', { level: 2, name: 'Your side' })
        .waitFor({ timeout: REALTIME_MS });

      await sideFill(noor.page, NOOR_SIDE);
      await screenVisit(noor.page, 'cycle-filling');
      await sideFill(eli.page, ELI_SIDE);

      // Each is told only that the other's side is not done yet.
      await eli.page
        .getByText(`${NOOR}’s side is not marked done yet.`)
        .waitFor({ timeout: REALTIME_MS });
      await assertNothingOf(eli.page, eliAnswers, ['Noorwords'], ELI);
      await assertNothingOf(noor.page, noorAnswers, ['Eliwords'], NOOR);
    },
  );

  step(
    'both mark their sides done and choose to look; only then do both sides open, for both',
    async () => {
      await noor.page.getByRole('button', { name: 'My side is done' }).click();
      await noor.page
        .getByRole('heading', { level: 2, name: 'Your side is done' })
        .waitFor({ timeout: REALTIME_MS });
      await screenVisit(noor.page, 'cycle-waiting');

      await eli.page.getByText(`${NOOR}’s side is done.`).waitFor({ timeout: REALTIME_MS });
      await eli.page.getByRole('button', { name: 'My side is done' }).click();
      for (const person of [noor, eli]) {
        await person.page
          .getByRole('heading', { level: 2, name: 'You can both look now' })
          .waitFor({ timeout: REALTIME_MS });
      }
      await screenVisit(eli.page, 'cycle-choose-to-look');

      await noor.page.getByRole('button', { name: 'I’m ready to look together' }).click();
      await noor.page
        .getByRole('heading', { level: 2, name: 'Waiting to look together' })
        .waitFor({ timeout: REALTIME_MS });
      await screenVisit(noor.page, 'cycle-waiting-to-look');
      await assertNothingOf(eli.page, eliAnswers, ['Noorwords'], ELI);
      await assertNothingOf(noor.page, noorAnswers, ['Eliwords'], NOOR);

      await eli.page.getByRole('button', { name: 'I’m ready to look together' }).click();
      for (const [person, other] of [
        [noor, ELI],
        [eli, NOOR],
      ] as const) {
        await person.page
          .getByRole('heading', { name: 'One reaches, one steps back' })
          .waitFor({ timeout: REALTIME_MS });
        const picture = loopPicture(person.page, person.name, other);
        await picture.waitFor();
        const description = await picture.evaluate(
          (svg) => svg.querySelector('desc')?.textContent ?? '',
        );
        assert.match(
          description,
          /A loop of four steps/,
          `${person.label}: the picture has a full description`,
        );
      }
      // Now, and only now, each sees the other's own words.
      await eli.page.getByText('Noorwords: your job matters more than I do').first().waitFor();
      await noor.page.getByText('Eliwords: it will never be enough for you').first().waitFor();
      await screenVisit(noor.page, 'cycle-revealed');
      await screenVisit(eli.page, 'cycle-revealed');
    },
  );

  step('they name the cycle and save a plan, each seeing what the other set', async () => {
    await noor.page.getByLabel('What do you want to call it?').fill(CYCLE_NAME);
    await noor.page.getByRole('button', { name: 'Save the name' }).click();
    await noor.page
      .getByRole('heading', { level: 1, name: `Your cycle: “${CYCLE_NAME}”` })
      .waitFor({ timeout: REALTIME_MS });
    await eli.page
      .getByRole('heading', { level: 1, name: `Your cycle: “${CYCLE_NAME}”` })
      .waitFor({ timeout: REALTIME_MS });

    await eli.page.getByLabel('Your cue phrase').fill('I think our loop is here.');
    await eli.page.getByLabel('How long you pause, each on your own').selectOption('30');
    await eli.page.getByRole('radio', { name: /^Paced breathing/ }).check();
    await eli.page.getByRole('button', { name: 'Save the plan' }).click();
    await eli.page.getByText('Either of you says').waitFor({ timeout: REALTIME_MS });
    await noor.page.getByText('Either of you says').waitFor({ timeout: REALTIME_MS });
    assert.ok(await noor.page.getByText('I think our loop is here.').isVisible());
    assert.equal(
      await noor.page.getByRole('radio', { name: /^Touch/ }).count(),
      0,
      'no touch practice is offered for a plan',
    );
    await screenVisit(noor.page, 'cycle-named-and-planned');

    // The same map at desktop width, light and dark, signed in as Noor: the loop uses the room.
    const identity = (await noorApp.context.cookies()).find((cookie) => cookie.httpOnly);
    assert.ok(identity, 'Noor has an identity cookie');
    await screenshotsOfScreen(app, `${relationshipPath}/cycle`, 'cycle-revealed-wide', {
      cookie: `${identity.name}=${identity.value}`,
      devices: ['desktop'],
      prepare: async (page) => {
        await loopPicture(page, NOOR, ELI).waitFor({ timeout: REALTIME_MS });
      },
    });
  });

  step('from the relationship: practise together now opens a live session for both', async () => {
    await noor.page.goto(relationshipPath);
    await noor.page.getByRole('heading', { level: 1, name: `You and ${ELI}` }).waitFor();
    await noor.page.getByText(`You call it “${CYCLE_NAME}”.`).waitFor({ timeout: REALTIME_MS });
    await screenVisit(noor.page, 'relationship-home-mapped');
    await noor.page.getByRole('button', { name: 'Practise together now' }).click();
    const address = await noor.page.getByLabel('Session address').inputValue();
    assert.match(address, /\/session\/[^/]+$/);
    await screenVisit(noor.page, 'relationship-session-ready');
    await eli.page.goto(new URL(address).pathname);
    await screenReady(eli.page);
    assert.equal(await eli.page.getByRole('heading', { level: 1 }).first().innerText(), 'Together');
  });

  step(
    'Eli leaves after a plain confirm; sharing stops and the map is put away for Noor too',
    async () => {
      await eli.page.goto(relationshipPath);
      await eli.page.getByRole('heading', { level: 1, name: `You and ${NOOR}` }).waitFor();
      await eli.page.getByRole('button', { name: 'Leave this relationship' }).click();
      const question = eli.page.getByRole('group', { name: /Leave this relationship\?/ });
      await question.waitFor();
      assert.match(await question.innerText(), /All sharing stops at once/);
      await screenVisit(eli.page, 'relationship-leave-confirm');
      // Escape from inside the question changes nothing and hands focus back to the button that asked.
      await eli.page.getByRole('button', { name: 'Stay' }).focus();
      await eli.page.keyboard.press('Escape');
      const leave = eli.page.getByRole('button', { name: 'Leave this relationship' });
      await leave.waitFor();
      assert.equal(
        await leave.evaluate((button) => button === document.activeElement),
        true,
        'focus is back on "Leave"',
      );
      await leave.click();
      await eli.page.getByRole('button', { name: 'Yes, leave' }).click();
      await eli.page
        .getByRole('heading', { level: 1, name: 'You have left' })
        .waitFor({ timeout: REALTIME_MS });
      await screenVisit(eli.page, 'relationship-left');

      await noor.page.goto(`${relationshipPath}/cycle`);
      await noor.page
        .getByRole('heading', { level: 1, name: 'Your cycle map' })
        .waitFor({ timeout: REALTIME_MS });
      assert.equal(
        await noor.page.getByText('Eliwords').count(),
        0,
        'nothing Eli wrote is shown after leaving',
      );
    },
  );
});
