/** The words the pacers show: short, plain and calm. */
import type { BreathPart, TempoSide } from '../../core/pacer/index.ts';

/** What the breath pacer shows as its root `data-part` and its word. */
export type PacerShownPart = BreathPart | 'waiting' | 'ended';

/** The word for each part of the breath, and for before and after. */
export function breathPartWord(part: PacerShownPart): string {
  switch (part) {
    case 'inhale':
      return 'Breathe in';
    case 'holdAfterInhale':
      return 'Hold';
    case 'exhale':
      return 'Breathe out';
    case 'holdAfterExhale':
      return 'Rest';
    case 'waiting':
      return 'Get comfortable';
    case 'ended':
      return 'Rest here';
  }
}

/** Whole seconds left, as people count them: 3.2 s left reads "4" until 3 s are left. */
export function secondsLeft(ms: number): number {
  if (!Number.isFinite(ms) || ms <= 0) return 0;
  return Math.ceil(ms / 1000 - 1e-9);
}

/** The lead-in countdown: "Starting in 3…". */
export function leadInWords(msUntilStart: number): string {
  const seconds = Math.max(1, secondsLeft(msUntilStart));
  return `Starting in ${String(seconds)}…`;
}

/** The word for one movement beat. */
export function tempoWord(mode: 'sway' | 'walk', side: TempoSide): string {
  if (mode === 'sway') return side === 'left' ? 'Sway left' : 'Sway right';
  return 'Step';
}

/**
 * Size of the breathing shape for a lung fill of 0..1: a half-cosine ease, so the shape slows
 * into each turn of the breath and never jerks, between `min` and 1.
 */
export function breathShapeScale(lungFill: number, min = 0.42): number {
  const fill = Math.min(Math.max(Number.isFinite(lungFill) ? lungFill : 0, 0), 1);
  const eased = 0.5 - 0.5 * Math.cos(Math.PI * fill);
  return min + (1 - min) * eased;
}

/** Where the sway shape sits for a beat position: −1 far left, 1 far right, eased at the ends. */
export function swayOffset(beatPosition: number): number {
  // Beat 0 moves toward the left and ends there; beat 1 returns to the right, and so on.
  return Number.isFinite(beatPosition) ? Math.cos(Math.PI * Math.max(beatPosition, 0)) : 1;
}
