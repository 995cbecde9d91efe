/**
 * Driving the account screens in Chromium against the real server: the app served on
 * `http://localhost:<port>` (browsers refuse passkeys on an IP address such as 127.0.0.1, so
 * WebAuthn needs a host name), phone pages at 360×740, creating an account with a passkey or a
 * password, reading and confirming the recovery codes, signing in every way and signing out, and
 * calling the API from inside the page (its cookies, its Origin) for checks.
 * Targets are roles and visible names, as a person would find them.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { portFree, testServerStart } from '../../src/server/testing/test-server.ts';
import {
  E2E_SERVER_ENV,
  appContextNew,
  browserLaunch,
  webBuildRequire,
  type AppContext,
  type AppContextOptions,
  type E2eApp,
} from './browser.ts';
import { screenReady } from './screens.ts';

/** Account steps (argon2, a passkey ceremony, a navigation) get this long. */
export const ACCOUNT_MS = 15_000;

/** The phone size the account screens are checked at. */
export const PHONE_360 = { width: 360, height: 740 } as const;

/**
 * Starts a real server whose public origin is `http://localhost:<port>` (it still listens on
 * 127.0.0.1, which localhost resolves to), and Chromium. Same shape as `e2eAppStart`.
 */
export async function accountAppStart(environment: Readonly<Record<string, string>> = {}): Promise<E2eApp> {
  webBuildRequire();
  const port = await portFree();
  const baseUrl = `http://localhost:${port}`;
  const server = await testServerStart({ ...E2E_SERVER_ENV, PORT: String(port), PUBLIC_ORIGIN: baseUrl, ...environment });
  let browser;
  try {
    browser = await browserLaunch();
  } catch (error) {
    await server.stop();
    throw error;
  }
  const launched = browser;
  return {
    server: { ...server, baseUrl },
    browser: launched,
    baseUrl,
    contextNew: (options: AppContextOptions) => appContextNew(launched, baseUrl, options),
    stop: async () => {
      await launched.close().catch(() => undefined);
      await server.stop();
    },
  };
}

/** A phone context (light or dark) and a page sized 360×740. */
export async function phonePageNew(
  app: E2eApp,
  options: Omit<AppContextOptions, 'device'> = {},
): Promise<{ app: AppContext; page: Page }> {
  const context = await app.contextNew({ device: 'phone', ...options });
  const page = await context.pageNew();
  await page.setViewportSize(PHONE_360);
  return { app: context, page };
}

/** What an answer from the API looked like, seen from inside the page. */
export interface PageAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** Calls the API from inside `page` (its cookies and Origin), as the app itself would. */
export async function pageApi(page: Page, method: string, path: string, body?: unknown): Promise<PageAnswer> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body }),
      });
      const text = await response.text();
      let parsed: unknown = null;
      try {
        parsed = text === '' ? null : JSON.parse(text);
      } catch {
        parsed = text;
      }
      return { status: response.status, body: parsed };
    },
    { method, path, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) },
  );
}

/** The error code of an API answer, if it carries one. */
export function errorCodeOf(answer: PageAnswer): string | undefined {
  const body = answer.body as { error?: { code?: unknown } } | null;
  return typeof body?.error?.code === 'string' ? body.error.code : undefined;
}

