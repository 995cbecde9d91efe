/**
 * Movement tempo: a shared beat for swaying or walking together, alternating left and right.
 * Same method as the breath pacer (`phase.ts`): the beat position is the closed-form integral of
 * the rate, eased along a raised cosine when it changes, so it is O(1) at any instant and never
 * jumps or runs backwards.
 */
import type { ServerTimeMs } from '../time/instant.ts';
import { rateRampCyclesAt, rateRampElapsedAtCycles, rateRampRateAt } from './phase.ts';

/** Slowest valid tempo: a very slow sway. */
export const TEMPO_MIN_BEATS_PER_MIN = 1;
/** Fastest valid tempo: brisk walking steps. */
export const TEMPO_MAX_BEATS_PER_MIN = 240;

/** A gradual change of tempo from the schedule's `beatsPerMin` to `toBeatsPerMin`. */
export interface TempoRamp {
  readonly toBeatsPerMin: number;
  readonly durationMs: number;
}

/** A shared movement beat: the first (left) beat starts at `startAtMs` in server time. */
export interface TempoSchedule {
  readonly startAtMs: ServerTimeMs;
  readonly beatsPerMin: number;
  /** When present, the tempo eases from `beatsPerMin` to `toBeatsPerMin` from `startAtMs`. */
  readonly ramp?: TempoRamp;
}

/** Which side a beat moves or steps toward. */
export type TempoSide = 'left' | 'right';

/** What the movement cue shows at one instant. */
export type TempoBeat =
  | { readonly kind: 'waiting'; readonly msUntilStart: number }
  | {
      readonly kind: 'moving';
      /** 0 for the first beat. */
      readonly beatIndex: number;
      /** 0 at the start of the beat, approaching 1 at its end. */
      readonly beatProgress: number;
      /** Even beats are left, odd beats right. */
      readonly side: TempoSide;
      /** Real milliseconds until the next beat. */
      readonly msLeftInBeat: number;
      /** The tempo at this instant. */
      readonly beatsPerMin: number;
    };

/** Whether a tempo schedule can be followed: finite start, rates 1–240/min, duration ≥ 0. */
export function tempoScheduleIsValid(schedule: TempoSchedule): boolean {
  const rateOk = (rate: number): boolean =>
    Number.isFinite(rate) && rate >= TEMPO_MIN_BEATS_PER_MIN && rate <= TEMPO_MAX_BEATS_PER_MIN;
  const ramp = schedule.ramp;
  return (
    Number.isFinite(schedule.startAtMs) &&
    rateOk(schedule.beatsPerMin) &&
    (ramp === undefined ||
      (rateOk(ramp.toBeatsPerMin) && Number.isFinite(ramp.durationMs) && ramp.durationMs >= 0))
  );
}

/** The ramp's end rate and duration, or a zero-length ramp that stays at `beatsPerMin`. */
function tempoRampOf(schedule: TempoSchedule): TempoRamp {
  return schedule.ramp ?? { toBeatsPerMin: schedule.beatsPerMin, durationMs: 0 };
}

/** Beats elapsed since the start as a real number: negative before the start, 0 at it. */
export function tempoBeatPositionAt(schedule: TempoSchedule, atMs: ServerTimeMs): number {
  const ramp = tempoRampOf(schedule);
  const elapsedMs = atMs - schedule.startAtMs;
  return rateRampCyclesAt(schedule.beatsPerMin, ramp.toBeatsPerMin, ramp.durationMs, elapsedMs);
}

/** The beat, progress through it and side at a server instant. O(1) at any instant. */
export function tempoBeatAt(schedule: TempoSchedule, atMs: ServerTimeMs): TempoBeat {
  const elapsedMs = atMs - schedule.startAtMs;
  if (elapsedMs < 0) return { kind: 'waiting', msUntilStart: -elapsedMs };
  const ramp = tempoRampOf(schedule);
  const position = tempoBeatPositionAt(schedule, atMs);
  const beatIndex = Math.floor(position);
  const nextBeatAtMs = rateRampElapsedAtCycles(
    schedule.beatsPerMin,
    ramp.toBeatsPerMin,
    ramp.durationMs,
    beatIndex + 1,
  );
  return {
    kind: 'moving',
    beatIndex,
    beatProgress: position - beatIndex,
    side: beatIndex % 2 === 0 ? 'left' : 'right',
    msLeftInBeat: Math.max(nextBeatAtMs - elapsedMs, 0),
    beatsPerMin: rateRampRateAt(
      schedule.beatsPerMin,
      ramp.toBeatsPerMin,
      ramp.durationMs,
      elapsedMs,
    ),
  };
}
