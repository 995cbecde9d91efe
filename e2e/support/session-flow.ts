/**
 * Driving two people through a live session in two browser contexts: start and invite, join with
 * boundaries, check in, suggest a practice, get ready and start, read the pacer inside each page,
 * and look at each screen on the way (help reachable, axe clean, a screenshot).
 * Targets are roles and visible names, as a person would find them.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { PacerTestHook } from '../../src/web/pacer/pacer-view.tsx';
import { axeAssertClean } from './axe.ts';
import { contextMetaOf, type AppContext } from './browser.ts';
import { screenshotPath, screenshotSave } from './screenshots.ts';
import { helpButton, helpDialog, helpOpen, screenReady } from './screens.ts';

/** Realtime updates (one person acts, the other's page changes) get this long. */
export const REALTIME_MS = 10_000;

/** One person: their browser context, their page and the name they go by. */
export interface Person {
  readonly label: string;
  readonly app: AppContext;
  readonly page: Page;
  readonly name: string;
}

/** A person on a fresh page of `app`. */
export async function personNew(app: AppContext, label: string, name: string): Promise<Person> {
  const page = await app.pageNew();
  return { label, app, page, name };
}

/** The end-of-test checks for each person: no third-party request, no uncaught error, no 429/5xx. */
export function peopleAssertClean(people: readonly Person[]): void {
  for (const person of people) {
    person.app.assertNoForeignRequests();
    person.app.assertNoPageErrors();
    person.app.assertNoServerErrors();
  }
}

// ---------------------------------------------------------------------------------------------
// Screens: help, axe, screenshots

/** What to do on a screen. Each defaults to true. */
export interface ScreenVisitOptions {
  /** "Need help now?" is visible in the header and opens the dialog (closed again with Escape). */
  help?: boolean;
  axe?: boolean;
  screenshot?: boolean;
  /**
   * Also save `<name>-viewport`: only what fits on the screen. Full-page pictures draw fixed
   * layers (the Pause bar, the paused overlay) where the viewport ends, partway down the page;
   * this one shows what the person actually sees. Default false.
   */
  viewport?: boolean;
}

/**
 * On `page` as it is now: checks crisis help is reachable, runs axe and saves a screenshot called
 * `name` (its device and colour scheme come from the context). `label` names it in messages.
 */
export async function screenVisit(
  page: Page,
  name: string,
  options: ScreenVisitOptions = {},
): Promise<void> {
  const label = `${name} (${page.viewportSize()?.width ?? '?'}px, ${page.url()})`;
  if (options.help !== false) await helpReachable(page, label);
  if (options.axe !== false) await axeAssertClean(page, label);
  if (options.screenshot !== false) {
    // The sticky header is drawn where it belongs in the full-page picture only from the top.
    // From the top, with no focus ring left on "Need help now?" by the check above.
    await page.evaluate(() => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      window.scrollTo(0, 0);
    });
    await screenshotSave(page, name);
    if (options.viewport === true) await screenshotViewportSave(page, `${name}-viewport`);
  }
}

/** Saves only the visible part of the page (see `ScreenVisitOptions.viewport`), named like `screenshotSave`. */
export async function screenshotViewportSave(page: Page, name: string): Promise<string> {
  const meta = contextMetaOf(page.context());
  if (meta === undefined) throw new Error('screenshotViewportSave: not an app context');
  const path = screenshotPath(name, meta.device, meta.colorScheme);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: false, animations: 'disabled', caret: 'hide' });
  return path;
}

/** "Need help now?" is visible, opens the help dialog, and Escape closes it again. */
export async function helpReachable(page: Page, label: string): Promise<void> {
  const button = helpButton(page);
  assert.ok(await button.isVisible(), `${label}: "Need help now?" is visible`);
  let dialog: Locator;
  try {
    dialog = await helpOpen(page);
  } catch (error) {
    throw new Error(`${label}: "Need help now?" did not open the help dialog`, { cause: error });
  }
  assert.match(await dialog.innerText(), /not an emergency service/i, `${label}: help dialog text`);
  await page.keyboard.press('Escape');
  await helpDialog(page).waitFor({ state: 'hidden', timeout: 5_000 });
}

