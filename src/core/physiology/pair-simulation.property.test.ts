import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  pairSimulationAdvance,
  pairSimulationStart,
  type PairSimulationOptions,
  type SimulatedReading,
} from './pair-simulation.ts';

const optionsArbitrary: fc.Arbitrary<PairSimulationOptions> = fc.record({
  seed: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
  coupling: fc.double({ min: 0, max: 1, noNaN: true }),
  a: fc.record(
    {
      restingHeartRateBpm: fc.double({ min: 50, max: 100, noNaN: true }),
      breathsPerMin: fc.double({ min: 5, max: 20, noNaN: true }),
    },
    { requiredKeys: [] },
  ),
  b: fc.record(
    {
      followLagSec: fc.double({ min: 0, max: 5, noNaN: true }),
      rsaAmplitudeBpm: fc.double({ min: 0, max: 8, noNaN: true }),
    },
    { requiredKeys: [] },
  ),
});

/** Cut points in (0, end]: whole, fractional, repeated and out of order, as real callers make them. */
const cutsArbitrary = fc.array(fc.double({ min: -5, max: 120, noNaN: true }), { maxLength: 12 });

function advanceInChunks(options: PairSimulationOptions, cuts: readonly number[], endSec: number) {
  let sim = pairSimulationStart(options);
  const a: SimulatedReading[] = [];
  const b: SimulatedReading[] = [];
  for (const toSec of [...cuts, endSec]) {
    const step = pairSimulationAdvance(sim, toSec);
    sim = step.sim;
    a.push(...step.a);
    b.push(...step.b);
  }
  return { a, b, sim };
}

test('determinism: the same options give the same readings however the advance is chunked', () => {
  fc.assert(
    fc.property(optionsArbitrary, cutsArbitrary, (options, cuts) => {
      const endSec = 120;
      const whole = pairSimulationAdvance(pairSimulationStart(options), endSec);
      const chunked = advanceInChunks(options, cuts, endSec);
      assert.deepEqual(chunked.a, whole.a);
      assert.deepEqual(chunked.b, whole.b);
      // And again from scratch: nothing leaks between simulations.
      assert.deepEqual(pairSimulationAdvance(pairSimulationStart(options), endSec).a, whole.a);
    }),
    { numRuns: 60 },
  );
});

test('advancing never changes the simulation it was given', () => {
  fc.assert(
    fc.property(
      optionsArbitrary,
      fc.double({ min: 1, max: 60, noNaN: true }),
      (options, firstSec) => {
        const start = pairSimulationStart(options);
        const first = pairSimulationAdvance(start, firstSec);
        const again = pairSimulationAdvance(start, firstSec);
        assert.deepEqual(again.a, first.a);
        const onward = pairSimulationAdvance(first.sim, firstSec + 30);
        const onwardAgain = pairSimulationAdvance(first.sim, firstSec + 30);
        assert.deepEqual(onwardAgain.b, onward.b);
      },
    ),
    { numRuns: 60 },
  );
});

test('every reading stays within what a body can do and what the wire accepts', () => {
  fc.assert(
    fc.property(optionsArbitrary, (options) => {
      const { a, b } = pairSimulationAdvance(pairSimulationStart(options), 180);
      for (const reading of [...a, ...b]) {
        assert.ok(
          reading.heartRateBpm >= 40 && reading.heartRateBpm <= 190,
          `heart rate ${reading.heartRateBpm}`,
        );
        assert.ok(
          reading.breathingRateBpm >= 3 && reading.breathingRateBpm <= 40,
          `breathing ${reading.breathingRateBpm}`,
        );
        assert.ok(reading.breathPhase >= 0 && reading.breathPhase < 1);
        for (const rr of reading.rrMs) assert.ok(rr >= 300 && rr <= 1500, `RR ${rr}`);
      }
    }),
    { numRuns: 40 },
  );
});
