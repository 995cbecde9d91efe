/**
 * Frequency-domain HRV: VLF, LF and HF power from Welch's PSD of the evenly resampled RR series.
 * Sources: Task Force of the ESC and NASPE (1996) for the bands; Tarvainen et al. (2014), "Kubios
 * HRV – heart rate variability analysis software", Comput. Methods Programs Biomed. 113:210–220,
 * for the method (cubic-spline resampling at 4 Hz, Welch). The exact conventions are issue 4's so
 * that a numpy/scipy script reproduces them (scripts/signals-reference/hrv_reference.py):
 * each RR is stamped at the end of its interval (time 0 = start of the first interval); a natural
 * cubic spline (scipy CubicSpline bc_type='natural') evaluated at t0 + k/4 s up to the last beat;
 * the mean removed; Welch with a periodic Hann window, 512-sample segments, 256 overlap, no further
 * detrending, one-sided density in ms²/Hz; band power Σ PSD·Δf over lo ≤ f < hi.
 */
import { cubicSplineEvaluate, naturalCubicSpline } from './cubic-spline.ts';
import type { NaturalCubicSpline } from './cubic-spline.ts';
import { bandPower, peakBin, welchHann } from './welch.ts';

/** The even rate the RR series is resampled at. */
export const HRV_RESAMPLE_HZ = 4;
/** Welch segment length in samples (128 s at 4 Hz): also the shortest series analysed. */
export const HRV_WELCH_SEGMENT = 512;
/** Welch overlap in samples (50 %). */
export const HRV_WELCH_OVERLAP = 256;
/** VLF band edges in Hz: lo ≤ f < hi. */
export const HRV_VLF_HZ = [0.0033, 0.04] as const;
/** LF band edges in Hz: lo ≤ f < hi. */
export const HRV_LF_HZ = [0.04, 0.15] as const;
/** HF band edges in Hz: lo ≤ f < hi. */
export const HRV_HF_HZ = [0.15, 0.4] as const;

/** Frequency-domain HRV of one NN series. */
export interface HrvFrequencyDomain {
  readonly vlfMs2: number;
  readonly lfMs2: number;
  readonly hfMs2: number;
  /** LF / HF; `null` when HF power is zero. */
  readonly lfHfRatio: number | null;
  /** Frequency of the largest PSD bin in the HF band; `null` when HF power is zero. */
  readonly hfPeakHz: number | null;
}

/** An RR series as beat times (s, each RR stamped at the end of its interval) and a spline through it. */
export interface RrSpline {
  readonly beatTimesSec: Float64Array;
  readonly spline: NaturalCubicSpline;
}

/** Fits the natural cubic spline through (end-of-interval time, RR); `null` for < 2 intervals or a non-positive/non-finite one. */
export function rrSpline(rrMs: ArrayLike<number>): RrSpline | null {
  if (rrMs.length < 2) return null;
  const beatTimesSec = new Float64Array(rrMs.length);
  let elapsedMs = 0;
  for (let index = 0; index < rrMs.length; index += 1) {
    const rr = rrMs[index] ?? 0;
    if (!Number.isFinite(rr) || rr <= 0) return null;
    elapsedMs += rr;
    beatTimesSec[index] = elapsedMs / 1000;
  }
  return { beatTimesSec, spline: naturalCubicSpline(beatTimesSec, rrMs) };
}

/** Resamples the whole RR series at 4 Hz from its first beat to its last (t0 + k/4 s). */
export function rrResampleEven(series: RrSpline): Float64Array {
  const first = series.beatTimesSec[0] ?? 0;
  const last = series.beatTimesSec[series.beatTimesSec.length - 1] ?? 0;
  const count = Math.floor((last - first) * HRV_RESAMPLE_HZ + 1e-9) + 1;
  const at = new Float64Array(count);
  for (let index = 0; index < count; index += 1) at[index] = first + index / HRV_RESAMPLE_HZ;
  return cubicSplineEvaluate(series.spline, at);
}

/**
 * VLF/LF/HF power (ms²), LF/HF and the HF peak of NN intervals in ms. `null` when the resampled
 * series is shorter than one 512-sample Welch segment (about 128 s of beats) or the input is
 * invalid. VLF from a 5-minute record rests on few cycles; read it with that in mind.
 */
export function hrvFrequencyDomain(rrMs: ArrayLike<number>): HrvFrequencyDomain | null {
  const series = rrSpline(rrMs);
  if (series === null) return null;
  const even = rrResampleEven(series);
  if (even.length < HRV_WELCH_SEGMENT) return null;
  let mean = 0;
  for (const value of even) mean += value;
  mean /= even.length;
  for (let index = 0; index < even.length; index += 1) even[index] = (even[index] ?? 0) - mean;
  const spectrum = welchHann(even, HRV_RESAMPLE_HZ, HRV_WELCH_SEGMENT, HRV_WELCH_OVERLAP);
  if (spectrum === null) return null;
  const vlfMs2 = bandPower(spectrum, HRV_VLF_HZ[0], HRV_VLF_HZ[1]);
  const lfMs2 = bandPower(spectrum, HRV_LF_HZ[0], HRV_LF_HZ[1]);
  const hfMs2 = bandPower(spectrum, HRV_HF_HZ[0], HRV_HF_HZ[1]);
  const hfPeak = peakBin(spectrum, HRV_HF_HZ[0], HRV_HF_HZ[1]);
  return {
    vlfMs2,
    lfMs2,
    hfMs2,
    lfHfRatio: hfMs2 > 0 ? lfMs2 / hfMs2 : null,
    hfPeakHz: hfMs2 > 0 && hfPeak >= 0 ? hfPeak * spectrum.binHz : null,
  };
}
