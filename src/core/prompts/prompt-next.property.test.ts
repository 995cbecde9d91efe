import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  localDateOf,
  localDayNumber,
  localDayStartMs,
  weekdayOfDayNumber,
} from '../progress/local-calendar.ts';
import { PROMPT_THEMES } from './prompt-catalogue.ts';
import { PROMPT_SEASON_MS, promptNext, type PromptShown } from './prompt-next.ts';
import {
  minuteIsQuiet,
  promptSettingsSchema,
  timeOfDayMinutes,
  type PromptSettings,
} from './prompt-settings.ts';
import { PROMPT_SLOT_WINDOW_MS } from './prompt-slots.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const T0 = Date.UTC(2025, 0, 6, 0, 0);

const timeArbitrary = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45, 59))
  .map(
    ([hours, minutes]) => `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`,
  );

/** Any settings a person could save with prompts on. */
const settingsArbitrary = fc
  .record({
    enabled: fc.constant(true),
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    timesOfDay: fc.uniqueArray(timeArbitrary, { minLength: 1, maxLength: 3 }),
    quietHours: fc.option(fc.record({ start: timeArbitrary, end: timeArbitrary }), { nil: null }),
    themes: fc.uniqueArray(fc.constantFrom(...PROMPT_THEMES), { minLength: 1, maxLength: 4 }),
  })
  .map((raw) => promptSettingsSchema.safeParse(raw))
  .filter((result) => result.success)
  .map((result) => result.data);

const offsetArbitrary = fc.integer({ min: -48, max: 56 }).map((quarters) => quarters * 15);

/** One moment a person opens the app: some days on, near a chosen time or at any minute. */
interface Moment {
  readonly days: number;
  readonly nearChosenTime: boolean;
  readonly timeIndex: number;
  readonly minuteOffset: number;
  readonly anyMinute: number;
}

/**
 * Moments to ask at, in order: mostly near a chosen time (where the interesting cases are), some
 * anywhere. Each step moves on a few days at most, so a script spans several seasons.
 */
const momentsArbitrary: fc.Arbitrary<Moment[]> = fc.array(
  fc.record({
    days: fc.integer({ min: 0, max: 4 }),
    nearChosenTime: fc.boolean(),
    timeIndex: fc.nat(),
    minuteOffset: fc.integer({ min: -30, max: 150 }),
    anyMinute: fc.integer({ min: 0, max: 1439 }),
  }),
  { minLength: 20, maxLength: 250, size: 'large' },
);

/** Replays a person asking at each moment, recording what was shown. */
function replay(
  settings: PromptSettings,
  tzOffsetMin: number,
  moments: readonly Moment[],
  onAsk: (nowMs: number, shown: PromptShown | null) => void = () => undefined,
): PromptShown[] {
  const history: PromptShown[] = [];
  let day = localDayNumber(T0, tzOffsetMin);
  let lastMs = T0;
  for (const moment of moments) {
    day += moment.days;
    const time = settings.timesOfDay[moment.timeIndex % settings.timesOfDay.length] ?? '00:00';
    const minute = moment.nearChosenTime
      ? timeOfDayMinutes(time) + moment.minuteOffset
      : moment.anyMinute;
    const nowMs = Math.max(lastMs, localDayStartMs(day, tzOffsetMin) + minute * MINUTE_MS);
    lastMs = nowMs;
    const prompt = promptNext(history, settings, nowMs, tzOffsetMin);
    const shown = prompt ? { promptId: prompt.id, shownAtMs: nowMs } : null;
    if (shown) history.push(shown);
    onAsk(nowMs, shown);
  }
  return history;
}

/**
 * The chosen slot an instant belongs to, worked out here independently of prompt-slots.ts: the
 * latest chosen time on a chosen day that began no more than the slot window earlier (a later
 * chosen time closes an earlier slot). Null when there is none.
 */
function slotOwning(settings: PromptSettings, nowMs: number, tzOffsetMin: number): string | null {
  const today = localDayNumber(nowMs, tzOffsetMin);
  let owner: { name: string; startMs: number } | null = null;
  for (const dayNumber of [today - 1, today]) {
    if (!settings.weekdays.includes(weekdayOfDayNumber(dayNumber))) continue;
    for (const time of settings.timesOfDay) {
      const startMs = localDayStartMs(dayNumber, tzOffsetMin) + timeOfDayMinutes(time) * MINUTE_MS;
      const inWindow = nowMs >= startMs && nowMs - startMs < PROMPT_SLOT_WINDOW_MS;
      if (inWindow && (owner === null || startMs > owner.startMs))
        owner = { name: `${String(dayNumber)} ${time}`, startMs };
    }
  }
  return owner?.name ?? null;
}

test('never repeats a prompt within a season', () => {
  fc.assert(
    fc.property(
      settingsArbitrary,
      offsetArbitrary,
      momentsArbitrary,
      (settings, tzOffsetMin, moments) => {
        const history = replay(settings, tzOffsetMin, moments);
        const lastShown = new Map<string, number>();
        for (const { promptId, shownAtMs } of history) {
          const before = lastShown.get(promptId);
          if (before !== undefined)
            assert.ok(
              shownAtMs - before >= PROMPT_SEASON_MS,
              `${promptId} came back after ${String((shownAtMs - before) / DAY_MS)} days`,
            );
          lastShown.set(promptId, shownAtMs);
        }
      },
    ),
  );
});

test('returns nothing when prompts are off', () => {
  fc.assert(
    fc.property(
      settingsArbitrary,
      offsetArbitrary,
      momentsArbitrary,
      (settings, tzOffsetMin, moments) => {
        const history = replay({ ...settings, enabled: false }, tzOffsetMin, moments);
        assert.deepEqual(history, []);
      },
    ),
  );
});

test('returns nothing outside the chosen days and times, or in quiet hours', () => {
  fc.assert(
    fc.property(
      settingsArbitrary,
      offsetArbitrary,
      momentsArbitrary,
      (settings, tzOffsetMin, moments) => {
        replay(settings, tzOffsetMin, moments, (nowMs, shown) => {
          if (!shown) return;
          assert.notEqual(
            slotOwning(settings, nowMs, tzOffsetMin),
            null,
            `shown at ${new Date(nowMs).toISOString()} outside every chosen slot`,
          );
          assert.ok(
            !minuteIsQuiet(localDateOf(nowMs, tzOffsetMin).minuteOfDay, settings.quietHours),
            'shown in quiet hours',
          );
        });
      },
    ),
  );
});

test('never more than one prompt per chosen slot', () => {
  fc.assert(
    fc.property(
      settingsArbitrary,
      offsetArbitrary,
      momentsArbitrary,
      (settings, tzOffsetMin, moments) => {
        const used = new Set<string>();
        replay(settings, tzOffsetMin, moments, (nowMs, shown) => {
          if (!shown) return;
          const slot = slotOwning(settings, nowMs, tzOffsetMin);
          assert.ok(slot !== null && !used.has(slot), `a second prompt in slot ${String(slot)}`);
          used.add(slot);
        });
      },
    ),
  );
});

test('the replays do show prompts (a guard against properties that never bite)', () => {
  let shownCount = 0;
  fc.assert(
    fc.property(
      settingsArbitrary,
      offsetArbitrary,
      momentsArbitrary,
      (settings, tzOffsetMin, moments) => {
        shownCount += replay(settings, tzOffsetMin, moments).length;
      },
    ),
    { numRuns: 50 },
  );
  assert.ok(shownCount > 200, String(shownCount));
});
