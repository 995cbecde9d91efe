import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CHECK_IN_HOLDS_FOR_MAX_MS,
  WINDOW_TIMES_NONE,
  windowShares,
  windowTimes,
  windowTimesByWeek,
} from './window-of-tolerance.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Monday 17 November 2025, 08:00 UTC. */
const MONDAY_8AM = Date.UTC(2025, 10, 17, 8);
const DAY = { fromMs: Date.UTC(2025, 10, 17), toMs: Date.UTC(2025, 10, 18) };

test('a check-in holds until the next one', () => {
  const times = windowTimes(
    [
      { atMs: MONDAY_8AM, state: 'activated', intensity: 7 },
      { atMs: MONDAY_8AM + 30 * MINUTE_MS, state: 'regulated', intensity: 3 },
      { atMs: MONDAY_8AM + 90 * MINUTE_MS, state: 'shutdown', intensity: 5 },
    ],
    DAY,
  );
  assert.equal(times.above, 30 * MINUTE_MS);
  assert.equal(times.within, 60 * MINUTE_MS);
  assert.equal(
    times.below,
    CHECK_IN_HOLDS_FOR_MAX_MS,
    'the last one holds for three hours, then nothing is guessed',
  );
  assert.equal(times.totalMs, 90 * MINUTE_MS + 3 * HOUR_MS);
});

test('mixed or unsure is its own share, and the four shares sum to one', () => {
  const times = windowTimes(
    [
      { atMs: MONDAY_8AM, state: 'mixed', intensity: 4 },
      { atMs: MONDAY_8AM + HOUR_MS, state: 'regulated', intensity: 2 },
    ],
    DAY,
  );
  assert.deepEqual(windowShares(times), { within: 0.75, above: 0, below: 0, mixed: 0.25 });
});

test('a check-in before the period holds into it; time outside the period is not counted', () => {
  const times = windowTimes(
    [{ atMs: DAY.fromMs - HOUR_MS, state: 'activated', intensity: 8 }],
    DAY,
  );
  assert.equal(times.above, 2 * HOUR_MS);
  const late = windowTimes([{ atMs: DAY.toMs - HOUR_MS, state: 'regulated', intensity: 1 }], DAY);
  assert.equal(late.within, HOUR_MS);
});

test('intensity does not change how long a check-in counts', () => {
  const calm = windowTimes([{ atMs: MONDAY_8AM, state: 'activated', intensity: 1 }], DAY);
  const strong = windowTimes([{ atMs: MONDAY_8AM, state: 'activated', intensity: 10 }], DAY);
  assert.deepEqual(calm, strong);
});

test('no check-ins give no time and no shares, never NaN', () => {
  assert.deepEqual(windowTimes([], DAY), WINDOW_TIMES_NONE);
  assert.equal(windowShares(WINDOW_TIMES_NONE), null);
  assert.deepEqual(windowTimesByWeek([], DAY, 0), []);
  assert.deepEqual(
    windowTimes([{ atMs: MONDAY_8AM, state: 'regulated', intensity: 0 }], {
      fromMs: MONDAY_8AM,
      toMs: MONDAY_8AM,
    }),
    WINDOW_TIMES_NONE,
  );
});

test('weeks are cut at local Mondays', () => {
  // Sunday 23 November 23:00 UTC is already Monday in Berlin (+01:00).
  const sundayLate = Date.UTC(2025, 10, 23, 23);
  const period = { fromMs: Date.UTC(2025, 10, 17), toMs: Date.UTC(2025, 11, 1) };
  const checkIns = [{ atMs: sundayLate, state: 'regulated' as const, intensity: 2 }];
  assert.deepEqual(
    windowTimesByWeek(checkIns, period, 0).map((week) => [week.weekOf, week.times.within]),
    [
      ['2025-11-17', HOUR_MS],
      ['2025-11-24', 2 * HOUR_MS],
    ],
  );
  assert.deepEqual(
    windowTimesByWeek(checkIns, period, 60).map((week) => [week.weekOf, week.times.within]),
    [['2025-11-24', 3 * HOUR_MS]],
  );
});

test('a period that runs backwards is refused', () => {
  assert.throws(() => windowTimes([], { fromMs: 2, toMs: 1 }), RangeError);
  assert.throws(() => windowTimes([], { fromMs: Number.NaN, toMs: 1 }), RangeError);
});
