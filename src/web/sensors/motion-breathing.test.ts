import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MotionSample } from '../../core/signals/index.ts';
import { FakeTiming } from './fake-timing.test-support.ts';
import {
  MOTION_DENIED_MESSAGE,
  MOTION_SETTLING_MESSAGE,
  MOTION_SILENT_MESSAGE,
  MotionBreathingSensor,
  type CalibrationOutcome,
  type MotionSource,
} from './motion-breathing.ts';
import { breathPhaseFromMotion, inhaleRaisesProjection, poseChanged } from './motion-calibration.ts';
import type { SensorReading } from './sensor.ts';

test('breath phase: the projection\'s peak is the top of the in-breath, or its start, as calibrated', () => {
  assert.equal(breathPhaseFromMotion(0, true), 0.5);
  assert.equal(breathPhaseFromMotion(Math.PI, true), 0);
  assert.equal(breathPhaseFromMotion(0, false), 0);
  assert.equal(breathPhaseFromMotion(Math.PI / 2, false), 0.25);
  assert.ok(Math.abs(breathPhaseFromMotion((3 * Math.PI) / 2, true) - 0.25) < 1e-12);
  for (let rad = 0; rad < 2 * Math.PI; rad += 0.1) {
    for (const raises of [true, false]) {
      const phase = breathPhaseFromMotion(rad, raises);
      assert.ok(phase >= 0 && phase < 1);
    }
  }
});

test('the in-breath\'s direction is read from its largest component, and only when it is clear', () => {
  assert.equal(inhaleRaisesProjection({ x: 0.01, y: -0.2, z: 0.05 }), false);
  assert.equal(inhaleRaisesProjection({ x: 0.01, y: 0.2, z: -0.05 }), true);
  assert.equal(inhaleRaisesProjection({ x: 0.1, y: 0.09, z: 0 }), true, 'close but the same sign is still clear');
  assert.equal(inhaleRaisesProjection({ x: 0.1, y: -0.09, z: 0 }), null, 'close and opposite is unclear');
  assert.equal(inhaleRaisesProjection({ x: 0.005, y: 0.005, z: 0.005 }), null, 'too little movement');
  assert.equal(inhaleRaisesProjection(null), null);
});

test('the calibration holds while the phone keeps its pose', () => {
  assert.equal(poseChanged({ x: 0, y: 0, z: 9.8 }, { x: 0, y: 2, z: 9.6 }), false);
  assert.equal(poseChanged({ x: 0, y: 0, z: 9.8 }, { x: 0, y: 9.8, z: 0 }), true);
  assert.equal(poseChanged({ x: 0, y: 0, z: 0 }, { x: 0, y: 0, z: 9.8 }), true);
});

/**
 * A phone on a breathing belly: gravity plus a small tilt along `axis` that follows lung fill
 * (−cos of the breath phase, lowest at the start of an in-breath), plus sensor noise.
 */
class BreathingBelly implements MotionSource {
  readonly supported = true;
  phase = 0;
  tMs = 5_000;
  private onSample: ((sample: MotionSample) => void) | null = null;
  private noiseState = 12345;

  constructor(
    private readonly axis: { x: number; y: number; z: number },
    readonly requestPermission?: () => Promise<string>,
  ) {}

  listen(onSample: (sample: MotionSample) => void): () => void {
    this.onSample = onSample;
    return () => {
      this.onSample = null;
    };
  }

  private noise(): number {
    this.noiseState = (this.noiseState * 1103515245 + 12345) % 2147483648;
    return (this.noiseState / 2147483648 - 0.5) * 0.02;
  }

  /** Breathes for `seconds` at `cyclesPerSec`, sampling at 60 Hz while `timing` moves on. */
  async breathe(timing: FakeTiming, seconds: number, cyclesPerSec = 0.2): Promise<void> {
    for (let i = 0; i < seconds * 60; i += 1) {
      const fill = -Math.cos(2 * Math.PI * this.phase);
      const tilt = 0.08 * fill;
      this.onSample?.({
        tMs: this.tMs,
        x: 0.4 + tilt * this.axis.x + this.noise(),
        y: 1.2 + tilt * this.axis.y + this.noise(),
        z: 9.6 + tilt * this.axis.z + this.noise(),
      });
      this.phase += cyclesPerSec / 60;
      this.tMs += 1000 / 60;
      await timing.advance(1000 / 60);
    }
  }
}

