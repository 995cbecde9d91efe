/**
 * Heart-rate synchrony between two people, tested against a surrogate null.
 * Sources: the statistic is the mean peak r of windowed cross-correlation (Boker et al. 2002,
 * rMEA conventions; cross-correlation.ts, mean-peak-correlation.ts). The null follows the
 * surrogate logic of Moulder, Boker, Ramseyer & Tschacher (2018), "Determining synchrony between
 * behavioral time series: an application of surrogate data generation for establishing
 * falsifiable null-hypotheses", Psychological Methods 23(4), and rMEA's pseudo-synchrony
 * (Ramseyer & Tschacher 2010; Kleinbub & Ramseyer 2021): the same statistic on pairs that cannot
 * have interacted — b circularly shifted against a (or b's phase-randomised copies, Theiler et
 * al. 1992), and a paired with other people's series (pseudo-pairs).
 *
 * Conventions (numpy re-implementation: scripts/signals-reference/synchrony_reference.py):
 * - Series on a common grid (4 Hz for heart rate); n = the shorter length; NaN marks a gap.
 * - During a paced practice the pacer band and its harmonic are removed first
 *   (pacer-band-stop.ts), from b's surrogates and the pseudo-partners alike.
 * - r̄ = mean of per-window peak r over valid windows; a window is valid when neither series has a
 *   NaN in its span [i·step, i·step + w + L) and its peak is defined. At least 2 are needed.
 * - Circular shifts (the default, as issue 4 asks): b'[i] = b[(i + s) mod n] for
 *   K = min(surrogateCount, n − 2·s0 + 1) shifts s_k = s0 + round(k·(n − 2·s0)/(K − 1)),
 *   k = 0…K−1 (halves rounded up), s0 = w + L, so a shifted b stays a window beyond the reach of
 *   the lag search. Evenly spaced rather than random: the core draws no randomness, and the same
 *   input always gets the same p-value.
 * - Phase-randomised ('phase-randomized'): surrogateCount FT surrogates of b from a fixed seed
 *   (phase-surrogates.ts), b's gaps kept in place.
 * - Each surrogate or pseudo-pair with ≥ 2 valid windows contributes its r̄; N = their count, and
 *   at least SYNCHRONY_MIN_NULL_SIZE are needed (otherwise p could not reach 0.05).
 * - q95 = 95th percentile of the null (linear interpolation, numpy's default);
 *   score = max(0, (r̄ − q95) / (1 − q95)); pValue = (1 + #{null ≥ r̄}) / (1 + N).
 * - lagSec = the median of the per-window peak lags: peak picking puts weak windows at the ends
 *   of the lag range (±maxLag), and the median is not dragged by those as a mean would be.
 * Calibration, measured on independent AR(1) pairs (200–300 pairs each, nominal 5 %): circular
 * shifts give p ≤ 0.05 for 8–15 % of 2-minute pairs (ρ = 0.8–0.99) and 36–43 % at 75 s,
 * because the admissible shifts of a short smooth series are few and nearly alike, so their
 * spread understates chance; phase-randomised surrogates give 4–5.5 % at both lengths with
 * similar power. Hence the option; treat circular-shift p-values on short series as optimistic.
 * A strictly periodic shared rhythm alone does not pass the test even without the band-stop:
 * the ±5 s lag search realigns any shift of a 10 s rhythm, so the null reproduces it. What the
 * band-stop removes is a shared pacer that starts, stops or changes rate within the series.
 */
import {
  geometryOf,
  meanPeakR as surrogateMeanPeakR,
  meanPeakStatistic,
  shortestSeries,
  windowCount,
  windowsWithGaps,
} from './mean-peak-correlation.ts';
import type { Geometry } from './mean-peak-correlation.ts';
import { removePacerBand } from './pacer-band-stop.ts';
import { phaseRandomizedSurrogates } from './phase-surrogates.ts';

