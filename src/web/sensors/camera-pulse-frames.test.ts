import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PULSE_MIN_SNR_DB } from '../../core/signals/index.ts';
import {
  estimateDue,
  evenTrace,
  faceGuideRect,
  measuredFrameRate,
  meanRgbInEllipse,
  PULSE_SHOW_MARGIN_DB,
  pulseEstimateOf,
  PulseGate,
  RgbRing,
  type PulseReport,
} from './camera-pulse-frames.ts';

/** A deterministic generator for noise and timing jitter (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('the face guide sits in the middle of the frame, upright, and inside it', () => {
  assert.deepEqual(faceGuideRect(320, 240), { x: 92, y: 26, width: 136, height: 174 });
  const tiny = faceGuideRect(2, 2);
  assert.ok(tiny.x >= 0 && tiny.y >= 0 && tiny.x + tiny.width <= 2 && tiny.y + tiny.height <= 2);
});

test('only the middle of the oval is averaged: the corners and edge never count', () => {
  const width = 60, height = 80;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const inside = ((x + 0.5 - 30) / 30) ** 2 + ((y + 0.5 - 40) / 40) ** 2 <= 0.82 ** 2;
      rgba.set(inside ? [200, 150, 120, 255] : [0, 255, 0, 255], 4 * (y * width + x));
    }
  }
  const mean = meanRgbInEllipse(rgba, width, height);
  assert.deepEqual([mean.r, mean.g, mean.b], [200, 150, 120]);
  const expectedPixels = Math.PI * 24 * 32;
  assert.ok(Math.abs(mean.pixels - expectedPixels) / expectedPixels < 0.03, `${mean.pixels} pixels ≈ ${expectedPixels.toFixed(0)}`);
  assert.deepEqual(meanRgbInEllipse(new Uint8ClampedArray(0), 0, 0), { r: 0, g: 0, b: 0, pixels: 0 });
});

test('the ring keeps the last 10 s in order, and starts again after a gap or a new stream', () => {
  const ring = new RgbRing(32);
  for (let i = 0; i < 100; i += 1) ring.push(i * 500, { r: i, g: 0, b: 0 });
  // Capacity 32 frames but only 10 s (21 frames at 2 fps) are kept.
  assert.equal(ring.length, 21);
  assert.equal(ring.spanSec(), 10);
  const { times, r } = ring.snapshot();
  assert.deepEqual([...times].slice(0, 3), [39_500, 40_000, 40_500]);
  assert.deepEqual([...r].slice(-2), [98, 99]);

  ring.push(49_500 + 1_200, { r: 1, g: 1, b: 1 });
  assert.equal(ring.length, 1, 'a gap longer than a second starts again');
  ring.push(100, { r: 1, g: 1, b: 1 });
  assert.equal(ring.length, 1, 'time going backwards starts again');

  const small = new RgbRing(4);
  for (let i = 0; i < 10; i += 1) small.push(i * 10, { r: i, g: i, b: i });
  assert.deepEqual([...small.snapshot().g], [6, 7, 8, 9], 'a full ring drops the oldest');
});

test('uneven frames are measured at their real rate and resampled evenly', () => {
  const random = seeded(3);
  const times: number[] = [];
  let t = 1000;
  for (let i = 0; i < 300; i += 1) {
    times.push(t);
    t += 1000 / 29.5 + (random() - 0.5) * 12;
  }
  const fps = measuredFrameRate(times);
  assert.ok(Math.abs(fps - 29.5) < 0.3, `fps ${fps}`);
  // A straight line in time is resampled exactly.
  const line = (ms: number) => 0.01 * ms + 5;
  const even = evenTrace(times, { r: times.map(line), g: times.map((ms) => 2 * line(ms)), b: times.map(() => 7) }, fps);
  assert.equal(even.r.length, Math.floor((((times.at(-1) ?? 0) - 1000) / 1000) * fps) + 1);
  even.r.forEach((value, i) => {
    assert.ok(Math.abs(value - line(1000 + (i * 1000) / fps)) < 1e-9);
    assert.ok(Math.abs((even.g[i] ?? 0) - 2 * value) < 1e-9);
    assert.equal(even.b[i], 7);
  });
  assert.equal(measuredFrameRate([5]), 0);
});

/** Fills a ring with `seconds` of a face's mean colour at an uneven ~29 fps. */
function faceRing(seconds: number, options: { bpm: number | null; level?: number; seed?: number }): RgbRing {
  const random = seeded(options.seed ?? 11);
  const gauss = () => Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());
  const ring = new RgbRing();
  const level = options.level ?? 1;
  for (let t = 0; t <= seconds * 1000; t += 1000 / 29 + (random() - 0.5) * 8) {
    const beat = options.bpm === null ? 0 : Math.sin((2 * Math.PI * options.bpm * t) / 60_000);
    ring.push(t, {
      r: level * 190 * (1 + 0.0015 * beat) + 0.03 * gauss(),
      g: level * 140 * (1 + 0.0035 * beat) + 0.03 * gauss(),
      b: level * 120 * (1 + 0.0024 * beat) + 0.03 * gauss(),
    });
  }
  return ring;
}

