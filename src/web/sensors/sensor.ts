/**
 * What every sensor in the browser looks like to the rest of the app: it starts on a person's
 * tap, reports readings in this device's own time, and says plainly what it is doing. Nothing
 * here knows about sessions; the session turns readings into samples for the server.
 */
import type { SignalSource } from '../../core/protocol/signals.ts';

/** One reading, stamped with this device's `Date.now()` clock. */
export interface SensorReading {
  readonly atLocalMs: number;
  readonly source: SignalSource;
  readonly heartRateBpm: number | null;
  /** Beat-to-beat intervals that ended since the previous reading, oldest first. */
  readonly rrMs: readonly number[];
  readonly breathingRateBpm: number | null;
  /** Fraction of the current breath that has passed: 0 starting in, about 0.5 turning out. */
  readonly breathPhase: number | null;
}

/**
 * Where a sensor is, in words a person can act on. `waiting` means connected but with no
 * usable signal yet (a strap not touching skin, a face out of the light): show no number then.
 */
export type SensorStatus =
  | { readonly kind: 'off' }
  | { readonly kind: 'starting' }
  | { readonly kind: 'streaming' }
  | { readonly kind: 'waiting'; readonly message: string }
  | { readonly kind: 'reconnecting'; readonly message: string }
  /** This browser or device cannot do it; `message` says what to use instead. */
  | { readonly kind: 'unavailable'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

/** Something that can be listened to. */
export interface SensorListener {
  reading(reading: SensorReading): void;
  status(status: SensorStatus): void;
}

/** One sensor: a strap, the camera, the phone's motion, or a simulation. */
export interface Sensor {
  readonly source: SignalSource;
  /** Whether this browser could run it at all (checked without asking for anything). */
  readonly supported: boolean;
  /** Starts it; must be called from a tap or key press (permission prompts need one). */
  start(): Promise<void>;
  stop(): void;
  /** Listens to readings and status; returns how to stop listening. */
  listen(listener: SensorListener): () => void;
  status(): SensorStatus;
}