/** The pair's synchrony: score in [0, 1], mean peak r, median lag (s; positive = b follows a), surrogate p-value in (0, 1]. */
export interface SynchronyScore {
  readonly score: number;
  readonly meanPeakR: number;
  readonly lagSec: number;
  readonly pValue: number;
}

/** Circular shifts of b (issue 4's null) or phase-randomised copies of b (better calibrated on short series). */
export type SurrogateMethod = 'circular-shift' | 'phase-randomized';

/** Options for synchronyScore; durations in seconds, rounded to whole samples. */
export interface SynchronyOptions {
  readonly sampleRateHz: number;
  /** The breathing pacer's rate during a paced practice; its band is removed first. */
  readonly pacerHz?: number | null;
  readonly windowSec?: number;
  readonly stepSec?: number;
  readonly maxLagSec?: number;
  /** Surrogates of b in the null (default 99, so p can reach 0.01). */
  readonly surrogateCount?: number;
  /** How b's surrogates are made (default 'circular-shift', as issue 4 asks; see the header). */
  readonly surrogateMethod?: SurrogateMethod;
  /** Other people's series on the same grid, each paired with a for the null. */
  readonly pseudoPartners?: readonly Float64Array[];
}

/** One point of a synchrony trend: the segment's end (s from the start of a) and its score, null when it could not be scored. */
export interface SynchronyTrendPoint {
  readonly atSec: number;
  readonly score: number | null;
  readonly meanPeakR: number | null;
}

/** Everything behind a SynchronyScore, for the report, the tests and the reference comparison. */
export interface SynchronyAnalysis extends SynchronyScore {
  readonly q95: number;
  /** The null's r̄ values: the circular shifts in order, then the pseudo-partners in order. */
  readonly nullMeanPeakR: Float64Array;
  /** Peak r and peak lag (s) of each valid window, in time order. */
  readonly windowPeakR: Float64Array;
  readonly windowPeakLagSec: Float64Array;
}

/** Options for synchronyTrend: segments of segmentSec every stepSec, each scored by synchronyScore's defaults. */
export interface SynchronyTrendOptions {
  readonly sampleRateHz: number;
  readonly pacerHz?: number | null;
  readonly segmentSec?: number;
  readonly stepSec?: number;
  readonly surrogateCount?: number;
  readonly surrogateMethod?: SurrogateMethod;
}

export const SYNCHRONY_WINDOW_SEC = 30;
export const SYNCHRONY_STEP_SEC = 5;
export const SYNCHRONY_MAX_LAG_SEC = 5;
export const SYNCHRONY_SURROGATES = 99;
/** Fewest null members for which a p-value is reported: (1 + 0) / (1 + 19) = 0.05. */
export const SYNCHRONY_MIN_NULL_SIZE = 19;
export const SYNCHRONY_TREND_SEGMENT_SEC = 120;
export const SYNCHRONY_TREND_STEP_SEC = 30;
export { SYNCHRONY_MIN_WINDOWS } from './mean-peak-correlation.ts';

/** Up to `count` evenly spaced, distinct circular shifts in [minShift, n − minShift]. */
export function circularShifts(n: number, minShift: number, count: number): Int32Array {
  const span = n - 2 * minShift; // shifts available: span + 1
  if (span < 0 || count < 1) return new Int32Array(0);
  const k = Math.min(count, span + 1);
  if (k === 1) return Int32Array.of(minShift + Math.floor(span / 2));
  // round(j·span/(k − 1)) in integers, halves up, so the Python reference gets the same shifts.
  return Int32Array.from(
    { length: k },
    (_, j) => minShift + Math.floor((2 * j * span + (k - 1)) / (2 * (k - 1))),
  );
}

/** b'[i] = b[(i + shift) mod n]. */
function circularShift(b: Float64Array, shift: number, into: Float64Array): Float64Array {
  const n = b.length;
  into.set(b.subarray(shift), 0);
  into.set(b.subarray(0, shift), n - shift);
  return into;
}

