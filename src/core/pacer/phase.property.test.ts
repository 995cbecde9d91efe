import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { serverTimeMs } from '../time/instant.ts';
import {
  BREATH_PARTS,
  MS_PER_MINUTE,
  breathPatternDurationMs,
  breathsPerMinOfPattern,
  pacerBreathPositionAt,
  pacerPhaseAt,
  pacerScheduleIsValid,
} from './phase.ts';
import type { PacerBreathing } from './phase.ts';
import type { BreathPattern, PacerSchedule } from './schedule.ts';

const HOUR_MS = 60 * 60 * 1000;
/** Rounding slack for comparing positions computed along different paths. */
const POSITION_EPSILON = 1e-9;

const holdArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10_000 }));
const patternArb: fc.Arbitrary<BreathPattern> = fc.record({
  inhaleMs: fc.integer({ min: 300, max: 20_000 }),
  holdAfterInhaleMs: holdArb,
  exhaleMs: fc.integer({ min: 300, max: 20_000 }),
  holdAfterExhaleMs: holdArb,
});
const rateArb = fc.double({ min: 1, max: 40, noNaN: true });
const rampArb = fc.record({
  fromBreathsPerMin: rateArb,
  toBreathsPerMin: rateArb,
  durationMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 * 60_000 })),
});
const scheduleArb: fc.Arbitrary<PacerSchedule> = fc
  .record(
    {
      startAtMs: fc.integer({ min: 0, max: 2_000_000_000_000 }).map(serverTimeMs),
      pattern: patternArb,
      ramp: rampArb,
    },
    { requiredKeys: ['startAtMs', 'pattern'] },
  )
  .filter(pacerScheduleIsValid);
const rampedArb = fc
  .record({
    startAtMs: fc.integer({ min: 0, max: 2_000_000_000_000 }).map(serverTimeMs),
    pattern: patternArb,
    ramp: rampArb,
  })
  .filter(pacerScheduleIsValid);
/** Elapsed ms from shortly before the start to a day after it. */
const elapsedArb = fc.integer({ min: -60_000, max: 24 * HOUR_MS });

function maxRateOf(schedule: PacerSchedule): number {
  const ramp = schedule.ramp;
  if (ramp === undefined) return breathsPerMinOfPattern(schedule.pattern);
  return Math.max(ramp.fromBreathsPerMin, ramp.toBreathsPerMin);
}

function minRateOf(schedule: PacerSchedule): number {
  const ramp = schedule.ramp;
  if (ramp === undefined) return breathsPerMinOfPattern(schedule.pattern);
  return Math.min(ramp.fromBreathsPerMin, ramp.toBreathsPerMin);
}

function positionAt(schedule: PacerSchedule, elapsedMs: number): number {
  return pacerBreathPositionAt(schedule, serverTimeMs(schedule.startAtMs + elapsedMs));
}

function breathingAt(schedule: PacerSchedule, elapsedMs: number): PacerBreathing {
  const phase = pacerPhaseAt(schedule, serverTimeMs(schedule.startAtMs + elapsedMs));
  if (phase.kind !== 'breathing') throw new Error(`expected breathing at ${elapsedMs} ms`);
  return phase;
}

/**
 * Asserts one step of `stepMs` moves the position forward by between min and max rate. The step
 * is measured between the server instants actually passed in: at epoch scale a fractional elapsed
 * time is rounded to the instant's precision (about 0.2 µs), and that is the step the pacer sees.
 */
