import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serverTimeMs } from '../time/instant.ts';
import {
  breathPatternDurationMs,
  breathPatternFromRate,
  breathPatternIsValid,
  breathRampIsValid,
  breathsPerMinOfPattern,
  pacerBreathPositionAt,
  pacerPhaseAt,
  pacerScheduleIsValid,
  rateRampCyclesAt,
  rateRampElapsedAtCycles,
  rateRampRateAt,
} from './phase.ts';
import type { PacerBreathing, PacerPhase } from './phase.ts';
import type { BreathPattern, PacerSchedule } from './schedule.ts';

const START = 1_700_000_000_000;
const FOUR_IN_SIX_OUT: BreathPattern = {
  inhaleMs: 4000,
  holdAfterInhaleMs: 0,
  exhaleMs: 6000,
  holdAfterExhaleMs: 0,
};
const BOX: BreathPattern = {
  inhaleMs: 4000,
  holdAfterInhaleMs: 4000,
  exhaleMs: 4000,
  holdAfterExhaleMs: 4000,
};
const steady: PacerSchedule = { startAtMs: serverTimeMs(START), pattern: FOUR_IN_SIX_OUT };
const box: PacerSchedule = { startAtMs: serverTimeMs(START), pattern: BOX };
const mirroring: PacerSchedule = {
  startAtMs: serverTimeMs(START),
  pattern: FOUR_IN_SIX_OUT,
  ramp: { fromBreathsPerMin: 12, toBreathsPerMin: 6, durationMs: 120_000 },
};

function phaseAt(schedule: PacerSchedule, elapsedMs: number): PacerPhase {
  return pacerPhaseAt(schedule, serverTimeMs(START + elapsedMs));
}

function breathingAt(schedule: PacerSchedule, elapsedMs: number): PacerBreathing {
  const phase = phaseAt(schedule, elapsedMs);
  assert.equal(phase.kind, 'breathing');
  return phase;
}

describe('pacerPhaseAt without a ramp (4 s in, 6 s out)', () => {
  test('waits before the start, counting down', () => {
    assert.deepEqual(phaseAt(steady, -1500), { kind: 'waiting', msUntilStart: 1500 });
  });

  test('starts an empty inhale at the start instant', () => {
    assert.deepEqual(phaseAt(steady, 0), {
      kind: 'breathing',
      part: 'inhale',
      breathIndex: 0,
      partProgress: 0,
      msLeftInPart: 4000,
      lungFill: 0,
      breathsPerMin: 6,
    });
  });

  test('is still inhaling 1 ms before the inhale ends', () => {
    const phase = breathingAt(steady, 3999);
    assert.equal(phase.part, 'inhale');
    assert.equal(phase.msLeftInPart, 1);
    assert.equal(phase.partProgress, 3999 / 4000);
    assert.equal(phase.lungFill, 3999 / 4000);
  });

  test('exhales with full lungs at 4000 ms', () => {
    const phase = breathingAt(steady, 4000);
    assert.equal(phase.part, 'exhale');
    assert.equal(phase.breathIndex, 0);
    assert.equal(phase.partProgress, 0);
    assert.equal(phase.msLeftInPart, 6000);
    assert.equal(phase.lungFill, 1);
  });

  test('is half way out at 7000 ms', () => {
    const phase = breathingAt(steady, 7000);
    assert.equal(phase.part, 'exhale');
    assert.equal(phase.lungFill, 0.5);
    assert.equal(phase.msLeftInPart, 3000);
  });

  test('begins the next breath at 10000 ms', () => {
    const phase = breathingAt(steady, 10_000);
    assert.equal(phase.part, 'inhale');
    assert.equal(phase.breathIndex, 1);
    assert.equal(phase.partProgress, 0);
  });

  test('stays exact hours after the start', () => {
    const threeHoursMs = 3 * 60 * 60 * 1000;
    const phase = breathingAt(steady, threeHoursMs + 2500);
    assert.equal(phase.breathIndex, 1080);
    assert.equal(phase.part, 'inhale');
    assert.equal(phase.partProgress, 0.625);
    assert.equal(phase.msLeftInPart, 1500);
  });
});

describe('pacerPhaseAt with holds (box breathing 4-4-4-4)', () => {
  test('holds full after the inhale', () => {
    const phase = breathingAt(box, 4000);
    assert.equal(phase.part, 'holdAfterInhale');
    assert.equal(phase.lungFill, 1);
    assert.equal(phase.msLeftInPart, 4000);
  });

  test('keeps the lungs full through the hold', () => {
    const phase = breathingAt(box, 7999);
    assert.equal(phase.part, 'holdAfterInhale');
    assert.equal(phase.lungFill, 1);
    assert.equal(phase.msLeftInPart, 1);
  });

  test('exhales after the hold', () => {
    const phase = breathingAt(box, 8000);
    assert.equal(phase.part, 'exhale');
    assert.equal(phase.lungFill, 1);
  });

  test('holds empty after the exhale', () => {
    const phase = breathingAt(box, 12_000);
    assert.equal(phase.part, 'holdAfterExhale');
    assert.equal(phase.lungFill, 0);
    assert.equal(breathingAt(box, 15_999).part, 'holdAfterExhale');
  });

  test('starts breath 1 at 16000 ms', () => {
    const phase = breathingAt(box, 16_000);
    assert.equal(phase.part, 'inhale');
    assert.equal(phase.breathIndex, 1);
    assert.equal(phase.breathsPerMin, 3.75);
  });
});

