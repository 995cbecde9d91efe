import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  PROGRESS_SPAN_MS,
  PROGRESS_T0,
  instantArbitrary,
  offsetArbitrary,
  practicesArbitrary,
} from './progress-arbitraries.test-support.ts';
import { practiceDosesByWeek, practiceDosesCombine } from './practice-doses.ts';

const MINUTE_MS = 60_000;
const WHOLE = { fromMs: PROGRESS_T0, toMs: PROGRESS_T0 + PROGRESS_SPAN_MS + 1 };

test('counts practices, minutes and lengths by the week they began, with no targets', () => {
  const monday = Date.UTC(2025, 10, 17, 9);
  const weeks = practiceDosesByWeek(
    [
      { atMs: monday, practiceId: 'paced-breathing', durationMs: 2 * MINUTE_MS, completed: true },
      {
        atMs: monday + 86_400_000,
        practiceId: 'paced-breathing',
        durationMs: 3 * MINUTE_MS,
        completed: false,
      },
      {
        atMs: monday + 2 * 86_400_000,
        practiceId: 'breath-sync',
        durationMs: 5 * MINUTE_MS,
        completed: true,
      },
      {
        atMs: monday + 7 * 86_400_000,
        practiceId: 'grounding',
        durationMs: 4 * MINUTE_MS,
        completed: true,
      },
    ],
    { fromMs: Date.UTC(2025, 10, 1), toMs: Date.UTC(2025, 11, 31) },
    0,
  );
  assert.deepEqual(weeks, [
    {
      weekOf: '2025-11-17',
      practiceCount: 3,
      completedCount: 2,
      totalMs: 10 * MINUTE_MS,
      lengthsMs: [2 * MINUTE_MS, 3 * MINUTE_MS, 5 * MINUTE_MS],
      medianLengthMs: 3 * MINUTE_MS,
      longestMs: 5 * MINUTE_MS,
      byPractice: {
        'paced-breathing': { count: 2, totalMs: 5 * MINUTE_MS },
        'breath-sync': { count: 1, totalMs: 5 * MINUTE_MS },
      },
    },
    {
      weekOf: '2025-11-24',
      practiceCount: 1,
      completedCount: 1,
      totalMs: 4 * MINUTE_MS,
      lengthsMs: [4 * MINUTE_MS],
      medianLengthMs: 4 * MINUTE_MS,
      longestMs: 4 * MINUTE_MS,
      byPractice: { grounding: { count: 1, totalMs: 4 * MINUTE_MS } },
    },
  ]);
});

test('records that cannot be counted are left out rather than turning into NaN', () => {
  const weeks = practiceDosesByWeek(
    [
      { atMs: PROGRESS_T0, practiceId: 'grounding', durationMs: Number.NaN, completed: true },
      { atMs: PROGRESS_T0, practiceId: 'grounding', durationMs: -5, completed: true },
      { atMs: Number.NaN, practiceId: 'grounding', durationMs: 5, completed: true },
    ],
    WHOLE,
    0,
  );
  assert.deepEqual(weeks, []);
});

test('a period split anywhere combines back into the whole', () => {
  fc.assert(
    fc.property(
      practicesArbitrary,
      instantArbitrary,
      offsetArbitrary,
      (practices, cut, tzOffsetMin) => {
        const whole = practiceDosesByWeek(practices, WHOLE, tzOffsetMin);
        const before = practiceDosesByWeek(
          practices,
          { fromMs: WHOLE.fromMs, toMs: cut },
          tzOffsetMin,
        );
        const after = practiceDosesByWeek(
          practices,
          { fromMs: cut, toMs: WHOLE.toMs },
          tzOffsetMin,
        );
        assert.deepEqual(practiceDosesCombine(before, after), whole);
      },
    ),
  );
});

test('the weeks hold every practice of the period exactly once', () => {
  fc.assert(
    fc.property(practicesArbitrary, offsetArbitrary, (practices, tzOffsetMin) => {
      const weeks = practiceDosesByWeek(practices, WHOLE, tzOffsetMin);
      assert.equal(
        weeks.reduce((sum, week) => sum + week.practiceCount, 0),
        practices.length,
      );
      assert.equal(
        weeks.reduce((sum, week) => sum + week.totalMs, 0),
        practices.reduce((sum, practice) => sum + practice.durationMs, 0),
      );
    }),
  );
});
