import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PULSE_MIN_SNR_DB, pulseFromRgb } from './pulse-rgb.ts';
import { syntheticRgb } from './pulse-sync.test-support.ts';

test('POS and CHROM recover a known pulse within 1 bpm despite drift and noise', () => {
  for (const bpm of [52, 67, 75, 98, 131]) {
    for (const fps of [30, 15]) {
      const trace = syntheticRgb({ bpm, fps, seconds: 20, noise: 0.002, seed: bpm * fps });
      // CHROM band-passes each 1.6 s window on its own, which leaves little of a pulse below
      // about 60 bpm (1.4 cycles per window): there its first harmonic wins. POS has no such limit.
      for (const method of bpm < 60 ? (['pos'] as const) : (['pos', 'chrom'] as const)) {
        const estimate = pulseFromRgb(trace, fps, method);
        assert.ok(estimate, `${method} ${bpm} bpm at ${fps} fps`);
        assert.ok(Math.abs(estimate.bpm - bpm) <= 1, `${method} ${bpm} bpm at ${fps} fps: got ${estimate.bpm}`);
        assert.ok(estimate.snrDb > PULSE_MIN_SNR_DB + 3, `${method} ${bpm} snr ${estimate.snrDb}`);
      }
    }
  }
});

test('a 10 s window at 30 fps is enough for POS', () => {
  const estimate = pulseFromRgb(syntheticRgb({ bpm: 72, fps: 30, seconds: 10, noise: 0.002, seed: 7 }), 30, 'pos');
  assert.ok(estimate && Math.abs(estimate.bpm - 72) <= 1, JSON.stringify(estimate));
});

test('SNR drops as noise rises', () => {
  for (const method of ['pos', 'chrom'] as const) {
    const snrs = [0.0005, 0.002, 0.005, 0.01].map((noise) => {
      let total = 0;
      for (let seed = 1; seed <= 4; seed += 1) total += pulseFromRgb(syntheticRgb({ bpm: 80, fps: 30, seconds: 15, noise, seed }), 30, method)?.snrDb ?? NaN;
      return total / 4;
    });
    for (let i = 1; i < snrs.length; i += 1) assert.ok((snrs[i] ?? NaN) < (snrs[i - 1] ?? NaN), `${method}: ${snrs.join(', ')}`);
  }
});

test('pure noise gives a bpm with a low snrDb', () => {
  for (let seed = 1; seed <= 10; seed += 1) {
    for (const method of ['pos', 'chrom'] as const) {
      const estimate = pulseFromRgb(syntheticRgb({ bpm: 80, fps: 30, seconds: 10, noise: 0.01, seed, pulseAmplitude: 0 }), 30, method);
      assert.ok(estimate);
      assert.ok(estimate.bpm >= 42 && estimate.bpm <= 240);
      assert.ok(estimate.snrDb < PULSE_MIN_SNR_DB + 3, `${method} seed ${seed}: ${estimate.snrDb}`);
    }
  }
});

test('too short or mismatched traces give null', () => {
  const short = syntheticRgb({ bpm: 70, fps: 30, seconds: 2, noise: 0, seed: 1 });
  assert.equal(pulseFromRgb(short, 30, 'pos'), null);
  assert.equal(pulseFromRgb({ r: [1, 2, 3], g: [1, 2], b: [1, 2, 3] }, 30, 'pos'), null);
});
