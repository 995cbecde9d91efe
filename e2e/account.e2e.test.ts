/**
 * Accounts in Chromium against the real server (issue 6), on a 360×740 phone:
 * (a) create an account with a passkey (the DevTools virtual authenticator), sign out, sign in
 *     again with the passkey;
 * (b) the sign-in answer cannot be replayed: the same verify body sent again is refused;
 * (c) the password fallback: create with a password, see the recovery codes, sign out; a wrong
 *     password shows the server's sentence and keeps what was typed; sign in with the password
 *     (by keyboard alone), then with a recovery code (which then stops working); a change that
 *     needs "confirm it is you" asks inline and goes ahead by itself;
 * (d) a guest who joined a live session creates an account from home's offer and keeps the same
 *     identity;
 * (e) "Sign out everywhere" in one browser ends the sign-in of another;
 * (f) sign-in, create and settings pass axe, in light and dark, with screenshots at 360 px.
 * On every screen visited: help reachable, axe clean, no third-party request, no page error.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { browserOrSkipReason, type AppContext, type E2eApp } from './support/browser.ts';
import {
  ACCOUNT_MS,
  accountAppStart,
  accountPageOpen,
  accountPageReady,
  createOpenAndFill,
  createWithPasskey,
  createWithPassword,
  errorCodeOf,
  headerAccountLink,
  headerSignInLink,
  identityOf,
  pageApi,
  passwordWayOpen,
  phonePageNew,
  recoveryCodesSaved,
  signInOpen,
  signInPasswordSubmit,
  signInWithPasskey,
  signOutFromAccountPage,
  tabTo,
} from './support/account-flow.ts';
import { sessionCreate } from './support/screens.ts';
import { REALTIME_MS, joinFill, joinOpen, screenVisit } from './support/session-flow.ts';
import { virtualAuthenticatorAdd } from './support/virtual-authenticator.ts';

const skip = browserOrSkipReason();

/** The checks every test ends with, for each context it used. */
function contextsAssertClean(contexts: readonly AppContext[]): void {
  for (const context of contexts) {
    context.assertNoForeignRequests();
    context.assertNoPageErrors();
    context.assertNoServerErrors();
  }
}

