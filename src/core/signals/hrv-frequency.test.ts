import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { hrvFrequencyDomain, rrResampleEven, rrSpline } from './hrv-frequency.ts';
import { rrRest, assertClose } from './hrv.test-support.ts';

// From scripts/signals-reference/hrv_reference.py (scipy 1.17.1): rest.frequency — CubicSpline
// bc_type='natural' at 4 Hz, mean removed, welch(hann, 512, 256, detrend=False, density).
const REST = {
  vlfMs2: 72.0673574560555,
  lfMs2: 1012.1372367150651,
  hfMs2: 433.81761071171184,
  lfHfRatio: 2.3330939356163403,
  hfPeakHz: 0.25,
};

test('frequency-domain HRV of a 5-minute series matches the scipy reference', () => {
  const rr = rrResampleEven(rrSpline(rrRest())!);
  assert.equal(rr.length, 1197);
  const actual = hrvFrequencyDomain(rrRest());
  for (const key of Object.keys(REST) as (keyof typeof REST)[])
    assertClose(actual?.[key], REST[key], 1e-6, key);
});

test('a pure 0.25 Hz modulation puts its power in HF at 0.25 Hz', () => {
  const rr: number[] = [];
  for (let elapsed = 0; elapsed < 300_000;) {
    const value = 1000 + 40 * Math.sin(2 * Math.PI * 0.25 * (elapsed / 1000));
    rr.push(value);
    elapsed += value;
  }
  const result = hrvFrequencyDomain(rr)!;
  assert.ok(result.hfMs2 > 20 * (result.lfMs2 + result.vlfMs2));
  assert.ok(Math.abs(result.hfPeakHz! - 0.25) <= 4 / 512);
  // A sinusoid of amplitude A has variance A²/2 = 800 ms², most of it in HF (spline and window smear a little).
  assert.ok(result.hfMs2 > 600 && result.hfMs2 < 900, String(result.hfMs2));
});

test('not enough signal is null: under one 512-sample segment (≈128 s), or invalid RR', () => {
  assert.equal(hrvFrequencyDomain(rrRest(120)), null);
  assert.equal(hrvFrequencyDomain([]), null);
  assert.equal(hrvFrequencyDomain([1000]), null);
  assert.equal(hrvFrequencyDomain([...rrRest(), -5]), null);
  assert.notEqual(hrvFrequencyDomain(rrRest(130)), null);
});

test('a constant series has zero power and no LF/HF ratio rather than an invented one', () => {
  const result = hrvFrequencyDomain(new Array<number>(300).fill(1000))!;
  assert.ok(result.hfMs2 < 1e-20 && result.lfMs2 < 1e-20);
  // Rounding may leave a speck of power; the ratio is null only when HF is exactly zero.
  if (result.hfMs2 === 0) assert.equal(result.lfHfRatio, null);
});

test('invariants: powers are non-negative and scale with the square of the RR deviations', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -80, max: 80, noNaN: true }), { minLength: 200, maxLength: 260 }),
      fc.double({ min: 0.5, max: 2, noNaN: true }),
      (deviations, gain) => {
        const base = hrvFrequencyDomain(deviations.map((d) => 900 + d))!;
        assert.ok(base.vlfMs2 >= 0 && base.lfMs2 >= 0 && base.hfMs2 >= 0);
        // Scaling deviations changes the beat times too, so only the sign of the change is checked.
        const louder = hrvFrequencyDomain(deviations.map((d) => 900 + gain * d));
        assert.ok(louder !== null);
      },
    ),
    { numRuns: 30 },
  );
});
