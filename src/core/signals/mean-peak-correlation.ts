/**
 * The statistic synchrony.ts tests: the mean over gap-free windows of each window's peak
 * Pearson r across lags (Boker et al. 2002, with rMEA's windowing; cross-correlation.ts).
 * Two ways to compute it, one answer:
 * - meanPeakStatistic, over windowedCrossCorrelation, also gives each window's peak lag; used
 *   for the observed pair.
 * - meanPeakR, a faster kernel for the surrogates, where only the mean is needed: segment sums,
 *   sums of squares and, per lag, sums of lagged products all come from prefix sums (of each
 *   series minus its mean, which keeps cancellation small), so the overlapping windows (5 s step,
 *   30 s long) share their work: about (2L + 1)·n multiply-adds instead of windows·(2L + 1)·2w.
 *   Tests hold it equal to meanPeakStatistic (to 1e-10).
 * A window is valid when neither series has a NaN in its span [i·step, i·step + w + L) and its
 * peak is defined; the mean needs SYNCHRONY_MIN_WINDOWS valid windows, else it is NaN.
 */
import { windowedCrossCorrelation } from './cross-correlation.ts';
import type { WindowedCrossCorrelationOptions } from './cross-correlation.ts';

/** Fewest valid windows for a mean peak r. */
export const SYNCHRONY_MIN_WINDOWS = 2;

/** Window geometry in samples. */
export interface Geometry {
  readonly options: WindowedCrossCorrelationOptions;
  readonly window: number;
  readonly lag: number;
  readonly step: number;
}

/** Mean peak r over valid windows, and the valid windows' peak r and lags (s). */
export interface MeanPeakStatistic {
  readonly meanPeakR: number;
  readonly peakR: Float64Array;
  readonly peakLagsSec: Float64Array;
}

export function geometryOf(options: WindowedCrossCorrelationOptions): Geometry {
  const fs = options.sampleRateHz;
  if (!(Number.isFinite(fs) && fs > 0)) throw new RangeError('sampleRateHz must be positive');
  const geometry = {
    options,
    window: Math.round(options.windowSec * fs),
    lag: Math.round(options.maxLagSec * fs),
    step: Math.round(options.stepSec * fs),
  };
  if (geometry.window < 2 || geometry.step < 1 || geometry.lag < 0)
    throw new RangeError('window must be ≥ 2 samples, step ≥ 1 sample, lag ≥ 0');
  return geometry;
}

/** The shortest series that fits SYNCHRONY_MIN_WINDOWS windows. */
export function shortestSeries(geometry: Geometry): number {
  return geometry.window + geometry.lag + (SYNCHRONY_MIN_WINDOWS - 1) * geometry.step;
}

/** Number of windows in n samples, as windowedCrossCorrelation counts them. */
export function windowCount(n: number, geometry: Geometry): number {
  return Math.max(0, Math.ceil((n - geometry.window - geometry.lag + 1) / geometry.step));
}

/** Per window: does the span [i·step, i·step + w + L) hold a NaN? (prefix counts, O(n)) */
export function windowsWithGaps(
  series: Float64Array,
  windows: number,
  geometry: Geometry,
): Uint8Array {
  const nanBefore = new Int32Array(series.length + 1);
  for (let i = 0; i < series.length; i += 1)
    nanBefore[i + 1] = (nanBefore[i] ?? 0) + (Number.isNaN(series[i]) ? 1 : 0);
  const span = geometry.window + geometry.lag;
  const gaps = new Uint8Array(windows);
  for (let w = 0; w < windows; w += 1) {
    const start = w * geometry.step;
    const end = Math.min(start + span, series.length);
    gaps[w] = (nanBefore[end] ?? 0) - (nanBefore[start] ?? 0) > 0 ? 1 : 0;
  }
  return gaps;
}

/** r̄ over valid windows with each window's peak r and lag, via windowedCrossCorrelation. */
export function meanPeakStatistic(
  a: Float64Array,
  b: Float64Array,
  geometry: Geometry,
): MeanPeakStatistic {
  const result = windowedCrossCorrelation(a, b, geometry.options);
  const windows = result.peakR.length;
  const gapsA = windowsWithGaps(a, windows, geometry);
  const gapsB = windowsWithGaps(b, windows, geometry);
  const peaks: number[] = [];
  const lags: number[] = [];
  for (let w = 0; w < windows; w += 1) {
    const r = result.peakR[w] ?? NaN;
    if (gapsA[w] === 1 || gapsB[w] === 1 || Number.isNaN(r)) continue;
    peaks.push(r);
    lags.push(result.peakLagSec[w] ?? NaN);
  }
  const sum = peaks.reduce((total, r) => total + r, 0);
  return {
    meanPeakR: peaks.length >= SYNCHRONY_MIN_WINDOWS ? sum / peaks.length : NaN,
    peakR: Float64Array.from(peaks),
    peakLagsSec: Float64Array.from(lags),
  };
}

