import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  bandPower,
  detrendLinear,
  hannPeriodic,
  peakBin,
  periodogramHann,
  welchHann,
} from './welch.ts';

// From scripts/signals-reference/hrv_reference.py, spectra_case() (scipy 1.17.1):
// x[n] = sin(0.37 n) + 0.003 n + 0.2 cos(1.3 n), n < 1200, fs = 4 Hz.
// welch(x, window='hann', nperseg=512, noverlap=256, detrend=False, scaling='density')
const WELCH_BINS = [0, 1, 2, 3, 29, 30, 31, 105, 106, 256];
const WELCH = [
  234.87986214316115, 123.17881946764521, 0.2833064919851208, 0.01770407903718203,
  6.470012527841962, 41.440244816581895, 16.026404727902136, 0.5162557728177902, 1.6969723787065003,
  4.511012224933005e-16,
];
// periodogram(detrend(x[:256], 'linear'), window='hann', nfft=2048, detrend=False, scaling='density')
const PERIODOGRAM_BINS = [0, 1, 2, 120, 121, 423, 424, 1024];
const PERIODOGRAM = [
  3.450654654318359e-7, 0.0009305607428468564, 0.0035399521280194057, 21.179020962256814,
  21.265775481853023, 0.8441201928439542, 0.8521222317342004, 3.007525248356435e-15,
];

const signal = Float64Array.from(
  { length: 1200 },
  (_, n) => Math.sin(0.37 * n) + 0.003 * n + 0.2 * Math.cos(1.3 * n),
);

/** 1e-6 relative, with an absolute floor of 1e-9 of the spectrum's largest value for bins at rounding level. */
function assertSpectrumClose(actual: Float64Array, bins: number[], expected: number[]): void {
  const scale = Math.max(...expected);
  bins.forEach((bin, index) => {
    const want = expected[index]!;
    const got = actual[bin]!;
    assert.ok(
      Math.abs(got - want) <= 1e-6 * Math.abs(want) + 1e-9 * scale,
      `bin ${bin}: ${got} vs ${want}`,
    );
  });
}

test('Welch with a periodic Hann window matches scipy.signal.welch', () => {
  const spectrum = welchHann(signal, 4, 512, 256)!;
  assert.equal(spectrum.psd.length, 257);
  assert.equal(spectrum.binHz, 4 / 512);
  assertSpectrumClose(spectrum.psd, WELCH_BINS, WELCH);
});

test('the zero-padded periodogram of a linearly detrended signal matches scipy.signal.periodogram', () => {
  const spectrum = periodogramHann(detrendLinear(signal.subarray(0, 256)), 4, 2048);
  assert.equal(spectrum.psd.length, 1025);
  assertSpectrumClose(spectrum.psd, PERIODOGRAM_BINS, PERIODOGRAM);
});

test('the Hann window is periodic: w[0] = 0, w[N/2] = 1, no closing zero', () => {
  const window = hannPeriodic(8);
  assert.equal(window[0], 0);
  assert.equal(window[4], 1);
  assert.ok(window[7]! > 0.1);
});

test('too short for one segment is null; band edges are lo ≤ f < hi', () => {
  assert.equal(welchHann(new Float64Array(511), 4, 512, 256), null);
  const flat = { psd: Float64Array.from({ length: 11 }, () => 1), binHz: 0.1 };
  assertClose(bandPower(flat, 0.2, 0.5), 0.3);
  assert.equal(peakBin(flat, 0.95, 2), 10);
  assert.equal(peakBin(flat, 2, 3), -1);
});

function assertClose(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} vs ${expected}`);
}

test("invariants: Parseval — a density periodogram's integral equals the windowed signal's mean power", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 8, maxLength: 64 }),
      (values) => {
        const window = hannPeriodic(values.length);
        let windowEnergy = 0;
        let energy = 0;
        values.forEach((value, index) => {
          windowEnergy += window[index]! ** 2;
          energy += (value * window[index]!) ** 2;
        });
        const spectrum = periodogramHann(values, 4, 128);
        // Two-sided sum = energy / (fs·Σw²) · fs · ... : Σ one-sided PSD·Δf over the nfft grid equals energy / Σw².
        const integral = bandPower(spectrum, 0, 3);
        assert.ok(
          Math.abs(integral - energy / windowEnergy) <= 1e-9 * Math.max(1, energy / windowEnergy),
        );
        const detrended = detrendLinear(values.map((value, index) => value + 3 * index - 7));
        const reference = detrendLinear(values);
        detrended.forEach((value, index) => {
          assert.ok(Math.abs(value - reference[index]!) < 1e-6);
        });
      },
    ),
  );
});
