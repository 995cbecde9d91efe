/**
 * Camera pulse (remote photoplethysmography) from the mean skin colour per frame.
 * POS: Wang, den Brinker, Stuijk & de Haan (2017), "Algorithmic principles of remote PPG",
 * IEEE TBME 64(7), Algorithm 1 — temporal normalisation over 1.6 s windows, projection onto the
 * plane orthogonal to skin tone, alpha tuning, overlap-add with a one-frame step.
 * CHROM: de Haan & Jeanne (2013), "Robust pulse rate from chrominance-based rPPG", IEEE TBME
 * 60(10) — Xs = 3R − 2G, Ys = 1.5R + G − 1.5B on normalised colour, band-passed, S = Xf − αYf,
 * over 1.6 s Hann windows with half overlap-add (the windowing of the paper and of rPPG-toolbox),
 * each window band-passed on its own (Butterworth order 3, zero-phase). Known limit: 1.6 s holds
 * under 1.5 cycles below ~60 bpm, so CHROM can lock onto the first harmonic there; POS cannot.
 * Why these: both cancel intensity changes (motion, lighting) that share the skin-tone direction;
 * POS is the default because it needs no band-pass inside each window.
 * Rate: the highest peak of the zero-padded (bins ≤ 0.25 bpm) Hann periodogram in 0.7–4 Hz.
 * SNR (de Haan & Jeanne's template): power within ±max(0.1 Hz, 2/T) of the peak and of its first
 * harmonic (2·f0) over the rest of the 0.7–4 Hz band, in dB, T the trace length (2/T is the Hann
 * main-lobe half width, so the template holds the whole peak).
 */
import { bandpassZeroPhase } from './butterworth.ts';
import { fftReal, fftSizeAtLeast } from './fft.ts';
import { hannPeriodic } from './welch.ts';

/** Mean red, green and blue over the skin region, one value per frame, all the same length. */
export interface RgbTrace {
  readonly r: ArrayLike<number>;
  readonly g: ArrayLike<number>;
  readonly b: ArrayLike<number>;
}

/** A camera pulse estimate: the spectral peak in bpm and how far it stands above the rest of the band. */
export interface PulseEstimate {
  readonly bpm: number;
  readonly snrDb: number;
}

/** The rPPG method: POS (default in the app) or CHROM. */
export type PulseMethod = 'pos' | 'chrom';

/** The pulse band searched, in Hz (42–240 bpm). */
export const PULSE_BAND_HZ: readonly [number, number] = [0.7, 4];
/** POS and CHROM window length in seconds. */
export const PULSE_WINDOW_SEC = 1.6;
/** Below this SNR a pulse estimate is noise-like; white noise alone scores about −3 to 0 dB on 10 s. */
export const PULSE_MIN_SNR_DB = 0;
/** Zero-padding target: spectral bins no wider than this many bpm. */
const BIN_BPM = 0.25;

function mean(x: ArrayLike<number>, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i += 1) sum += x[i] ?? 0;
  return sum / (to - from);
}

function std(x: Float64Array): number {
  const m = mean(x, 0, x.length);
  let sum = 0;
  for (const v of x) sum += (v - m) * (v - m);
  return Math.sqrt(sum / x.length);
}

/** The POS pulse signal (Wang et al. 2017, Algorithm 1), same length as the trace. */
export function posPulseSignal(rgb: RgbTrace, fps: number): Float64Array {
  const n = rgb.r.length;
  const l = Math.ceil(PULSE_WINDOW_SEC * fps);
  const h = new Float64Array(n);
  const s1 = new Float64Array(l);
  const s2 = new Float64Array(l);
  for (let m = 0; m + l <= n; m += 1) {
    const mr = mean(rgb.r, m, m + l), mg = mean(rgb.g, m, m + l), mb = mean(rgb.b, m, m + l);
    if (!(mr > 0 && mg > 0 && mb > 0)) continue; // a dark window carries no colour to normalise
    for (let i = 0; i < l; i += 1) {
      const cr = (rgb.r[m + i] ?? 0) / mr, cg = (rgb.g[m + i] ?? 0) / mg, cb = (rgb.b[m + i] ?? 0) / mb;
      s1[i] = cg - cb; // projection [0, 1, −1]
      s2[i] = -2 * cr + cg + cb; // projection [−2, 1, 1]
    }
    const sd2 = std(s2);
    const alpha = sd2 > 0 ? std(s1) / sd2 : 0;
    let hMean = 0;
    for (let i = 0; i < l; i += 1) hMean += (s1[i] ?? 0) + alpha * (s2[i] ?? 0);
    hMean /= l;
    for (let i = 0; i < l; i += 1) h[m + i] = (h[m + i] ?? 0) + (s1[i] ?? 0) + alpha * (s2[i] ?? 0) - hMean;
  }
  return h;
}