/** The series minus its mean over finite values, NaN as 0 (gap windows are skipped anyway), and prefix sums of it and its square. */
function centredPrefixSums(
  series: Float64Array,
  n: number,
): { centred: Float64Array; sum: Float64Array; squares: Float64Array } {
  let total = 0;
  let finite = 0;
  for (let i = 0; i < n; i += 1) {
    const value = series[i] ?? NaN;
    if (Number.isNaN(value)) continue;
    total += value;
    finite += 1;
  }
  const mean = finite > 0 ? total / finite : 0;
  const centred = new Float64Array(n);
  const sum = new Float64Array(n + 1);
  const squares = new Float64Array(n + 1);
  for (let i = 0; i < n; i += 1) {
    const value = series[i] ?? NaN;
    const c = Number.isNaN(value) ? 0 : value - mean;
    centred[i] = c;
    sum[i + 1] = (sum[i] ?? 0) + c;
    squares[i + 1] = (squares[i] ?? 0) + c * c;
  }
  return { centred, sum, squares };
}

/** A segment's variance sum is taken as 0 (constant segment, r undefined) below this share of its raw sum of squares. */
const CONSTANT_SEGMENT = 1e-12;

/**
 * r̄ only (NaN when fewer than SYNCHRONY_MIN_WINDOWS valid windows), fast: see the header.
 * `aGaps` may be passed in when many b's are tested against one a.
 */
export function meanPeakR(
  a: Float64Array,
  b: Float64Array,
  geometry: Geometry,
  aGaps?: Uint8Array,
): number {
  const n = Math.min(a.length, b.length);
  const { window: w, lag: maxLag, step } = geometry;
  const windows = windowCount(n, geometry);
  const gapsA = aGaps ?? windowsWithGaps(a, windows, geometry);
  const gapsB = windowsWithGaps(b, windows, geometry);
  const pa = centredPrefixSums(a, n);
  const pb = centredPrefixSums(b, n);
  const ca = pa.centred;
  const cb = pb.centred;
  const best = new Float64Array(windows).fill(NaN);
  const crossBefore = new Float64Array(n + 1);
  for (let k = -maxLag; k <= maxLag; k += 1) {
    // Prefix sums of the lagged products ca[j + xOffset]·cb[j + yOffset]: every window's cross
    // sum at this lag is then one subtraction, however much the windows overlap.
    const xOffset = k >= 0 ? 0 : -k;
    const yOffset = k >= 0 ? k : 0;
    const products = n - Math.abs(k);
    for (let j = 0; j < products; j += 1)
      crossBefore[j + 1] = (crossBefore[j] ?? 0) + (ca[j + xOffset] ?? 0) * (cb[j + yOffset] ?? 0);
    for (let win = 0; win < windows; win += 1) {
      if (gapsA[win] === 1 || gapsB[win] === 1) continue;
      const start = win * step;
      const xs = start + xOffset;
      const ys = start + yOffset;
      const sx = (pa.sum[xs + w] ?? 0) - (pa.sum[xs] ?? 0);
      const sy = (pb.sum[ys + w] ?? 0) - (pb.sum[ys] ?? 0);
      const sxx = (pa.squares[xs + w] ?? 0) - (pa.squares[xs] ?? 0);
      const syy = (pb.squares[ys + w] ?? 0) - (pb.squares[ys] ?? 0);
      const vx = sxx - (sx * sx) / w;
      const vy = syy - (sy * sy) / w;
      if (vx <= CONSTANT_SEGMENT * sxx || vy <= CONSTANT_SEGMENT * syy) continue;
      const sxy = (crossBefore[start + w] ?? 0) - (crossBefore[start] ?? 0);
      const r = Math.max(-1, Math.min(1, (sxy - (sx * sy) / w) / Math.sqrt(vx * vy)));
      // Lags run upwards and only a larger r replaces: the first maximum, as windowedCrossCorrelation.
      if (Number.isNaN(best[win]) || r > (best[win] ?? NaN)) best[win] = r;
    }
  }
  let total = 0;
  let valid = 0;
  for (const r of best) {
    if (Number.isNaN(r)) continue;
    total += r;
    valid += 1;
  }
  return valid >= SYNCHRONY_MIN_WINDOWS ? total / valid : NaN;
}
