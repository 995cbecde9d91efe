import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { dayNumberFromCivil, localDayStartMs } from './local-calendar.ts';
import {
  PROGRESS_SPAN_MS,
  PROGRESS_T0,
  offsetArbitrary,
  repairsArbitrary,
} from './progress-arbitraries.test-support.ts';
import { repairRecordTimeToRepairMs, repairTimesByMonth } from './repair-times.ts';

const HOUR_MS = 3_600_000;
const WHOLE = {
  fromMs: PROGRESS_T0 - 86_400_000,
  toMs: PROGRESS_T0 + PROGRESS_SPAN_MS + 86_400_000,
};

test('the median time from rupture to next step, by the month the repair began', () => {
  const march = Date.UTC(2025, 2, 10);
  const months = repairTimesByMonth(
    [
      { ruptureAtMs: march - 2 * HOUR_MS, startedAtMs: march, completedAtMs: march + HOUR_MS },
      { startedAtMs: march + 86_400_000, completedAtMs: march + 86_400_000 + 5 * HOUR_MS },
      { startedAtMs: march + 2 * 86_400_000, completedAtMs: null },
      { startedAtMs: Date.UTC(2025, 3, 2), completedAtMs: null },
    ],
    { fromMs: Date.UTC(2025, 0, 1), toMs: Date.UTC(2026, 0, 1) },
    0,
  );
  assert.deepEqual(months, [
    { monthOf: '2025-03', startedCount: 3, completedCount: 2, medianTimeToRepairMs: 4 * HOUR_MS },
    { monthOf: '2025-04', startedCount: 1, completedCount: 0, medianTimeToRepairMs: null },
  ]);
});

test('time-to-repair is never negative and is null while open', () => {
  assert.equal(repairRecordTimeToRepairMs({ startedAtMs: 10, completedAtMs: null }), null);
  assert.equal(
    repairRecordTimeToRepairMs({ ruptureAtMs: 50, startedAtMs: 10, completedAtMs: 20 }),
    10,
  );
  assert.equal(repairRecordTimeToRepairMs({ startedAtMs: 10, completedAtMs: 5 }), 0);
});

test('split at a month boundary, the months of the parts are the months of the whole', () => {
  fc.assert(
    fc.property(
      repairsArbitrary,
      offsetArbitrary,
      fc.integer({ min: 2, max: 5 }),
      (repairs, tzOffsetMin, month) => {
        const cut = localDayStartMs(dayNumberFromCivil(2025, month, 1), tzOffsetMin);
        const parts = [
          ...repairTimesByMonth(repairs, { fromMs: WHOLE.fromMs, toMs: cut }, tzOffsetMin),
          ...repairTimesByMonth(repairs, { fromMs: cut, toMs: WHOLE.toMs }, tzOffsetMin),
        ];
        const whole = repairTimesByMonth(repairs, WHOLE, tzOffsetMin);
        assert.deepEqual(parts, whole);
        assert.equal(
          whole.reduce((sum, entry) => sum + entry.startedCount, 0),
          repairs.length,
        );
      },
    ),
  );
});
