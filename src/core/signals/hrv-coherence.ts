/**
 * A HeartMath-style coherence ratio over the last 64 s of RR intervals. Source: McCraty et al.
 * (2009), "The coherent heart", Integral Review 5(2):10–115 (HeartMath's published method: peak
 * in 0.04–0.26 Hz, a 0.030 Hz window around it, ratio of peak power to the rest); the exact
 * conventions are issue 4's so the numpy/scipy reference (scripts/signals-reference/
 * hrv_reference.py, scipy.signal.periodogram) reproduces them: natural cubic spline at 4 Hz over
 * the 256 samples ending at the last beat (t_last − 63.75 s … t_last), linear detrend, periodic
 * Hann, zero-padded to 2048 points, one-sided density; peak = largest bin with 0.04 ≤ f < 0.26;
 * peak power = bins with |f − peak| ≤ 0.015 Hz; total = bins with 0.0033 ≤ f < 0.4.
 * This is a HeartMath-style ratio, not HeartMath's own score.
 */
import { cubicSplineEvaluate } from './cubic-spline.ts';
import { HRV_RESAMPLE_HZ, rrSpline } from './hrv-frequency.ts';
import { bandPower, detrendLinear, peakBin, periodogramHann } from './welch.ts';
import type { PowerSpectrum } from './welch.ts';

/** The span analysed, ending at the last beat. */
export const COHERENCE_WINDOW_SEC = 64;
/** Zero-padded FFT length. */
export const COHERENCE_NFFT = 2048;
/** Where the peak is looked for: lo ≤ f < hi. */
export const COHERENCE_PEAK_SEARCH_HZ = [0.04, 0.26] as const;
/** Half-width of the peak window, inclusive. */
export const COHERENCE_PEAK_HALF_WIDTH_HZ = 0.015;
/** The total-power band: lo ≤ f < hi. */
export const COHERENCE_TOTAL_HZ = [0.0033, 0.4] as const;

/** The coherence of the last 64 s. */
export interface HrvCoherence {
  readonly peakHz: number;
  /** peak / (total − peak); Infinity when all power sits in the peak window. */
  readonly ratio: number;
  /** peak / total, in 0–1. */
  readonly normalized: number;
}

/**
 * The one-sided density spectrum (ms²/Hz) of the last 64 s of RR intervals, as coherence uses it;
 * `null` unless the beats cover the whole window (the first beat no later than its first sample).
 */
export function rrRecentSpectrum(rrMs: ArrayLike<number>): PowerSpectrum | null {
  const series = rrSpline(rrMs);
  if (series === null) return null;
  const samples = COHERENCE_WINDOW_SEC * HRV_RESAMPLE_HZ;
  const times = series.beatTimesSec;
  const last = times[times.length - 1] ?? 0;
  const start = last - (samples - 1) / HRV_RESAMPLE_HZ;
  if ((times[0] ?? 0) > start) return null;
  const at = new Float64Array(samples);
  for (let index = 0; index < samples; index += 1)
    at[index] = last - (samples - 1 - index) / HRV_RESAMPLE_HZ;
  return periodogramHann(
    detrendLinear(cubicSplineEvaluate(series.spline, at)),
    HRV_RESAMPLE_HZ,
    COHERENCE_NFFT,
  );
}

/** Power (Σ PSD·Δf) in the bins within ±halfWidthHz of `centreHz`, both ends inclusive. */
export function powerAround(
  spectrum: PowerSpectrum,
  centreHz: number,
  halfWidthHz: number,
): number {
  let sum = 0;
  for (let bin = 0; bin < spectrum.psd.length; bin += 1) {
    if (Math.abs(bin * spectrum.binHz - centreHz) <= halfWidthHz + 1e-12)
      sum += spectrum.psd[bin] ?? 0;
  }
  return sum * spectrum.binHz;
}

/** HeartMath-style coherence of the last 64 s of NN intervals; `null` for less than 64 s or no power at all. */
export function hrvCoherence(rrMs: ArrayLike<number>): HrvCoherence | null {
  const spectrum = rrRecentSpectrum(rrMs);
  if (spectrum === null) return null;
  const peak = peakBin(spectrum, COHERENCE_PEAK_SEARCH_HZ[0], COHERENCE_PEAK_SEARCH_HZ[1]);
  const total = bandPower(spectrum, COHERENCE_TOTAL_HZ[0], COHERENCE_TOTAL_HZ[1]);
  if (peak < 0 || !(total > 0)) return null;
  const peakHz = peak * spectrum.binHz;
  const peakPower = powerAround(spectrum, peakHz, COHERENCE_PEAK_HALF_WIDTH_HZ);
  return {
    peakHz,
    ratio: total > peakPower ? peakPower / (total - peakPower) : Number.POSITIVE_INFINITY,
    normalized: Math.min(1, peakPower / total),
  };
}