/** Who the page's device is to the server (`GET /api/identity`), or null when no one. */
export async function identityOf(page: Page): Promise<{ id: string; displayName: string; kind: string } | null> {
  const answer = await pageApi(page, 'GET', '/api/identity');
  if (answer.status === 401) return null;
  assert.equal(answer.status, 200, `GET /api/identity answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body as { id: string; displayName: string; kind: string };
}

/** The header link to the account once signed in ("Your account: <name>"). */
export function headerAccountLink(page: Page, displayName: string): Locator {
  return page.getByRole('banner').getByRole('link', { name: `Your account: ${displayName}` });
}

/** The header's "Sign in" link. */
export function headerSignInLink(page: Page): Locator {
  return page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true });
}

/** Who is creating an account. */
export interface AccountDetails {
  readonly displayName: string;
  readonly signInName: string;
}

/** Opens the create screen and fills the two names. */
export async function createOpenAndFill(page: Page, details: AccountDetails): Promise<void> {
  await page.goto('/account/create');
  await page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor({ timeout: ACCOUNT_MS });
  await page.getByLabel('Your name').fill(details.displayName);
  await page.getByLabel('Sign-in name').fill(details.signInName);
}

/** The recovery-codes step after creating an account. */
export function recoveryCodesHeading(page: Page): Locator {
  return page.getByRole('heading', { name: /save your recovery codes/i });
}

/** The recovery codes on the page, one string each. */
export async function recoveryCodesRead(page: Page): Promise<string[]> {
  const codes = await page.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem').allInnerTexts();
  const trimmed = codes.map((code) => code.trim()).filter((code) => code !== '');
  assert.ok(trimmed.length >= 5, `the page shows the recovery codes (saw ${trimmed.length})`);
  return trimmed;
}

/** Presses "Create with a passkey" (the page needs a virtual authenticator) and waits for the codes. */
export async function createWithPasskey(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Create with a passkey' }).click();
  await recoveryCodesHeading(page).waitFor({ timeout: ACCOUNT_MS });
  return recoveryCodesRead(page);
}

/** Opens "Use a password instead" on the page (if it is closed). */
export async function passwordWayOpen(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Use a password instead' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** Creates with a password instead, and waits for the codes. */
export async function createWithPassword(page: Page, password: string): Promise<string[]> {
  await passwordWayOpen(page);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create with a password' }).click();
  await recoveryCodesHeading(page).waitFor({ timeout: ACCOUNT_MS });
  return recoveryCodesRead(page);
}

/** Presses "I have saved them" and waits for the account page. */
export async function recoveryCodesSaved(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await accountPageReady(page);
}

/** Waits for the account settings page with the account loaded. */
export async function accountPageReady(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor({ timeout: ACCOUNT_MS });
  await page.getByRole('heading', { level: 2, name: 'Passkeys' }).waitFor({ timeout: ACCOUNT_MS });
}

/** Opens the account page. */
export async function accountPageOpen(page: Page): Promise<void> {
  await page.goto('/account');
  await accountPageReady(page);
}

/** On the account page: "Sign out" (or "Sign out everywhere"); waits for the sign-in page and its notice. */
export async function signOutFromAccountPage(page: Page, everywhere = false): Promise<void> {
  await page.getByRole('button', { name: everywhere ? 'Sign out everywhere' : 'Sign out', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ timeout: ACCOUNT_MS });
  await page
    .getByText(everywhere ? 'You are signed out on every device, this one included.' : 'You are signed out on this device.')
    .waitFor({ timeout: ACCOUNT_MS });
}

/** Opens the sign-in page. */
export async function signInOpen(page: Page): Promise<void> {
  await page.goto('/account/sign-in');
  await screenReady(page);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ timeout: ACCOUNT_MS });
}

/** Presses "Sign in with a passkey" and waits until the header names the account. */
export async function signInWithPasskey(page: Page, displayName: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await headerAccountLink(page, displayName).waitFor({ timeout: ACCOUNT_MS });
}

/** Fills and sends the password form (opening it first); does not wait for the outcome. */
export async function signInPasswordSubmit(page: Page, signInName: string, password: string): Promise<void> {
  await passwordWayOpen(page);
  await page.getByLabel('Sign-in name').fill(signInName);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in with my password' }).click();
}

/**
 * Presses Tab until the focused element's accessible text is `name` (at most `limit` times).
 * Fails naming what had focus, so a keyboard trap or a missing control shows.
 */
export async function tabTo(page: Page, name: RegExp, limit = 40): Promise<void> {
  const seen: string[] = [];
  for (let index = 0; index < limit; index += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      if (!(element instanceof HTMLElement)) return '';
      const labelled = element.id === '' ? null : document.querySelector(`label[for="${CSS.escape(element.id)}"]`);
      return (element.getAttribute('aria-label') ?? labelled?.textContent ?? element.innerText).trim();
    });
    seen.push(focused);
    if (name.test(focused)) return;
  }
  assert.fail(`Tab never reached ${String(name)}; focus went through: ${seen.join(' | ')}`);
}
