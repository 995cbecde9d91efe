import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from './pulse-sync.test-support.ts';
import { phaseLockingValue } from './phase-locking.ts';

// Reference values produced by scripts/signals-reference/pulse_sync_plv.py (scipy.signal
// sosfiltfilt + hilbert, the same edge trimming).
const REFERENCE = [{"n": 400, "fs": 4.0, "lo": 0.1, "hi": 0.4, "plv": 0.9230350777976786, "meanPhaseDiffRad": 0.7037941042223335}, {"n": 257, "fs": 4.0, "lo": 0.15, "hi": 0.3, "plv": 0.9816559034608002, "meanPhaseDiffRad": 0.5527999673809822}, {"n": 600, "fs": 10.0, "lo": 0.1, "hi": 0.5, "plv": 0.9387238375811613, "meanPhaseDiffRad": 0.46785279097073096}] as const;

function pair(n: number, fs: number): [Float64Array, Float64Array] {
  const a = Float64Array.from({ length: n }, (_, i) => {
    const t = i / fs;
    return Math.sin(2 * Math.PI * 0.2 * t) + 0.4 * Math.sin(2 * Math.PI * 0.013 * t * t) + 0.3 * Math.cos(2 * Math.PI * 1.1 * t);
  });
  const b = Float64Array.from({ length: n }, (_, i) => {
    const t = i / fs;
    return Math.sin(2 * Math.PI * 0.2 * t - 0.7 + 0.3 * Math.sin(2 * Math.PI * 0.01 * t)) + 0.5 * Math.sin(2 * Math.PI * 0.31 * t + 0.2);
  });
  return [a, b];
}

test('PLV and mean phase difference equal the scipy reference', () => {
  for (const case_ of REFERENCE) {
    const [a, b] = pair(case_.n, case_.fs);
    const result = phaseLockingValue(a, b, { sampleRateHz: case_.fs, bandHz: [case_.lo, case_.hi] });
    assert.ok(Math.abs(result.plv - case_.plv) < 1e-9, `plv n=${case_.n}: ${result.plv} vs ${case_.plv}`);
    assert.ok(Math.abs(result.meanPhaseDiffRad - case_.meanPhaseDiffRad) < 1e-9, `phase n=${case_.n}`);
  }
});

const tone = (n: number, fs: number, hz: number, phase: number): Float64Array =>
  Float64Array.from({ length: n }, (_, i) => Math.sin(2 * Math.PI * hz * (i / fs) + phase));

test('identical signals lock perfectly with no phase difference', () => {
  const [a] = pair(480, 4);
  const result = phaseLockingValue(a, a, { sampleRateHz: 4, bandHz: [0.1, 0.4] });
  assert.ok(Math.abs(result.plv - 1) < 1e-12);
  assert.ok(Math.abs(result.meanPhaseDiffRad) < 1e-12);
});

test('a constant phase offset locks at 1 with that offset (positive: b follows a)', () => {
  for (const offset of [0.5, -1.2, 2.5]) {
    const result = phaseLockingValue(tone(600, 4, 0.2, 0), tone(600, 4, 0.2, -offset), { sampleRateHz: 4, bandHz: [0.1, 0.4] });
    assert.ok(result.plv > 0.999, `plv ${result.plv}`);
    assert.ok(Math.abs(result.meanPhaseDiffRad - offset) < 0.01, `offset ${offset}: ${result.meanPhaseDiffRad}`);
  }
});

test('independent noise gives a low PLV', () => {
  for (let seed = 1; seed <= 5; seed += 1) {
    const random = seededRandom(seed);
    const a = Float64Array.from({ length: 1200 }, () => random() - 0.5);
    const b = Float64Array.from({ length: 1200 }, () => random() - 0.5);
    const result = phaseLockingValue(a, b, { sampleRateHz: 4, bandHz: [0.1, 0.4] });
    assert.ok(result.plv < 0.3, `seed ${seed}: ${result.plv}`);
  }
});

test('too short a signal gives NaN, not a number', () => {
  const result = phaseLockingValue(tone(10, 4, 0.2, 0), tone(10, 4, 0.2, 0), { sampleRateHz: 4, bandHz: [0.1, 0.4] });
  assert.ok(Number.isNaN(result.plv) && Number.isNaN(result.meanPhaseDiffRad));
});
