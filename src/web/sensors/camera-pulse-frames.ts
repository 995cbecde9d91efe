/**
 * The camera pulse's arithmetic, kept free of the browser so it can be tested: where the face
 * guide sits in a frame, the mean colour inside it, a ring of the last ~10 s of colours at the
 * camera's real (uneven) frame rate, resampling that onto an even grid for `pulseFromRgb`, and
 * the rule for when a number may be shown.
 */
import { pulseFromRgb, PULSE_MIN_SNR_DB, type RgbTrace } from '../../core/signals/index.ts';
import { FACE_GUIDE } from './face-guide.ts';

/**
 * Only the middle of the oval is averaged (cheeks, nose, forehead): its edge catches hair and
 * background as the head moves a little.
 */
export const FACE_GUIDE_INNER_SHARE = 0.8;
/** Cropped regions wider than this are scaled down before averaging (cost, not accuracy). */
export const FACE_CROP_MAX_WIDTH = 160;

/** Seconds of colour kept and analysed. */
export const PULSE_TRACE_SEC = 10;
/**
 * Seconds of colour needed before any estimate. The SNR threshold only means something on a
 * full-length trace: on 6 s of pure noise a quarter of estimates pass 0 dB, on 10 s about 1 %.
 */
export const PULSE_FIRST_ESTIMATE_SEC = 9.5;
/** How often to estimate. */
export const PULSE_ESTIMATE_EVERY_MS = 1000;
/** A gap between frames longer than this (a hidden tab, a stalled camera) starts the trace again. */
export const PULSE_MAX_FRAME_GAP_MS = 1000;
/** Mean brightness (0–255) below which the face is too dark to read, above which washed out. */
export const FACE_TOO_DARK = 35;
export const FACE_TOO_BRIGHT = 245;
/** Two estimates in a row within this many bpm of each other before a first number is shown. */
export const PULSE_AGREE_BPM = 8;
/**
 * A first number needs this much more than PULSE_MIN_SNR_DB; once shown it stays while the SNR
 * holds at the threshold itself. On 10 s of pure noise no estimate out of hundreds reached
 * +2 dB, while a face in fair light scores well above it.
 */
export const PULSE_SHOW_MARGIN_DB = 2;

