/**
 * RR artefact correction after Lipponen & Tarvainen (2019), "A robust algorithm for heart rate
 * variability time series artefact correction using novel beat classification", J. Med. Eng.
 * Technol. 43(3):173–181. Chosen because it is the published method behind Kubios' automatic
 * correction and classifies each artefact (ectopic, missed, extra, long/short) by simple rules.
 * First, intervals outside the plausible 300–2000 ms are dropped. Then the paper's rules with its
 * constants: dRR_n = RR_n − RR_(n−1); Th1 = 5.2 · quartile deviation of |dRR| over 91 beats
 * centred on n; mRR = RR − median of 11 beats (negative values doubled), Th2 likewise from |mRR|;
 * normalised by them, an interval is ectopic when |dRRs| > 1 and S12 falls beyond
 * ∓(0.13·dRRs) ∓ 0.17; otherwise long/short when (dRRs > 1 and S22 < −1), (dRRs < −1 and
 * S22 > 1) or |mRRs| > 3, then missed when also |RR/2 − medRR| < Th2 and extra when
 * |RR_n + RR_(n+1) − medRR| < Th2. The decision order follows NeuroKit2's public implementation
 * of the paper (the next beat is also tested when |dRRs_(n+1)| < |dRRs_(n+2)|).
 * Simplifications, stated honestly: one pass, not iterated; windows are truncated at the ends of
 * the series instead of padded, and dRR of the first interval is taken as 0, so an artefact in
 * the very first interval is not detected; the corrections work on intervals, as NeuroKit2 does
 * on beat times: missed → the interval split in two halves; extra → merged with the next
 * interval (which is then not classified again); ectopic and long/short at interval n → the beat
 * ending interval n moved to the midpoint of its neighbours (RR_n and RR_(n+1) both become their
 * mean), applied in order, so total time is kept. Kubios interpolates with a cubic spline instead.
 */

/** Shortest plausible RR interval (ms); shorter ones are dropped before correction. */
export const RR_PLAUSIBLE_MIN_MS = 300;
/** Longest plausible RR interval (ms). */
export const RR_PLAUSIBLE_MAX_MS = 2000;
/** Lipponen & Tarvainen's constants. */
const ALPHA = 5.2;
const C1 = 0.13;
const C2 = 0.17;
const THRESHOLD_WINDOW = 91;
const MEDIAN_WINDOW = 11;
/** Fewer intervals than this are only range-checked: the thresholds need a neighbourhood. */
export const RR_CLEAN_MIN_FOR_CORRECTION = 12;

/** A cleaned RR series and how many intervals were dropped or corrected. */
export interface RrCleaned {
  readonly rrMs: number[];
  readonly corrected: number;
}

/** The q-quantile with linear interpolation (numpy's default) of a sorted array. */
function quantileSorted(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return (sorted[below] ?? 0) + ((sorted[above] ?? 0) - (sorted[below] ?? 0)) * (position - below);
}

/** For each index, f(window) over the centred window of `width` values, truncated at the ends. */
function centred(
  values: ArrayLike<number>,
  width: number,
  f: (sorted: number[]) => number,
): Float64Array {
  const half = width >> 1;
  const out = new Float64Array(values.length);
  for (let index = 0; index < values.length; index += 1) {
    const window: number[] = [];
    for (let j = Math.max(0, index - half); j <= Math.min(values.length - 1, index + half); j += 1)
      window.push(values[j] ?? 0);
    window.sort((a, b) => a - b);
    out[index] = f(window);
  }
  return out;
}

const quartileDeviation = (sorted: number[]): number =>
  (quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25)) / 2;
const medianOf = (sorted: number[]): number => quantileSorted(sorted, 0.5);

type Artefact = 'ectopic' | 'missed' | 'extra' | 'longshort';

