/**
 * Breathing from a phone resting on the belly or chest: its accelerometer feels the small tilt
 * of each breath (DeviceMotion `accelerationIncludingGravity`). About once a second the last
 * ~40 s go through `respirationFromMotion`; no number until the rhythm is clear. The breath's
 * phase is only named after a short calibration ("breathe in slowly now"), since which way is
 * "in" depends on how the phone lies; until then `breathPhase` stays null.
 * iOS asks for permission first (`DeviceMotionEvent.requestPermission`), which must come
 * straight from the person's tap: `start` calls it before anything else.
 */
import { BREATHING_RATE_RANGE_BPM } from '../../core/protocol/signals.ts';
import { respirationFromMotion, type MotionSample } from '../../core/signals/index.ts';
import {
  breathPhaseFromMotion,
  CALIBRATION_INHALE_MS,
  inhaleMovement,
  inhaleRaisesProjection,
  meanAcceleration,
  poseChanged,
  type Vector3,
} from './motion-calibration.ts';
import type { Sensor, SensorListener, SensorStatus } from './sensor.ts';
import { browserTiming, SensorHub, type SensorTiming } from './sensor-hub.ts';

export const MOTION_UNAVAILABLE_MESSAGE =
  "This browser can't read the phone's motion. On a phone, Chrome, Edge, Firefox or Safari can; a heart-rate strap or the camera are other ways.";
export const MOTION_SETTLING_MESSAGE =
  'Lie back and rest the phone on your belly or chest, screen up. Breathe as you usually do; the first number takes about half a minute.';
export const MOTION_UNCLEAR_MESSAGE =
  'No clear breathing rhythm yet. Resting still, with the phone lying flat on your belly, usually helps.';
export const MOTION_SILENT_MESSAGE =
  "No motion sensor answered. This works with a phone resting on your belly or chest; on a computer, a strap or the camera can be used instead.";
export const MOTION_DENIED_MESSAGE =
  "Motion access wasn't allowed. If you'd like to use it, allow motion access for this site in the browser's settings, then try again.";

/** Seconds of movement analysed for each reading. */
export const MOTION_WINDOW_SEC = 40;
/** How often a reading is made. */
const READING_EVERY_MS = 1000;
/** With no sample at all this long after starting, the device has no usable motion sensor. */
const SILENCE_LIMIT_MS = 3000;

/** Where movement comes from: the browser's DeviceMotion, or a test's samples. */
export interface MotionSource {
  readonly supported: boolean;
  /** iOS's permission step; absent where no permission is needed. */
  readonly requestPermission?: () => Promise<string>;
  /** Starts delivering samples (tMs on any monotonic clock); returns how to stop. */
  listen(onSample: (sample: MotionSample) => void): () => void;
}

type DeviceMotionWithPermission = typeof DeviceMotionEvent & { requestPermission?: () => Promise<string> };

/** The browser's DeviceMotion as a `MotionSource`. */
export function browserMotionSource(): MotionSource {
  const supported = typeof window !== 'undefined' && typeof DeviceMotionEvent !== 'undefined';
  const motion = supported ? (DeviceMotionEvent as DeviceMotionWithPermission) : null;
  const request = motion?.requestPermission;
  return {
    supported,
    ...(motion !== null && typeof request === 'function' ? { requestPermission: () => request.call(motion) } : {}),
    listen: (onSample) => {
      const handle = (event: DeviceMotionEvent) => {
        const a = event.accelerationIncludingGravity;
        if (a === null || a.x === null || a.y === null || a.z === null) return;
        onSample({ tMs: event.timeStamp, x: a.x, y: a.y, z: a.z });
      };
      window.addEventListener('devicemotion', handle);
      return () => {
        window.removeEventListener('devicemotion', handle);
      };
    },
  };
}

/** How a calibration went. */
export type CalibrationOutcome = 'calibrated' | 'unclear' | 'stopped';

/** Breathing from the phone's motion. */
export class MotionBreathingSensor implements Sensor {
  readonly source = 'motion';
  readonly supported: boolean;
  private readonly hub = new SensorHub();
  private readonly motion: MotionSource;
  private readonly timing: SensorTiming;
  private run = 0;
  private samples: MotionSample[] = [];
  private stopListening: (() => void) | null = null;
  private cancelTick: (() => void) | null = null;
  private calibrationSamples: MotionSample[] | null = null;
  /** Set by a calibration: whether breathing in raises the projection, and the pose it holds for. */
  private calibration: { readonly inhaleRaises: boolean; readonly pose: Vector3 } | null = null;

  constructor(options: { motion?: MotionSource; timing?: SensorTiming } = {}) {
    this.motion = options.motion ?? browserMotionSource();
    this.timing = options.timing ?? browserTiming;
    this.supported = this.motion.supported;
    if (!this.supported) this.hub.setStatus({ kind: 'unavailable', message: MOTION_UNAVAILABLE_MESSAGE });
  }