/** A rectangle in whole pixels. */
export interface PixelRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The bounding box of the face guide in a frame of `width` × `height`, clamped to the frame. */
export function faceGuideRect(width: number, height: number): PixelRect {
  const left = Math.max(0, Math.floor((FACE_GUIDE.centerX - FACE_GUIDE.radiusX) * width));
  const top = Math.max(0, Math.floor((FACE_GUIDE.centerY - FACE_GUIDE.radiusY) * height));
  const right = Math.min(width, Math.ceil((FACE_GUIDE.centerX + FACE_GUIDE.radiusX) * width));
  const bottom = Math.min(height, Math.ceil((FACE_GUIDE.centerY + FACE_GUIDE.radiusY) * height));
  return { x: left, y: top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

/** Mean colour of one frame's face region. */
export interface MeanRgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  /** Pixels averaged. */
  readonly pixels: number;
}

/**
 * Mean R, G, B of the RGBA pixels (`width` × `height`, the guide's bounding box) that fall
 * inside the inscribed ellipse shrunk by `innerShare`.
 */
export function meanRgbInEllipse(rgba: ArrayLike<number>, width: number, height: number, innerShare = FACE_GUIDE_INNER_SHARE): MeanRgb {
  const cx = width / 2;
  const cy = height / 2;
  const rx = (width / 2) * innerShare;
  const ry = (height / 2) * innerShare;
  let r = 0, g = 0, b = 0, pixels = 0;
  for (let y = 0; y < height; y += 1) {
    const dy = (y + 0.5 - cy) / ry;
    if (dy * dy > 1) continue;
    const half = rx * Math.sqrt(1 - dy * dy);
    const from = Math.max(0, Math.ceil(cx - half - 0.5));
    const to = Math.min(width - 1, Math.floor(cx + half - 0.5));
    for (let x = from; x <= to; x += 1) {
      const at = 4 * (y * width + x);
      r += rgba[at] ?? 0;
      g += rgba[at + 1] ?? 0;
      b += rgba[at + 2] ?? 0;
      pixels += 1;
    }
  }
  return pixels === 0 ? { r: 0, g: 0, b: 0, pixels } : { r: r / pixels, g: g / pixels, b: b / pixels, pixels };
}

/** The last `PULSE_TRACE_SEC` of mean colours, each stamped with its frame's capture time. */
export class RgbRing {
  private readonly times: Float64Array;
  private readonly values: Float64Array;
  private start = 0;
  private count = 0;

  /** `capacity` frames at most (60 fps for the trace length, with room to spare, by default). */
  constructor(private readonly capacity = 64 * PULSE_TRACE_SEC) {
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(3 * capacity);
  }

  get length(): number {
    return this.count;
  }

  /**
   * Adds a frame. A frame not later than the last one (a new stream), or after a long gap, starts
   * the ring again: interpolating across a gap would invent colour.
   */
  push(atMs: number, rgb: { r: number; g: number; b: number }): void {
    if (this.count > 0) {
      const last = this.timeAt(this.count - 1);
      if (!(atMs > last) || atMs - last > PULSE_MAX_FRAME_GAP_MS) this.clear();
    }
    const slot = (this.start + this.count) % this.capacity;
    if (this.count === this.capacity) this.start = (this.start + 1) % this.capacity;
    else this.count += 1;
    this.times[slot] = atMs;
    this.values[3 * slot] = rgb.r;
    this.values[3 * slot + 1] = rgb.g;
    this.values[3 * slot + 2] = rgb.b;
    // Drop what has fallen out of the window.
    const oldest = atMs - PULSE_TRACE_SEC * 1000;
    while (this.count > 1 && this.timeAt(0) < oldest) {
      this.start = (this.start + 1) % this.capacity;
      this.count -= 1;
    }
  }

  clear(): void {
    this.start = 0;
    this.count = 0;
  }

  timeAt(index: number): number {
    return this.times[(this.start + index) % this.capacity] ?? 0;
  }

  /** Seconds between the first and last frame held. */
  spanSec(): number {
    return this.count < 2 ? 0 : (this.timeAt(this.count - 1) - this.timeAt(0)) / 1000;
  }

  /** The frames in order: capture times and the three colour channels. */
  snapshot(): { times: Float64Array; r: Float64Array; g: Float64Array; b: Float64Array } {
    const times = new Float64Array(this.count);
    const r = new Float64Array(this.count), g = new Float64Array(this.count), b = new Float64Array(this.count);
    for (let i = 0; i < this.count; i += 1) {
      const slot = (this.start + i) % this.capacity;
      times[i] = this.times[slot] ?? 0;
      r[i] = this.values[3 * slot] ?? 0;
      g[i] = this.values[3 * slot + 1] ?? 0;
      b[i] = this.values[3 * slot + 2] ?? 0;
    }
    return { times, r, g, b };
  }
}

/** The camera's real frame rate over `times` (ms): frames per second between first and last. */
export function measuredFrameRate(times: ArrayLike<number>): number {
  const n = times.length;
  if (n < 2) return 0;
  const span = ((times[n - 1] ?? 0) - (times[0] ?? 0)) / 1000;
  return span > 0 ? (n - 1) / span : 0;
}

/**
 * Resamples unevenly timed colours onto an even grid at `fps`, linearly, from the first frame
 * on (cameras drop and delay frames; the pulse maths needs even steps).
 */
export function evenTrace(times: ArrayLike<number>, channels: RgbTrace, fps: number): { r: Float64Array; g: Float64Array; b: Float64Array } {
  const n = times.length;
  const t0 = times[0] ?? 0;
  const span = n > 1 ? (times[n - 1] ?? 0) - t0 : 0;
  const count = n > 1 && fps > 0 ? Math.floor((span / 1000) * fps) + 1 : Math.min(n, 1);
  const r = new Float64Array(count), g = new Float64Array(count), b = new Float64Array(count);
  let j = 0;
  for (let i = 0; i < count; i += 1) {
    const t = t0 + (i * 1000) / fps;
    while (j < n - 2 && (times[j + 1] ?? Infinity) <= t) j += 1;
    const ta = times[j] ?? t0;
    const tb = times[j + 1] ?? ta;
    const f = tb > ta ? Math.min(1, Math.max(0, (t - ta) / (tb - ta))) : 0;
    const at = (channel: ArrayLike<number>) => (channel[j] ?? 0) + f * ((channel[j + 1] ?? channel[j] ?? 0) - (channel[j] ?? 0));
    r[i] = at(channels.r);
    g[i] = at(channels.g);
    b[i] = at(channels.b);
  }
  return { r, g, b };
}

/** Why no number is shown. */
export type NoPulseReason = 'warming-up' | 'too-dark' | 'too-bright' | 'weak-signal';

/** One estimate as the worker reports it. */
export type PulseReport =
  | { readonly kind: 'pulse'; readonly bpm: number; readonly snrDb: number; readonly fps: number }
  | { readonly kind: 'no-pulse'; readonly reason: NoPulseReason; readonly fps: number };

/** The raw estimate of the current ring, before the agreement rule. */
export function pulseEstimateOf(ring: RgbRing): PulseReport {
  const { times, r, g, b } = ring.snapshot();
  const fps = measuredFrameRate(times);
  if (ring.spanSec() < PULSE_FIRST_ESTIMATE_SEC || fps < 5) return { kind: 'no-pulse', reason: 'warming-up', fps };
  // Brightness of the last second decides the light hint.
  const recent = Math.max(0, times.length - Math.round(fps));
  let brightness = 0;
  for (let i = recent; i < times.length; i += 1) brightness += 0.299 * (r[i] ?? 0) + 0.587 * (g[i] ?? 0) + 0.114 * (b[i] ?? 0);
  brightness /= Math.max(1, times.length - recent);
  if (brightness < FACE_TOO_DARK) return { kind: 'no-pulse', reason: 'too-dark', fps };
  if (brightness > FACE_TOO_BRIGHT) return { kind: 'no-pulse', reason: 'too-bright', fps };
  const estimate = pulseFromRgb(evenTrace(times, { r, g, b }, fps), fps, 'pos');
  if (estimate === null || !(estimate.snrDb >= PULSE_MIN_SNR_DB)) return { kind: 'no-pulse', reason: 'weak-signal', fps };
  return { kind: 'pulse', bpm: estimate.bpm, snrDb: estimate.snrDb, fps };
}

/**
 * When a number may be shown: only while the signal is clear (SNR at or above
 * PULSE_MIN_SNR_DB), and the first time only when two estimates in a row agree and both clear
 * the threshold by PULSE_SHOW_MARGIN_DB, so a lucky peak in noise never appears as a heart rate.
 */
export class PulseGate {
  private previous: number | null = null;
  private showing = false;

  /** The report to pass on: a pulse only when the rule allows it. */
  next(report: PulseReport): PulseReport {
    if (report.kind === 'no-pulse') {
      this.previous = null;
      this.showing = false;
      return report;
    }
    if (this.showing) {
      this.previous = report.bpm;
      return report;
    }
    const clear = report.snrDb >= PULSE_MIN_SNR_DB + PULSE_SHOW_MARGIN_DB;
    const agrees = clear && this.previous !== null && Math.abs(report.bpm - this.previous) <= PULSE_AGREE_BPM;
    this.previous = clear ? report.bpm : null;
    if (agrees) {
      this.showing = true;
      return report;
    }
    return { kind: 'no-pulse', reason: 'weak-signal', fps: report.fps };
  }

  reset(): void {
    this.previous = null;
    this.showing = false;
  }
}

/** Whether an estimate is due at frame time `atMs`, given when the last one ran (null: never). */
export function estimateDue(lastEstimateAtMs: number | null, atMs: number): boolean {
  return lastEstimateAtMs === null || atMs - lastEstimateAtMs >= PULSE_ESTIMATE_EVERY_MS || atMs < lastEstimateAtMs;
}
