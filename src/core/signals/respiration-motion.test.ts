import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gaussian, seededRandom } from './pulse-sync.test-support.ts';
import { respirationFromMotion } from './respiration-motion.ts';
import type { MotionSample } from './respiration-motion.ts';

/**
 * A phone lying tilted on a breathing belly: gravity split over the axes by the pose, a breath
 * tilt of `tiltRad` at `bpm` breaths/min rocking the phone about one axis, sensor noise, and
 * irregular sample times around `fs` Hz with an occasional gap.
 */
function phoneOnBelly(options: { bpm: number; seconds: number; tiltRad: number; noise: number; seed: number; fs?: number; phase0?: number }): MotionSample[] {
  const random = seededRandom(options.seed);
  const fs = options.fs ?? 60;
  const samples: MotionSample[] = [];
  let tMs = 1_000_000;
  const end = tMs + options.seconds * 1000;
  const start = tMs;
  while (tMs <= end) {
    const t = (tMs - start) / 1000;
    const breath = options.tiltRad * Math.cos(2 * Math.PI * (options.bpm / 60) * t + (options.phase0 ?? 0));
    const pitch = 0.3 + breath;
    const roll = -0.2 + 0.3 * breath;
    samples.push({
      tMs,
      x: 9.81 * Math.sin(roll) * Math.cos(pitch) + options.noise * gaussian(random),
      y: 9.81 * Math.sin(pitch) + options.noise * gaussian(random),
      z: 9.81 * Math.cos(roll) * Math.cos(pitch) + options.noise * gaussian(random),
    });
    tMs += (1000 / fs) * (0.7 + 0.6 * random()) + (random() < 0.01 ? 150 : 0);
  }
  return samples;
}

test('the breathing rate is recovered from irregular accelerometer samples', () => {
  for (const bpm of [4, 6, 10, 15, 24, 36]) {
    const result = respirationFromMotion(phoneOnBelly({ bpm, seconds: 60, tiltRad: 0.01, noise: 0.02, seed: bpm }));
    assert.ok(result, `${bpm} breaths/min`);
    assert.ok(Math.abs(result.breathsPerMin - bpm) < 0.5, `${bpm}: got ${result.breathsPerMin}`);
  }
});

test('the phase at the last sample follows the breath', () => {
  const bpm = 12;
  const seconds = 60;
  const offsets = [0, 1, 2, 3, 4, 5].map((phase0) => {
    const samples = phoneOnBelly({ bpm, seconds, tiltRad: 0.01, noise: 0.005, seed: 3, phase0 });
    const result = respirationFromMotion(samples);
    assert.ok(result);
    const last = samples[samples.length - 1]!;
    const truth = 2 * Math.PI * (bpm / 60) * ((last.tMs - samples[0]!.tMs) / 1000) + phase0;
    const difference = result.phaseRad - truth;
    return Math.atan2(Math.sin(difference), Math.cos(difference));
  });
  // The sign of the principal axis depends on the pose: the offset from the true breath phase is
  // the same for every starting phase (0 or π), so the phase tracks the breath.
  for (const offset of offsets) {
    const distance = Math.atan2(Math.sin(offset - offsets[0]!), Math.cos(offset - offsets[0]!));
    assert.ok(Math.abs(distance) < 0.3, `offsets ${offsets.join(', ')}`);
  }
});

test('a still phone, pure noise or a short recording gives null', () => {
  assert.equal(respirationFromMotion(phoneOnBelly({ bpm: 12, seconds: 60, tiltRad: 0, noise: 0.0005, seed: 1 })), null);
  assert.equal(respirationFromMotion(phoneOnBelly({ bpm: 12, seconds: 10, tiltRad: 0.02, noise: 0.01, seed: 1 })), null);
  assert.equal(respirationFromMotion([]), null);
  let nulls = 0;
  for (let seed = 1; seed <= 10; seed += 1) if (respirationFromMotion(phoneOnBelly({ bpm: 12, seconds: 60, tiltRad: 0, noise: 0.3, seed })) === null) nulls += 1;
  assert.ok(nulls >= 8, `only ${nulls} of 10 noise-only recordings were refused`);
});