/** The q-quantile with linear interpolation (numpy's default). */
function quantile(values: Float64Array, q: number): number {
  const sorted = Float64Array.from(values).sort();
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return (
    (sorted[below] ?? NaN) + ((sorted[above] ?? NaN) - (sorted[below] ?? NaN)) * (position - below)
  );
}

/** Flat (or nearly empty) series cannot correlate: fewer than two finite values, or all equal. */
function isFlat(series: Float64Array): boolean {
  let min = Infinity;
  let max = -Infinity;
  let finite = 0;
  for (const value of series) {
    if (Number.isNaN(value)) continue;
    finite += 1;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return finite < 2 || max === min;
}

/** The first n samples as a Float64Array, non-finite values turned into NaN gaps. */
function cut(series: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const value = series[i] ?? NaN;
    out[i] = Number.isFinite(value) ? value : NaN;
  }
  return out;
}

/** The pacer band removed, when there is a pacer. */
function withoutPacer(
  series: Float64Array,
  fs: number,
  pacerHz: number | null | undefined,
): Float64Array {
  return pacerHz === undefined || pacerHz === null ? series : removePacerBand(series, fs, pacerHz);
}

/**
 * synchronyScore on series already cut to one length and pacer-filtered (flatness is checked by
 * the callers on the raw series: filtering a constant leaves rounding ripples that would
 * correlate by chance).
 */
function scorePrepared(
  a: Float64Array,
  b: Float64Array,
  partners: readonly Float64Array[],
  geometry: Geometry,
  surrogateCount: number,
  method: SurrogateMethod,
): SynchronyAnalysis | null {
  const n = a.length;
  const observed = meanPeakStatistic(a, b, geometry);
  if (Number.isNaN(observed.meanPeakR)) return null;
  const aGaps = windowsWithGaps(a, windowCount(n, geometry), geometry);
  const nullValues: number[] = [];
  const record = (value: number): void => {
    if (!Number.isNaN(value)) nullValues.push(value);
  };
  if (method === 'phase-randomized') {
    for (const surrogate of phaseRandomizedSurrogates(b, surrogateCount))
      record(surrogateMeanPeakR(a, surrogate, geometry, aGaps));
  } else {
    const shifted = new Float64Array(n);
    // The least shift is one window plus the lag range (see the header).
    for (const shift of circularShifts(n, geometry.window + geometry.lag, surrogateCount))
      record(surrogateMeanPeakR(a, circularShift(b, shift, shifted), geometry, aGaps));
  }
  for (const partner of partners) record(surrogateMeanPeakR(a, partner, geometry));
  if (nullValues.length < SYNCHRONY_MIN_NULL_SIZE) return null;
  const meanPeakR = observed.meanPeakR;
  const q95 = quantile(Float64Array.from(nullValues), 0.95);
  const atLeast = nullValues.reduce((count, value) => count + (value >= meanPeakR ? 1 : 0), 0);
  return {
    score: q95 < 1 ? Math.min(1, Math.max(0, (meanPeakR - q95) / (1 - q95))) : 0,
    meanPeakR,
    lagSec: quantile(observed.peakLagsSec, 0.5),
    pValue: (1 + atLeast) / (1 + nullValues.length),
    q95,
    nullMeanPeakR: Float64Array.from(nullValues),
    windowPeakR: observed.peakR,
    windowPeakLagSec: observed.peakLagsSec,
  };
}

function surrogateCountOf(options: { readonly surrogateCount?: number }): number {
  const count = options.surrogateCount ?? SYNCHRONY_SURROGATES;
  if (!(Number.isInteger(count) && count >= 0))
    throw new RangeError('surrogateCount must be a non-negative integer');
  return count;
}

/**
 * Synchrony of two heart-rate series on a common grid (4 Hz): mean peak windowed
 * cross-correlation against surrogates of b and pseudo-pairs (see the header).
 * Null when a series is flat, fewer than 2 gap-free windows fit (under 40 s with the defaults),
 * or the null has fewer than 19 members: with circular shifts and no pseudo-partners that means
 * under 74.5 s (298 samples at 4 Hz), and all 99 shifts fit from 94.5 s on; phase-randomised
 * surrogates always give surrogateCount members.
 */