function circularGap(a: number, b: number): number {
  const d = Math.abs(a - b) % 1;
  return Math.min(d, 1 - d);
}

for (const axis of [
  { x: 0.1, y: -0.95, z: 0.3 },
  { x: -0.1, y: 0.95, z: -0.3 },
  { x: 0.8, y: 0.1, z: -0.55 },
]) {
  test(`breathing rate, then breath phase after calibration (tilt axis ${JSON.stringify(axis)})`, async () => {
    const timing = new FakeTiming();
    const belly = new BreathingBelly(axis);
    const sensor = new MotionBreathingSensor({ motion: belly, timing });
    const readings: SensorReading[] = [];
    sensor.listen({ reading: (reading) => readings.push(reading), status: () => undefined });
    await sensor.start();
    await belly.breathe(timing, 15);
    assert.deepEqual(sensor.status(), { kind: 'waiting', message: MOTION_SETTLING_MESSAGE });
    assert.equal(readings.length, 0, 'no number until the rhythm is clear');
    await belly.breathe(timing, 15);
    assert.equal(sensor.status().kind, 'streaming');
    const latest = readings.at(-1);
    assert.ok(latest !== undefined && latest.source === 'motion');
    assert.ok(Math.abs((latest.breathingRateBpm ?? 0) - 12) < 0.6, `rate ${latest.breathingRateBpm}`);
    assert.equal(latest.breathPhase, null, 'no phase before calibration');
    assert.equal(latest.heartRateBpm, null);

    // Calibrate: wait for the start of a natural in-breath, then breathe in slowly over 4 s.
    await belly.breathe(timing, (1 - (belly.phase % 1)) / 0.2);
    const outcome: Promise<CalibrationOutcome> = sensor.calibrate();
    await belly.breathe(timing, 4, 0.5 / 4);
    assert.equal(await outcome, 'calibrated');
    assert.equal(sensor.phaseCalibrated(), true);

    const before = readings.length;
    const truth: number[] = [];
    sensor.listen({ reading: () => truth.push(belly.phase % 1), status: () => undefined });
    // The slow calibration breath bends the rate estimate while it is inside the 40 s window.
    await belly.breathe(timing, 45);
    const after = readings.slice(before).slice(-10);
    const gaps = after.map((reading, i) => circularGap(reading.breathPhase ?? NaN, truth.slice(-10)[i] ?? NaN));
    const meanGap = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
    assert.ok(meanGap < 0.08, `phase within 8 % of a breath on average (gaps ${gaps.map((gap) => gap.toFixed(2)).join(' ')})`);
  });
}

test('iOS permission is asked from the tap; a no is said kindly', async () => {
  let asked = 0;
  const belly = new BreathingBelly({ x: 0, y: 1, z: 0 }, () => {
    asked += 1;
    return Promise.resolve('denied');
  });
  const sensor = new MotionBreathingSensor({ motion: belly, timing: new FakeTiming() });
  const started = sensor.start();
  assert.equal(asked, 1, 'asked synchronously, inside the tap');
  await started;
  assert.deepEqual(sensor.status(), { kind: 'failed', message: MOTION_DENIED_MESSAGE });
});

test('a device whose motion sensor never answers is told apart, and stop is clean', async () => {
  const timing = new FakeTiming();
  const silent: MotionSource = { supported: true, listen: () => () => undefined };
  const sensor = new MotionBreathingSensor({ motion: silent, timing });
  await sensor.start();
  await timing.advance(3_500);
  assert.deepEqual(sensor.status(), { kind: 'failed', message: MOTION_SILENT_MESSAGE });
  assert.equal(timing.pendingCount(), 0);

  const belly = new BreathingBelly({ x: 0, y: 1, z: 0 });
  const running = new MotionBreathingSensor({ motion: belly, timing });
  await running.start();
  await belly.breathe(timing, 2);
  running.stop();
  assert.deepEqual(running.status(), { kind: 'off' });
  assert.equal(timing.pendingCount(), 0);

  const none = new MotionBreathingSensor({ motion: { supported: false, listen: () => () => undefined }, timing });
  assert.equal(none.supported, false);
  assert.equal(none.status().kind, 'unavailable');
});