test('a clear 75 bpm pulse at the camera\'s uneven frame rate reads as 75 bpm', () => {
  const report = pulseEstimateOf(faceRing(10, { bpm: 75 }));
  assert.equal(report.kind, 'pulse');
  assert.ok(Math.abs(report.bpm - 75) <= 1.5, `bpm ${report.bpm}`);
  assert.ok(report.snrDb > PULSE_MIN_SNR_DB + PULSE_SHOW_MARGIN_DB, `snr ${report.snrDb}`);
  assert.ok(Math.abs(report.fps - 29) < 0.5);
});

test('no estimate before ~10 s, and none in the dark', () => {
  const early = pulseEstimateOf(faceRing(8, { bpm: 75 }));
  assert.equal(early.kind === 'no-pulse' ? early.reason : early.kind, 'warming-up');
  const dark = pulseEstimateOf(faceRing(10, { bpm: 75, level: 0.15 }));
  assert.equal(dark.kind === 'no-pulse' ? dark.reason : dark.kind, 'too-dark');
});

test('a minute of noise without a pulse never shows a number', () => {
  for (const seed of [1, 2, 3]) {
    const random = seeded(seed);
    const gauss = () => Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());
    const ring = new RgbRing();
    const gate = new PulseGate();
    let lastEstimate: number | null = null;
    let estimates = 0;
    for (let t = 0; t <= 70_000; t += 1000 / 29 + (random() - 0.5) * 8) {
      ring.push(t, { r: 190 + 0.03 * gauss(), g: 140 + 0.03 * gauss(), b: 120 + 0.03 * gauss() });
      if (!estimateDue(lastEstimate, t)) continue;
      lastEstimate = t;
      const shown = gate.next(pulseEstimateOf(ring));
      if (t > 10_000) estimates += 1;
      assert.equal(shown.kind, 'no-pulse', `seed ${seed}: a number appeared at ${(t / 1000).toFixed(1)} s`);
    }
    assert.ok(estimates >= 55);
  }
});

test('a first number needs two clear estimates in a row that agree; it goes as soon as the signal does', () => {
  const pulse = (bpm: number, snrDb: number): PulseReport => ({ kind: 'pulse', bpm, snrDb, fps: 30 });
  const weak: PulseReport = { kind: 'no-pulse', reason: 'weak-signal', fps: 30 };
  const clear = PULSE_MIN_SNR_DB + PULSE_SHOW_MARGIN_DB + 1;
  const gate = new PulseGate();
  assert.equal(gate.next(pulse(72, clear)).kind, 'no-pulse', 'one estimate is not enough');
  assert.equal(gate.next(pulse(95, clear)).kind, 'no-pulse', 'two that disagree are not enough');
  assert.equal(gate.next(pulse(97, clear)).kind, 'pulse');
  assert.equal(gate.next(pulse(97, PULSE_MIN_SNR_DB + 0.1)).kind, 'pulse', 'once shown it stays while the SNR holds');
  assert.equal(gate.next(weak).kind, 'no-pulse');
  assert.equal(gate.next(pulse(97, PULSE_MIN_SNR_DB + 0.5)).kind, 'no-pulse', 'a barely-clear estimate does not bring it back');
  assert.equal(gate.next(pulse(97, PULSE_MIN_SNR_DB + 0.5)).kind, 'no-pulse');
  assert.equal(gate.next(pulse(97, clear)).kind, 'no-pulse');
  assert.equal(gate.next(pulse(98, clear)).kind, 'pulse');
  gate.reset();
  assert.equal(gate.next(pulse(98, clear)).kind, 'no-pulse');
});

test('estimates are due about once a second of frames', () => {
  assert.equal(estimateDue(null, 5), true);
  assert.equal(estimateDue(1000, 1999), false);
  assert.equal(estimateDue(1000, 2000), true);
  assert.equal(estimateDue(5000, 10), true, 'a new stream with an earlier clock');
});
