import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pairSimulationAdvance, pairSimulationStart } from '../../core/physiology/pair-simulation.ts';
import { FakeTiming } from './fake-timing.test-support.ts';
import type { SensorReading } from './sensor.ts';
import type { SensorTiming } from './sensor-hub.ts';
import { SIMULATION_CATCH_UP_KEEP_SEC, SIMULATION_CATCH_UP_SLICE_SEC, SimulatedPairSensor } from './simulated.ts';

const SEED = 42;
const COUPLING = 0.6;

/**
 * One device on the shared fake time: its own clock runs `skewMs` off the server's (the fake
 * time itself), and its clock sync has learned that offset.
 */
function device(role: 'a' | 'b', real: FakeTiming, startAtServerMs: number, skewMs: number, timing?: SensorTiming) {
  const sensor = new SimulatedPairSensor({
    seed: SEED,
    startAtServerMs,
    role,
    coupling: COUPLING,
    serverNow: () => real.now(),
    timing: timing ?? { now: () => real.now() + skewMs, after: (ms, run) => real.after(ms, run) },
  });
  const readings: SensorReading[] = [];
  sensor.listen({ reading: (reading) => readings.push(reading), status: () => undefined });
  return { sensor, readings };
}

test('two devices show the two halves of one pair, a reading a second, stamped on each device\'s own clock', async () => {
  const timing = new FakeTiming(1_000_000);
  // Device a's clock is 2.5 s behind the server, device b's 1 s ahead.
  const startAtServerMs = timing.now() + 200;
  const a = device('a', timing, startAtServerMs, -2_500);
  const b = device('b', timing, startAtServerMs, 1_000);
  await a.sensor.start();
  await b.sensor.start();
  assert.equal(a.sensor.status().kind, 'waiting', 'before the session starts there is nothing yet');
  await timing.advance(10_500);
  assert.equal(a.sensor.status().kind, 'streaming');

  const expected = pairSimulationAdvance(pairSimulationStart({ seed: SEED, coupling: COUPLING }), 10);
  assert.deepEqual(a.readings.map((r) => r.heartRateBpm), expected.a.map((r) => r.heartRateBpm));
  assert.deepEqual(b.readings.map((r) => r.heartRateBpm), expected.b.map((r) => r.heartRateBpm));
  assert.deepEqual(b.readings.map((r) => r.breathPhase), expected.b.map((r) => r.breathPhase));
  assert.deepEqual(a.readings.map((r) => r.rrMs), expected.a.map((r) => [...r.rrMs]));
  assert.ok(a.readings.every((r) => r.source === 'simulated'));
  // Second n of the session happened at startAtServerMs + n s, on each device's own clock.
  a.readings.forEach((reading, i) => {
    assert.equal(reading.atLocalMs, startAtServerMs + (i + 1) * 1000 - 2_500);
  });
  b.readings.forEach((reading, i) => {
    assert.equal(reading.atLocalMs, startAtServerMs + (i + 1) * 1000 + 1_000);
  });
  a.sensor.stop();
  b.sensor.stop();
  assert.equal(timing.pendingCount(), 0);
});

test('joining a session two hours in catches up in slices and passes on only the last seconds', async () => {
  const timing = new FakeTiming(50_000_000);
  const startAtServerMs = timing.now() - 2 * 3_600_000;
  // Each turn given to the page ends a slice: time the work between two turns.
  let turns = 0;
  let longestSliceMs = 0;
  const slices: number[] = [];
  let sliceStartedAt = performance.now();
  const measuring: SensorTiming = {
    now: () => timing.now(),
    after: (ms, run) => {
      if (ms === 0) {
        const sliceMs = performance.now() - sliceStartedAt;
        longestSliceMs = Math.max(longestSliceMs, sliceMs);
        slices.push(sliceMs);
        turns += 1;
      }
      return timing.after(ms, () => {
        sliceStartedAt = performance.now();
        run();
      });
    },
  };
  const { sensor, readings } = device('b', timing, startAtServerMs, 0, measuring);
  sliceStartedAt = performance.now();
  const started = sensor.start();
  const passedOn = () => readings.length;
  assert.equal(passedOn(), 0, 'nothing is passed on before the catch-up is done');
  await timing.advance(0);
  await started;
  assert.ok(turns >= (2 * 3_600) / SIMULATION_CATCH_UP_SLICE_SEC - 1, `${turns} turns`);
  assert.ok(passedOn() > 0 && passedOn() <= SIMULATION_CATCH_UP_KEEP_SEC, `${passedOn()} readings passed on`);
  const median = [...slices].sort((x, y) => x - y)[Math.floor(slices.length / 2)] ?? 0;
  console.log(`[simulated] two hours caught up in ${turns} slices: median ${median.toFixed(1)} ms, longest ${longestSliceMs.toFixed(1)} ms`);
  assert.ok(longestSliceMs < 250, `a slice took ${longestSliceMs.toFixed(1)} ms`);

  const expected = pairSimulationAdvance(pairSimulationStart({ seed: SEED, coupling: COUPLING }), 7_202);
  await timing.advance(2_100);
  for (const reading of readings) {
    const atSec = (reading.atLocalMs - startAtServerMs) / 1000;
    const same = expected.b.find((r) => r.atSec === atSec);
    assert.ok(same !== undefined, `a reading at ${atSec} s`);
    assert.equal(reading.heartRateBpm, same.heartRateBpm, 'the same pair as a device that ran all along');
    assert.equal(reading.breathPhase, same.breathPhase);
  }
  assert.equal((readings.at(-1)!.atLocalMs - startAtServerMs) / 1000, 7_202);
  sensor.stop();
});

test('without a known session start it says so instead of simulating decades', async () => {
  const timing = new FakeTiming(50_000_000);
  const { sensor, readings } = device('a', timing, 0, 0);
  await sensor.start();
  const status = sensor.status();
  assert.equal(status.kind, 'failed');
  assert.match('message' in status ? status.message : '', /start time/);
  await timing.advance(5_000);
  assert.equal(readings.length, 0);
  assert.equal(timing.pendingCount(), 0);
});
