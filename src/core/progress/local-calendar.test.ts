import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  MS_PER_DAY,
  civilFromDayNumber,
  dayNumberFromCivil,
  localDateOf,
  localDayNumber,
  localDayStartMs,
  localMonthKey,
  localWeekKey,
  tzOffsetCheck,
} from './local-calendar.ts';

// Years 1900..2200 in milliseconds: far wider than any record Attune will hold.
const instantArbitrary = fc.integer({ min: -2_208_988_800_000, max: 7_258_118_400_000 });
const offsetArbitrary = fc.integer({ min: -14 * 60, max: 14 * 60 });

test('agrees with the platform calendar for any instant and offset', () => {
  fc.assert(
    fc.property(instantArbitrary, offsetArbitrary, (ms, tzOffsetMin) => {
      // The platform's UTC calendar, shifted by the offset, is the reference (TZ plays no part).
      const reference = new Date(ms + tzOffsetMin * 60_000);
      const local = localDateOf(ms, tzOffsetMin);
      assert.equal(local.year, reference.getUTCFullYear());
      assert.equal(local.month, reference.getUTCMonth() + 1);
      assert.equal(local.day, reference.getUTCDate());
      assert.equal(local.weekday, ((reference.getUTCDay() + 6) % 7) + 1);
      assert.equal(local.minuteOfDay, reference.getUTCHours() * 60 + reference.getUTCMinutes());
    }),
  );
});

test('day numbers and calendar dates convert both ways', () => {
  fc.assert(
    fc.property(fc.integer({ min: -100_000, max: 100_000 }), (dayNumber) => {
      const { year, month, day } = civilFromDayNumber(dayNumber);
      assert.equal(dayNumberFromCivil(year, month, day), dayNumber);
    }),
  );
});

test('a local day starts at local midnight', () => {
  fc.assert(
    fc.property(instantArbitrary, offsetArbitrary, (ms, tzOffsetMin) => {
      const dayNumber = localDayNumber(ms, tzOffsetMin);
      const start = localDayStartMs(dayNumber, tzOffsetMin);
      assert.ok(start <= ms && ms < start + MS_PER_DAY);
      assert.equal(localDateOf(start, tzOffsetMin).minuteOfDay, 0);
    }),
  );
});

test('weeks start on Monday and months are named by year and month', () => {
  // Friday 21 November 2025, 23:30 UTC: already Saturday in Berlin (+60), still Friday in New York (-300).
  const ms = Date.UTC(2025, 10, 21, 23, 30);
  assert.equal(localWeekKey(ms, 0), '2025-11-17');
  assert.equal(localWeekKey(ms, 60), '2025-11-17');
  assert.equal(localDateOf(ms, 60).weekday, 6);
  assert.equal(localDateOf(ms, -300).weekday, 5);
  // Sunday 30 November 2025 23:30 UTC is Monday 1 December in Berlin: a new week and a new month.
  const sundayNight = Date.UTC(2025, 10, 30, 23, 30);
  assert.equal(localWeekKey(sundayNight, 0), '2025-11-24');
  assert.equal(localWeekKey(sundayNight, 60), '2025-12-01');
  assert.equal(localMonthKey(sundayNight, 0), '2025-11');
  assert.equal(localMonthKey(sundayNight, 60), '2025-12');
});

test('an offset outside what any place uses is refused', () => {
  assert.throws(() => {
    tzOffsetCheck(17 * 60);
  }, RangeError);
  assert.throws(() => {
    tzOffsetCheck(30.5);
  }, RangeError);
  assert.throws(() => {
    tzOffsetCheck(Number.NaN);
  }, RangeError);
  tzOffsetCheck(-12 * 60);
  tzOffsetCheck(14 * 60);
});
