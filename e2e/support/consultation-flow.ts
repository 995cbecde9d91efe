/**
 * Setting up consultations for the browser suite: accounts made through the real HTTP API (as
 * the create-account screen makes them), a practitioner marked as one directly in the e2e
 * server's database (an operator's job; the server runs in this process on SQLite in its own data
 * directory, which this opens a second connection to), and reading the .ics files a page downloads.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { wallTimeOf } from '../../src/core/consultations/zoned-time.ts';
import { openDatabase } from '../../src/server/store/database.ts';

/** A signed-in account: its identity id and its login cookie ("name=value"). */
export interface E2eAccount {
  readonly id: string;
  readonly cookie: string;
  readonly displayName: string;
}

/** Registers an account with a password through `POST /api/account/register/password`. */
export async function accountOverHttp(baseUrl: string, displayName: string): Promise<E2eAccount> {
  const response = await fetch(`${baseUrl}/api/account/register/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ signInName: `${displayName.toLowerCase()}-${randomUUID().slice(0, 8)}`, displayName, password: `slow tide ${randomUUID()}` }),
  });
  const text = await response.text();
  assert.equal(response.status, 201, `registering ${displayName} answered ${String(response.status)}: ${text}`);
  const cookies = response.headers.getSetCookie().map((line) => line.split(';')[0] ?? '').filter((pair) => !pair.endsWith('='));
  const session = cookies.find((pair) => pair.startsWith('attune_session=')) ?? cookies[0];
  assert.ok(session !== undefined, `registering ${displayName} set no sign-in cookie`);
  return { id: (JSON.parse(text) as { account: { id: string } }).account.id, cookie: session, displayName };
}

/** Marks an account as a practitioner in the SQLite database under `dataDir`, as an operator would. */
export async function practitionerMark(dataDir: string, identityId: string): Promise<void> {
  const database = await openDatabase({ dataDir });
  try {
    const result = await database.db.updateTable('accounts').set({ role: 'practitioner' }).where('identity_id', '=', identityId).executeTakeFirst();
    assert.equal(result.numUpdatedRows, 1n, 'the practitioner account exists');
  } finally {
    await database.close();
  }
}

/** Clicks `link` and returns the text of the file it downloads. */
export async function downloadText(page: Page, link: Locator): Promise<{ text: string; fileName: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await download.path();
  return { text: await readFile(path, 'utf8'), fileName: download.suggestedFilename() };
}

/** The value of an .ics property ("DTSTART", "SEQUENCE") after unfolding; fails when missing. */
export function icsValue(text: string, property: string): string {
  const line = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .find((candidate) => candidate.startsWith(`${property}:`));
  assert.ok(line !== undefined, `the .ics file has no ${property}:\n${text}`);
  return line.slice(property.length + 1);
}

/** "20260331T070000Z" back to ms. */
export function icsUtcMs(value: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  assert.ok(match !== null, `not a UTC date-time: ${value}`);
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** Zones to choose from for a practitioner whose day must not be ending or starting right now. */
const ZONES_AROUND_THE_WORLD = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'America/Los_Angeles', 'Asia/Kolkata', 'Australia/Sydney', 'UTC'] as const;

/**
 * A zone where the clock now reads between 01:00 and 22:00, and that wall-clock minute, so a window
 * can start a few minutes from now and run for an hour without crossing midnight.
 */
export function zoneAwayFromMidnight(nowMs: number): { zone: string; minuteOfDay: number; weekday: number } {
  for (const zone of ZONES_AROUND_THE_WORLD) {
    const wall = wallTimeOf(zone, nowMs);
    if (wall.minuteOfDay >= 60 && wall.minuteOfDay <= 22 * 60) return { zone, minuteOfDay: wall.minuteOfDay, weekday: wall.weekday };
  }
  throw new Error('no zone away from midnight: the list needs more spread');
}

/** "HH:MM" of minutes since midnight. */
export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
