import assert from 'node:assert/strict';
import { test } from 'node:test';
import { windowedCrossCorrelation } from './cross-correlation.ts';

// Reference values produced by scripts/signals-reference/pulse_sync_wcc.py (numpy.corrcoef per
// window per lag, written from Boker et al. 2002 and rMEA's MEAccf windowing).
const REFERENCE = [{"n": 480, "fs": 4.0, "delaySec": 2.0, "windowSec": 30.0, "stepSec": 5.0, "maxLagSec": 5.0, "peakR": [0.9647913559197207, 0.9632380355086011, 0.9669643796382055, 0.9668088109111658, 0.9676373584072611, 0.9625315237196008, 0.9612255388549854, 0.9663844734391085, 0.9665977623576505, 0.9663868734849069, 0.9704364560691827, 0.9735321775502868, 0.9750294952858473, 0.9756948900897887, 0.9747396771962568, 0.9735968813886777, 0.9720413162225423, 0.9684268652214933], "peakLagSec": [2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0], "meanPeakR": 0.9686702150702933}, {"n": 600, "fs": 4.0, "delaySec": -1.25, "windowSec": 20.0, "stepSec": 7.5, "maxLagSec": 3.0, "peakR": [0.9575147967982698, 0.962975548072642, 0.957345282510564, 0.9628698486964222, 0.9630288564387064, 0.9559821529221334, 0.9566736621721138, 0.9689496068816955, 0.9735827101587267, 0.9727449208843691, 0.9748483214910688, 0.9718602530264588, 0.9694209090335635, 0.9560694785153163, 0.9664130039181017, 0.9639770036603409, 0.9705544387980867], "peakLagSec": [-1.25, -1.25, -1.25, -1.25, -1.25, -1.25, -1.25, -1.25, -1.25, -1.25, -1.25, -1.25, -1.25, -1.25, -1.25, -1.25, -1.25], "meanPeakR": 0.9649888702340341}, {"n": 300, "fs": 10.0, "delaySec": 0.0, "windowSec": 8.0, "stepSec": 2.0, "maxLagSec": 1.0, "peakR": [0.966738637227409, 0.9574589533161766, 0.9554366499735604, 0.97443850378051, 0.9557545853170424, 0.9609094249621942, 0.9617128643728579, 0.9491701792570226, 0.9685607875433909, 0.9617758434677225, 0.9647463053561255], "peakLagSec": [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], "meanPeakR": 0.9615184304158192}] as const;

/** The script's deterministic pair: b is a's common part delayed by delaySec, plus its own components. */
function signals(n: number, fs: number, delaySec: number): [Float64Array, Float64Array] {
  const base = (t: number): number =>
    Math.sin(2 * Math.PI * 0.1 * t) + 0.6 * Math.sin(2 * Math.PI * 0.23 * t + 1) + 0.3 * Math.sin((2 * Math.PI * 0.037 * t * t) / 60);
  const a = Float64Array.from({ length: n }, (_, i) => base(i / fs) + 0.2 * Math.sin(2 * Math.PI * 1.3 * (i / fs)));
  const b = Float64Array.from({ length: n }, (_, i) => base(i / fs - delaySec) + 0.25 * Math.cos(2 * Math.PI * 0.9 * (i / fs) + 0.5));
  return [a, b];
}

test('peaks, lags and the mean equal the Python reference; a positive lag means b follows a', () => {
  for (const case_ of REFERENCE) {
    const [a, b] = signals(case_.n, case_.fs, case_.delaySec);
    const result = windowedCrossCorrelation(a, b, { sampleRateHz: case_.fs, windowSec: case_.windowSec, stepSec: case_.stepSec, maxLagSec: case_.maxLagSec });
    assert.equal(result.peakR.length, case_.peakR.length);
    case_.peakR.forEach((r, i) => {
      assert.ok(Math.abs((result.peakR[i] ?? NaN) - r) < 1e-12, `window ${i}`);
      assert.equal(result.peakLagSec[i], case_.peakLagSec[i]);
    });
    assert.ok(Math.abs(result.meanPeakR - case_.meanPeakR) < 1e-12);
    assert.ok(result.peakLagSec.every((lag) => lag === case_.delaySec));
  }
});

test('a known lag is found in either direction', () => {
  const fs = 4;
  const [a, b] = signals(400, fs, 3);
  assert.ok(windowedCrossCorrelation(a, b, { sampleRateHz: fs, windowSec: 30, stepSec: 5, maxLagSec: 5 }).peakLagSec.every((lag) => lag === 3));
  assert.ok(windowedCrossCorrelation(b, a, { sampleRateHz: fs, windowSec: 30, stepSec: 5, maxLagSec: 5 }).peakLagSec.every((lag) => lag === -3));
});

test('constant input gives NaN windows and a NaN mean rather than an invented r', () => {
  const result = windowedCrossCorrelation(new Float64Array(200).fill(1), new Float64Array(200).fill(2), { sampleRateHz: 4, windowSec: 10, stepSec: 5, maxLagSec: 2 });
  assert.ok(result.peakR.length > 0);
  assert.ok(result.peakR.every(Number.isNaN));
  assert.ok(Number.isNaN(result.meanPeakR));
});

test('too short an input gives no windows', () => {
  const result = windowedCrossCorrelation(new Float64Array(50), new Float64Array(50), { sampleRateHz: 4, windowSec: 30, stepSec: 5, maxLagSec: 5 });
  assert.equal(result.peakR.length, 0);
  assert.ok(Number.isNaN(result.meanPeakR));
});