describe('pacerPhaseAt with a mirroring ramp (12 → 6 breaths/min over 2 min)', () => {
  test('starts at the ramp’s from rate, pattern scaled to a 5 s breath', () => {
    const phase = breathingAt(mirroring, 0);
    assert.equal(phase.breathsPerMin, 12);
    assert.equal(phase.part, 'inhale');
    // 40% of a 5 s breath is 2 s; the rate slows as it goes, so a hair more.
    assert.ok(phase.msLeftInPart > 2000 && phase.msLeftInPart < 2001, `${phase.msLeftInPart}`);
  });

  test('is half way between the rates at the ramp’s midpoint', () => {
    const phase = breathingAt(mirroring, 60_000);
    assert.equal(phase.breathsPerMin, 9);
    // ∫ = 12·1 − 3·(1 − 2/π) breaths over the first minute.
    const expected = 12 - 3 * (1 - 2 / Math.PI);
    const position = pacerBreathPositionAt(mirroring, serverTimeMs(START + 60_000));
    assert.ok(Math.abs(position - expected) < 1e-9, `${position} vs ${expected}`);
    assert.equal(phase.breathIndex, 10);
  });

  test('has taken exactly 18 breaths when the ramp ends, then runs at the to rate', () => {
    const atEnd = breathingAt(mirroring, 120_000);
    assert.equal(atEnd.breathIndex, 18);
    assert.equal(atEnd.part, 'inhale');
    assert.equal(atEnd.partProgress, 0);
    assert.equal(atEnd.msLeftInPart, 4000);
    assert.equal(atEnd.breathsPerMin, 6);
    const laterExhale = breathingAt(mirroring, 120_000 + 3 * 10_000 + 4000);
    assert.equal(laterExhale.breathIndex, 21);
    assert.equal(laterExhale.part, 'exhale');
    assert.ok(Math.abs(laterExhale.msLeftInPart - 6000) < 1e-6);
  });

  test('counts msLeftInPart to the real end of the part while the rate changes', () => {
    const phase = breathingAt(mirroring, 30_000);
    const justBefore = breathingAt(mirroring, 30_000 + phase.msLeftInPart - 0.01);
    const justAfter = breathingAt(mirroring, 30_000 + phase.msLeftInPart + 0.01);
    assert.equal(justBefore.part, phase.part);
    assert.equal(justBefore.breathIndex, phase.breathIndex);
    assert.notEqual(
      `${justAfter.breathIndex}/${justAfter.part}`,
      `${phase.breathIndex}/${phase.part}`,
    );
  });

  test('a zero-length ramp jumps straight to the to rate without moving the position', () => {
    const instant: PacerSchedule = {
      startAtMs: serverTimeMs(START),
      pattern: FOUR_IN_SIX_OUT,
      ramp: { fromBreathsPerMin: 12, toBreathsPerMin: 10, durationMs: 0 },
    };
    assert.equal(breathingAt(instant, 0).breathsPerMin, 10);
    assert.equal(pacerBreathPositionAt(instant, serverTimeMs(START + 30_000)), 5);
    assert.equal(pacerBreathPositionAt(instant, serverTimeMs(START - 30_000)), -6);
  });
});

describe('pacerBreathPositionAt', () => {
  test('is negative before the start, 0 at it, and counts breaths after', () => {
    assert.equal(pacerBreathPositionAt(steady, serverTimeMs(START - 5000)), -0.5);
    assert.equal(pacerBreathPositionAt(steady, serverTimeMs(START)), 0);
    assert.equal(pacerBreathPositionAt(steady, serverTimeMs(START + 25_000)), 2.5);
  });
});

describe('rate ramp helpers', () => {
  test('the rate follows a raised cosine and holds at both ends', () => {
    assert.equal(rateRampRateAt(12, 6, 1000, -1), 12);
    assert.equal(rateRampRateAt(12, 6, 1000, 500), 9);
    assert.ok(Math.abs(rateRampRateAt(12, 6, 1000, 250) - (12 - 3 * (1 - Math.SQRT1_2))) < 1e-12);
    assert.equal(rateRampRateAt(12, 6, 1000, 1000), 6);
    assert.equal(rateRampRateAt(12, 6, 1000, 5000), 6);
  });

  test('the inverse finds the instant a cycle count is reached', () => {
    for (const cycles of [-1, 0, 0.3, 7.77, 17.9, 18, 25.5]) {
      const elapsedMs = rateRampElapsedAtCycles(12, 6, 120_000, cycles);
      const back = rateRampCyclesAt(12, 6, 120_000, elapsedMs);
      assert.ok(Math.abs(back - cycles) < 1e-9, `${cycles} → ${elapsedMs} → ${back}`);
    }
    assert.equal(rateRampElapsedAtCycles(12, 6, 120_000, 18), 120_000);
  });
});