export function synchronyScore(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: SynchronyOptions,
): SynchronyScore | null {
  const analysis = synchronyAnalysis(a, b, options);
  if (analysis === null) return null;
  const { score, meanPeakR, lagSec, pValue } = analysis;
  return { score, meanPeakR, lagSec, pValue };
}

/** synchronyScore with the figures behind it (the null, q95, the windows' peaks and lags). */
export function synchronyAnalysis(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: SynchronyOptions,
): SynchronyAnalysis | null {
  const fs = options.sampleRateHz;
  const geometry = geometryOf({
    sampleRateHz: fs,
    windowSec: options.windowSec ?? SYNCHRONY_WINDOW_SEC,
    stepSec: options.stepSec ?? SYNCHRONY_STEP_SEC,
    maxLagSec: options.maxLagSec ?? SYNCHRONY_MAX_LAG_SEC,
  });
  const surrogateCount = surrogateCountOf(options);
  const n = Math.min(a.length, b.length);
  if (n < shortestSeries(geometry)) return null;
  const rawA = cut(a, n);
  const rawB = cut(b, n);
  if (isFlat(rawA) || isFlat(rawB)) return null;
  const partners = (options.pseudoPartners ?? [])
    .map((partner) => cut(partner, Math.min(n, partner.length)))
    .filter((partner) => partner.length >= shortestSeries(geometry) && !isFlat(partner))
    .map((partner) => withoutPacer(partner, fs, options.pacerHz));
  return scorePrepared(
    withoutPacer(rawA, fs, options.pacerHz),
    withoutPacer(rawB, fs, options.pacerHz),
    partners,
    geometry,
    surrogateCount,
    options.surrogateMethod ?? 'circular-shift',
  );
}

/**
 * Synchrony over time: segments of segmentSec (default 120 s) every stepSec (default 30 s), each
 * scored as synchronyScore with its default windows. The pacer band is removed once from the
 * whole series (fewer filter edges than per segment). Segments are full length: a series shorter
 * than one segment gives an empty trend.
 */
export function synchronyTrend(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: SynchronyTrendOptions,
): SynchronyTrendPoint[] {
  const fs = options.sampleRateHz;
  const geometry = geometryOf({
    sampleRateHz: fs,
    windowSec: SYNCHRONY_WINDOW_SEC,
    stepSec: SYNCHRONY_STEP_SEC,
    maxLagSec: SYNCHRONY_MAX_LAG_SEC,
  });
  const surrogateCount = surrogateCountOf(options);
  const segment = Math.round((options.segmentSec ?? SYNCHRONY_TREND_SEGMENT_SEC) * fs);
  const step = Math.round((options.stepSec ?? SYNCHRONY_TREND_STEP_SEC) * fs);
  if (segment < 1 || step < 1)
    throw new RangeError('segmentSec and stepSec must be at least one sample');
  const n = Math.min(a.length, b.length);
  const rawA = cut(a, n);
  const rawB = cut(b, n);
  const filteredA = withoutPacer(rawA, fs, options.pacerHz);
  const filteredB = withoutPacer(rawB, fs, options.pacerHz);
  const points: SynchronyTrendPoint[] = [];
  for (let start = 0; start + segment <= n; start += step) {
    const end = start + segment;
    const scorable =
      segment >= shortestSeries(geometry) &&
      !isFlat(rawA.subarray(start, end)) &&
      !isFlat(rawB.subarray(start, end));
    const result = scorable
      ? scorePrepared(
          filteredA.slice(start, end),
          filteredB.slice(start, end),
          [],
          geometry,
          surrogateCount,
          options.surrogateMethod ?? 'circular-shift',
        )
      : null;
    points.push({
      atSec: end / fs,
      score: result?.score ?? null,
      meanPeakR: result?.meanPeakR ?? null,
    });
  }
  return points;
}
