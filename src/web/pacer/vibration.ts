/**
 * Optional vibration cues where the device can vibrate: one long pulse as the in-breath begins,
 * two short ones as the out-breath begins. Elsewhere (most desktops, iOS) it quietly does nothing.
 */
import type { BreathPart } from '../../core/pacer/index.ts';

/** One long pulse for breathing in. */
export const INHALE_VIBRATION: readonly number[] = [350];
/** Two short pulses for breathing out. */
export const EXHALE_VIBRATION: readonly number[] = [90, 110, 90];

/** The pattern (vibrate, pause, vibrate… in ms) for the start of a part; null for holds. */
export function vibrationPatternFor(part: BreathPart): readonly number[] | null {
  if (part === 'inhale') return INHALE_VIBRATION;
  if (part === 'exhale') return EXHALE_VIBRATION;
  return null;
}

type Vibrator = { vibrate?: (pattern: number[]) => boolean };

/** This device's vibration, or null outside a browser. */
function deviceVibrator(): Vibrator | null {
  return typeof navigator === 'undefined' ? null : navigator;
}

/** Whether this browser offers vibration at all (it may still have no motor). */
export function vibrationSupported(target: Vibrator | null = deviceVibrator()): boolean {
  return typeof target?.vibrate === 'function';
}

/** Vibrates for the start of `part` where possible; returns whether a pattern was sent. */
export function vibrationCue(part: BreathPart, target: Vibrator | null = deviceVibrator()): boolean {
  const pattern = vibrationPatternFor(part);
  if (pattern === null || typeof target?.vibrate !== 'function') return false;
  try {
    return target.vibrate([...pattern]);
  } catch {
    return false;
  }
}
