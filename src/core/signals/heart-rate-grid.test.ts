import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { heartRateFromRr, heartRateOnGrid } from './heart-rate-grid.ts';
import type { HeartRateGrid, HeartRatePoint } from './heart-rate-grid.ts';

// From scripts/signals-reference/synchrony_reference.py: numpy.interp on the grid, NaN across
// gaps longer than maxGapMs and outside the readings.
const reference = (
  JSON.parse(
    readFileSync(
      new URL('../../../scripts/signals-reference/synchrony-reference.json', import.meta.url),
      'utf8',
    ),
  ) as {
    heartRateGrid: { points: HeartRatePoint[]; grid: HeartRateGrid; values: (number | null)[] };
  }
).heartRateGrid;

test('the grid equals numpy.interp with gaps and the outside left as NaN', () => {
  const values = heartRateOnGrid(reference.points, reference.grid);
  assert.equal(values.length, reference.values.length);
  reference.values.forEach((expected, i) => {
    if (expected === null)
      assert.ok(Number.isNaN(values[i]), `[${i}] should be NaN, got ${values[i]}`);
    else
      assert.ok(
        Math.abs((values[i] ?? NaN) - expected) < 1e-9,
        `[${i}]: ${values[i]} vs ${expected}`,
      );
  });
  assert.ok(reference.values.some((v) => v === null) && reference.values.some((v) => v !== null));
});

test('interpolates linearly, keeps readings at their own instant, and leaves gaps and the outside empty', () => {
  const points = [
    { atMs: 1000, bpm: 60 },
    { atMs: 2000, bpm: 70 },
    { atMs: 9000, bpm: 80 },
    { atMs: 9500, bpm: 90 },
  ];
  const grid = heartRateOnGrid(points, { startMs: 500, sampleRateHz: 4, length: 40 });
  assert.ok(Number.isNaN(grid[0]) && Number.isNaN(grid[1]));
  assert.deepEqual(Array.from(grid.subarray(2, 7)), [60, 62.5, 65, 67.5, 70]);
  assert.ok(grid.subarray(7, 34).every(Number.isNaN), '7 s between readings is a gap');
  assert.deepEqual(Array.from(grid.subarray(34, 37)), [80, 85, 90]);
  assert.ok(grid.subarray(37).every(Number.isNaN));
  const bridged = heartRateOnGrid(points, {
    startMs: 500,
    sampleRateHz: 4,
    length: 40,
    maxGapMs: 7000,
  });
  assert.equal(bridged[20], 70 + (10 * (5500 - 2000)) / 7000);
});

test('unsorted, duplicate and non-finite readings', () => {
  const grid = heartRateOnGrid(
    [
      { atMs: 2000, bpm: 70 },
      { atMs: 1000, bpm: 60 },
      { atMs: 1500, bpm: Number.NaN },
      { atMs: 2000, bpm: 72 },
    ],
    { startMs: 1000, sampleRateHz: 2, length: 3 },
  );
  assert.deepEqual(Array.from(grid), [60, 66, 72]);
  assert.ok(heartRateOnGrid([], { startMs: 0, sampleRateHz: 4, length: 5 }).every(Number.isNaN));
  assert.throws(() => heartRateOnGrid([], { startMs: 0, sampleRateHz: 0, length: 5 }), RangeError);
});

test('RR intervals become readings stamped at the end of each interval, the last at endAtMs', () => {
  assert.deepEqual(heartRateFromRr([1000, 750, 1200], 10_000), [
    { atMs: 10_000 - 1200 - 750, bpm: 60 },
    { atMs: 10_000 - 1200, bpm: 80 },
    { atMs: 10_000, bpm: 50 },
  ]);
  assert.deepEqual(heartRateFromRr([], 5), []);
  // Before an interval of unknown length no beat can be placed.
  assert.deepEqual(heartRateFromRr([800, Number.NaN, 600], 3000), [{ atMs: 3000, bpm: 100 }]);
});

test('invariants: one reading per interval, the last at endAtMs, and grid values within the readings', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 300, max: 2000, noNaN: true }), { minLength: 1, maxLength: 60 }),
      fc.integer({ min: 0, max: 100_000 }),
      (rr, end) => {
        const points = heartRateFromRr(rr, end);
        assert.equal(points.length, rr.length);
        assert.equal(points.at(-1)?.atMs, end);
        const bpms = points.map((p) => p.bpm);
        const startMs = points[0]!.atMs - 1000;
        const grid = heartRateOnGrid(points, {
          startMs,
          sampleRateHz: 4,
          length: 400,
          maxGapMs: 2500,
        });
        for (const value of grid) {
          if (Number.isNaN(value)) continue;
          assert.ok(value >= Math.min(...bpms) - 1e-9 && value <= Math.max(...bpms) + 1e-9);
        }
      },
    ),
  );
});
