/**
 * The instance in Chromium against a fresh server (issue 6, "The instance"), on a 360×740 phone:
 * (a) first run: without the link the page says how to get one; the setup link (made as
 *     `attune setup-link` makes it, against the server's DATA_DIR) opens the setup page, which
 *     makes the operator with a password, shows the recovery codes and opens the operator's page;
 *     the link then no longer works;
 * (b) the operator marks another account as a practitioner (by keyboard), switches an account
 *     off (that person's next request is signed out), edits the crisis resources (someone else
 *     sees them behind "Need help now?") and makes a backup (a consistent file on the server's
 *     disk, never offered for download);
 * (c) someone who is not the operator is told the page is not for them.
 * On every screen visited: help reachable, axe clean (light and dark), screenshots, no third-party
 * request, no page error, no server error, nothing wider than the phone.
 */
import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { setupLinkFor } from '../src/cli/setup-link.ts';
import {
  ACCOUNT_MS,
  accountAppStart,
  createWithPassword,
  errorCodeOf,
  headerSignInLink,
  pageApi,
  passwordWayOpen,
  phonePageNew,
  recoveryCodesHeading,
  tabTo,
} from './support/account-flow.ts';
import { browserOrSkipReason, type AppContext, type E2eApp } from './support/browser.ts';
import { helpOpen, screenReady } from './support/screens.ts';
import { screenVisit } from './support/session-flow.ts';

const skip = browserOrSkipReason();

const OPERATOR_PASSWORD = 'lantern harbour evening walk';
const PERSON_PASSWORD = 'meadow candle morning song';

function contextsAssertClean(contexts: readonly AppContext[]): void {
  for (const context of contexts) {
    context.assertNoForeignRequests();
    context.assertNoPageErrors();
    context.assertNoServerErrors();
  }
}

