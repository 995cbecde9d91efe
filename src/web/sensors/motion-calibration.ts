/**
 * Which way is "in"? `respirationFromMotion` reports the breath's phase against the movement's
 * own principal axis (0 = its peak), and whether that peak is the top of an in-breath or the end
 * of an out-breath depends on how the phone lies. A short calibration settles it: the person
 * breathes in slowly for a few seconds, and the direction the phone moved tells the sign.
 *
 * Why the largest component decides it: the core orients the principal axis v so that its
 * largest component is positive. A slow in-breath moves the phone along that same axis, by
 * Δ ≈ c·v, so Δ's largest component has the sign of c: positive means breathing in raises the
 * projection, so its peak is the top of the in-breath. When Δ's two largest components are
 * nearly equal with opposite signs, that reasoning is fragile and the calibration is unclear.
 */
import type { MotionSample } from '../../core/signals/index.ts';

/** How long the "breathe in slowly" cue lasts. */
export const CALIBRATION_INHALE_MS = 4000;
/** The start and the end of the cue are each averaged over this long. */
export const CALIBRATION_EDGE_MS = 750;
/** Less movement than this (m/s²) over the in-breath is too little to tell a direction. */
export const CALIBRATION_MIN_MOVEMENT = 0.02;
/** The largest component must exceed an opposite-signed runner-up by this factor. */
export const CALIBRATION_MIN_DOMINANCE = 1.2;
/** A calibration holds while the phone's pose stays within this angle of the one it was made in. */
export const CALIBRATION_MAX_POSE_CHANGE_DEG = 25;

/** A direction or movement in the phone's own axes. */
export interface Vector3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** The mean acceleration (gravity, mostly) of `samples`, or null when there are none. */
export function meanAcceleration(samples: readonly MotionSample[]): Vector3 | null {
  if (samples.length === 0) return null;
  let x = 0, y = 0, z = 0;
  for (const sample of samples) {
    x += sample.x;
    y += sample.y;
    z += sample.z;
  }
  return { x: x / samples.length, y: y / samples.length, z: z / samples.length };
}

/**
 * How the phone moved over a cued in-breath: the mean of its last `CALIBRATION_EDGE_MS` minus
 * the mean of its first. Null when either end holds no sample.
 */
export function inhaleMovement(samples: readonly MotionSample[]): Vector3 | null {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (first === undefined || last === undefined) return null;
  const start = meanAcceleration(samples.filter((sample) => sample.tMs <= first.tMs + CALIBRATION_EDGE_MS));
  const end = meanAcceleration(samples.filter((sample) => sample.tMs >= last.tMs - CALIBRATION_EDGE_MS));
  if (start === null || end === null || last.tMs - first.tMs < 2 * CALIBRATION_EDGE_MS) return null;
  return { x: end.x - start.x, y: end.y - start.y, z: end.z - start.z };
}

/** Whether breathing in raises the core's projection; null when the movement cannot tell. */
export function inhaleRaisesProjection(movement: Vector3 | null): boolean | null {
  if (movement === null) return null;
  if (Math.hypot(movement.x, movement.y, movement.z) < CALIBRATION_MIN_MOVEMENT) return null;
  const [largest, second] = [movement.x, movement.y, movement.z].sort((a, b) => Math.abs(b) - Math.abs(a));
  if (largest === undefined || second === undefined) return null;
  if (Math.sign(largest) !== Math.sign(second) && Math.abs(largest) < CALIBRATION_MIN_DOMINANCE * Math.abs(second)) return null;
  return largest > 0;
}

/**
 * Attune's breath phase (0 = start of an in-breath, about 0.5 at the turn to the out-breath)
 * from the core's phase (0 = the projection's peak), once the calibration has told the sign.
 */
export function breathPhaseFromMotion(phaseRad: number, inhaleRaises: boolean): number {
  // Peak = top of the in-breath (phase 0.5) when breathing in raises the projection, else its start.
  const turns = phaseRad / (2 * Math.PI) + (inhaleRaises ? 0.5 : 0);
  const phase = turns - Math.floor(turns);
  return phase >= 1 ? 0 : phase;
}

/** Whether the phone has turned more than the calibration allows since `before`. */
export function poseChanged(before: Vector3, now: Vector3): boolean {
  const dot = before.x * now.x + before.y * now.y + before.z * now.z;
  const norms = Math.hypot(before.x, before.y, before.z) * Math.hypot(now.x, now.y, now.z);
  if (!(norms > 0)) return true;
  const angleDeg = (Math.acos(Math.min(1, Math.max(-1, dot / norms))) * 180) / Math.PI;
  return angleDeg > CALIBRATION_MAX_POSE_CHANGE_DEG;
}
