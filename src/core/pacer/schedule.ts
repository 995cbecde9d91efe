/**
 * A pacer is a schedule, not a stream: every device computes the same phase from the same
 * schedule and its own clock offset, so nobody needs a message per breath.
 */
import type { ServerTimeMs } from '../time/instant.ts';

/** One breath: how long each of its four parts lasts. Holds may be zero. */
export interface BreathPattern {
  readonly inhaleMs: number;
  readonly holdAfterInhaleMs: number;
  readonly exhaleMs: number;
  readonly holdAfterExhaleMs: number;
}

/**
 * A gradual change of breathing rate (mirroring: meet the partner's rate, then slow together).
 * The pattern keeps its proportions while each breath lengthens or shortens.
 */
export interface BreathRamp {
  readonly fromBreathsPerMin: number;
  readonly toBreathsPerMin: number;
  readonly durationMs: number;
}

/** Everything a device needs to show the shared pacer. */
export interface PacerSchedule {
  /** The instant, in server time, at which the first inhale begins. */
  readonly startAtMs: ServerTimeMs;
  readonly pattern: BreathPattern;
  /** When present, the rate eases from `from` to `to` starting at `startAtMs`. */
  readonly ramp?: BreathRamp;
}