// ---------------------------------------------------------------------------------------------
// Start, invite, join

/** On /together: fills the name, creates the session and waits for the invite card. */
export async function sessionStartFill(page: Page, displayName: string): Promise<void> {
  await page.goto('/together');
  await screenReady(page);
  await page.getByLabel('Your name').fill(displayName);
}

/** Presses "Create session" and waits for the invite card; returns the invite link shown. */
export async function sessionCreateAndInvite(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Create session' }).click();
  await page
    .getByRole('heading', { level: 1, name: 'Your session is ready' })
    .waitFor({ timeout: REALTIME_MS });
  const link = await page.getByLabel('Invite link').inputValue();
  assert.ok(link !== '', 'the invite card shows a link');
  return link;
}

/** From the invite card, into the session; waits until the host is listed. */
export async function sessionEnterFromInvite(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Go to the session' }).click();
  await page.waitForURL(/\/session\/[^/]+$/, { timeout: REALTIME_MS });
  await peopleHeading(page, 1).waitFor({ timeout: REALTIME_MS });
}

/** Opens an invite link and waits for the join form. */
export async function joinOpen(page: Page, inviteLink: string): Promise<void> {
  await page.goto(inviteLink);
  await page
    .getByRole('heading', { level: 1, name: "You're invited to practise together" })
    .waitFor({ timeout: REALTIME_MS });
}

/** Fills the join form: name and the boundaries (their checkbox labels, e.g. "No camera"). */
export async function joinFill(
  page: Page,
  displayName: string,
  boundaries: readonly string[],
): Promise<void> {
  await page.getByLabel('Your name').fill(displayName);
  for (const boundary of boundaries) await page.getByLabel(boundary, { exact: true }).check();
}

/** Presses Join and waits until the session lists `expectedPeople`. */
export async function joinSubmit(page: Page, expectedPeople: number): Promise<void> {
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await page.waitForURL(/\/session\/[^/]+$/, { timeout: REALTIME_MS });
  await peopleHeading(page, expectedPeople).waitFor({ timeout: REALTIME_MS });
}

// ---------------------------------------------------------------------------------------------
// The session screen

/** The "People here (n)" heading. */
export function peopleHeading(page: Page, count: number): Locator {
  return page.getByRole('heading', { name: `People here (${count})` });
}

/** The people list (a region named by its heading). */
export function peopleRegion(page: Page): Locator {
  return page.getByRole('region', { name: /^People here/ });
}

/** The list item for `name` in the people list. */
export function personRow(page: Page, name: string): Locator {
  return peopleRegion(page).getByRole('listitem').filter({ hasText: name });
}

/** The connection line at the top of the session ("Connected", "Reconnecting…"). */
export function connectionStatus(page: Page): Locator {
  return page.locator('.session-top').getByRole('status');
}

/**
 * Opens "Check in" in the session, picks the state by its plain words, ticks sharing when
 * `share`, and saves. Unless `wait` is false, waits until the session recorded it (the form
 * closes); offline, the form waits for the connection, so pass false and use `checkInSaved`.
 */
export async function checkInSave(
  page: Page,
  stateWords: string,
  share: boolean,
  wait = true,
): Promise<void> {
  await page.getByRole('button', { name: 'Check in', exact: true }).click();
  const form = page.getByRole('region', { name: 'Your check-in' });
  await form.getByText(stateWords, { exact: true }).first().click();
  const shareBox = form.getByLabel('Share with the people in this session');
  if (share) await shareBox.check();
  else if ((await shareBox.count()) > 0)
    assert.equal(await shareBox.isChecked(), false, 'sharing is off unless ticked');
  await form.getByRole('button', { name: 'Save check-in' }).click();
  if (wait) await checkInSaved(page);
}

