import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GENTLE_PROMPTS, gentlePromptById } from './prompt-catalogue.ts';
import { PROMPT_SEASON_MS, promptNext, stableHash, type PromptShown } from './prompt-next.ts';
import {
  PROMPT_SETTINGS_OFF,
  PROMPT_SETTINGS_SUGGESTED,
  promptSettingsSchema,
} from './prompt-settings.ts';
import { PROMPT_SLOT_WINDOW_MS, promptSlotAt } from './prompt-slots.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Monday 17 November 2025, 18:30 UTC. */
const MONDAY_1830_UTC = Date.UTC(2025, 10, 17, 18, 30);

test('nothing when prompts are off', () => {
  assert.equal(promptNext([], PROMPT_SETTINGS_OFF, MONDAY_1830_UTC, 0), null);
});

test('a prompt at a chosen time, for two hours, and not outside it or on other days', () => {
  const settings = PROMPT_SETTINGS_SUGGESTED;
  assert.ok(promptNext([], settings, MONDAY_1830_UTC, 0));
  assert.ok(promptNext([], settings, MONDAY_1830_UTC + PROMPT_SLOT_WINDOW_MS - 1, 0));
  assert.equal(promptNext([], settings, MONDAY_1830_UTC + PROMPT_SLOT_WINDOW_MS, 0), null);
  assert.equal(promptNext([], settings, MONDAY_1830_UTC - 1, 0), null);
  assert.equal(
    promptNext([], settings, MONDAY_1830_UTC + DAY_MS, 0),
    null,
    'Tuesday is not chosen',
  );
  assert.ok(promptNext([], settings, MONDAY_1830_UTC + 2 * DAY_MS, 0), 'Wednesday is');
});

test('a slot closes early at quiet hours and at the next chosen time', () => {
  const settings = promptSettingsSchema.parse({
    enabled: true,
    weekdays: [1],
    timesOfDay: ['18:30', '19:00'],
    quietHours: { start: '20:00', end: '07:00' },
  });
  const first = promptSlotAt(settings, MONDAY_1830_UTC, 0);
  assert.equal(first?.endMs, MONDAY_1830_UTC + 30 * MINUTE_MS);
  const second = promptSlotAt(settings, MONDAY_1830_UTC + 30 * MINUTE_MS, 0);
  assert.equal(second?.key, '2025-11-17T19:00');
  assert.equal(second.endMs, MONDAY_1830_UTC + 90 * MINUTE_MS);
  assert.equal(promptSlotAt(settings, MONDAY_1830_UTC + 90 * MINUTE_MS, 0), null);
});

test('a late slot stays open past midnight, and belongs to the day it began', () => {
  const settings = promptSettingsSchema.parse({
    enabled: true,
    weekdays: [1],
    timesOfDay: ['23:30'],
  });
  const slot = promptSlotAt(settings, Date.UTC(2025, 10, 18, 0, 45), 0);
  assert.equal(slot?.key, '2025-11-17T23:30');
  assert.equal(
    promptSlotAt(settings, Date.UTC(2025, 10, 18, 23, 45), 0),
    null,
    'Tuesday 23:30 is not chosen',
  );
});

test('chosen times are local: the offset moves them', () => {
  const settings = promptSettingsSchema.parse({
    enabled: true,
    weekdays: [1],
    timesOfDay: ['18:30'],
  });
  // 18:30 in Berlin (+01:00 in November) is 17:30 UTC.
  assert.ok(promptNext([], settings, MONDAY_1830_UTC - HOUR_MS, 60));
  assert.equal(promptNext([], settings, MONDAY_1830_UTC - HOUR_MS, 0), null);
});

test('one prompt per slot: once something was shown in it, nothing more', () => {
  const prompt = promptNext([], PROMPT_SETTINGS_SUGGESTED, MONDAY_1830_UTC, 0);
  assert.ok(prompt);
  const history: PromptShown[] = [
    { promptId: prompt.id, shownAtMs: MONDAY_1830_UTC + 5 * MINUTE_MS },
  ];
  assert.equal(
    promptNext(history, PROMPT_SETTINGS_SUGGESTED, MONDAY_1830_UTC + 10 * MINUTE_MS, 0),
    null,
  );
  const wednesday = promptNext(history, PROMPT_SETTINGS_SUGGESTED, MONDAY_1830_UTC + 2 * DAY_MS, 0);
  assert.ok(wednesday);
  assert.notEqual(wednesday.id, prompt.id);
  assert.notEqual(wednesday.theme, prompt.theme, 'kinds rotate');
});

test('the same inputs always give the same prompt', () => {
  const history: PromptShown[] = [{ promptId: 'pr-hum', shownAtMs: MONDAY_1830_UTC - 7 * DAY_MS }];
  const first = promptNext(history, PROMPT_SETTINGS_SUGGESTED, MONDAY_1830_UTC + 7 * MINUTE_MS, 0);
  assert.deepEqual(
    promptNext(history, PROMPT_SETTINGS_SUGGESTED, MONDAY_1830_UTC + 90 * MINUTE_MS, 0),
    first,
  );
  assert.equal(stableHash(''), 0x811c9dc5);
  assert.equal(stableHash('a'), 0xe40c292c);
});

test('when every prompt of the chosen kinds rested within the season, there is silence, then they return', () => {
  const settings = promptSettingsSchema.parse({
    enabled: true,
    weekdays: [1],
    timesOfDay: ['18:30'],
    themes: ['practice'],
  });
  const shownAtMs = MONDAY_1830_UTC - 7 * DAY_MS;
  const history = GENTLE_PROMPTS.filter((prompt) => prompt.theme === 'practice').map((prompt) => ({
    promptId: prompt.id,
    shownAtMs,
  }));
  assert.equal(promptNext(history, settings, MONDAY_1830_UTC, 0), null);
  const aSeasonLater = shownAtMs + PROMPT_SEASON_MS; // 13 weeks on: a Monday at 18:30 again
  const back = promptNext(history, settings, aSeasonLater, 0);
  assert.equal(back?.theme, 'practice');
});

test('with the suggested settings, every slot of a whole year has a prompt', () => {
  const history: PromptShown[] = [];
  for (let day = 0; day < 365; day += 1) {
    const atMs = MONDAY_1830_UTC + day * DAY_MS + 20 * MINUTE_MS;
    if (!promptSlotAt(PROMPT_SETTINGS_SUGGESTED, atMs, 0)) continue;
    const prompt = promptNext(history, PROMPT_SETTINGS_SUGGESTED, atMs, 0);
    assert.ok(prompt, `no prompt on day ${String(day)}`);
    history.push({ promptId: prompt.id, shownAtMs: atMs });
  }
  assert.equal(history.length, 157);
  assert.ok(history.every(({ promptId }) => gentlePromptById(promptId)));
});
