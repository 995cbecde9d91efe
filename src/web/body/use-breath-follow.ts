/**
 * Follow-the-breath for a running practice: the schedule the pacer shows, stepped towards the
 * leading person's sensed breath while it is arriving and back to the shared schedule when it is
 * not (see breath-follower.ts: it never jumps). Stepping happens on each render, which the
 * running practice does four times a second; while the session is paused nothing moves, and on
 * resume the followed schedule shifts later by the time stood still, like every other schedule.
 */
import { useRef } from 'preact/hooks';
import type { PacerSchedule } from '../../core/pacer/index.ts';
import { scheduleShifted } from '../pacer/schedule-shift.ts';
import { breathFollowStep, type SensedBreath } from './breath-follower.ts';

/** What the pacer shows, and whether it is following a sensed breath right now. */
export interface BreathFollow {
  readonly schedule: PacerSchedule | null;
  readonly following: boolean;
}

/** The inputs of one render. */
export interface BreathFollowInputs {
  /** The practice's own schedule (already shifted for pauses). */
  readonly shared: PacerSchedule | null;
  /** Whether the practice asked to follow, and the leader may be followed. */
  readonly enabled: boolean;
  /** The leader's breath at a server instant, or null when not fresh. */
  readonly sensed: (nowMs: number) => SensedBreath | null;
  readonly paused: boolean;
  /** The practice's total time stood still so far. */
  readonly pausedTotalMs: number;
  /** Server time now. */
  readonly nowMs: number;
}

/** The schedule for the pacer this render. */
export function useBreathFollow(inputs: BreathFollowInputs): BreathFollow {
  const { shared, enabled, paused, pausedTotalMs, nowMs } = inputs;
  const shownRef = useRef<PacerSchedule | null>(null);
  const sharedRef = useRef<PacerSchedule | null>(null);
  const pausedBaseRef = useRef(pausedTotalMs);

  if (shared === null) {
    shownRef.current = null;
    sharedRef.current = null;
    return { schedule: null, following: false };
  }
  let shown = shownRef.current;
  // Showing the shared schedule as it was: take it as it is now (a resume shifted it).
  if (shown === null || shown === sharedRef.current) shown = shared;
  else if (pausedTotalMs > pausedBaseRef.current)
    shown = scheduleShifted(shown, pausedTotalMs - pausedBaseRef.current);
  pausedBaseRef.current = pausedTotalMs;
  sharedRef.current = shared;

  const sensed = enabled ? inputs.sensed(nowMs) : null;
  if (!paused) shown = breathFollowStep({ shown, shared, sensed, nowMs });
  shownRef.current = shown;
  return { schedule: shown, following: sensed !== null && nowMs >= shared.startAtMs };
}