/** The CHROM pulse signal (de Haan & Jeanne 2013), Hann overlap-add; samples past the last full half-window stay 0 and the covered length is returned. */
export function chromPulseSignal(rgb: RgbTrace, fps: number): { signal: Float64Array; length: number } {
  const n = rgb.r.length;
  let win = Math.ceil(PULSE_WINDOW_SEC * fps);
  if (win % 2 === 1) win += 1;
  const hop = win / 2;
  const out = new Float64Array(n);
  const hann = Float64Array.from({ length: win }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (win - 1)));
  const xs = new Float64Array(win);
  const ys = new Float64Array(win);
  let covered = 0;
  for (let start = 0; start + win <= n; start += hop) {
    const mr = mean(rgb.r, start, start + win), mg = mean(rgb.g, start, start + win), mb = mean(rgb.b, start, start + win);
    if (mr > 0 && mg > 0 && mb > 0) {
      for (let i = 0; i < win; i += 1) {
        const rn = (rgb.r[start + i] ?? 0) / mr, gn = (rgb.g[start + i] ?? 0) / mg, bn = (rgb.b[start + i] ?? 0) / mb;
        xs[i] = 3 * rn - 2 * gn;
        ys[i] = 1.5 * rn + gn - 1.5 * bn;
      }
      const xf = bandpassZeroPhase(xs, fps, PULSE_BAND_HZ[0], Math.min(PULSE_BAND_HZ[1], 0.45 * fps), 3);
      const yf = bandpassZeroPhase(ys, fps, PULSE_BAND_HZ[0], Math.min(PULSE_BAND_HZ[1], 0.45 * fps), 3);
      const sdY = std(yf);
      const alpha = sdY > 0 ? std(xf) / sdY : 0;
      for (let i = 0; i < win; i += 1) out[start + i] = (out[start + i] ?? 0) + ((xf[i] ?? 0) - alpha * (yf[i] ?? 0)) * (hann[i] ?? 0);
    }
    covered = start + win;
  }
  return { signal: out, length: covered };
}

/** Rate and SNR of a pulse signal: Hann periodogram, zero-padded, peak and template SNR in the pulse band. */
export function pulseSpectrumEstimate(pulse: ArrayLike<number>, length: number, fps: number): PulseEstimate {
  const size = fftSizeAtLeast(Math.max(length, Math.ceil((60 * fps) / BIN_BPM)));
  const windowed = new Float64Array(length);
  const m = mean(pulse, 0, length);
  const hann = hannPeriodic(length);
  for (let i = 0; i < length; i += 1) windowed[i] = ((pulse[i] ?? 0) - m) * (hann[i] ?? 0);
  const spectrum = fftReal(windowed, size);
  const binHz = fps / size;
  const lo = Math.ceil(PULSE_BAND_HZ[0] / binHz);
  const hi = Math.min(Math.floor(PULSE_BAND_HZ[1] / binHz), size / 2);
  const power = new Float64Array(hi - lo + 1);
  let peak = 0;
  for (let k = lo; k <= hi; k += 1) {
    const re = spectrum.re[k] ?? 0, im = spectrum.im[k] ?? 0;
    power[k - lo] = re * re + im * im;
    if ((power[k - lo] ?? 0) > (power[peak] ?? 0)) peak = k - lo;
  }
  const f0 = (peak + lo) * binHz;
  const tolerance = Math.max(0.1, 2 / (length / fps));
  let signal = 0;
  let rest = 0;
  for (let k = lo; k <= hi; k += 1) {
    const f = k * binHz;
    const p = power[k - lo] ?? 0;
    if (Math.abs(f - f0) <= tolerance || Math.abs(f - 2 * f0) <= tolerance) signal += p;
    else rest += p;
  }
  const snrDb = signal === 0 ? -Infinity : rest === 0 ? Infinity : 10 * Math.log10(signal / rest);
  return { bpm: f0 * 60, snrDb };
}

/**
 * Pulse rate from a colour trace by POS or CHROM; null when the trace is shorter than two
 * 1.6 s windows or the channel lengths differ. Pure noise still yields the strongest in-band
 * peak, with an snrDb near or below PULSE_MIN_SNR_DB: callers must gate on snrDb.
 */
export function pulseFromRgb(rgb: RgbTrace, fps: number, method: PulseMethod = 'pos'): PulseEstimate | null {
  const n = rgb.r.length;
  if (!(fps > 2 * PULSE_BAND_HZ[0]) || rgb.g.length !== n || rgb.b.length !== n) return null;
  if (n < 2 * Math.ceil(PULSE_WINDOW_SEC * fps) + 2) return null;
  if (method === 'pos') return pulseSpectrumEstimate(posPulseSignal(rgb, fps), n, fps);
  const chrom = chromPulseSignal(rgb, fps);
  return pulseSpectrumEstimate(chrom.signal, chrom.length, fps);
}
