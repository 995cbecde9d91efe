/**
 * Breath pacer phase: where in the breath a shared schedule is at a given server instant.
 *
 * Source: the phase of an oscillator whose rate changes is the integral of its rate over time
 * (instantaneous frequency → phase, the phase accumulator of FM synthesis). Integrating in closed
 * form instead of stepping breath by breath makes every instant O(1) however long the session has
 * run, and makes the breath position continuous and non-decreasing by construction, across the
 * end of the ramp too, so two devices that agree on the time agree on the breath.
 *
 * Ramp ease: the rate follows a raised cosine, r(t) = from + (to − from)·(1 − cos(πt/D))/2 for
 * 0 ≤ t ≤ D, chosen over a linear rate because its slope is zero at both ends: the slowing starts
 * and settles gently, with no kink a breather feels where matching the partner's rate hands over
 * to slowing together, or where it levels off at `to`. Its integral stays closed form:
 *   ∫₀ᵗ r = from·t + (to − from)/2 · (t − (D/π)·sin(πt/D)).
 * The inverse (when does the breath reach a given position) is Kepler's equation E − e·sin E = M,
 * which has no closed form; it is solved by safeguarded Newton steps with a fixed iteration cap.
 */
import type { ServerTimeMs } from '../time/instant.ts';
import type { BreathPattern, BreathRamp, PacerSchedule } from './schedule.ts';

/** Milliseconds in one minute: converts per-minute rates to per-millisecond ones. */
export const MS_PER_MINUTE = 60_000;
/** Shortest valid breath pattern (30 breaths/min). */
export const BREATH_PATTERN_MIN_DURATION_MS = 2_000;
/** Longest valid breath pattern (1 breath/min). */
export const BREATH_PATTERN_MAX_DURATION_MS = 60_000;
/** Slowest rate a ramp may start or end at. */
export const BREATH_RAMP_MIN_BREATHS_PER_MIN = 1;
/** Fastest rate a ramp may start or end at. */
export const BREATH_RAMP_MAX_BREATHS_PER_MIN = 40;
/** Cap on Newton/bisection steps when inverting a ramp: keeps every call O(1). */
const RATE_RAMP_INVERSE_MAX_STEPS = 64;
/** Inverting a ramp stops once the answer is known to within this many ms. */
const RATE_RAMP_INVERSE_TOLERANCE_MS = 1e-6;

/** The four parts of a breath, in the order they happen. */
export const BREATH_PARTS = ['inhale', 'holdAfterInhale', 'exhale', 'holdAfterExhale'] as const;

/** One part of a breath. */
export type BreathPart = (typeof BREATH_PARTS)[number];

/** Relative lengths of the four parts in any unit, e.g. 4:0:6:0. */
export interface BreathRatio {
  readonly inhale: number;
  readonly holdAfterInhale: number;
  readonly exhale: number;
  readonly holdAfterExhale: number;
}

/** Before the schedule starts: how long until the first inhale. */
export interface PacerWaiting {
  readonly kind: 'waiting';
  readonly msUntilStart: number;
}

/** During the schedule: which part of which breath, and how far through it. */
export interface PacerBreathing {
  readonly kind: 'breathing';
  readonly part: BreathPart;
  /** 0 for the first breath. */
  readonly breathIndex: number;
  /** 0 at the start of the part, approaching 1 at its end. */
  readonly partProgress: number;
  /** Real milliseconds until the part ends, at the (possibly changing) rate. */
  readonly msLeftInPart: number;
  /** 0 empty; rises through the inhale, 1 in the hold after it, falls through the exhale. */
  readonly lungFill: number;
  /** The breathing rate at this instant. */
  readonly breathsPerMin: number;
}

/** What the pacer shows at one instant. */
export type PacerPhase = PacerWaiting | PacerBreathing;

/** Total length of one breath of the pattern, in ms. */
export function breathPatternDurationMs(pattern: BreathPattern): number {
  return (
    pattern.inhaleMs + pattern.holdAfterInhaleMs + pattern.exhaleMs + pattern.holdAfterExhaleMs
  );
}

