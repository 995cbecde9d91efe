import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyticSignal, dftAnyLength, instantaneousPhase } from './hilbert.ts';

// Reference values produced by scripts/signals-reference/pulse_sync_filters.py (scipy 1.17.1, numpy 2.4.6):
// scipy.signal.hilbert(x) at the listed indices, for even, odd and power-of-two lengths.
const SCIPY_HILBERT = [{"n": 16, "indices": [0, 2, 4, 6, 8, 10, 12, 14, 15], "re": [0.46053049700144266, 1.0715817017263023, 1.4657704988878804, 1.5182836718084594, 1.2188207853671287, 0.6764886088937186, 0.08315420656946604, -0.3520122124834718, -0.4580664633534535], "im": [-1.162881781267275, -0.8490491715080757, -0.39568122112723036, 0.1719919026111113, 0.6489631510073299, 0.8479445586742107, 0.6631981507006283, 0.07551441090930072, -0.7688953134420308]}, {"n": 21, "indices": [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 20], "re": [0.4605304970014426, 1.0715817017263023, 1.4657704988878797, 1.5182836718084591, 1.2188207853671287, 0.6764886088937185, 0.08315420656946593, -0.3520122124834716, -0.47401418196114686, -0.2346334269072718, 0.2921401251166004, 0.2921401251166004], "im": [-0.9360020132939926, -0.8400644415341839, -0.37866436209065046, 0.22297190340515663, 0.7456784283171727, 1.00563808345472, 0.9125851689396913, 0.4999291005417266, -0.08604670663193409, -0.6320850253725423, -0.8882422564097602, -0.8882422564097602]}, {"n": 100, "indices": [0, 12, 24, 36, 48, 60, 72, 84, 96, 99], "re": [0.46053049700144244, 0.083154206569466, 1.496245912169424, 0.6464932850293471, 3.7774242121630888, 2.6259638803999756, 3.7565840885145247, 3.778743573212848, 4.280427306653726, 4.105608078064534], "im": [4.875375044002328, 1.796240084241159, -1.0985745210961053, -1.24174705093711, -1.1351223213443984, -1.3576371306828685, 0.6870258912904283, -1.0427699995774682, 2.4355220191087286, 5.123657528905849]}] as const;

function hilbertSignal(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, k) => Math.sin(0.3 * k) + 0.5 * Math.cos(0.11 * k + 0.4) + 0.05 * k);
}

test('the analytic signal equals scipy.signal.hilbert for any length', () => {
  for (const case_ of SCIPY_HILBERT) {
    const z = analyticSignal(hilbertSignal(case_.n));
    case_.indices.forEach((sample, index) => {
      assert.ok(Math.abs((z.re[sample] ?? NaN) - (case_.re[index] ?? NaN)) < 1e-10, `re n=${case_.n} [${sample}]`);
      assert.ok(Math.abs((z.im[sample] ?? NaN) - (case_.im[index] ?? NaN)) < 1e-10, `im n=${case_.n} [${sample}]`);
    });
  }
});

test('the any-length DFT agrees with the direct sum', () => {
  const x = [0.5, -1, 2, 3.5, 0, 1, -2];
  const out = dftAnyLength(x);
  for (let k = 0; k < x.length; k += 1) {
    let re = 0;
    let im = 0;
    x.forEach((value, n) => {
      re += value * Math.cos((-2 * Math.PI * k * n) / x.length);
      im += value * Math.sin((-2 * Math.PI * k * n) / x.length);
    });
    assert.ok(Math.abs((out.re[k] ?? NaN) - re) < 1e-12);
    assert.ok(Math.abs((out.im[k] ?? NaN) - im) < 1e-12);
  }
});

test('the phase of a cosine advances with it', () => {
  const phase = instantaneousPhase(Float64Array.from({ length: 200 }, (_, k) => Math.cos((2 * Math.PI * 10 * k) / 200)));
  for (let k = 20; k < 180; k += 1) {
    const expected = (2 * Math.PI * 10 * k) / 200;
    const wrapped = Math.atan2(Math.sin(expected), Math.cos(expected));
    assert.ok(Math.abs(Math.atan2(Math.sin((phase[k] ?? 0) - wrapped), Math.cos((phase[k] ?? 0) - wrapped))) < 1e-9);
  }
});