describe('pattern helpers', () => {
  test('duration and rate of a pattern', () => {
    assert.equal(breathPatternDurationMs(BOX), 16_000);
    assert.equal(breathsPerMinOfPattern(FOUR_IN_SIX_OUT), 6);
  });

  test('a zero-length pattern has rate 0, and the pacer stays still instead of dividing by 0', () => {
    const empty: BreathPattern = {
      inhaleMs: 0,
      holdAfterInhaleMs: 0,
      exhaleMs: 0,
      holdAfterExhaleMs: 0,
    };
    assert.equal(breathsPerMinOfPattern(empty), 0);
    const phase = breathingAt({ startAtMs: serverTimeMs(START), pattern: empty }, 5000);
    assert.equal(phase.breathIndex, 0);
    assert.equal(phase.part, 'inhale');
    assert.equal(phase.msLeftInPart, Infinity);
    assert.equal(breathPatternIsValid(empty), false);
  });

  test('breathPatternFromRate scales a ratio to the rate', () => {
    assert.deepEqual(
      breathPatternFromRate(6, { inhale: 4, holdAfterInhale: 0, exhale: 6, holdAfterExhale: 0 }),
      FOUR_IN_SIX_OUT,
    );
    assert.deepEqual(
      breathPatternFromRate(3.75, { inhale: 1, holdAfterInhale: 1, exhale: 1, holdAfterExhale: 1 }),
      BOX,
    );
    const invalid = breathPatternFromRate(0, {
      inhale: 1,
      holdAfterInhale: 0,
      exhale: 1,
      holdAfterExhale: 0,
    });
    assert.equal(breathPatternDurationMs(invalid), 0);
  });

  test('breathPatternIsValid', () => {
    assert.equal(breathPatternIsValid(FOUR_IN_SIX_OUT), true);
    assert.equal(breathPatternIsValid(BOX), true);
    assert.equal(breathPatternIsValid({ ...FOUR_IN_SIX_OUT, inhaleMs: 0 }), false);
    assert.equal(breathPatternIsValid({ ...FOUR_IN_SIX_OUT, exhaleMs: 0 }), false);
    assert.equal(breathPatternIsValid({ ...FOUR_IN_SIX_OUT, holdAfterExhaleMs: -1 }), false);
    assert.equal(breathPatternIsValid({ ...FOUR_IN_SIX_OUT, exhaleMs: Number.NaN }), false);
    assert.equal(breathPatternIsValid({ ...FOUR_IN_SIX_OUT, exhaleMs: Infinity }), false);
    assert.equal(
      breathPatternIsValid({
        inhaleMs: 1000,
        holdAfterInhaleMs: 0,
        exhaleMs: 999,
        holdAfterExhaleMs: 0,
      }),
      false,
    );
    assert.equal(
      breathPatternIsValid({
        inhaleMs: 1000,
        holdAfterInhaleMs: 0,
        exhaleMs: 1000,
        holdAfterExhaleMs: 0,
      }),
      true,
    );
    assert.equal(breathPatternIsValid({ ...BOX, holdAfterExhaleMs: 48_000 }), true);
    assert.equal(breathPatternIsValid({ ...BOX, holdAfterExhaleMs: 48_001 }), false);
  });

  test('breathRampIsValid and pacerScheduleIsValid', () => {
    assert.equal(
      breathRampIsValid({ fromBreathsPerMin: 1, toBreathsPerMin: 40, durationMs: 0 }),
      true,
    );
    assert.equal(
      breathRampIsValid({ fromBreathsPerMin: 0.9, toBreathsPerMin: 6, durationMs: 1 }),
      false,
    );
    assert.equal(
      breathRampIsValid({ fromBreathsPerMin: 12, toBreathsPerMin: 41, durationMs: 1 }),
      false,
    );
    assert.equal(
      breathRampIsValid({ fromBreathsPerMin: 12, toBreathsPerMin: 6, durationMs: -1 }),
      false,
    );
    assert.equal(pacerScheduleIsValid(mirroring), true);
    assert.equal(pacerScheduleIsValid({ ...steady, startAtMs: serverTimeMs(Number.NaN) }), false);
    assert.equal(
      pacerScheduleIsValid({
        ...mirroring,
        ramp: { fromBreathsPerMin: 50, toBreathsPerMin: 6, durationMs: 1 },
      }),
      false,
    );
  });
});