/** Breaths per minute of the pattern at its own length; 0 if the pattern has no length. */
export function breathsPerMinOfPattern(pattern: BreathPattern): number {
  const durationMs = breathPatternDurationMs(pattern);
  return durationMs > 0 && Number.isFinite(durationMs) ? MS_PER_MINUTE / durationMs : 0;
}

/** A pattern with the ratio's proportions at the given rate; all zero (invalid) if either is empty. */
export function breathPatternFromRate(breathsPerMin: number, ratio: BreathRatio): BreathPattern {
  const ratioTotal = ratio.inhale + ratio.holdAfterInhale + ratio.exhale + ratio.holdAfterExhale;
  const usable = ratioTotal > 0 && breathsPerMin > 0 && Number.isFinite(ratioTotal);
  const msPerUnit = usable ? MS_PER_MINUTE / breathsPerMin / ratioTotal : 0;
  return {
    inhaleMs: ratio.inhale * msPerUnit,
    holdAfterInhaleMs: ratio.holdAfterInhale * msPerUnit,
    exhaleMs: ratio.exhale * msPerUnit,
    holdAfterExhaleMs: ratio.holdAfterExhale * msPerUnit,
  };
}

/** Whether a pattern can be paced: parts finite and ≥ 0, inhale and exhale > 0, 2–60 s in all. */
export function breathPatternIsValid(pattern: BreathPattern): boolean {
  const parts = [
    pattern.inhaleMs,
    pattern.holdAfterInhaleMs,
    pattern.exhaleMs,
    pattern.holdAfterExhaleMs,
  ];
  if (!parts.every((ms) => Number.isFinite(ms) && ms >= 0)) return false;
  if (pattern.inhaleMs <= 0 || pattern.exhaleMs <= 0) return false;
  const durationMs = breathPatternDurationMs(pattern);
  return (
    durationMs >= BREATH_PATTERN_MIN_DURATION_MS && durationMs <= BREATH_PATTERN_MAX_DURATION_MS
  );
}

/** Whether a ramp can be paced: both rates 1–40 breaths/min, duration finite and ≥ 0. */
export function breathRampIsValid(ramp: BreathRamp): boolean {
  const rateOk = (rate: number): boolean =>
    Number.isFinite(rate) &&
    rate >= BREATH_RAMP_MIN_BREATHS_PER_MIN &&
    rate <= BREATH_RAMP_MAX_BREATHS_PER_MIN;
  return (
    rateOk(ramp.fromBreathsPerMin) &&
    rateOk(ramp.toBreathsPerMin) &&
    Number.isFinite(ramp.durationMs) &&
    ramp.durationMs >= 0
  );
}

/** Whether a whole schedule can be paced: finite start, valid pattern, valid ramp if any. */
export function pacerScheduleIsValid(schedule: PacerSchedule): boolean {
  return (
    Number.isFinite(schedule.startAtMs) &&
    breathPatternIsValid(schedule.pattern) &&
    (schedule.ramp === undefined || breathRampIsValid(schedule.ramp))
  );
}

/** Rate (per minute) `elapsedMs` into a raised-cosine ramp: `from` before it, `to` after it. */
export function rateRampRateAt(
  fromPerMin: number,
  toPerMin: number,
  durationMs: number,
  elapsedMs: number,
): number {
  if (elapsedMs >= durationMs) return toPerMin;
  if (elapsedMs <= 0) return fromPerMin;
  const eased = (1 - Math.cos((Math.PI * elapsedMs) / durationMs)) / 2;
  return fromPerMin + (toPerMin - fromPerMin) * eased;
}