/** Classifies every interval by Lipponen & Tarvainen's rules. */
function classify(rr: number[]): Map<number, Artefact> {
  const n = rr.length;
  const dRR = new Float64Array(n);
  for (let index = 1; index < n; index += 1) dRR[index] = (rr[index] ?? 0) - (rr[index - 1] ?? 0);
  const th1 = centred(dRR.map(Math.abs), THRESHOLD_WINDOW, quartileDeviation).map((q) => ALPHA * q);
  const medRR = centred(rr, MEDIAN_WINDOW, medianOf);
  const mRR = new Float64Array(n);
  for (let index = 0; index < n; index += 1) {
    const m = (rr[index] ?? 0) - (medRR[index] ?? 0);
    mRR[index] = m < 0 ? 2 * m : m;
  }
  const th2 = centred(mRR.map(Math.abs), THRESHOLD_WINDOW, quartileDeviation).map((q) => ALPHA * q);
  const dRRs = dRR.map((value, index) => ((th1[index] ?? 0) > 0 ? value / (th1[index] ?? 0) : 0));
  const mRRs = mRR.map((value, index) => ((th2[index] ?? 0) > 0 ? value / (th2[index] ?? 0) : 0));
  const at = (index: number): number => dRRs[index] ?? 0;
  const s12 = (index: number): number =>
    at(index) > 0 ? Math.max(at(index - 1), at(index + 1)) : Math.min(at(index - 1), at(index + 1));
  const s22 = (index: number): number =>
    at(index) >= 0
      ? Math.min(at(index + 1), at(index + 2))
      : Math.max(at(index + 1), at(index + 2));

  const found = new Map<number, Artefact>();
  for (let index = 0; index < n; index += 1) {
    const d = at(index);
    if (Math.abs(d) <= 1) continue;
    const ectopic = (d > 1 && s12(index) < -C1 * d - C2) || (d < -1 && s12(index) > -C1 * d + C2);
    if (ectopic) {
      found.set(index, 'ectopic');
      continue;
    }
    const candidates = [index];
    if (Math.abs(at(index + 1)) < Math.abs(at(index + 2))) candidates.push(index + 1);
    for (const j of candidates) {
      if (j >= n) continue;
      // Every candidate tested is not examined again, flagged or not (NeuroKit2's order).
      index = Math.max(index, j);
      const long = at(j) > 1 && s22(j) < -1;
      const short = at(j) < -1 && s22(j) > 1;
      const outlier = Math.abs(mRRs[j] ?? 0) > 3;
      if (!long && !short && !outlier) continue;
      const missed = Math.abs((rr[j] ?? 0) / 2 - (medRR[j] ?? 0)) < (th2[j] ?? 0);
      const extra =
        j + 1 < n && Math.abs((rr[j] ?? 0) + (rr[j + 1] ?? 0) - (medRR[j] ?? 0)) < (th2[j] ?? 0);
      if (short && extra) {
        found.set(j, 'extra');
        index = Math.max(index, j + 1); // the next interval is merged into this one
        break;
      }
      found.set(j, long && missed ? 'missed' : 'longshort');
    }
  }
  return found;
}

/** Drops implausible intervals, then corrects ectopic, missed, extra and long/short beats. */
export function rrClean(rrMs: ArrayLike<number>): RrCleaned {
  const plausible: number[] = [];
  let corrected = 0;
  for (let index = 0; index < rrMs.length; index += 1) {
    const rr = rrMs[index] ?? 0;
    if (Number.isFinite(rr) && rr >= RR_PLAUSIBLE_MIN_MS && rr <= RR_PLAUSIBLE_MAX_MS)
      plausible.push(rr);
    else corrected += 1;
  }
  if (plausible.length < RR_CLEAN_MIN_FOR_CORRECTION) return { rrMs: plausible, corrected };

  const artefacts = classify(plausible);
  const work = plausible.slice();
  for (const [index, kind] of artefacts) {
    if ((kind === 'ectopic' || kind === 'longshort') && index + 1 < work.length) {
      const mean = ((work[index] ?? 0) + (work[index + 1] ?? 0)) / 2;
      work[index] = mean;
      work[index + 1] = mean;
    }
  }
  const out: number[] = [];
  for (let index = 0; index < work.length; index += 1) {
    const kind = artefacts.get(index);
    if (kind === 'missed') {
      out.push((work[index] ?? 0) / 2, (work[index] ?? 0) / 2);
    } else if (kind === 'extra' && index + 1 < work.length) {
      out.push((work[index] ?? 0) + (work[index + 1] ?? 0));
      index += 1;
    } else {
      out.push(work[index] ?? 0);
    }
  }
  // A split or merge can leave the plausible range (e.g. a 2000 ms missed beat's halves are fine,
  // an extra beat merged into 2100 ms is not); such intervals are dropped and counted too.
  const cleaned = out.filter((rr) => rr >= RR_PLAUSIBLE_MIN_MS && rr <= RR_PLAUSIBLE_MAX_MS);
  return { rrMs: cleaned, corrected: corrected + artefacts.size + (out.length - cleaned.length) };
}