describe('Accounts in Chromium: passkeys first, passwords and recovery codes as fallbacks', { skip }, () => {
  let app: E2eApp;
  const open: AppContext[] = [];

  before(async () => {
    app = await accountAppStart();
  });

  after(async () => {
    for (const context of open) await context.close().catch(() => undefined);
    await app.stop();
  });

  async function phone(options: { colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' } = {}) {
    const made = await phonePageNew(app, options);
    open.push(made.app);
    return made;
  }

  test('(a, b) create an account with a passkey, sign out, sign in with it; the sign-in cannot be replayed', async () => {
    const { app: context, page } = await phone({ colorScheme: 'light' });
    const authenticator = await virtualAuthenticatorAdd(page);

    await createOpenAndFill(page, { displayName: 'Noor', signInName: 'noor.passkey' });
    await screenVisit(page, 'account-create-360');
    const codes = await createWithPasskey(page);
    assert.equal(new Set(codes).size, codes.length, 'the recovery codes are all different');
    await screenVisit(page, 'account-recovery-codes-360');
    await recoveryCodesSaved(page);

    const credentials = await authenticator.credentials();
    assert.equal(credentials.length, 1, 'the device holds one passkey');
    assert.equal(credentials[0]!.isResidentCredential, true, 'a passkey that signs in on its own (discoverable)');
    assert.equal(credentials[0]!.rpId, 'localhost');
    assert.ok(await headerAccountLink(page, 'Noor').isVisible(), 'the header names the account');
    const passkeys = page.getByRole('list', { name: 'Passkeys' }).getByRole('listitem');
    assert.equal(await passkeys.count(), 1, 'the account lists its passkey');
    await screenVisit(page, 'account-settings-360');
    const me = await identityOf(page);
    assert.equal(me?.kind, 'account');

    await signOutFromAccountPage(page);
    assert.equal(await identityOf(page), null, 'signed out: the device is no one');
    assert.ok(await headerSignInLink(page).isVisible(), 'the header offers "Sign in"');
    await screenVisit(page, 'account-sign-in-360');

    // Watch the sign-in's verify request, to send it again afterwards.
    const captured: { verifyBody: string | null } = { verifyBody: null };
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/account/login/passkey/verify') {
        captured.verifyBody = request.postData();
      }
    });
    await signInWithPasskey(page, 'Noor');
    assert.equal(new URL(page.url()).pathname, '/', 'signing in goes back to the start');
    assert.equal((await identityOf(page))?.id, me.id, 'the same account');
    const verifyBody = captured.verifyBody;
    assert.ok(verifyBody !== null, 'the sign-in sent its verify request');

    // (b) The same signed answer, sent again: its challenge was used up.
    const replay = await pageApi(page, 'POST', '/api/account/login/passkey/verify', verifyBody);
    assert.equal(replay.status, 400, `a replayed sign-in is refused (${JSON.stringify(replay.body)})`);
    assert.equal(errorCodeOf(replay), 'passkey_failed');

    contextsAssertClean([context]);
  });

  test('(c) password fallback: create, recovery codes, a wrong password keeps what was typed, password, recovery code, confirm it is you', async () => {
    const { app: context, page } = await phone({ colorScheme: 'dark', reducedMotion: 'reduce' });
    const name = 'eli.password';
    const password = 'quiet harbour lamp seven';
    await createOpenAndFill(page, { displayName: 'Eli', signInName: name });
    await passwordWayOpen(page);
    const passwordField = page.getByLabel('Password', { exact: true });
    await passwordField.fill(password);
    // Show and hide: the same field, its text visible only while shown.
    await page.getByRole('button', { name: 'Show password' }).click();
    assert.equal(await passwordField.getAttribute('type'), 'text');
    await page.getByRole('button', { name: 'Hide password' }).click();
    assert.equal(await passwordField.getAttribute('type'), 'password');
    assert.match(await page.getByText(/^At least 8 characters/).innerText(), /a few unrelated words make a strong one/);
    await screenVisit(page, 'account-create-password-360');
    const codes = await createWithPassword(page, password);
    await screenVisit(page, 'account-recovery-codes-360');
    await recoveryCodesSaved(page);
    assert.ok(await page.getByText('You can sign in with your password as well as with a passkey.').isVisible());
    await signOutFromAccountPage(page);

    // A wrong password: the server's sentence, in the live region; nothing typed is lost.
    await signInPasswordSubmit(page, name, 'not the password');
    const message = page.locator('#sign-in-password .account-message');
    await message.getByText(/./).waitFor({ timeout: ACCOUNT_MS });
    assert.equal(await message.getAttribute('aria-live'), 'polite');
    assert.match(await message.innerText(), /did not work/i);
    assert.equal(await page.getByLabel('Sign-in name').inputValue(), name, 'the sign-in name is still there');
    assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), 'not the password', 'what was typed stays');
    await screenVisit(page, 'account-sign-in-wrong-password-360');

    // The right password, by keyboard alone: Tab to the field, type, Enter.
    await page.goto('/account/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await tabTo(page, /^Use a password instead$/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^Sign-in name$/);
    await page.keyboard.type(name);
    await tabTo(page, /^Password$/);
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await headerAccountLink(page, 'Eli').waitFor({ timeout: ACCOUNT_MS });
    assert.equal((await identityOf(page))?.kind, 'account');

    // A recovery code signs in once.
    await accountPageOpen(page);
    await signOutFromAccountPage(page);
    await page.getByRole('button', { name: 'Lost your passkey and password?' }).click();
    await page.getByLabel('Sign-in name').fill(name);
    await page.getByLabel('Recovery code').fill(codes[0]!);
    await screenVisit(page, 'account-sign-in-recovery-360');
    await page.getByRole('button', { name: 'Sign in with a recovery code' }).click();
    await accountPageReady(page);
    assert.ok(await page.getByText(/signed in with a recovery code/).isVisible(), 'the account page says a code was used');
    assert.ok(await page.getByText(`You have ${codes.length - 1} recovery codes left.`).isVisible(), 'one code fewer');

    // A change that needs "confirm it is you": the prompt appears in place, then the change goes ahead.
    let refusedOnce = false;
    await page.route('**/api/account/password', async (route) => {
      if (!refusedOnce && route.request().method() === 'PUT') {
        refusedOnce = true;
        await route.fulfill({
          status: 403,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'reauthentication_needed', message: 'Please confirm it is you first.' } }),
        });
        return;
      }
      await route.fallback();
    });
    const newPassword = 'seven lamps by the harbour';
    await page.getByRole('button', { name: 'Change your password' }).click();
    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Save the password' }).click();
    const prompt = page.getByRole('group', { name: 'First, confirm it is you' });
    await prompt.waitFor({ timeout: ACCOUNT_MS });
    assert.equal(await page.getByLabel('New password').inputValue(), newPassword, 'the new password is kept while asking');
    await screenVisit(page, 'account-reauth-360', { help: false });
    await prompt.getByLabel('Your current password').fill(password);
    await prompt.getByRole('button', { name: 'Confirm with my password' }).click();
    await page.getByText('Your new password is saved.').waitFor({ timeout: ACCOUNT_MS });
    assert.ok(refusedOnce, 'the first try was refused and the second went through');

    // A passkey added later on this device, listed, then removed after a plain question.
    await virtualAuthenticatorAdd(page);
    const passkeys = page.getByRole('list', { name: 'Passkeys' }).getByRole('listitem');
    await page.getByLabel('Name for a new passkey on this device').fill('Eli’s phone');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByText('Added the passkey “Eli’s phone”.', { exact: false }).waitFor({ timeout: ACCOUNT_MS });
    await passkeys.first().waitFor({ timeout: ACCOUNT_MS });
    assert.equal(await passkeys.count(), 1, 'the new passkey is listed');
    assert.match(await passkeys.first().innerText(), /Eli’s phone[\s\S]*Added today · not used to sign in yet/);
    await passkeys.first().getByRole('button', { name: 'Remove the passkey Eli’s phone' }).click();
    await page.getByText('Remove “Eli’s phone”? It will no longer sign you in.', { exact: false }).waitFor();
    await screenVisit(page, 'account-passkey-remove-360', { help: false });
    await page.getByRole('button', { name: 'Yes, remove it' }).click();
    await page.getByText('Removed the passkey “Eli’s phone”.').waitFor({ timeout: ACCOUNT_MS });
    assert.equal(await page.getByRole('list', { name: 'Passkeys' }).count(), 0, 'no passkeys listed any more');

    // The used code no longer works; the new password does.
    await signOutFromAccountPage(page);
    await page.getByRole('button', { name: 'Lost your passkey and password?' }).click();
    await page.getByLabel('Sign-in name').fill(name);
    await page.getByLabel('Recovery code').fill(codes[0]!);
    await page.getByRole('button', { name: 'Sign in with a recovery code' }).click();
    await page.locator('#sign-in-recovery .account-message').getByText(/./).waitFor({ timeout: ACCOUNT_MS });
    assert.equal(await identityOf(page), null, 'a used recovery code does not sign in again');
    await signInPasswordSubmit(page, name, newPassword);
    await headerAccountLink(page, 'Eli').waitFor({ timeout: ACCOUNT_MS });

    contextsAssertClean([context]);
  });

  test('(d) a guest who joined a live session creates an account and keeps the same identity', async () => {
    const host = await sessionCreate(app.baseUrl, 'Host');
    const { app: context, page } = await phone({ colorScheme: 'light' });
    await joinOpen(page, host.inviteUrl);
    await joinFill(page, 'Sam', []);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await page.waitForURL(/\/session\/[^/]+$/, { timeout: REALTIME_MS });
    const guest = await identityOf(page);
    assert.equal(guest?.kind, 'guest', 'joined as a guest');

    await page.goto('/');
    const offer = page.getByRole('region', { name: 'Keep your history: create an account' });
    await offer.waitFor({ timeout: ACCOUNT_MS });
    assert.match(await offer.innerText(), /practised here as Sam/);
    await screenVisit(page, 'home-guest-offer-360');
    await offer.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
    await page.getByText(/You have been practising here as/).waitFor({ timeout: ACCOUNT_MS });
    assert.equal(await page.getByLabel('Your name').inputValue(), 'Sam', 'the guest’s name is offered');
    await screenVisit(page, 'account-create-guest-360');
    await page.getByLabel('Sign-in name').fill('sam.guest');
    await createWithPassword(page, 'river stone morning bell');
    await recoveryCodesSaved(page);

    const upgraded = await identityOf(page);
    assert.equal(upgraded?.id, guest.id, 'the same identity, so the same history');
    assert.equal(upgraded.kind, 'account');
    await page.goto('/');
    await headerAccountLink(page, 'Sam').waitFor({ timeout: ACCOUNT_MS });
    assert.equal(await page.getByRole('region', { name: 'Keep your history: create an account' }).count(), 0, 'no offer once there is an account');

    contextsAssertClean([context]);
  });

  test('(e) "Sign out everywhere" in one browser ends the sign-in in another', async () => {
    const name = 'ada.everywhere';
    const password = 'green kettle paper moon';
    const first = await phone({ colorScheme: 'light' });
    await createOpenAndFill(first.page, { displayName: 'Ada', signInName: name });
    await createWithPassword(first.page, password);
    await recoveryCodesSaved(first.page);

    const second = await phone({ colorScheme: 'dark' });
    await signInOpen(second.page);
    await signInPasswordSubmit(second.page, name, password);
    await headerAccountLink(second.page, 'Ada').waitFor({ timeout: ACCOUNT_MS });
    assert.equal((await pageApi(second.page, 'GET', '/api/account')).status, 200, 'the second browser is signed in');

    await signOutFromAccountPage(first.page, true);
    assert.equal((await pageApi(first.page, 'GET', '/api/account')).status, 401, 'this browser is signed out');
    assert.equal((await pageApi(second.page, 'GET', '/api/account')).status, 401, 'so is the other one');
    await second.page.goto('/account');
    await second.page.getByText('You are not signed in on this device.').waitFor({ timeout: ACCOUNT_MS });
    assert.ok(await headerSignInLink(second.page).isVisible(), 'the other browser’s header offers "Sign in" again');

    contextsAssertClean([first.app, second.app]);
  });

  test('(f) sign-in, create and settings pass axe in light and dark at 360 px', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { app: context, page } = await phone({ colorScheme });
      await signInOpen(page);
      await passwordWayOpen(page);
      await page.getByRole('button', { name: 'Lost your passkey and password?' }).click();
      await screenVisit(page, 'account-sign-in-open-360');

      await page.goto('/account/create');
      await page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
      await passwordWayOpen(page);
      // Problems with the names are said beside each field, before anything is sent.
      await page.getByRole('button', { name: 'Create with a password' }).click();
      await page.getByText('Please choose a name of at least one character.').waitFor();
      assert.equal(await page.getByLabel('Your name').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'create-display-name', 'focus goes to the first problem');
      await screenVisit(page, 'account-create-problems-360');

      const registered = await pageApi(page, 'POST', '/api/account/register/password', {
        signInName: `look.${colorScheme}`,
        displayName: 'Robin',
        password: 'blue chair under window',
      });
      assert.equal(registered.status, 201, JSON.stringify(registered.body));
      await accountPageOpen(page);
      await page.getByRole('button', { name: 'Change your password' }).click();
      await page.getByRole('button', { name: 'Delete my account' }).click();
      const question = page.getByRole('group', { name: /Delete your account\?/ });
      await question.waitFor();
      assert.match(await question.innerText(), /What goes[\s\S]*What stays/);
      await screenVisit(page, 'account-settings-open-360');
      // "Keep my account" changes nothing and puts focus back on the button that asked.
      await question.getByRole('button', { name: 'Keep my account' }).click();
      // Focus moves once the button is drawn again (an effect after paint), so wait for it.
      await page.waitForFunction(() => document.activeElement?.textContent === 'Delete my account', undefined, { timeout: 3_000 });
      contextsAssertClean([context]);
    }
  });

  test('delete my account: confirm it is you, then everything goes and the device is signed out', async () => {
    const { app: context, page } = await phone({ colorScheme: 'light' });
    await page.goto('/');
    const registered = await pageApi(page, 'POST', '/api/account/register/password', {
      signInName: 'kim.leaving',
      displayName: 'Kim',
      password: 'soft rain on the roof',
    });
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    await accountPageOpen(page);
    const download = page.getByRole('link', { name: 'Download my data' });
    assert.equal(await download.getAttribute('href'), '/api/account/export');
    const exported = await pageApi(page, 'GET', '/api/account/export');
    assert.equal(exported.status, 200, 'the download works');

    // Force the "confirm it is you" step once, as after a long pause on this page.
    let refusedOnce = false;
    await page.route('**/api/account', async (route) => {
      if (!refusedOnce && route.request().method() === 'DELETE') {
        refusedOnce = true;
        await route.fulfill({
          status: 403,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'reauthentication_needed', message: 'Please confirm it is you first.' } }),
        });
        return;
      }
      await route.fallback();
    });
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByRole('button', { name: 'Yes, delete my account' }).click();
    const prompt = page.getByRole('group', { name: 'First, confirm it is you' });
    await prompt.waitFor({ timeout: ACCOUNT_MS });
    await prompt.getByLabel('Your current password').fill('soft rain on the roof');
    await prompt.getByRole('button', { name: 'Confirm with my password' }).click();
    await page.getByText(/It is done: everything has been deleted/).waitFor({ timeout: ACCOUNT_MS });
    await screenVisit(page, 'account-deleted-360');
    assert.equal(await identityOf(page), null, 'the device is no one now');
    await signInOpen(page);
    await signInPasswordSubmit(page, 'kim.leaving', 'soft rain on the roof');
    await page.locator('#sign-in-password .account-message').getByText(/./).waitFor({ timeout: ACCOUNT_MS });
    assert.equal(await identityOf(page), null, 'the deleted account cannot sign in');
    contextsAssertClean([context]);
  });
});
