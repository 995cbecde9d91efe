/**
 * Camera pulse: heart rate from tiny colour changes of the face (remote PPG, POS method). The
 * front camera runs at a small size; each new frame's face region (the oval guide) is cut out as
 * an ImageBitmap and moved to a Web Worker, which averages it, keeps ~10 s and estimates about
 * once a second. Heart rate only: a camera cannot time single beats well enough for HRV, so
 * readings carry no RR intervals. No number while the signal is poor. The video never leaves
 * the device; nothing but the number is ever passed on.
 */
import type { CameraPulseFromWorker, CameraPulseToWorker } from './camera-pulse.worker.ts';
import { FACE_CROP_MAX_WIDTH, faceGuideRect, type NoPulseReason } from './camera-pulse-frames.ts';
import type { Sensor, SensorListener, SensorStatus } from './sensor.ts';
import { browserTiming, SensorHub, type SensorTiming } from './sensor-hub.ts';

export const CAMERA_UNAVAILABLE_MESSAGE =
  "This browser can't read the camera here. A recent Chrome, Edge, Firefox or Safari can; a heart-rate strap or the phone on your belly or chest are other ways.";

/** What to say while there is no number, by reason. */
export const CAMERA_WAITING_MESSAGES: Readonly<Record<NoPulseReason, string>> = {
  'warming-up': 'Finding your pulse. Keep your face in the oval and rest still; the first number takes about 15 seconds.',
  'too-dark': "It's a little dark to see your pulse. Facing a window or a soft lamp helps.",
  'too-bright': 'The light on your face is very bright. Softer, even light works best.',
  'weak-signal': 'Not enough signal yet. Soft, even light on your face and resting still usually help.',
};

/** What the camera is asked for: the front camera, small, at an ordinary frame rate. */
const VIDEO_CONSTRAINTS: MediaTrackConstraints = {
  facingMode: 'user',
  width: { ideal: 320 },
  height: { ideal: 240 },
  frameRate: { ideal: 30 },
};

/** Without requestVideoFrameCallback, frames are taken on a timer at this rate. */
const FALLBACK_FRAME_MS = 1000 / 30;

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : '';
}

function cameraProblemWords(error: unknown): string {
  switch (errorName(error)) {
    case 'NotAllowedError':
    case 'SecurityError':
      return "The camera wasn't allowed. If you'd like to use it, allow the camera for this site in the browser's settings, then try again.";
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No front camera was found on this device.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera seems busy in another app. Closing that, then trying again, usually helps.';
    default:
      return "The camera couldn't be started. You can try again in a moment.";
  }
}

/** Whether this browser has everything the camera pulse needs (asked without asking the person). */
export function cameraPulseSupported(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    // Missing outside secure contexts, whatever the DOM types say.
    typeof (navigator as Partial<Navigator>).mediaDevices?.getUserMedia === 'function' &&
    typeof Worker === 'function' &&
    typeof OffscreenCanvas === 'function' &&
    typeof createImageBitmap === 'function'
  );
}

/** The camera pulse sensor. */
export class CameraPulseSensor implements Sensor {
  readonly source = 'camera';
  readonly supported: boolean;
  private readonly hub = new SensorHub();
  private readonly timing: SensorTiming;
  private run = 0;
  private stream: MediaStream | null = null;
  private video: HTMLVideoElement | null = null;
  private worker: Worker | null = null;
  private cancelFallbackTimer: (() => void) | null = null;

  constructor(options: { timing?: SensorTiming } = {}) {
    this.timing = options.timing ?? browserTiming;
    this.supported = cameraPulseSupported();
    if (!this.supported) this.hub.setStatus({ kind: 'unavailable', message: CAMERA_UNAVAILABLE_MESSAGE });
  }

  status(): SensorStatus {
    return this.hub.status();
  }

  listen(listener: SensorListener): () => void {
    return this.hub.listen(listener);
  }

  /** The playing camera video, for the preview to show (mirrored) while the sensor runs. */
  videoElement(): HTMLVideoElement | null {
    return this.video;
  }