/** Cycles completed `elapsedMs` into a raised-cosine ramp (negative before it, at `from`). */
export function rateRampCyclesAt(
  fromPerMin: number,
  toPerMin: number,
  durationMs: number,
  elapsedMs: number,
): number {
  if (elapsedMs <= 0) return (fromPerMin * elapsedMs) / MS_PER_MINUTE;
  if (elapsedMs >= durationMs) {
    const cyclesInRamp = ((fromPerMin + toPerMin) / 2) * durationMs;
    return (cyclesInRamp + toPerMin * (elapsedMs - durationMs)) / MS_PER_MINUTE;
  }
  const sweepMs = elapsedMs - (durationMs / Math.PI) * Math.sin((Math.PI * elapsedMs) / durationMs);
  return (fromPerMin * elapsedMs + ((toPerMin - fromPerMin) / 2) * sweepMs) / MS_PER_MINUTE;
}

/**
 * Elapsed ms at which a raised-cosine ramp has completed `cycles` (inverse of
 * `rateRampCyclesAt`); Infinity if the rate needed to get there is not positive.
 */
export function rateRampElapsedAtCycles(
  fromPerMin: number,
  toPerMin: number,
  durationMs: number,
  cycles: number,
): number {
  if (cycles <= 0) return fromPerMin > 0 ? (cycles * MS_PER_MINUTE) / fromPerMin : Infinity;
  const cyclesAtEnd = rateRampCyclesAt(fromPerMin, toPerMin, durationMs, durationMs);
  if (cycles >= cyclesAtEnd) {
    return toPerMin > 0
      ? durationMs + ((cycles - cyclesAtEnd) * MS_PER_MINUTE) / toPerMin
      : Infinity;
  }
  // Safeguarded Newton on [0, durationMs]: the root is bracketed because cycles run from 0 to
  // cyclesAtEnd; a step that leaves the bracket falls back to bisection.
  let low = 0;
  let high = durationMs;
  let guess = durationMs * (cycles / cyclesAtEnd);
  for (let step = 0; step < RATE_RAMP_INVERSE_MAX_STEPS; step += 1) {
    const excess = rateRampCyclesAt(fromPerMin, toPerMin, durationMs, guess) - cycles;
    if (excess === 0) return guess;
    if (excess > 0) high = guess;
    else low = guess;
    const perMs = rateRampRateAt(fromPerMin, toPerMin, durationMs, guess) / MS_PER_MINUTE;
    const next = perMs > 0 ? guess - excess / perMs : Number.NaN;
    const newtonOk = next >= low && next <= high;
    if (newtonOk && Math.abs(next - guess) <= RATE_RAMP_INVERSE_TOLERANCE_MS) return next;
    if (high - low <= RATE_RAMP_INVERSE_TOLERANCE_MS) return (low + high) / 2;
    guess = newtonOk ? next : (low + high) / 2;
  }
  return guess;
}

/** Part lengths with negative or non-finite parts read as 0; equal halves if nothing is left. */
function patternPartLengthsMs(pattern: BreathPattern): readonly [number, number, number, number] {
  const clean = (ms: number): number => (Number.isFinite(ms) && ms > 0 ? ms : 0);
  const lengths = [
    clean(pattern.inhaleMs),
    clean(pattern.holdAfterInhaleMs),
    clean(pattern.exhaleMs),
    clean(pattern.holdAfterExhaleMs),
  ] as const;
  const total = lengths[0] + lengths[1] + lengths[2] + lengths[3];
  return total > 0 && Number.isFinite(total) ? lengths : [1, 0, 1, 0];
}

/**
 * Pattern-milliseconds elapsed: breath position × pattern length. Without a ramp this is the
 * elapsed time itself, so fixed-rate phases are exact for whole-ms inputs.
 */
function pacerPatternMsAt(schedule: PacerSchedule, elapsedMs: number, totalMs: number): number {
  const ramp = schedule.ramp;
  if (ramp === undefined) return breathsPerMinOfPattern(schedule.pattern) > 0 ? elapsedMs : 0;
  const cycles = rateRampCyclesAt(
    ramp.fromBreathsPerMin,
    ramp.toBreathsPerMin,
    ramp.durationMs,
    elapsedMs,
  );
  return cycles * totalMs;
}