/** Waits until the check-in form has closed after saving ("Saved. Check in again …"). */
export async function checkInSaved(page: Page, timeoutMs = REALTIME_MS): Promise<void> {
  const form = page.getByRole('region', { name: 'Your check-in' });
  await form.getByText(/^Saved\./).waitFor({ timeout: timeoutMs });
}

/** In the practice picker: opens a practice's details ("Look at <title>"), and picks a length. */
export async function practiceLook(page: Page, title: string, lengthMs?: number): Promise<void> {
  await page.getByRole('button', { name: `Look at ${title}` }).click();
  await page.getByRole('heading', { level: 3, name: title }).waitFor({ timeout: REALTIME_MS });
  if (lengthMs !== undefined) await page.getByLabel('How long').selectOption(String(lengthMs));
}

/** Suggests the open practice and waits until each page shows the suggestion. */
export async function practiceSuggest(
  page: Page,
  title: string,
  everyone: readonly Page[],
): Promise<void> {
  await page.getByRole('button', { name: 'Suggest this practice' }).click();
  for (const other of everyone)
    await proposalHeading(other, title).waitFor({ timeout: REALTIME_MS });
}

/** The waiting suggestion's heading. */
export function proposalHeading(page: Page, title: string): Locator {
  return page.getByRole('heading', { level: 2, name: `Suggested: ${title}` });
}

/** The Start button of a suggestion. */
export function startButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Start', exact: true });
}

/** Presses Ready and waits until the page shows it (the button turns into "Not ready"). */
export async function readyPress(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Ready', exact: true }).click();
  await page
    .getByRole('button', { name: 'Not ready', exact: true })
    .waitFor({ timeout: REALTIME_MS });
}

/** Waits until Start is enabled on `page`. */
export async function startEnabled(page: Page): Promise<void> {
  await startButton(page).and(page.locator(':not([disabled])')).waitFor({ timeout: REALTIME_MS });
}

/** The running practice's heading. */
export function runningHeading(page: Page, title: string): Locator {
  return page.getByRole('heading', { level: 2, name: title, exact: true });
}

/** The after-practice heading ("<title> has finished" / "has stopped"). */
export function afterHeading(page: Page, title: string, outcome: 'finished' | 'stopped'): Locator {
  return page.getByRole('heading', { level: 2, name: `${title} has ${outcome}` });
}

/** The paused overlay (a modal dialog). */
export function pausedOverlay(page: Page): Locator {
  return page
    .getByRole('dialog')
    .filter({ has: page.getByRole('heading', { name: 'Paused. Take the time you need.' }) });
}

/** Counts how often `text` occurs in the visible text of `locator`. */
export async function occurrences(locator: Locator, text: string): Promise<number> {
  const content = await locator.innerText();
  return content.split(text).length - 1;
}

// ---------------------------------------------------------------------------------------------
// The pacer, from inside the page

/**
 * Makes every page of `context` see `Date.now()` shifted by `skewMs` (a device whose clock is
 * wrong), so the pacers can only agree through the session's clock sync. Call before `pageNew`.
 * Instants passed to `pacerPositionAt` on such a page must be shifted by the same amount.
 */
export async function clockSkew(context: BrowserContext, skewMs: number): Promise<void> {
  await context.addInitScript((skew: number) => {
    const realNow = Date.now.bind(Date);
    Date.now = () => realNow() + skew;
  }, skewMs);
}

type PacerWindow = typeof globalThis & { __attunePacer?: PacerTestHook };

/** Waits until the page's pacer is mounted and breathing (past its lead-in). */
export async function pacerBreathing(page: Page, timeoutMs = 20_000): Promise<void> {
  await page.getByTestId('pacer').waitFor({ timeout: REALTIME_MS });
  await page.waitForFunction(
    () => {
      const part = (globalThis as PacerWindow).__attunePacer?.part();
      return part !== undefined && part !== 'waiting' && part !== 'ended';
    },
    undefined,
    { timeout: timeoutMs, polling: 50 },
  );
}

