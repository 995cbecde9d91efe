/**
 * Follow-the-breath: the pacer shows the leading person's breath as their sensor reads it, and
 * goes back to the shared schedule when the reading stops. Pure; the running practice calls
 * `breathFollowStep` a few times a second.
 *
 * The pacer on screen must never jump. So the follower never moves the shape's position: each
 * step keeps the position shown at this instant and only changes how fast it moves, a little
 * faster or slower than the breath it follows until the two line up (a phase-locked loop, in
 * radio terms). Between samples the followed breath is carried forward at its sensed rate, so
 * a sample a second is enough for a smooth shape.
 */
import {
  BREATH_PATTERN_MAX_DURATION_MS,
  BREATH_PATTERN_MIN_DURATION_MS,
  MS_PER_MINUTE,
  breathPatternDurationMs,
  breathPatternFromRate,
  pacerBreathPositionAt,
  pacerBreathsPerMinAt,
  type BreathPattern,
  type BreathRatio,
  type PacerSchedule,
} from '../../core/pacer/index.ts';
import { serverTimeMs } from '../../core/time/instant.ts';

/** A breath as a sensor last read it. */
export interface SensedBreath {
  /** When it was read, in server time. */
  readonly atMs: number;
  /** Fraction of the breath that had passed: 0 starting in, about 0.5 turning to the out-breath. */
  readonly phase: number;
  readonly breathsPerMin: number;
}

/** How long the follower takes to close a gap between the shape and the breath it follows. */
export const FOLLOW_CATCH_UP_MS = 4000;
/** Gap, in breaths, small enough to hand back to the shared schedule without anyone noticing. */
export const FOLLOW_HANDOVER_BREATHS = 0.01;
/** While catching up the shape moves at least this share of the breath's rate, and at most… */
const CATCH_UP_SLOWEST = 0.6;
/** …this share: fast enough to close a gap, slow enough to stay a calm breath. */
const CATCH_UP_FASTEST = 1.5;

const SLOWEST_BREATHS_PER_MIN = MS_PER_MINUTE / BREATH_PATTERN_MAX_DURATION_MS;
const FASTEST_BREATHS_PER_MIN = MS_PER_MINUTE / BREATH_PATTERN_MIN_DURATION_MS;

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

function fraction(position: number): number {
  return position - Math.floor(position);
}

/** The gap from `from` to `to` around the breath circle, in breaths, in [-0.5, 0.5). */
export function breathGap(from: number, to: number): number {
  return fraction(to - from + 0.5) - 0.5;
}

/** The proportions of a pattern, to build a pattern of the same shape at another rate. */
function ratioOf(pattern: BreathPattern): BreathRatio {
  return {
    inhale: pattern.inhaleMs,
    holdAfterInhale: pattern.holdAfterInhaleMs,
    exhale: pattern.exhaleMs,
    holdAfterExhale: pattern.holdAfterExhaleMs,
  };
}

/**
 * Where a sensed phase falls in a breath of the pacer's pattern. A sensor reads the in-breath
 * as the first half and the out-breath as the second, while the pacer's pattern may give the
 * out-breath more time (4 in, 6 out): the halves are stretched onto the pattern's own parts so
 * "turning to breathe out" means the same instant on both.
 */
export function patternPositionOfSensedPhase(phase: number, pattern: BreathPattern): number {
  const total = breathPatternDurationMs(pattern);
  const topOfBreath = total > 0 ? (pattern.inhaleMs + pattern.holdAfterInhaleMs) / total : 0.5;
  const sensed = fraction(phase);
  return sensed < 0.5
    ? (sensed / 0.5) * topOfBreath
    : topOfBreath + ((sensed - 0.5) / 0.5) * (1 - topOfBreath);
}

/** What the follower steers towards at `nowMs`: a position within a breath and a rate. */
function targetAt(
  shared: PacerSchedule,
  sensed: SensedBreath | null,
  nowMs: number,
): { position: number; breathsPerMin: number } {
  if (sensed === null) {
    const at = serverTimeMs(nowMs);
    return {
      position: fraction(pacerBreathPositionAt(shared, at)),
      breathsPerMin: pacerBreathsPerMinAt(shared, at),
    };
  }
  const carried = ((nowMs - sensed.atMs) * sensed.breathsPerMin) / MS_PER_MINUTE;
  return {
    position: fraction(
      patternPositionOfSensedPhase(sensed.phase, shared.pattern) + Math.max(0, carried),
    ),
    breathsPerMin: sensed.breathsPerMin,
  };
}

/**
 * The schedule to show from `nowMs`, given the one on screen (`shown`), the practice's own
 * (`shared`) and the breath to follow (null: go back to the shared one). The result shows the
 * same position as `shown` at `nowMs`; only its pace differs. Before the practice's first breath
 * the shared schedule is returned as it is (its lead-in count).
 */
export function breathFollowStep(step: {
  readonly shown: PacerSchedule;
  readonly shared: PacerSchedule;
  readonly sensed: SensedBreath | null;
  readonly nowMs: number;
}): PacerSchedule {
  const { shown, shared, sensed, nowMs } = step;
  if (nowMs < shared.startAtMs) return shared;
  if (sensed === null && shown === shared) return shared;
  const sensedUsable =
    sensed !== null &&
    Number.isFinite(sensed.phase) &&
    sensed.breathsPerMin > 0 &&
    Number.isFinite(sensed.breathsPerMin);
  const target = targetAt(shared, sensedUsable ? sensed : null, nowMs);
  const shownPosition = pacerBreathPositionAt(shown, serverTimeMs(nowMs));
  const gap = breathGap(fraction(shownPosition), target.position);
  if (!sensedUsable && Math.abs(gap) < FOLLOW_HANDOVER_BREATHS) return shared;

  const catchUp = (gap * MS_PER_MINUTE) / FOLLOW_CATCH_UP_MS;
  const breathsPerMin = clamp(
    clamp(
      target.breathsPerMin + catchUp,
      target.breathsPerMin * CATCH_UP_SLOWEST,
      target.breathsPerMin * CATCH_UP_FASTEST,
    ),
    SLOWEST_BREATHS_PER_MIN,
    FASTEST_BREATHS_PER_MIN,
  );
  const msPerBreath = MS_PER_MINUTE / breathsPerMin;
  return {
    startAtMs: serverTimeMs(nowMs - shownPosition * msPerBreath),
    pattern: breathPatternFromRate(breathsPerMin, ratioOf(shared.pattern)),
  };
}