  async start(): Promise<void> {
    if (!this.supported) return;
    const kind = this.hub.status().kind;
    if (kind !== 'off' && kind !== 'failed') return;
    this.run += 1;
    const run = this.run;
    this.hub.setStatus({ kind: 'starting' });
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: VIDEO_CONSTRAINTS, audio: false });
    } catch (error) {
      if (run === this.run) this.hub.setStatus({ kind: 'failed', message: cameraProblemWords(error) });
      return;
    }
    if (run !== this.run) {
      for (const track of stream.getTracks()) track.stop();
      return;
    }
    this.stream = stream;
    for (const track of stream.getVideoTracks()) {
      track.addEventListener('ended', () => {
        if (run !== this.run) return;
        this.release();
        this.hub.setStatus({ kind: 'failed', message: 'The camera was turned off. You can start it again whenever you like.' });
      });
    }
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.setAttribute('aria-hidden', 'true');
    video.srcObject = stream;
    this.video = video;
    this.worker = this.workerStart(run);
    try {
      await video.play();
    } catch (error) {
      if (run !== this.run) return;
      this.release();
      this.hub.setStatus({ kind: 'failed', message: cameraProblemWords(error) });
      return;
    }
    if (run !== this.run) return;
    this.hub.setStatus({ kind: 'waiting', message: CAMERA_WAITING_MESSAGES['warming-up'] });
    this.framesPump(run, video);
  }

  stop(): void {
    this.run += 1;
    this.release();
    this.hub.setStatus(this.supported ? { kind: 'off' } : { kind: 'unavailable', message: CAMERA_UNAVAILABLE_MESSAGE });
  }

  private workerStart(run: number): Worker {
    const worker = new Worker(new URL('./camera-pulse.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<CameraPulseFromWorker>) => {
      if (run !== this.run) return;
      const { report } = event.data;
      if (report.kind === 'no-pulse') {
        this.hub.setStatus({ kind: 'waiting', message: CAMERA_WAITING_MESSAGES[report.reason] });
        return;
      }
      this.hub.setStatus({ kind: 'streaming' });
      this.hub.reading({
        atLocalMs: this.timing.now(),
        source: 'camera',
        heartRateBpm: Math.round(report.bpm * 10) / 10,
        rrMs: [],
        breathingRateBpm: null,
        breathPhase: null,
      });
    });
    worker.addEventListener('error', () => {
      if (run !== this.run) return;
      this.release();
      this.hub.setStatus({ kind: 'failed', message: "The pulse reader stopped unexpectedly. You can start it again." });
    });
    return worker;
  }

  /** Sends each new frame's face region to the worker, skipping frames while one is still being cut. */
  private framesPump(run: number, video: HTMLVideoElement): void {
    let cutting = false;
    const take = (atMs: number) => {
      const worker = this.worker;
      if (run !== this.run || worker === null || cutting || video.videoWidth === 0) return;
      const rect = faceGuideRect(video.videoWidth, video.videoHeight);
      const scale = Math.min(1, FACE_CROP_MAX_WIDTH / rect.width);
      const resize: ImageBitmapOptions =
        scale < 1 ? { resizeWidth: Math.round(rect.width * scale), resizeHeight: Math.round(rect.height * scale), resizeQuality: 'medium' } : {};
      cutting = true;
      createImageBitmap(video, rect.x, rect.y, rect.width, rect.height, resize).then(
        (bitmap) => {
          cutting = false;
          if (run !== this.run) {
            bitmap.close();
            return;
          }
          const message: CameraPulseToWorker = { type: 'frame', bitmap, atMs };
          worker.postMessage(message, [bitmap]);
        },
        () => {
          cutting = false;
        },
      );
    };
    if (typeof video.requestVideoFrameCallback === 'function') {
      const onFrame: VideoFrameRequestCallback = (now, metadata) => {
        if (run !== this.run) return;
        take(metadata.captureTime ?? now);
        video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
      return;
    }
    const tick = () => {
      if (run !== this.run) return;
      take(performance.now());
      this.cancelFallbackTimer = this.timing.after(FALLBACK_FRAME_MS, tick);
    };
    tick();
  }

  /** Stops the camera and the worker: the camera light goes off. */
  private release(): void {
    this.cancelFallbackTimer?.();
    this.cancelFallbackTimer = null;
    this.worker?.terminate();
    this.worker = null;
    if (this.stream !== null) for (const track of this.stream.getTracks()) track.stop();
    this.stream = null;
    if (this.video !== null) {
      this.video.pause();
      this.video.srcObject = null;
      this.video.remove();
    }
    this.video = null;
  }
}
