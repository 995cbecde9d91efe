/**
 * Driving two people through "Between us" and a cycle map in two browser contexts: start a
 * relationship and invite, accept, fill a side, mark done, choose to look. And a privacy watch
 * that keeps every API answer a page received, so a test can say "nothing of the other side
 * arrived" about the network as well as the page. Targets are roles and visible names.
 */
import assert from 'node:assert/strict';
import type { Page, Response } from 'playwright-core';
import { screenReady } from './screens.ts';
import { REALTIME_MS } from './session-flow.ts';

/** The API answers a page received, as text, kept as they arrive. */
export interface ApiAnswers {
  /** Every `/api/...` answer body so far (waits for bodies still being read). */
  all(): Promise<readonly { url: string; body: string }[]>;
}

/** Starts keeping every `/api/` answer `page` receives. */
export function apiAnswersWatch(page: Page): ApiAnswers {
  const bodies: Promise<{ url: string; body: string }>[] = [];
  page.on('response', (response: Response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) return;
    bodies.push(
      response.text().then(
        (body) => ({ url: response.url(), body }),
        () => ({ url: response.url(), body: '' }),
      ),
    );
  });
  return { all: () => Promise.all(bodies) };
}

/** Fails when any of `secrets` is on the page or in any API answer it received. */
export async function assertNothingOf(
  page: Page,
  answers: ApiAnswers,
  secrets: readonly string[],
  who: string,
): Promise<void> {
  const text = await page.evaluate(() => document.documentElement.outerHTML);
  for (const secret of secrets) {
    assert.ok(!text.includes(secret), `${who}'s page shows "${secret}" before both chose to look`);
  }
  const received = await answers.all();
  assert.ok(received.length > 0, `${who}'s page received API answers to check`);
  for (const { url, body } of received) {
    for (const secret of secrets) {
      assert.ok(
        !body.includes(secret),
        `${who} received "${secret}" from ${url} before both chose to look`,
      );
    }
  }
}

/** On /us: picks the kind, gives a name if asked, makes the invite; returns the link shown. */
export async function relationshipStartAndInvite(
  page: Page,
  kindLabel: string,
  name: string,
): Promise<string> {
  await page.goto('/us');
  await screenReady(page);
  await page.getByRole('radio', { name: new RegExp(`^${kindLabel}`) }).check();
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Make an invite link' }).click();
  await page.getByRole('heading', { name: /^Now invite your / }).waitFor({ timeout: REALTIME_MS });
  const link = await page.getByLabel(/^Invite link for /).inputValue();
  assert.match(
    link,
    /\/(us|between-us)\/join#.+/,
    'the invite link keeps its token in the fragment',
  );
  return link;
}

/** Opens an invite link and waits for "<inviter> invited you". */
export async function relationshipJoinOpen(
  page: Page,
  link: string,
  inviter: string,
): Promise<void> {
  await page.goto(link);
  await page
    .getByRole('heading', { level: 1, name: `${inviter} invited you to Attune` })
    .waitFor({ timeout: REALTIME_MS });
}

/** Names this device and accepts; waits for the relationship's home. */
export async function relationshipJoinSubmit(
  page: Page,
  inviter: string,
  name: string,
): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: `Join ${inviter}` }).click();
  await page
    .getByRole('heading', { level: 1, name: `You and ${inviter}` })
    .waitFor({ timeout: REALTIME_MS });
  assert.match(new URL(page.url()).pathname, /^\/us\/[^/]+$/);
  assert.equal(new URL(page.url()).hash, '', 'the token is gone from the address bar');
}

/** One person's side, in the words and choices the form offers. */
export interface SideToFill {
  readonly setsItOff: string;
  readonly moves: readonly string[];
  readonly ownMove: { readonly text: string; readonly lean: 'toward' | 'away' };
  readonly story: string;
  readonly feelings: readonly string[];
  readonly ownFeeling: string;
  readonly longings: readonly string[];
}

/** Fills the side form and waits until it says the words are saved. */
export async function sideFill(page: Page, side: SideToFill): Promise<void> {
  await page.getByLabel('What tends to set it off?').fill(side.setsItOff);
  for (const move of side.moves)
    await page.getByRole('checkbox', { name: move, exact: true }).check();
  await page.getByLabel('Add a move in your own words').fill(side.ownMove.text);
  await page
    .getByRole('radio', {
      name: side.ownMove.lean === 'toward' ? /^Toward them/ : /^Away from them/,
    })
    .check();
  await page.getByRole('button', { name: 'Add a move in your own words' }).click();
  await page
    .getByRole('list', { name: 'Your own moves' })
    .getByText(side.ownMove.text, { exact: true })
    .waitFor();
  await page.getByLabel('What do you tell yourself about them, right then?').fill(side.story);
  for (const feeling of side.feelings)
    await page.getByRole('checkbox', { name: feeling, exact: true }).check();
  await page.getByLabel('Add a feeling in your own words').fill(side.ownFeeling);
  await page.getByLabel('Add a feeling in your own words').press('Enter');
  await page
    .getByRole('list', { name: 'Your own feelings' })
    .getByText(side.ownFeeling, { exact: true })
    .waitFor();
  for (const longing of side.longings)
    await page.getByRole('checkbox', { name: longing, exact: true }).check();
  await page.getByText('Saved. Only you can see it.').waitFor({ timeout: REALTIME_MS });
}

/** The heading of the loop picture, by its accessible name. */
export function loopPicture(page: Page, me: string, you: string) {
  return page.getByRole('img', { name: `The loop between ${me} and ${you}` });
}
