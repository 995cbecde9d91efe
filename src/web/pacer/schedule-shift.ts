/**
 * Pausing a practice on your own: the schedule stops where it is, and on resume it starts again
 * from the same point of the breath. The pacer is a schedule, so resuming means moving its start
 * (and its end) later by exactly the time spent paused.
 */
import { serverTimeMs } from '../../core/time/instant.ts';
import type { ServerTimeMs } from '../../core/time/instant.ts';

/** Anything that starts at a server instant: a breath schedule or a movement tempo. */
export interface Startable {
  readonly startAtMs: ServerTimeMs;
}

/** The schedule moved later by `shiftMs`; a pause of zero or less changes nothing. */
export function scheduleShifted<S extends Startable>(schedule: S, shiftMs: number): S {
  if (!(shiftMs > 0) || !Number.isFinite(shiftMs)) return schedule;
  return { ...schedule, startAtMs: serverTimeMs(schedule.startAtMs + shiftMs) };
}

/** A practice running on its own schedule, with an end, that can be paused and resumed. */
export interface PausableRun<S extends Startable> {
  readonly schedule: S;
  /** When the practice ends, on the same clock as the schedule. */
  readonly endsAtMs: ServerTimeMs;
  /** The instant it was paused, or null while it runs. */
  readonly pausedAtMs: ServerTimeMs | null;
}

/** A run starting `leadInMs` after `nowMs` and lasting `durationMs` from its first breath. */
export function runStarted<S extends Startable>(
  makeSchedule: (startAtMs: ServerTimeMs) => S,
  nowMs: number,
  leadInMs: number,
  durationMs: number,
): PausableRun<S> {
  const startAtMs = serverTimeMs(nowMs + leadInMs);
  return {
    schedule: makeSchedule(startAtMs),
    endsAtMs: serverTimeMs(startAtMs + durationMs),
    pausedAtMs: null,
  };
}

/** The run paused at `nowMs`; pausing twice keeps the first instant. */
export function runPaused<S extends Startable>(run: PausableRun<S>, nowMs: number): PausableRun<S> {
  if (run.pausedAtMs !== null) return run;
  return { ...run, pausedAtMs: serverTimeMs(nowMs) };
}

/**
 * The run resumed at `nowMs`: start and end move later by the time spent paused, so the breath
 * continues exactly where it stopped and the practice still lasts as long as was chosen.
 */
export function runResumed<S extends Startable>(run: PausableRun<S>, nowMs: number): PausableRun<S> {
  if (run.pausedAtMs === null) return run;
  const pausedForMs = Math.max(0, nowMs - run.pausedAtMs);
  return {
    schedule: scheduleShifted(run.schedule, pausedForMs),
    endsAtMs: serverTimeMs(run.endsAtMs + pausedForMs),
    pausedAtMs: null,
  };
}

/** Milliseconds of practice left at `nowMs` (frozen while paused); never below zero. */
export function runMsLeft<S extends Startable>(run: PausableRun<S>, nowMs: number): number {
  const at = run.pausedAtMs ?? nowMs;
  return Math.max(0, run.endsAtMs - at);
}
