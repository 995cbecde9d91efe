/**
 * Screenshots for people to look at: e2e-artifacts/screenshots/<name>-<phone|desktop>-<light|dark>.png
 * (git-ignored). Full page, animations stopped, so the pictures are steady from run to run.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import {
  COLOR_SCHEMES,
  DEVICE_KINDS,
  contextMetaOf,
  type AppContext,
  type AppContextOptions,
  type ColorScheme,
  type DeviceKind,
} from './browser.ts';
import { screenReady } from './screens.ts';

/** Where screenshots go. */
export const SCREENSHOT_DIR = resolve('e2e-artifacts/screenshots');

/** The file a screenshot of `name` on `device` in `colorScheme` is saved to. */
export function screenshotPath(name: string, device: DeviceKind, colorScheme: ColorScheme): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    throw new Error(
      `screenshot name ${JSON.stringify(name)}: use lower-case letters, digits and hyphens`,
    );
  }
  return join(SCREENSHOT_DIR, `${name}-${device}-${colorScheme}.png`);
}

/**
 * Saves the page as it is now. Device and colour scheme come from the page's context (made by
 * `appContextNew`), or from `as` for other contexts. Returns the file's path.
 */
export async function screenshotSave(
  page: Page,
  name: string,
  as?: { device: DeviceKind; colorScheme: ColorScheme },
): Promise<string> {
  const meta = as ?? contextMetaOf(page.context());
  if (meta === undefined)
    throw new Error('screenshotSave: not an app context; pass { device, colorScheme }');
  const path = screenshotPath(name, meta.device, meta.colorScheme);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  return path;
}

/** Something that makes app contexts (an `E2eApp`). */
export interface ContextMaker {
  contextNew(options: AppContextOptions): Promise<AppContext>;
}

/** Options for `screenshotsOfScreen`. */
export interface ScreenshotsOptions {
  /** Sign the contexts in with this cookie ("name=value"). */
  cookie?: string;
  /** Devices to shoot; default both. */
  devices?: readonly DeviceKind[];
  /** Colour schemes to shoot; default both. */
  colorSchemes?: readonly ColorScheme[];
  /** Runs after the screen is ready and before the picture (open a dialog, fill a form, …). */
  prepare?: (page: Page) => Promise<void>;
}

/**
 * Opens `path` in a fresh context for each device and colour scheme, waits for the screen, and
 * saves a screenshot of each. Fails on a third-party request, an uncaught error or a 429/5xx answer. Returns the files.
 */
export async function screenshotsOfScreen(
  app: ContextMaker,
  path: string,
  name: string,
  options: ScreenshotsOptions = {},
): Promise<string[]> {
  const saved: string[] = [];
  for (const device of options.devices ?? DEVICE_KINDS) {
    for (const colorScheme of options.colorSchemes ?? COLOR_SCHEMES) {
      const context = await app.contextNew({
        device,
        colorScheme,
        ...(options.cookie === undefined ? {} : { cookie: options.cookie }),
      });
      try {
        const page = await context.pageNew();
        await page.goto(path);
        await screenReady(page);
        if (options.prepare !== undefined) await options.prepare(page);
        saved.push(await screenshotSave(page, name));
        context.assertNoPageErrors();
        context.assertNoServerErrors();
        context.assertNoForeignRequests();
      } finally {
        await context.close();
      }
    }
  }
  return saved;
}
