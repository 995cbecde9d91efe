import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { hrvCoherence } from './hrv-coherence.ts';
import { rrRest, rrPaced, assertClose } from './hrv.test-support.ts';

// From scripts/signals-reference/hrv_reference.py (scipy 1.17.1): coherence() — the last 256 samples
// at 4 Hz of CubicSpline(bc_type='natural'), detrend('linear'), periodogram(hann, nfft=2048, density).
const REST = { peakHz: 0.099609375, ratio: 1.2160462194616126, normalized: 0.5487458739723625 };
const PACED = { peakHz: 0.099609375, ratio: 8.035625960085, normalized: 0.889326981393706 };

test('coherence matches the scipy reference for a resting and a paced series', () => {
  for (const [series, expected] of [
    [rrRest(), REST],
    [rrPaced(), PACED],
  ] as const) {
    const actual = hrvCoherence(series);
    for (const key of Object.keys(expected) as (keyof typeof expected)[])
      assertClose(actual?.[key], expected[key], 1e-6, key);
  }
});

test('paced breathing at 6/min is far more coherent than rest', () => {
  assert.ok(hrvCoherence(rrPaced())!.normalized > 0.8);
  assert.ok(hrvCoherence(rrRest())!.normalized < 0.6);
});

test('less than 64 s of beats, or a series without any variation, is null', () => {
  assert.equal(hrvCoherence(rrPaced(60)), null);
  assert.equal(hrvCoherence([]), null);
  assert.equal(hrvCoherence(new Array<number>(80).fill(1000)), null);
  assert.notEqual(hrvCoherence(rrPaced(65)), null);
});

test('invariants: normalized is in [0, 1] and ratio = normalized / (1 − normalized)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 600, max: 1200, noNaN: true }), { minLength: 110, maxLength: 160 }),
      (rr) => {
        const result = hrvCoherence(rr);
        if (result === null) return;
        assert.ok(result.normalized >= 0 && result.normalized <= 1);
        assert.ok(result.peakHz >= 0.04 && result.peakHz < 0.26);
        const expected = result.normalized / (1 - result.normalized);
        assert.ok(Math.abs(result.ratio - expected) <= 1e-6 * Math.max(1, expected));
      },
    ),
    { numRuns: 50 },
  );
});
