/**
 * A latency histogram with logarithmic buckets (about 2% wide), from 10 µs to 100 s. Workers
 * record into their own and send the counts to the orchestrator, which adds them up: percentiles
 * over every participant without shipping every sample between processes.
 */

/** Lowest latency told apart, in ms; anything below counts as this. */
const FLOOR_MS = 0.01;
/** Each bucket is this much wider than the one before. */
const GROWTH = 1.02;
/** Enough buckets to reach 100 s from the floor. */
export const LATENCY_BUCKETS = Math.ceil(Math.log(100_000 / FLOOR_MS) / Math.log(GROWTH)) + 1;

/** Bucket counts plus the exact extremes; plain data, so it crosses process boundaries as JSON. */
export interface LatencyHistogram {
  counts: number[];
  total: number;
  maxMs: number;
  sumMs: number;
}

/** An empty histogram. */
export function latencyHistogramEmpty(): LatencyHistogram {
  return { counts: new Array<number>(LATENCY_BUCKETS).fill(0), total: 0, maxMs: 0, sumMs: 0 };
}

/** Adds one latency. */
export function latencyRecord(histogram: LatencyHistogram, ms: number): void {
  const clamped = Math.max(ms, FLOOR_MS);
  const index = Math.min(LATENCY_BUCKETS - 1, Math.floor(Math.log(clamped / FLOOR_MS) / Math.log(GROWTH)));
  histogram.counts[index] = (histogram.counts[index] ?? 0) + 1;
  histogram.total += 1;
  histogram.sumMs += ms;
  if (ms > histogram.maxMs) histogram.maxMs = ms;
}

/** Adds `from` into `into`. */
export function latencyMerge(into: LatencyHistogram, from: LatencyHistogram): void {
  for (let index = 0; index < LATENCY_BUCKETS; index += 1) into.counts[index] = (into.counts[index] ?? 0) + (from.counts[index] ?? 0);
  into.total += from.total;
  into.sumMs += from.sumMs;
  into.maxMs = Math.max(into.maxMs, from.maxMs);
}

/** The latency at quantile `q` (0..1): the middle of its bucket, so within about 1%. NaN when empty. */
export function latencyQuantile(histogram: LatencyHistogram, q: number): number {
  if (histogram.total === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(q * histogram.total));
  let seen = 0;
  for (let index = 0; index < LATENCY_BUCKETS; index += 1) {
    seen += histogram.counts[index] ?? 0;
    if (seen >= rank) return Math.min(histogram.maxMs, FLOOR_MS * GROWTH ** (index + 0.5));
  }
  return histogram.maxMs;
}