async function fitsThePhone(page: Page, label: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${label}: the page is ${String(width)} px wide on a 360 px phone`);
}

async function operatorPageReady(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'This Attune' }).waitFor({ timeout: ACCOUNT_MS });
  for (const name of ['Crisis resources', 'Accounts', 'Backups']) {
    await page.getByRole('heading', { level: 2, name }).waitFor({ timeout: ACCOUNT_MS });
  }
  await page.getByRole('button', { name: 'Save for everyone' }).waitFor({ timeout: ACCOUNT_MS });
  await page.getByRole('list', { name: 'Accounts' }).waitFor({ timeout: ACCOUNT_MS });
  await page.getByRole('button', { name: 'Make a backup now' }).waitFor({ timeout: ACCOUNT_MS });
}

describe('The instance in Chromium: first-run setup and the operator', { skip }, () => {
  let app: E2eApp;
  const open: AppContext[] = [];
  let operator: { app: AppContext; page: Page } | null = null;

  before(async () => {
    app = await accountAppStart();
  });
  after(async () => {
    for (const context of open) await context.close().catch(() => undefined);
    await app.stop();
  });

  async function phone(options: { colorScheme?: 'light' | 'dark' } = {}) {
    const made = await phonePageNew(app, options);
    open.push(made.app);
    return made;
  }

  /** A person with an account, signed in on their own phone. */
  async function personSignedIn(displayName: string, signInName: string) {
    const made = await phone();
    await made.page.goto('/');
    await screenReady(made.page);
    const answer = await pageApi(made.page, 'POST', '/api/account/register/password', { signInName, displayName, password: PERSON_PASSWORD });
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    return made;
  }

  test('(a) the setup link makes the operator with a password, once', async () => {
    const { app: context, page } = await phone({ colorScheme: 'light' });
    await page.goto('/setup');
    await page.getByText('This page needs the whole setup link').waitFor({ timeout: ACCOUNT_MS });
    await screenVisit(page, 'setup-no-link-360');

    // What `attune setup-link` does, against the running server's data directory.
    const made = await setupLinkFor({ DATA_DIR: app.server.dataDir, PUBLIC_ORIGIN: app.baseUrl, LOG_LEVEL: 'silent' }, Date.now());
    assert.ok(made.kind === 'link_made');
    assert.match(made.link, new RegExp(`^${app.baseUrl}/setup#[A-Za-z0-9_-]{43}$`));
    await page.goto(made.link);
    await page.getByRole('heading', { level: 1, name: 'Set up this Attune' }).waitFor({ timeout: ACCOUNT_MS });
    await page.getByLabel('Your name').waitFor({ timeout: ACCOUNT_MS });
    await page.getByLabel('Your name').fill('Sam');
    await page.getByLabel('Sign-in name').fill('sam.keeper');
    await passwordWayOpen(page);
    await fitsThePhone(page, 'setup');
    await screenVisit(page, 'setup-360');
    const codes = await createWithPassword(page, OPERATOR_PASSWORD);
    assert.ok(codes.length >= 5);
    await recoveryCodesHeading(page).waitFor();
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await operatorPageReady(page);
    assert.equal(new URL(page.url()).hash, '', 'the token is gone from the address bar');
    const me = await pageApi(page, 'GET', '/api/account');
    assert.equal((me.body as { role: string }).role, 'operator');

    // The link worked once: opening it again says setup is done.
    const other = await phone();
    await other.page.goto(made.link);
    await other.page.getByText('This Attune already has its operator account').waitFor({ timeout: ACCOUNT_MS });
    await screenVisit(other.page, 'setup-done-360');
    assert.equal(errorCodeOf(await pageApi(other.page, 'POST', '/api/setup/check', { token: made.link.split('#')[1] })), 'setup_done');
    operator = { app: context, page };
    contextsAssertClean([context, other.app]);
  });

  test('(b) practitioners, switching an account off, crisis resources and a backup', async () => {
    assert.ok(operator !== null, 'test (a) made the operator');
    const { page } = operator;
    const robin = await personSignedIn('Robin', 'robin.helps');
    const kai = await personSignedIn('Kai', 'kai.leaving');
    await page.reload();
    await operatorPageReady(page);
    await fitsThePhone(page, 'operator');
    await screenVisit(page, 'operator-360');

    // Mark Robin as a practitioner, by keyboard alone: the "Accounts" jump link, then Tab.
    await page.getByRole('link', { name: 'Accounts', exact: true }).focus();
    await page.keyboard.press('Enter');
    await tabTo(page, /^Practitioner\s*: Robin$/, 10);
    await page.keyboard.press('Space');
    await page.getByText('Robin is now shown as a practitioner people can book.').waitFor({ timeout: ACCOUNT_MS });
    assert.equal(await page.getByRole('button', { name: /^Practitioner\s*:\s*Robin$/ }).getAttribute('aria-pressed'), 'true');
    const booked = await pageApi(robin.page, 'GET', '/api/account');
    assert.equal((booked.body as { role: string }).role, 'practitioner');

    // Switch Kai off: a plain question first, then they are signed out at once.
    assert.equal((await pageApi(kai.page, 'GET', '/api/account')).status, 200);
    await page.getByRole('button', { name: 'Switch off Kai’s account' }).click();
    await page.getByText('Switch off Kai’s account?').waitFor();
    await screenVisit(page, 'operator-switch-off-360', { screenshot: true });
    await page.getByRole('button', { name: 'Switch it off' }).click();
    await page.getByText('Kai’s account is switched off, and they are signed out everywhere.').waitFor({ timeout: ACCOUNT_MS });
    const kaiNext = await pageApi(kai.page, 'GET', '/api/account');
    assert.equal(kaiNext.status, 401, 'Kai\'s very next request is signed out');
    await kai.page.reload();
    await headerSignInLink(kai.page).waitFor({ timeout: ACCOUNT_MS });
    const kaiAgain = await pageApi(kai.page, 'POST', '/api/account/login/password', { signInName: 'kai.leaving', password: PERSON_PASSWORD });
    assert.equal(errorCodeOf(kaiAgain), 'account_disabled');
    assert.ok(await page.getByRole('button', { name: 'Switch on Kai’s account' }).isVisible());

    // Crisis resources: a new one, saved for everyone, shown to someone else.
    await page.getByLabel('Words at the top').fill(
      'Attune is not an emergency service. If anyone might be in danger, call 112 now. The people below are there to listen.',
    );
    await page.getByRole('button', { name: 'Add a resource' }).click();
    const name = page.getByLabel('Name').last();
    assert.ok(await name.evaluate((element) => element === document.activeElement), 'the new row\'s name has focus');
    await name.fill('Harbour Line');
    await page.getByLabel('What it is (optional)').last().fill('Someone to talk to, day and night.');
    await page.getByLabel('Number to call (optional)').last().fill('0800 111 222');
    await page.getByRole('button', { name: 'Save for everyone' }).click();
    await page.getByText('Saved. Everyone sees these behind “Need help now?”').waitFor({ timeout: ACCOUNT_MS });
    const visitor = await phone({ colorScheme: 'dark' });
    await visitor.page.goto('/');
    await screenReady(visitor.page);
    const dialog = await helpOpen(visitor.page);
    await dialog.getByText('Harbour Line').waitFor({ timeout: ACCOUNT_MS });
    await dialog.getByRole('link', { name: 'Call 0800 111 222' }).waitFor();
    assert.match(await dialog.innerText(), /The people below are there to listen/);
    await visitor.page.keyboard.press('Escape');

    // A backup: where it went, consistent, and nothing on the page downloads it.
    await page.getByRole('button', { name: 'Make a backup now' }).click();
    const status = page.getByText(/^Backup made \(.+\)\. It is on the server at /);
    await status.waitFor({ timeout: ACCOUNT_MS });
    const path = /at (\/\S+\.sqlite)$/.exec(await status.innerText())?.[1] ?? '';
    assert.ok(path.startsWith(resolve(app.server.dataDir, 'backups')), path);
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    const copy = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    try {
      assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
    } finally {
      copy.close();
    }
    assert.equal(await page.locator('a[download], a[href*="/backups"], a[href$=".sqlite"], a[href$=".pgdump"]').count(), 0, 'no link offers a backup');
    await page.getByRole('heading', { level: 3, name: 'In the folder now' }).waitFor();
    await fitsThePhone(page, 'operator after changes');
    await screenVisit(page, 'operator-after-360');
    contextsAssertClean([operator.app, robin.app, kai.app, visitor.app]);
  });

  test('(c) the operator page in the dark, and for someone who is not the operator', async () => {
    assert.ok(operator !== null, 'test (a) made the operator');
    const dark = await phone({ colorScheme: 'dark' });
    await dark.page.goto('/account/sign-in');
    await screenReady(dark.page);
    const signedIn = await pageApi(dark.page, 'POST', '/api/account/login/password', { signInName: 'sam.keeper', password: OPERATOR_PASSWORD });
    assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
    await dark.page.goto('/operator');
    await operatorPageReady(dark.page);
    await screenVisit(dark.page, 'operator-360');

    const someone = await personSignedIn('Noa', 'noa.curious');
    await someone.page.goto('/operator');
    await someone.page.getByText('This page is for whoever looks after this Attune').waitFor({ timeout: ACCOUNT_MS });
    await screenVisit(someone.page, 'operator-not-yours-360');
    const refused = await pageApi(someone.page, 'GET', '/api/operator/accounts');
    assert.equal(refused.status, 404);
    contextsAssertClean([dark.app, someone.app]);
  });
});
