import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { crossCorrelationTable, windowedCrossCorrelation } from './cross-correlation.ts';

test('invariants: r in [−1, 1]; swapping a and b mirrors the lag table; peaks are table maxima', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 40, maxLength: 90 }),
      fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 40, maxLength: 90 }),
      (xs, ys) => {
        const options = { sampleRateHz: 2, windowSec: 8, stepSec: 3, maxLagSec: 2 };
        const forward = crossCorrelationTable(xs, ys, options);
        const backward = crossCorrelationTable(ys, xs, options);
        forward.r.forEach((row, w) => {
          const mirrored = backward.r[w]!;
          row.forEach((value, i) => {
            if (Number.isNaN(value)) return;
            assert.ok(value >= -1 && value <= 1);
            assert.ok(Math.abs(value - mirrored[row.length - 1 - i]!) < 1e-9);
          });
        });
        const result = windowedCrossCorrelation(xs, ys, options);
        result.peakR.forEach((peak, w) => {
          if (Number.isNaN(peak)) return;
          for (const value of forward.r[w]!) if (!Number.isNaN(value)) assert.ok(value <= peak);
        });
      },
    ),
    { numRuns: 200 },
  );
});
