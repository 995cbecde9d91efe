import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signalSampleSchema } from '../protocol/signals.ts';
import { windowedCrossCorrelation } from '../signals/cross-correlation.ts';
import {
  PAIR_SIMULATION_MAX_ADVANCE_SEC,
  pairSimulationAdvance,
  pairSimulationStart,
  type SimulatedReading,
} from './pair-simulation.ts';

function run(
  seed: number,
  coupling: number,
  seconds: number,
  profiles: Parameters<typeof pairSimulationStart>[0] = { seed, coupling },
) {
  return pairSimulationAdvance(pairSimulationStart({ ...profiles, seed, coupling }), seconds);
}

function heartRates(readings: readonly SimulatedReading[]): Float64Array {
  return Float64Array.from(readings, (reading) => reading.heartRateBpm);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Boker-style synchrony of the two 1 Hz heart-rate series: 30 s windows, ±5 s lag, 5 s step. */
function heartRateSynchrony(a: readonly SimulatedReading[], b: readonly SimulatedReading[]) {
  return windowedCrossCorrelation(heartRates(a), heartRates(b), {
    sampleRateHz: 1,
    windowSec: 30,
    stepSec: 5,
    maxLagSec: 5,
  });
}

test('one reading per whole second for each person, in order', () => {
  const { a, b, sim } = run(3, 0.5, 90.5);
  assert.equal(sim.atSec, 90.5);
  assert.deepEqual(
    a.map((reading) => reading.atSec),
    Array.from({ length: 90 }, (_, i) => i + 1),
  );
  assert.deepEqual(
    b.map((reading) => reading.atSec),
    Array.from({ length: 90 }, (_, i) => i + 1),
  );
  const later = pairSimulationAdvance(sim, 92);
  assert.deepEqual(
    later.a.map((reading) => reading.atSec),
    [91, 92],
  );
});

test('advancing to the present or the past gives nothing and changes nothing', () => {
  const { sim } = run(3, 0.5, 10);
  for (const toSec of [10, 9.5, 0, -4]) {
    const result = pairSimulationAdvance(sim, toSec);
    assert.equal(result.sim, sim);
    assert.equal(result.a.length + result.b.length, 0);
  }
});

test('every reading is plausible and would pass the wire schema for a simulated sample', () => {
  for (const coupling of [0, 0.5, 1]) {
    const { a, b } = run(11, coupling, 1200);
    for (const [who, readings, resting] of [
      ['a', a, 68],
      ['b', b, 75],
    ] as const) {
      for (const reading of readings) {
        const where = `${who} at ${reading.atSec}s, coupling ${coupling}`;
        assert.ok(
          Math.abs(reading.heartRateBpm - resting) < 30,
          `${where}: heart rate ${reading.heartRateBpm}`,
        );
        assert.ok(
          reading.breathingRateBpm >= 6 && reading.breathingRateBpm <= 24,
          `${where}: breathing ${reading.breathingRateBpm}`,
        );
        assert.ok(
          reading.breathPhase >= 0 && reading.breathPhase < 1,
          `${where}: phase ${reading.breathPhase}`,
        );
        assert.ok(reading.rrMs.length <= 3, `${where}: ${reading.rrMs.length} beats in a second`);
        for (const rr of reading.rrMs) assert.ok(rr >= 500 && rr <= 1300, `${where}: RR ${rr}`);
        const { atSec, ...sample } = reading;
        const parsed = signalSampleSchema.safeParse({
          atMs: atSec * 1000,
          source: 'simulated',
          ...sample,
        });
        assert.ok(parsed.success, `${where}: ${JSON.stringify(parsed.error?.issues)}`);
      }
      const meanHeartRate =
        readings.reduce((sum, reading) => sum + reading.heartRateBpm, 0) / readings.length;
      assert.ok(Math.abs(meanHeartRate - resting) < 6, `${who}: mean heart rate ${meanHeartRate}`);
    }
  }
});

test('RR intervals are real intervals: they add up to the elapsed time and match the heart rate shown', () => {
  const { a, b } = run(5, 0.4, 600);
  for (const readings of [a, b]) {
    const intervals = readings.flatMap((reading) => reading.rrMs);
    const total = intervals.reduce((sum, rr) => sum + rr, 0);
    // The first interval began before time 0 and the last beat fell before 600 s: within one beat.
    assert.ok(Math.abs(total - 600_000) < 1500, `RR intervals add up to ${total} ms`);
    let previous: number | null = null;
    for (const reading of readings) {
      if (reading.rrMs.length > 0) {
        const meanRr = reading.rrMs.reduce((sum, rr) => sum + rr, 0) / reading.rrMs.length;
        assert.ok(
          Math.abs(reading.heartRateBpm - 60_000 / meanRr) <= 0.051,
          `at ${reading.atSec}s: ${reading.heartRateBpm} bpm vs RR ${reading.rrMs.join(',')}`,
        );
      } else {
        // No beat ended in this second: the strap keeps showing the last beat's rate.
        assert.ok(previous !== null && Math.abs(reading.heartRateBpm - 60_000 / previous) <= 0.051);
      }
      previous = reading.rrMs.at(-1) ?? previous;
      // Successive beats differ smoothly, as in a resting heart (no jumps of more than 20 %).
    }
    for (let i = 1; i < intervals.length; i += 1) {
      assert.ok(
        Math.abs(intervals[i]! - intervals[i - 1]!) / intervals[i - 1]! < 0.2,
        `beat ${i}: ${intervals[i - 1]} → ${intervals[i]}`,
      );
    }
  }
});

test('heart rate rises on the in-breath and falls on the out-breath (respiratory sinus arrhythmia)', () => {
  const { a } = run(8, 0, 900, {
    seed: 8,
    coupling: 0,
    a: { rsaAmplitudeBpm: 6, heartRateDriftBpm: 0.5, slowWaveAmplitudeBpm: 0.5 },
  });
  const meanWhere = (inPhase: (phase: number) => boolean) => {
    const picked = a
      .filter((reading) => inPhase(reading.breathPhase))
      .map((reading) => reading.heartRateBpm);
    return picked.reduce((sum, value) => sum + value, 0) / picked.length;
  };
  // The rate shown comes from the beats of the second just gone, so it trails the phase a little:
  // highest from late in the in-breath into the out-breath, lowest around the start of the in-breath.
  const aroundTheTurn = meanWhere((phase) => phase >= 0.4 && phase < 0.8);
  const aroundTheStart = meanWhere((phase) => phase >= 0.9 || phase < 0.3);
  assert.ok(
    aroundTheTurn - aroundTheStart > 5,
    `around the turn ${aroundTheTurn.toFixed(1)}, around the start ${aroundTheStart.toFixed(1)}`,
  );
});

test('the slower the breathing, the larger the swing of heart rate with each breath', () => {
  const spread = (breathsPerMin: number) => {
    const { a } = run(9, 0, 600, {
      seed: 9,
      coupling: 0,
      a: {
        breathsPerMin,
        breathingWander: 0.02,
        heartRateDriftBpm: 0.5,
        slowWaveAmplitudeBpm: 0.5,
      },
    });
    const rates = a.map((reading) => reading.heartRateBpm);
    const mean = rates.reduce((sum, value) => sum + value, 0) / rates.length;
    return Math.sqrt(
      rates.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (rates.length - 1),
    );
  };
  // Near the ~6/min resonance the breath-by-breath swing is much larger than at 15/min.
  const slow = spread(6);
  const quick = spread(15);
  assert.ok(
    slow > quick * 1.5,
    `heart-rate spread at 6/min ${slow.toFixed(1)} bpm vs 15/min ${quick.toFixed(1)} bpm`,
  );
});

test('a, the leader, is the same whatever the coupling and whatever b is like', () => {
  const base = run(21, 0, 300).a;
  assert.deepEqual(run(21, 0.8, 300).a, base);
  assert.deepEqual(
    run(21, 0.8, 300, { seed: 21, coupling: 0.8, b: { restingHeartRateBpm: 90, followLagSec: 3 } })
      .a,
    base,
  );
  assert.notDeepEqual(run(22, 0, 300).a, base);
});

test('higher coupling gives higher cross-correlation of the two heart rates, with b following a', () => {
  const seeds = [1, 2, 3, 4, 5];
  const meanPeakR = (coupling: number) =>
    seeds.reduce((sum, seed) => {
      const { a, b } = run(seed, coupling, 600);
      return sum + heartRateSynchrony(a, b).meanPeakR;
    }, 0) / seeds.length;
  const independent = meanPeakR(0);
  const moderate = meanPeakR(0.5);
  const strong = meanPeakR(0.9);
  assert.ok(
    independent < moderate - 0.1,
    `r̄ at 0: ${independent.toFixed(3)}, at 0.5: ${moderate.toFixed(3)}`,
  );
  assert.ok(
    moderate < strong - 0.05,
    `r̄ at 0.5: ${moderate.toFixed(3)}, at 0.9: ${strong.toFixed(3)}`,
  );

  const { a, b } = run(7, 0.9, 600);
  const lag = median(
    [...heartRateSynchrony(a, b).peakLagSec].filter((value) => !Number.isNaN(value)),
  );
  assert.ok(lag >= 1 && lag <= 3, `median lag ${lag} s (positive: b follows a)`);
});

test('coupled breathing locks b’s breath to a’s, a couple of seconds behind; uncoupled breathing drifts', () => {
  const lockTo = (coupling: number) => {
    const { a, b } = run(13, coupling, 600);
    // Phase-locking value of b(t) against a(t − 2 s).
    let re = 0;
    let im = 0;
    for (let i = 2; i < b.length; i += 1) {
      const difference = 2 * Math.PI * (a[i - 2]!.breathPhase - b[i]!.breathPhase);
      re += Math.cos(difference);
      im += Math.sin(difference);
    }
    return Math.hypot(re, im) / (b.length - 2);
  };
  assert.ok(lockTo(0.9) > 0.9, `PLV at 0.9: ${lockTo(0.9)}`);
  assert.ok(lockTo(0) < 0.3, `PLV at 0: ${lockTo(0)}`);
});

test('profiles shape each person', () => {
  const { a, b } = run(4, 0, 600, {
    seed: 4,
    coupling: 0,
    a: { restingHeartRateBpm: 55, breathsPerMin: 6 },
    b: { restingHeartRateBpm: 95, breathsPerMin: 20 },
  });
  const mean = (values: readonly number[]) =>
    values.reduce((sum, value) => sum + value, 0) / values.length;
  assert.ok(Math.abs(mean(a.map((reading) => reading.heartRateBpm)) - 55) < 5);
  assert.ok(Math.abs(mean(b.map((reading) => reading.heartRateBpm)) - 95) < 5);
  assert.ok(Math.abs(mean(a.map((reading) => reading.breathingRateBpm)) - 6) < 1);
  assert.ok(Math.abs(mean(b.map((reading) => reading.breathingRateBpm)) - 20) < 3);
});

test('mistakes fail loudly: a hand-made state, a NaN time, a jump in milliseconds, a bad seed', () => {
  assert.throws(() => pairSimulationAdvance({ atSec: 0 }, 10), TypeError);
  const sim = pairSimulationStart({ seed: 1, coupling: 0.5 });
  assert.throws(() => pairSimulationAdvance(sim, NaN), RangeError);
  assert.throws(
    () => pairSimulationAdvance(sim, PAIR_SIMULATION_MAX_ADVANCE_SEC * 1000),
    RangeError,
  );
  assert.throws(
    () => pairSimulationStart({ seed: Number.POSITIVE_INFINITY, coupling: 0 }),
    RangeError,
  );
  assert.throws(() => pairSimulationStart({ seed: 1, coupling: NaN }), RangeError);
  assert.throws(
    () => pairSimulationStart({ seed: 1, coupling: 0, a: { restingHeartRateBpm: NaN } }),
    RangeError,
  );
});

test('an hour in one call gives an hour of readings (a browser fast-forwards from the session start)', () => {
  // Speed is measured, not asserted here (src/core reads no clock): ~25 ms warm, ~60 ms cold on
  // the 2-core dev machine for 3600 s.
  const { a, b } = run(99, 0.6, 3600);
  assert.equal(a.length, 3600);
  assert.equal(b.length, 3600);
});