function assertStepWithinRates(schedule: PacerSchedule, elapsedMs: number, stepMs: number): void {
  const fromMs = serverTimeMs(schedule.startAtMs + elapsedMs);
  const toMs = serverTimeMs(schedule.startAtMs + elapsedMs + stepMs);
  const realStepMs = toMs - fromMs;
  const step = pacerBreathPositionAt(schedule, toMs) - pacerBreathPositionAt(schedule, fromMs);
  const most = (realStepMs * maxRateOf(schedule)) / MS_PER_MINUTE + POSITION_EPSILON;
  const least = (realStepMs * minRateOf(schedule)) / MS_PER_MINUTE - POSITION_EPSILON;
  assert.ok(
    step <= most,
    `jump of ${step} breaths in ${realStepMs} ms at ${elapsedMs} (max ${most})`,
  );
  assert.ok(
    step >= least,
    `only ${step} breaths in ${realStepMs} ms at ${elapsedMs} (min ${least})`,
  );
}

describe('pacer breath position (properties)', () => {
  test('(a) continuity: 1 ms never moves the position by more than 1 ms at the max rate', () => {
    fc.assert(
      fc.property(scheduleArb, elapsedArb, (schedule, elapsedMs) => {
        assertStepWithinRates(schedule, elapsedMs, 1);
      }),
    );
  });

  test('(a) continuity across the ramp’s end and start, in whole and fractional ms', () => {
    fc.assert(
      fc.property(
        rampedArb,
        fc.integer({ min: -3, max: 3 }),
        fc.constantFrom(0, 1),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (schedule, offsetMs, atEnd, stepMs) => {
          const edgeMs = atEnd === 1 ? schedule.ramp.durationMs : 0;
          assertStepWithinRates(schedule, edgeMs + offsetMs, 1);
          assertStepWithinRates(schedule, edgeMs - stepMs / 2, stepMs);
        },
      ),
    );
  });

  test('(b) monotonic: a later instant is never at an earlier breath or part', () => {
    fc.assert(
      fc.property(scheduleArb, elapsedArb, elapsedArb, (schedule, aMs, bMs) => {
        const [earlierMs, laterMs] = aMs <= bMs ? [aMs, bMs] : [bMs, aMs];
        assert.ok(positionAt(schedule, earlierMs) <= positionAt(schedule, laterMs));
        if (earlierMs < 0) return;
        const earlier = breathingAt(schedule, earlierMs);
        const later = breathingAt(schedule, laterMs);
        const rank = (phase: PacerBreathing): number =>
          phase.breathIndex * 4 + BREATH_PARTS.indexOf(phase.part);
        assert.ok(rank(earlier) <= rank(later), `${earlierMs}→${laterMs}`);
        if (rank(earlier) === rank(later)) assert.ok(earlier.partProgress <= later.partProgress);
      }),
    );
  });

  test('(c) part, progress and lung fill agree with the position', () => {
    fc.assert(
      fc.property(
        scheduleArb,
        elapsedArb.filter((ms) => ms >= 0),
        (schedule, elapsedMs) => {
          const position = positionAt(schedule, elapsedMs);
          const phase = breathingAt(schedule, elapsedMs);
          assert.equal(phase.breathIndex, Math.floor(position));

          const totalMs = breathPatternDurationMs(schedule.pattern);
          const p = schedule.pattern;
          const lengths = [p.inhaleMs, p.holdAfterInhaleMs, p.exhaleMs, p.holdAfterExhaleMs];
          const partIndex = BREATH_PARTS.indexOf(phase.part);
          const partStart = lengths.slice(0, partIndex).reduce((a, b) => a + b, 0) / totalMs;
          const partLength = (lengths[partIndex] ?? 0) / totalMs;
          assert.ok(partLength > 0, 'a zero-length part is never shown');
          const fraction = position - phase.breathIndex;
          assert.ok(fraction >= partStart - POSITION_EPSILON, `${fraction} before ${phase.part}`);
          assert.ok(
            fraction <= partStart + partLength + POSITION_EPSILON,
            `${fraction} after ${phase.part}`,
          );
          const expectedProgress = (fraction - partStart) / partLength;
          assert.ok(Math.abs(phase.partProgress - expectedProgress) < 1e-6);
          assert.ok(phase.partProgress >= 0 && phase.partProgress <= 1);

          const expectedFill = {
            inhale: phase.partProgress,
            holdAfterInhale: 1,
            exhale: 1 - phase.partProgress,
            holdAfterExhale: 0,
          }[phase.part];
          assert.equal(phase.lungFill, expectedFill);
          assert.ok(phase.lungFill >= 0 && phase.lungFill <= 1);
        },
      ),
    );
  });

  test('(c) msLeftInPart lands on the end of the part', () => {
    const slackMs = 0.01;
    fc.assert(
      fc.property(
        scheduleArb,
        elapsedArb.filter((ms) => ms >= 0),
        (schedule, elapsedMs) => {
          const phase = breathingAt(schedule, elapsedMs);
          const key = (at: PacerBreathing): string => `${at.breathIndex}/${at.part}`;
          assert.ok(phase.msLeftInPart > 0);
          if (phase.msLeftInPart > 2 * slackMs) {
            const before = breathingAt(schedule, elapsedMs + phase.msLeftInPart - slackMs);
            assert.equal(key(before), key(phase));
          }
          const after = breathingAt(schedule, elapsedMs + phase.msLeftInPart + slackMs);
          assert.notEqual(key(after), key(phase));
        },
      ),
    );
  });

  test('(d) after the ramp the rate is `to` and the position advances at exactly that rate', () => {
    fc.assert(
      fc.property(
        rampedArb,
        fc.integer({ min: 0, max: 6 * HOUR_MS }),
        fc.integer({ min: 1, max: 600_000 }),
        (schedule, afterMs, stepMs) => {
          const ramp = schedule.ramp;
          const atMs = ramp.durationMs + afterMs;
          assert.equal(breathingAt(schedule, atMs).breathsPerMin, ramp.toBreathsPerMin);
          const advanced = positionAt(schedule, atMs + stepMs) - positionAt(schedule, atMs);
          const expected = (stepMs * ramp.toBreathsPerMin) / MS_PER_MINUTE;
          assert.ok(Math.abs(advanced - expected) < 1e-7, `${advanced} vs ${expected}`);
        },
      ),
    );
  });

  test('breathsPerMin is the slope of the breath position', () => {
    const halfStepMs = 0.5;
    fc.assert(
      fc.property(
        scheduleArb,
        elapsedArb.filter((ms) => ms >= 1),
        (schedule, elapsedMs) => {
          const before = serverTimeMs(schedule.startAtMs + elapsedMs - halfStepMs);
          const after = serverTimeMs(schedule.startAtMs + elapsedMs + halfStepMs);
          const slope =
            ((pacerBreathPositionAt(schedule, after) - pacerBreathPositionAt(schedule, before)) *
              MS_PER_MINUTE) /
            (after - before);
          const rate = breathingAt(schedule, elapsedMs).breathsPerMin;
          // A central difference errs by at most h²/6 × max|r''|; r'' ≤ |to − from|·(π/D)²/2.
          const ramp = schedule.ramp;
          const curvature =
            ramp === undefined || ramp.durationMs === 0
              ? 0
              : (Math.abs(ramp.toBreathsPerMin - ramp.fromBreathsPerMin) *
                  (Math.PI / ramp.durationMs) ** 2) /
                2;
          const tolerance = 1e-4 + ((halfStepMs * halfStepMs) / 6) * curvature;
          assert.ok(Math.abs(slope - rate) <= tolerance, `slope ${slope} vs rate ${rate}`);
        },
      ),
    );
  });

  test('the ramp takes (from + to) / 2 × duration breaths, whatever its shape', () => {
    fc.assert(
      fc.property(rampedArb, (schedule) => {
        const ramp = schedule.ramp;
        const expected =
          (((ramp.fromBreathsPerMin + ramp.toBreathsPerMin) / 2) * ramp.durationMs) / MS_PER_MINUTE;
        assert.ok(Math.abs(positionAt(schedule, ramp.durationMs) - expected) < 1e-9);
      }),
    );
  });
});