/** Breaths elapsed at `clientEpochMs` (this machine's Date.now()), as the page's pacer sees it. */
export async function pacerPositionAt(page: Page, clientEpochMs: number): Promise<number> {
  return page.evaluate((at) => {
    const hook = (globalThis as PacerWindow).__attunePacer;
    if (hook === undefined)
      throw new Error('no pacer on this page (globalThis.__attunePacer is unset)');
    return hook.positionAt(at);
  }, clientEpochMs);
}

/** The part the page's pacer shows now, and whether it is paused. */
export async function pacerNow(page: Page): Promise<{ part: string; paused: boolean }> {
  return page.evaluate(() => {
    const hook = (globalThis as PacerWindow).__attunePacer;
    if (hook === undefined)
      throw new Error('no pacer on this page (globalThis.__attunePacer is unset)');
    return { part: hook.part(), paused: hook.paused() };
  });
}

/** How long one breath lasts on the page's pacer now, measured from its positions 10 s apart. */
export async function pacerMsPerBreath(page: Page): Promise<number> {
  const at = Date.now() + 500;
  const span = 10_000;
  const [start, end] = [await pacerPositionAt(page, at), await pacerPositionAt(page, at + span)];
  const breaths = end - start;
  assert.ok(breaths > 0, `the pacer moves on (${breaths} breaths in ${span} ms)`);
  return span / breaths;
}

/** What `pacerAgreement` measured. */
export interface PacerAgreement {
  /** |difference| between the pages at each instant, in ms. */
  readonly disagreementsMs: readonly number[];
  readonly p50Ms: number;
  readonly maxMs: number;
  /** Samples where the parts on screen differed because one page had just crossed a boundary. */
  readonly boundaryInstants: number;
  readonly samples: number;
}

/** The q-quantile (0..1) of `values`, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

/**
 * Reads both pages' pacers at the same instants: `samples` times, `spacingMs` apart, the instant
 * T = now + 500 ms of this machine's clock (each page is asked about T plus its `clockSkew`, which
 * is the same real instant on its own clock). Each disagreement is the gap in breaths times
 * `msPerBreath`. Also reads the part on screen in both pages at once; when they
 * differ, it reads again shortly after and counts it as a boundary instant if they then agree.
 * A difference that does not settle fails.
 */
export async function pacerAgreement(
  a: Page,
  b: Page,
  options: {
    samples: number;
    spacingMs: number;
    msPerBreath: number;
    skewAMs?: number;
    skewBMs?: number;
  },
): Promise<PacerAgreement> {
  const skewA = options.skewAMs ?? 0;
  const skewB = options.skewBMs ?? 0;
  const disagreementsMs: number[] = [];
  let boundaryInstants = 0;
  for (let index = 0; index < options.samples; index += 1) {
    const at = Date.now() + 500;
    const [positionA, positionB] = await Promise.all([
      pacerPositionAt(a, at + skewA),
      pacerPositionAt(b, at + skewB),
    ]);
    disagreementsMs.push(Math.abs(positionA - positionB) * options.msPerBreath);
    const [nowA, nowB] = await Promise.all([pacerNow(a), pacerNow(b)]);
    if (nowA.part !== nowB.part) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [laterA, laterB] = await Promise.all([pacerNow(a), pacerNow(b)]);
      assert.equal(
        laterA.part,
        laterB.part,
        `the pacers show different parts (${nowA.part} / ${nowB.part}, then ${laterA.part} / ${laterB.part} 200 ms later)`,
      );
      boundaryInstants += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, options.spacingMs));
  }
  return {
    disagreementsMs,
    p50Ms: quantile(disagreementsMs, 0.5),
    maxMs: Math.max(...disagreementsMs),
    boundaryInstants,
    samples: options.samples,
  };
}