  status(): SensorStatus {
    return this.hub.status();
  }

  listen(listener: SensorListener): () => void {
    return this.hub.listen(listener);
  }

  /** Whether breath phase is being reported (a calibration holds). */
  phaseCalibrated(): boolean {
    return this.calibration !== null;
  }

  /** Asks for permission where needed (call from the tap), then listens. */
  async start(): Promise<void> {
    if (!this.supported) return;
    const kind = this.hub.status().kind;
    if (kind !== 'off' && kind !== 'failed') return;
    this.run += 1;
    const run = this.run;
    // Before any await: iOS only shows its prompt from within the tap.
    const permission = this.motion.requestPermission?.();
    this.hub.setStatus({ kind: 'starting' });
    if (permission !== undefined) {
      const answer = await permission.catch(() => 'denied');
      if (run !== this.run) return;
      if (answer !== 'granted') {
        this.hub.setStatus({ kind: 'failed', message: MOTION_DENIED_MESSAGE });
        return;
      }
    }
    this.samples = [];
    this.stopListening = this.motion.listen((sample) => {
      this.samples.push(sample);
      this.calibrationSamples?.push(sample);
    });
    this.hub.setStatus({ kind: 'waiting', message: MOTION_SETTLING_MESSAGE });
    const startedAtMs = this.timing.now();
    const tick = () => {
      this.cancelTick = null;
      if (run !== this.run) return;
      if (this.samples.length === 0 && this.timing.now() - startedAtMs >= SILENCE_LIMIT_MS) {
        this.release();
        this.hub.setStatus({ kind: 'failed', message: MOTION_SILENT_MESSAGE });
        return;
      }
      this.readingMake();
      this.cancelTick = this.timing.after(READING_EVERY_MS, tick);
    };
    this.cancelTick = this.timing.after(READING_EVERY_MS, tick);
  }

  stop(): void {
    this.run += 1;
    this.release();
    this.hub.setStatus(this.supported ? { kind: 'off' } : { kind: 'unavailable', message: MOTION_UNAVAILABLE_MESSAGE });
  }

  /**
   * Records a slow in-breath for `CALIBRATION_INHALE_MS` (the person is cued meanwhile) and
   * learns from it which way "in" moves the phone.
   */
  calibrate(): Promise<CalibrationOutcome> {
    const run = this.run;
    this.calibrationSamples = [];
    return new Promise((resolve) => {
      this.timing.after(CALIBRATION_INHALE_MS, () => {
        const recorded = this.calibrationSamples ?? [];
        this.calibrationSamples = null;
        if (run !== this.run) {
          resolve('stopped');
          return;
        }
        const inhaleRaises = inhaleRaisesProjection(inhaleMovement(recorded));
        const pose = meanAcceleration(recorded);
        if (inhaleRaises === null || pose === null) {
          resolve('unclear');
          return;
        }
        this.calibration = { inhaleRaises, pose };
        resolve('calibrated');
      });
    });
  }

  private readingMake(): void {
    const latest = this.samples[this.samples.length - 1];
    if (latest === undefined) return;
    const from = latest.tMs - MOTION_WINDOW_SEC * 1000;
    const firstKept = this.samples.findIndex((sample) => sample.tMs >= from);
    if (firstKept > 0) this.samples = this.samples.slice(firstKept);
    const estimate = respirationFromMotion(this.samples);
    const first = this.samples[0];
    const spanMs = first === undefined ? 0 : latest.tMs - first.tMs;
    if (estimate === null) {
      this.hub.setStatus({ kind: 'waiting', message: spanMs < 25_000 ? MOTION_SETTLING_MESSAGE : MOTION_UNCLEAR_MESSAGE });
      return;
    }
    const rate = estimate.breathsPerMin;
    if (rate < BREATHING_RATE_RANGE_BPM[0] || rate > BREATHING_RATE_RANGE_BPM[1]) return;
    // A calibration holds only for the pose it was made in.
    const pose = meanAcceleration(this.samples.slice(-60));
    if (this.calibration !== null && pose !== null && poseChanged(this.calibration.pose, pose)) this.calibration = null;
    this.hub.setStatus({ kind: 'streaming' });
    this.hub.reading({
      atLocalMs: this.timing.now(),
      source: 'motion',
      heartRateBpm: null,
      rrMs: [],
      breathingRateBpm: Math.round(rate * 10) / 10,
      breathPhase: this.calibration === null ? null : breathPhaseFromMotion(estimate.phaseRad, this.calibration.inhaleRaises),
    });
  }

  private release(): void {
    this.stopListening?.();
    this.stopListening = null;
    this.cancelTick?.();
    this.cancelTick = null;
    this.samples = [];
    this.calibrationSamples = null;
    this.calibration = null;
  }
}
