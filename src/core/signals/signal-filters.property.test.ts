import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { butterworthBandpass, sosFiltFilt } from './butterworth.ts';
import { analyticSignal } from './hilbert.ts';
import { phaseLockingValue } from './phase-locking.ts';

const signal = (minLength: number, maxLength: number): fc.Arbitrary<number[]> =>
  fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength, maxLength });

test('zero-phase filtering is linear and a band-pass gives nothing for a constant', () => {
  const sos = butterworthBandpass(2, 0.7, 4, 30);
  fc.assert(
    fc.property(signal(20, 120), fc.double({ min: -5, max: 5, noNaN: true }), (xs, gain) => {
      const y = sosFiltFilt(sos, xs);
      const scaled = sosFiltFilt(sos, xs.map((v) => gain * v));
      const constant = sosFiltFilt(sos, xs.map(() => gain * 100));
      const scale = 1 + Math.max(...xs.map(Math.abs));
      y.forEach((value, i) => {
        assert.ok(Math.abs((scaled[i] ?? NaN) - gain * value) < 1e-9 * scale * (1 + Math.abs(gain)));
        assert.ok(Math.abs(constant[i] ?? NaN) < 1e-9 * (1 + Math.abs(gain) * 100));
      });
    }),
    { numRuns: 150 },
  );
});

test('the analytic signal keeps the input as its real part', () => {
  fc.assert(
    fc.property(signal(1, 70), (xs) => {
      const z = analyticSignal(xs);
      const scale = 1 + Math.max(...xs.map(Math.abs));
      xs.forEach((value, i) => {
        assert.ok(Math.abs((z.re[i] ?? NaN) - value) < 1e-9 * scale * xs.length);
      });
    }),
    { numRuns: 150 },
  );
});

test('PLV is in [0, 1], symmetric, and swapping the signals negates the phase difference', () => {
  fc.assert(
    fc.property(signal(80, 160), signal(80, 160), (xs, ys) => {
      const options = { sampleRateHz: 4, bandHz: [0.1, 0.4] as const };
      const ab = phaseLockingValue(xs, ys, options);
      const ba = phaseLockingValue(ys, xs, options);
      if (Number.isNaN(ab.plv)) return;
      assert.ok(ab.plv >= 0 && ab.plv <= 1 + 1e-12);
      assert.ok(Math.abs(ab.plv - ba.plv) < 1e-9);
      if (ab.plv > 1e-6) assert.ok(Math.abs(Math.sin(ab.meanPhaseDiffRad + ba.meanPhaseDiffRad)) < 1e-6);
    }),
    { numRuns: 100 },
  );
});
