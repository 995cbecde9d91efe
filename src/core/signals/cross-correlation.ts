/**
 * Windowed lagged cross-correlation. Source: Boker, Rotondo, Xu & King (2002), "Windowed
 * cross-correlation and peak picking for the analysis of variability in the association
 * between behavioral time series", Psychological Methods 7(3), with the conventions of rMEA's
 * `MEAccf` (Kleinbub & Ramseyer 2021): window w, lags −L…+L in one-sample steps, window i spans
 * samples [i·step, i·step + w + L); at lag k ≥ 0 a = seg[0, w) is paired with b = seg[k, k + w),
 * at lag k < 0 a = seg[|k|, |k| + w) with b = seg[0, w); number of windows
 * ceil((n − w − L + 1) / step). Both lagged segments are full length, so every r is a plain
 * Pearson r over w samples. A positive lag therefore means b follows a. Differences from rMEA's
 * defaults: no Fisher z and no absolute value (r2Z = FALSE, ABS = FALSE), so peaks are the
 * largest signed r — in-phase synchrony, which the synchrony score then tests against surrogates.
 * A correlation is undefined (NaN) when either segment is constant; a window whose lags are all
 * undefined has NaN peak r and lag and is left out of the mean.
 */

/** Options for windowedCrossCorrelation; all durations are rounded to whole samples. */
export interface WindowedCrossCorrelationOptions {
  readonly sampleRateHz: number;
  readonly windowSec: number;
  readonly stepSec: number;
  readonly maxLagSec: number;
}

/** Per-window peak r and its lag (s; positive = b follows a), and the mean peak r over defined windows (NaN if none). */
export interface WindowedCrossCorrelation {
  readonly peakR: Float64Array;
  readonly peakLagSec: Float64Array;
  readonly meanPeakR: number;
}

/** Pearson r of a[aStart, aStart + w) and b[bStart, bStart + w); NaN when either is constant. */
export function pearsonSegment(a: ArrayLike<number>, aStart: number, b: ArrayLike<number>, bStart: number, w: number): number {
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < w; i += 1) {
    sa += a[aStart + i] ?? 0;
    sb += b[bStart + i] ?? 0;
  }
  const ma = sa / w;
  const mb = sb / w;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < w; i += 1) {
    const da = (a[aStart + i] ?? 0) - ma;
    const db = (b[bStart + i] ?? 0) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa <= 0 || sbb <= 0) return NaN;
  return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}

/** The full table of r per window (rows) and lag (columns, −L…+L samples), as rMEA's ccf matrix. */
export function crossCorrelationTable(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: WindowedCrossCorrelationOptions,
): { r: Float64Array[]; lagsSamples: Int32Array } {
  const w = Math.round(options.windowSec * options.sampleRateHz);
  const lag = Math.round(options.maxLagSec * options.sampleRateHz);
  const step = Math.round(options.stepSec * options.sampleRateHz);
  if (w < 2 || step < 1 || lag < 0) throw new RangeError('window must be ≥ 2 samples, step ≥ 1 sample, lag ≥ 0');
  const n = Math.min(a.length, b.length);
  const windows = Math.max(0, Math.ceil((n - w - lag + 1) / step));
  const lagsSamples = Int32Array.from({ length: 2 * lag + 1 }, (_, i) => i - lag);
  const r: Float64Array[] = [];
  for (let win = 0; win < windows; win += 1) {
    const start = win * step;
    const row = new Float64Array(2 * lag + 1);
    for (let i = 0; i <= 2 * lag; i += 1) {
      const k = i - lag;
      row[i] = k >= 0 ? pearsonSegment(a, start, b, start + k, w) : pearsonSegment(a, start - k, b, start, w);
    }
    r.push(row);
  }
  return { r, lagsSamples };
}

/** Windowed cross-correlation with peak picking (Boker et al. 2002, rMEA conventions); a positive lag means b follows a. */
export function windowedCrossCorrelation(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: WindowedCrossCorrelationOptions,
): WindowedCrossCorrelation {
  const { r, lagsSamples } = crossCorrelationTable(a, b, options);
  const peakR = new Float64Array(r.length).fill(NaN);
  const peakLagSec = new Float64Array(r.length).fill(NaN);
  let sum = 0;
  let count = 0;
  r.forEach((row, win) => {
    // The first maximum, as R's which.max: ties go to the most negative lag.
    let best = -1;
    row.forEach((value, i) => {
      if (!Number.isNaN(value) && (best < 0 || value > (row[best] ?? -Infinity))) best = i;
    });
    if (best < 0) return;
    peakR[win] = row[best] ?? NaN;
    peakLagSec[win] = (lagsSamples[best] ?? 0) / options.sampleRateHz;
    sum += row[best] ?? 0;
    count += 1;
  });
  return { peakR, peakLagSec, meanPeakR: count > 0 ? sum / count : NaN };
}