/** Breaths elapsed since the start as a real number: negative before the start, 0 at it. */
export function pacerBreathPositionAt(schedule: PacerSchedule, atMs: ServerTimeMs): number {
  const lengths = patternPartLengthsMs(schedule.pattern);
  const totalMs = lengths[0] + lengths[1] + lengths[2] + lengths[3];
  return pacerPatternMsAt(schedule, atMs - schedule.startAtMs, totalMs) / totalMs;
}

/** The breathing rate (per minute) of the schedule at an instant; the ramp's `from` before it. */
export function pacerBreathsPerMinAt(schedule: PacerSchedule, atMs: ServerTimeMs): number {
  const ramp = schedule.ramp;
  if (ramp === undefined) return breathsPerMinOfPattern(schedule.pattern);
  return rateRampRateAt(
    ramp.fromBreathsPerMin,
    ramp.toBreathsPerMin,
    ramp.durationMs,
    atMs - schedule.startAtMs,
  );
}

/** What the shared pacer shows at a server instant. O(1) at any instant. */
export function pacerPhaseAt(schedule: PacerSchedule, atMs: ServerTimeMs): PacerPhase {
  const elapsedMs = atMs - schedule.startAtMs;
  if (elapsedMs < 0) return { kind: 'waiting', msUntilStart: -elapsedMs };

  const lengths = patternPartLengthsMs(schedule.pattern);
  const totalMs = lengths[0] + lengths[1] + lengths[2] + lengths[3];
  const patternMs = pacerPatternMsAt(schedule, elapsedMs, totalMs);
  const breathIndex = Math.floor(patternMs / totalMs);
  const intoBreathMs = Math.min(Math.max(patternMs - breathIndex * totalMs, 0), totalMs);

  // The first part whose end lies beyond the instant; zero-length parts are skipped because
  // their end equals the previous one. Rounding can put us exactly at the end: use the last part.
  let partIndex = 3;
  let partEndMs = 0;
  for (let index = 0; index < 4; index += 1) {
    partEndMs += lengths[index] ?? 0;
    if (intoBreathMs < partEndMs) {
      partIndex = index;
      break;
    }
  }
  while ((lengths[partIndex] ?? 0) === 0) partIndex -= 1;
  partEndMs = lengths.slice(0, partIndex + 1).reduce((sum, ms) => sum + ms, 0);
  const partLengthMs = lengths[partIndex] ?? 0;
  const partProgress = Math.min(
    Math.max((intoBreathMs - (partEndMs - partLengthMs)) / partLengthMs, 0),
    1,
  );
  const part = BREATH_PARTS[partIndex] ?? 'inhale';
  const breathsPerMin = pacerBreathsPerMinAt(schedule, atMs);

  let msLeftInPart: number;
  const ramp = schedule.ramp;
  if (ramp === undefined) {
    msLeftInPart = breathsPerMin > 0 ? partEndMs - intoBreathMs : Infinity;
  } else if (elapsedMs >= ramp.durationMs) {
    // Past the ramp the rate is constant: scale the pattern ms left, exactly.
    msLeftInPart =
      breathsPerMin > 0
        ? ((partEndMs - intoBreathMs) * MS_PER_MINUTE) / (breathsPerMin * totalMs)
        : Infinity;
  } else {
    const partEndAtMs = rateRampElapsedAtCycles(
      ramp.fromBreathsPerMin,
      ramp.toBreathsPerMin,
      ramp.durationMs,
      breathIndex + partEndMs / totalMs,
    );
    msLeftInPart = Math.max(partEndAtMs - elapsedMs, 0);
  }

  return {
    kind: 'breathing',
    part,
    breathIndex,
    partProgress,
    msLeftInPart,
    lungFill: breathLungFill(part, partProgress),
    breathsPerMin,
  };
}

/** How full the lungs are in a part at a given progress: 0 empty, 1 full. */
export function breathLungFill(part: BreathPart, partProgress: number): number {
  switch (part) {
    case 'inhale':
      return partProgress;
    case 'holdAfterInhale':
      return 1;
    case 'exhale':
      return 1 - partProgress;
    case 'holdAfterExhale':
      return 0;
  }
}
