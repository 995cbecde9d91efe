/**
 * The app shell in a real browser against the real server: the home page on phone and desktop,
 * "Need help now?" (a header button, a dialog with resources that says Attune is not an emergency
 * service, Escape closes it, reachable by keyboard) on every screen, no third-party requests, axe
 * clean, and screenshots. Written against roles and names so it keeps passing as screens fill in.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeAssertClean } from './support/axe.ts';
import {
  COLOR_SCHEMES,
  DEVICE_KINDS,
  browserOrSkipReason,
  e2eAppStart,
  type AppContext,
  type AppContextOptions,
  type E2eApp,
} from './support/browser.ts';
import { screenshotSave } from './support/screenshots.ts';
import {
  appScreens,
  helpButton,
  helpDialog,
  helpOpen,
  screenHeading,
  screenReady,
  type AppScreen,
} from './support/screens.ts';

/** Tab presses from the top of the page within which "Need help now?" must be reached. */
const HELP_MAX_TABS = 5;

const skip = browserOrSkipReason();

describe('app shell in Chromium', { skip }, () => {
  let app: E2eApp;

  before(async () => {
    app = await e2eAppStart();
  });

  after(async () => {
    await app.stop();
  });

  /** Runs `body` in a fresh context, then checks it made no third-party request and threw nothing. */
  async function inContext(
    options: AppContextOptions,
    body: (page: Page, context: AppContext) => Promise<void>,
  ): Promise<void> {
    const context = await app.contextNew(options);
    try {
      const page = await context.pageNew();
      await body(page, context);
      context.assertNoPageErrors();
      context.assertNoServerErrors();
      context.assertNoForeignRequests();
    } finally {
      await context.close();
    }
  }

  async function openScreen(page: Page, screen: Pick<AppScreen, 'path'>): Promise<void> {
    const response = await page.goto(screen.path);
    assert.equal(response?.status(), 200, `GET ${screen.path}`);
    await screenReady(page);
  }

  /** Presses Tab from the top of the page until "Need help now?" has focus; returns the presses. */
  async function tabToHelp(page: Page): Promise<number> {
    // Start sequential focus navigation from the very top, wherever the screen put focus: focus a
    // throwaway element placed first in <body> (tabindex -1 keeps it out of the Tab order).
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      const start = document.createElement('span');
      start.tabIndex = -1;
      start.dataset.e2eFocusStart = '';
      document.body.prepend(start);
      start.focus();
    });
    const button = helpButton(page);
    for (let presses = 1; presses <= HELP_MAX_TABS; presses += 1) {
      await page.keyboard.press('Tab');
      if (await button.evaluate((element) => element === document.activeElement)) {
        await page.evaluate(() => document.querySelector('[data-e2e-focus-start]')?.remove());
        return presses;
      }
    }
    const focused = await page.evaluate(
      () => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing',
    );
    assert.fail(
      `"Need help now?" not reached within ${HELP_MAX_TABS} Tab presses from the top; focus is on ${focused}`,
    );
  }

  test('the home page loads on phone and desktop', async () => {
    for (const device of DEVICE_KINDS) {
      await inContext({ device }, async (page) => {
        await openScreen(page, { path: '/' });
        assert.match(await page.title(), /Attune/);
        assert.equal(await screenHeading(page).count(), 1, `${device}: one level-1 heading`);
        assert.ok(
          await helpButton(page).isVisible(),
          `${device}: "Need help now?" is visible in the header`,
        );
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        assert.ok(overflow <= 0, `${device}: the page scrolls sideways by ${overflow}px`);
      });
    }
  });

  test('"Need help now?" opens a dialog of resources that says Attune is not an emergency service; Escape closes it', async () => {
    await inContext({ device: 'phone' }, async (page) => {
      await openScreen(page, { path: '/' });
      const button = helpButton(page);
      assert.equal(await button.getAttribute('aria-haspopup'), 'dialog');
      await button.tap();
      const dialog = helpDialog(page);
      await dialog.waitFor({ state: 'visible', timeout: 5_000 });
      assert.match(await dialog.innerText(), /Attune is not an emergency service/i);
      assert.ok(
        (await dialog.getByRole('listitem').count()) >= 1,
        'the dialog lists at least one resource',
      );
      assert.ok(
        (await dialog.getByRole('link', { name: /^(Call|Text) / }).count()) >= 1,
        'at least one resource can be called or texted with one tap',
      );
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
      assert.equal(await page.getByRole('dialog').count(), 0, 'no dialog left open');
    });
  });

  test('"Need help now?" is reached by keyboard within a few Tab presses and opens and closes by keyboard', async () => {
    await inContext({ device: 'desktop' }, async (page) => {
      await openScreen(page, { path: '/' });
      const presses = await tabToHelp(page);
      assert.ok(presses <= HELP_MAX_TABS);
      await page.keyboard.press('Enter');
      const dialog = helpDialog(page);
      await dialog.waitFor({ state: 'visible', timeout: 5_000 });
      assert.ok(
        await dialog.evaluate((element) => element.contains(document.activeElement)),
        'focus moves into the dialog',
      );
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
      assert.ok(
        await helpButton(page).evaluate((element) => element === document.activeElement),
        'focus returns to "Need help now?" after Escape',
      );
    });
  });

  test('axe: no serious or critical violation on home, with and without the help dialog', async () => {
    const variants: AppContextOptions[] = [
      { device: 'phone', colorScheme: 'light' },
      { device: 'desktop', colorScheme: 'dark' },
    ];
    for (const variant of variants) {
      await inContext(variant, async (page) => {
        const label = `home (${variant.device}, ${variant.colorScheme ?? 'light'})`;
        await openScreen(page, { path: '/' });
        await axeAssertClean(page, label);
        await helpOpen(page);
        await axeAssertClean(page, `${label} with the help dialog open`);
      });
    }
  });

  test('screenshots of home and of the help dialog, phone and desktop, light and dark', async () => {
    const saved: string[] = [];
    for (const device of DEVICE_KINDS) {
      for (const colorScheme of COLOR_SCHEMES) {
        await inContext({ device, colorScheme }, async (page) => {
          await openScreen(page, { path: '/' });
          saved.push(await screenshotSave(page, 'home'));
          await helpOpen(page);
          saved.push(await screenshotSave(page, 'help'));
        });
      }
    }
    assert.equal(saved.length, 8);
  });

  // Between them, the next two tests screenshot every screen on phone and desktop, light and dark.
  test('crisis help is reachable from every screen', async (t) => {
    const screens = await appScreens(app.baseUrl);
    for (const screen of screens) {
      await t.test(screen.name, async () => {
        const cookie = screen.cookie === undefined ? {} : { cookie: screen.cookie };
        // On a phone, by tap.
        await inContext({ device: 'phone', colorScheme: 'dark', ...cookie }, async (page) => {
          await openScreen(page, screen);
          await screenshotSave(page, screen.name);
          await helpButton(page).tap();
          const dialog = helpDialog(page);
          await dialog.waitFor({ state: 'visible', timeout: 5_000 });
          assert.match(await dialog.innerText(), /not an emergency service/i);
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
        });
        // On a desktop, by keyboard from the top of the page.
        await inContext({ device: 'desktop', colorScheme: 'light', ...cookie }, async (page) => {
          await openScreen(page, screen);
          await screenshotSave(page, screen.name);
          await tabToHelp(page);
          await page.keyboard.press('Enter');
          await helpDialog(page).waitFor({ state: 'visible', timeout: 5_000 });
          await page.keyboard.press('Escape');
          await helpDialog(page).waitFor({ state: 'hidden', timeout: 5_000 });
        });
      });
    }
  });

  test('axe finds no serious or critical violation on any screen', async (t) => {
    const screens = await appScreens(app.baseUrl);
    for (const screen of screens) {
      await t.test(screen.name, async () => {
        const cookie = screen.cookie === undefined ? {} : { cookie: screen.cookie };
        for (const variant of [
          { device: 'phone', colorScheme: 'light' },
          { device: 'desktop', colorScheme: 'dark' },
        ] as const) {
          await inContext({ ...variant, ...cookie }, async (page) => {
            await openScreen(page, screen);
            await screenshotSave(page, screen.name);
            await axeAssertClean(
              page,
              `${screen.name} (${variant.device}, ${variant.colorScheme})`,
            );
          });
        }
      });
    }
  });
});
