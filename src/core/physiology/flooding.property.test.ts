import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  FLOODING_COOLDOWN_MS,
  floodingBaseline,
  floodingDismiss,
  floodingObserve,
  floodingOffer,
  floodingStart,
} from './flooding.ts';

const T0 = 1_763_700_000_000;

/** Any readings at all: uneven spacing, repeats, going back in time, glitches. */
const readingsArbitrary = fc.array(
  fc.record({
    stepMs: fc.integer({ min: -2_000, max: 20_000 }),
    bpm: fc.oneof(
      fc.double({ min: 20, max: 250, noNaN: true }),
      fc.constantFrom(Number.NaN, 0, 999),
    ),
  }),
  { maxLength: 400 },
);

test('never offers without a baseline', () => {
  fc.assert(
    fc.property(
      readingsArbitrary,
      fc.option(fc.double({ min: 0, max: 300, noNaN: true })),
      (readings, knownRestingBpm) => {
        let state = floodingStart({ knownRestingBpm });
        let atMs = T0;
        for (const { stepMs, bpm } of readings) {
          atMs += stepMs;
          state = floodingObserve(state, atMs, bpm);
          if (floodingBaseline(state) === null) assert.equal(floodingOffer(state), null);
        }
      },
    ),
  );
});

test('without a remembered rate, nothing is offered in the first two minutes', () => {
  fc.assert(
    fc.property(readingsArbitrary, (readings) => {
      let state = floodingStart();
      let atMs = T0;
      for (const { stepMs, bpm } of readings) {
        atMs += stepMs;
        if (atMs - T0 >= 120_000) break;
        state = floodingObserve(state, atMs, bpm);
        assert.equal(floodingOffer(state), null);
      }
    }),
  );
});

/**
 * A resting heart (58–62 bpm, remembered rate 60) with bursts of high readings, each shorter than
 * 45 s, between calm stretches of at least 12 s. Whatever the burst values, no offer.
 */
const calmAndSpikesArbitrary = fc.array(
  fc.record({
    calm: fc.array(fc.double({ min: 58, max: 62, noNaN: true }), { minLength: 12, maxLength: 90 }),
    spike: fc.array(fc.double({ min: 30, max: 230, noNaN: true }), { minLength: 1, maxLength: 45 }),
  }),
  { minLength: 1, maxLength: 12 },
);

test('short spikes never trigger, however high', () => {
  fc.assert(
    fc.property(
      calmAndSpikesArbitrary,
      fc.integer({ min: 500, max: 1000 }),
      (stretches, spacingMs) => {
        let state = floodingStart({ knownRestingBpm: 60 });
        let atMs = T0;
        for (const { calm, spike } of stretches) {
          // Spike readings at most one a second of wall time, so a burst of n readings spans under n seconds.
          for (const bpm of [...calm, ...spike]) {
            atMs += spacingMs;
            state = floodingObserve(state, atMs, bpm);
            assert.equal(floodingOffer(state), null, `offered at ${atMs - T0} ms`);
          }
        }
      },
    ),
  );
});

test('after a dismissal, no offer during the cooldown', () => {
  fc.assert(
    fc.property(
      readingsArbitrary,
      readingsArbitrary,
      fc.option(fc.double({ min: 40, max: 100, noNaN: true })),
      (before, after, knownRestingBpm) => {
        let state = floodingStart({ knownRestingBpm });
        let atMs = T0;
        for (const { stepMs, bpm } of before) {
          atMs += stepMs;
          state = floodingObserve(state, atMs, bpm);
        }
        const dismissedAtMs = atMs;
        state = floodingDismiss(state, dismissedAtMs);
        assert.equal(floodingOffer(state), null);
        for (const { stepMs, bpm } of after) {
          atMs += Math.abs(stepMs) * 10;
          state = floodingObserve(state, atMs, bpm);
          if ((state.lastAtMs ?? 0) < dismissedAtMs + FLOODING_COOLDOWN_MS)
            assert.equal(floodingOffer(state), null);
        }
      },
    ),
  );
});

test('sustained, clearly high readings after a known baseline always end in an offer', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 50, max: 90, noNaN: true }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 80, maxLength: 120 }),
      (restingBpm, jitter) => {
        let state = floodingStart({ knownRestingBpm: restingBpm });
        const high = restingBpm * 1.2 + 20;
        jitter.forEach((fraction, i) => {
          state = floodingObserve(state, T0 + i * 1000, high + 10 * fraction);
        });
        const offer = floodingOffer(state);
        assert.ok(offer);
        assert.ok(offer.heartRateBpm >= high);
      },
    ),
  );
});
