/**
 * The app's screens, for suites that loop over all of them ("crisis help is reachable from every
 * screen", axe on every screen, screenshots of every screen), and small helpers shared by suites.
 * Targets are roles and names, so they keep working as the screens are filled in: each screen has
 * one heading of level 1, and the header has the button "Need help now?".
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { httpJson } from '../../src/server/testing/live-client.ts';
import { webBuildChangedNote } from './browser.ts';

/** One screen to visit. */
export interface AppScreen {
  /** Short name for test titles and screenshot files (lower-case, hyphens). */
  readonly name: string;
  /** Path (and hash) to open. */
  readonly path: string;
  /** Visit signed in with this cookie ("name=value"), e.g. the host's for their session. */
  readonly cookie?: string;
}

/** Screens that need nothing set up first. */
export const STATIC_SCREENS: readonly AppScreen[] = [
  { name: 'home', path: '/' },
  { name: 'practice-paced-breathing', path: '/practice/paced-breathing' },
  { name: 'practice-grounding', path: '/practice/grounding' },
  { name: 'together', path: '/together' },
];

/** A session made through the API, as the host's browser would make it. */
export interface CreatedSession {
  readonly sessionId: string;
  readonly hostIdentityId: string;
  /** The host's identity cookie, "name=value". */
  readonly hostCookie: string;
  readonly inviteToken: string;
  /** The full invite link, `<origin>/join#<token>`. */
  readonly inviteUrl: string;
}

/** Starts a session with `POST /api/sessions` as a new guest host called `displayName`. */
export async function sessionCreate(
  baseUrl: string,
  displayName = 'Host',
): Promise<CreatedSession> {
  const response = await httpJson<{
    sessionId: string;
    identityId: string;
    invite: { token: string; url: string; expiresAtMs: number };
  }>(baseUrl, '/api/sessions', { method: 'POST', body: { displayName }, origin: baseUrl });
  assert.equal(
    response.status,
    201,
    `POST /api/sessions answered ${response.status}: ${JSON.stringify(response.body)}`,
  );
  assert.ok(response.cookie !== undefined, 'POST /api/sessions set no identity cookie');
  return {
    sessionId: response.body.sessionId,
    hostIdentityId: response.body.identityId,
    hostCookie: response.cookie,
    inviteToken: response.body.invite.token,
    inviteUrl: response.body.invite.url,
  };
}

/**
 * Every screen of the app. Makes a real session for the join and session screens: the join
 * screen is visited as a partner (no cookie) through the invite, the session screen as its host.
 */
export async function appScreens(baseUrl: string): Promise<AppScreen[]> {
  const session = await sessionCreate(baseUrl);
  return [
    ...STATIC_SCREENS,
    { name: 'join', path: `/join#${session.inviteToken}` },
    { name: 'session', path: `/session/${session.sessionId}`, cookie: session.hostCookie },
  ];
}

/** The screen's one level-1 heading. */
export function screenHeading(page: Page): Locator {
  return page.getByRole('heading', { level: 1 });
}

/**
 * Waits until the screen (lazy screens included) has rendered its level-1 heading. On timeout the
 * error says what the page showed instead.
 */
export async function screenReady(page: Page, timeoutMs = 10_000): Promise<void> {
  try {
    await screenHeading(page).first().waitFor({ state: 'visible', timeout: timeoutMs });
  } catch (error) {
    const seen = await page
      .evaluate(() => ({
        headings: [...document.querySelectorAll('h1')].map((h) => h.outerHTML.slice(0, 120)),
        text: document.body.innerText.replace(/\s+/g, ' ').slice(0, 400),
      }))
      .catch(() => ({ headings: [], text: '(page not readable)' }));
    const rebuilt = webBuildChangedNote();
    throw new Error(
      `No visible level-1 heading on ${page.url()} within ${timeoutMs} ms. h1 elements: ${JSON.stringify(seen.headings)}; the page says: ${seen.text}${rebuilt === null ? '' : `\nNOTE: ${rebuilt}`}`,
      { cause: error },
    );
  }
}

/** The "Need help now?" button in the page header. */
export function helpButton(page: Page): Locator {
  return page.getByRole('banner').getByRole('button', { name: 'Need help now?' });
}

/** The open help dialog (a closed `<dialog>` is not in the accessibility tree). */
export function helpDialog(page: Page): Locator {
  return page.getByRole('dialog').filter({ hasText: /not an emergency service/i });
}

/** Clicks "Need help now?" and waits for the dialog; returns it. */
export async function helpOpen(page: Page): Promise<Locator> {
  await helpButton(page).click();
  const dialog = helpDialog(page);
  await dialog.waitFor({ state: 'visible', timeout: 5_000 });
  return dialog;
}
