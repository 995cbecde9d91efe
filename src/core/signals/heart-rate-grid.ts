/**
 * Heart rate on an even time grid, for synchrony (two people's heart rates must share one time
 * base) and for the session report. Source: the conventions of HRV resampling (Task Force of the
 * ESC and NASPE 1996, "Heart rate variability: standards of measurement"): each beat's rate is
 * stamped at the end of its RR interval; the rate between beats is interpolated (linearly here,
 * not by spline, so a gap or an outlier cannot overshoot into invented values). Where readings
 * are further apart than maxGapMs, or outside the data, the grid holds NaN: a gap is shown as a
 * gap, never bridged.
 */

/** One heart-rate reading: beats per minute at an instant (ms, any epoch shared by the grid). */
export interface HeartRatePoint {
  readonly atMs: number;
  readonly bpm: number;
}

/** An even grid: `length` samples at `sampleRateHz` from `startMs`; readings further apart than maxGapMs (default 5000) are not joined. */
export interface HeartRateGrid {
  readonly startMs: number;
  readonly sampleRateHz: number;
  readonly length: number;
  readonly maxGapMs?: number;
}

/** Readings further apart than this are not joined by default. */
export const HEART_RATE_GRID_MAX_GAP_MS = 5000;

/**
 * Heart rate at each grid instant startMs + i·1000/sampleRateHz: linear between the two readings
 * around it, the reading itself at its own instant, NaN across a gap longer than maxGapMs and
 * before the first or after the last reading. Readings need not be sorted; non-finite ones are
 * ignored, and of several at one instant the last given wins.
 */
export function heartRateOnGrid(
  points: readonly HeartRatePoint[],
  grid: HeartRateGrid,
): Float64Array {
  const maxGapMs = grid.maxGapMs ?? HEART_RATE_GRID_MAX_GAP_MS;
  if (!(grid.sampleRateHz > 0) || !Number.isInteger(grid.length) || grid.length < 0)
    throw new RangeError('the grid needs a positive sample rate and a whole, non-negative length');
  const usable = points
    .map((point, order) => ({ ...point, order }))
    .filter((point) => Number.isFinite(point.atMs) && Number.isFinite(point.bpm))
    .sort((p, q) => p.atMs - q.atMs || p.order - q.order);
  // Of readings sharing an instant, keep the last given.
  const times: number[] = [];
  const rates: number[] = [];
  for (const point of usable) {
    if (times.length > 0 && times[times.length - 1] === point.atMs)
      rates[rates.length - 1] = point.bpm;
    else {
      times.push(point.atMs);
      rates.push(point.bpm);
    }
  }
  const out = new Float64Array(grid.length).fill(NaN);
  const periodMs = 1000 / grid.sampleRateHz;
  let right = 0; // the first reading at or after the current instant
  for (let i = 0; i < grid.length; i += 1) {
    const t = grid.startMs + i * periodMs;
    while (right < times.length && (times[right] ?? Infinity) < t) right += 1;
    if (right >= times.length) break; // after the last reading: the rest stays NaN
    const tRight = times[right] ?? NaN;
    if (tRight === t) {
      out[i] = rates[right] ?? NaN;
      continue;
    }
    if (right === 0) continue; // before the first reading
    const tLeft = times[right - 1] ?? NaN;
    if (tRight - tLeft > maxGapMs) continue;
    const fraction = (t - tLeft) / (tRight - tLeft);
    out[i] =
      (rates[right - 1] ?? NaN) + fraction * ((rates[right] ?? NaN) - (rates[right - 1] ?? NaN));
  }
  return out;
}

/**
 * One reading per RR interval: 60000 / RR bpm, stamped at the end of its interval, the last
 * interval ending at endAtMs (so the beats are placed backwards from it). An interval that is
 * not a positive finite number has no known length, so the beats before it cannot be placed:
 * only the readings after the last such interval are returned. Clean the series first (rrClean).
 */
export function heartRateFromRr(rrMs: readonly number[], endAtMs: number): HeartRatePoint[] {
  const out: HeartRatePoint[] = [];
  let atMs = endAtMs;
  for (let index = rrMs.length - 1; index >= 0; index -= 1) {
    const rr = rrMs[index] ?? NaN;
    if (!(Number.isFinite(rr) && rr > 0)) break;
    out.push({ atMs, bpm: 60000 / rr });
    atMs -= rr;
  }
  return out.reverse();
}
