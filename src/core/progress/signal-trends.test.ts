import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { localWeeksOf } from './local-weeks.ts';
import {
  PROGRESS_SPAN_MS,
  PROGRESS_T0,
  coherenceArbitrary,
  offsetArbitrary,
  synchronyArbitrary,
} from './progress-arbitraries.test-support.ts';
import { coherenceByWeek, synchronyByWeek } from './signal-trends.ts';

const WHOLE = { fromMs: PROGRESS_T0, toMs: PROGRESS_T0 + PROGRESS_SPAN_MS + 1 };
const DAY_MS = 86_400_000;

test('each week has the median of its readings and how many there were', () => {
  const monday = Date.UTC(2025, 10, 17, 18);
  const points = synchronyByWeek(
    [
      { atMs: monday, score: 0.2 },
      { atMs: monday + DAY_MS, score: 0.6 },
      { atMs: monday + 2 * DAY_MS, score: 0.4 },
      { atMs: monday + 3 * DAY_MS, score: 0.9 },
      { atMs: monday + 8 * DAY_MS, score: 0.5 },
      { atMs: monday + 9 * DAY_MS, score: Number.NaN },
    ],
    { fromMs: Date.UTC(2025, 10, 1), toMs: Date.UTC(2025, 11, 31) },
    0,
  );
  assert.deepEqual(
    points.map(({ weekOf, count }) => [weekOf, count]),
    [
      ['2025-11-17', 4],
      ['2025-11-24', 1],
    ],
  );
  assert.ok(Math.abs((points[0]?.median ?? 0) - 0.5) < 1e-12);
  assert.equal(points[1]?.median, 0.5);
  assert.deepEqual(coherenceByWeek([], WHOLE, 0), []);
});

test('split at a week boundary, the weeks of the parts are the weeks of the whole', () => {
  fc.assert(
    fc.property(
      synchronyArbitrary,
      coherenceArbitrary,
      offsetArbitrary,
      fc.nat(),
      (synchrony, coherence, tzOffsetMin, pick) => {
        const weeks = localWeeksOf(WHOLE, tzOffsetMin);
        const cut = weeks[pick % weeks.length]?.fromMs ?? WHOLE.fromMs;
        const before = { fromMs: WHOLE.fromMs, toMs: cut };
        const after = { fromMs: cut, toMs: WHOLE.toMs };
        assert.deepEqual(
          [
            ...synchronyByWeek(synchrony, before, tzOffsetMin),
            ...synchronyByWeek(synchrony, after, tzOffsetMin),
          ],
          synchronyByWeek(synchrony, WHOLE, tzOffsetMin),
        );
        assert.deepEqual(
          [
            ...coherenceByWeek(coherence, before, tzOffsetMin),
            ...coherenceByWeek(coherence, after, tzOffsetMin),
          ],
          coherenceByWeek(coherence, WHOLE, tzOffsetMin),
        );
      },
    ),
  );
});

test('a median always lies between the week’s lowest and highest reading', () => {
  fc.assert(
    fc.property(synchronyArbitrary, offsetArbitrary, (synchrony, tzOffsetMin) => {
      for (const point of synchronyByWeek(synchrony, WHOLE, tzOffsetMin)) {
        assert.ok(point.count > 0 && point.median >= 0 && point.median <= 1);
      }
    }),
  );
});
