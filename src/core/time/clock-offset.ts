/**
 * Clock offset estimation between a device and the server, NTP-style.
 *
 * On the wire (RFC 5905, NTPv4, §8): from four timestamps (client send t0, server receive t1,
 * server send t2, client receive t3) one exchange gives the offset ((t1 − t0) + (t2 − t3)) / 2 and
 * the round trip (t3 − t0) − (t2 − t1).
 *
 * The filter is minimum-round-trip selection, the idea behind Cristian's probabilistic clock
 * synchronisation (1989) and Mills' NTP clock filter (RFC 5905 §10, which keeps the least-delayed
 * of its last 8 samples): a sample's offset error is half the difference of its two one-way
 * delays, so samples that crossed the network fastest carry the least room for asymmetry, and
 * queueing delay (the usual cause of asymmetry) is smallest there. Rather than keep only the
 * single best, this keeps a longer window, selects its lowest-round-trip share, and averages
 * their offsets. Why that wins under symmetric jitter: write x for how far a sample's round trip
 * lies above the network's floor. Its error is spread roughly evenly over ±x/2 (variance ≈ x²/12),
 * and when the delay density is positive at the floor, x² of the N samples near the floor is
 * spaced like a Poisson process: the i-th best has E[x²] ≈ i·m with m ∝ 1/N. The best alone has
 * error variance m/12; the mean of the k best, whose errors are independent and zero-mean, has
 * (1/k²)·Σ i·m/12 = m(k+1)/(24k), about half as much. The larger win is that averaging lets the
 * window grow (variance ∝ 1/N) while selection still drops the slow, queued, lopsided samples
 * that an average of everything would let in.
 *
 * Parameters, measured in bench/pacer-agreement.bench.ts (two devices, 50 ± 15 ms each way,
 * ±50 ppm drift, a burst every 30 s): the old single best of 8 gave a p95 disagreement of
 * 11.5 ms (target 5). Bursts of 32 and the mean of the best half of the last 64 samples (two
 * bursts) give 3.9 ms, 4.2 ms with a queueing tail, and 4.5–4.9 ms on the first burst alone.
 * The best half matched the best quarter on the plain network and beat it with the queueing
 * tail; averaging every sample did not (9 ms with the tail); a window of three bursts did worse,
 * since drift makes old samples stale (50 ppm is 3 ms per minute).
 *
 * Offsets are "server minus client": server time = client time + offset.
 */
import { clientTimeMs, serverTimeMs } from './instant.ts';
import type { ClientTimeMs, ServerTimeMs } from './instant.ts';

/** How many recent samples the estimate chooses from: the last two bursts. */
export const CLOCK_SYNC_WINDOW_SIZE = 64;
/** Share (0..1) of the window, lowest round trips first, whose offsets are averaged; at least 1. */
export const CLOCK_SYNC_BEST_SHARE = 0.5;
/** Samples a device takes back to back when it connects, resyncs, or becomes visible again. */
export const CLOCK_SYNC_BURST_SIZE = 32;
/** Gap between the requests of one burst, so one queueing spike does not spoil them all. */
export const CLOCK_SYNC_BURST_GAP_MS = 100;
/** How often a connected device takes a fresh burst (bounds drift: 50 ppm is 1.5 ms per 30 s). */
export const CLOCK_RESYNC_INTERVAL_MS = 30_000;

/** One request/response exchange: the four timestamps, each on the clock that took it. */
export interface ClockSyncSample {
  /** t0: the device sent the request. */
  readonly clientSendMs: ClientTimeMs;
  /** t1: the server received it. */
  readonly serverReceiveMs: ServerTimeMs;
  /** t2: the server sent the reply. */
  readonly serverSendMs: ServerTimeMs;
  /** t3: the device received the reply. */
  readonly clientReceiveMs: ClientTimeMs;
}

/** What one sample says: the offset it implies and the network round trip it took. */
export interface ClockSyncMeasurement {
  readonly offsetMs: number;
  readonly roundTripMs: number;
}

/** The recent measurements, oldest first, how many to keep, and what share of them to average. */
export interface ClockSyncState {
  readonly windowSize: number;
  /** Share (0..1) of the held samples, lowest round trips first, that the estimate averages. */
  readonly bestShare: number;
  readonly measurements: readonly ClockSyncMeasurement[];
}

/** The current best guess of the offset: the mean offset of the window's fastest samples. */
export interface ClockOffsetEstimate {
  /** Server minus client, in ms. */
  readonly offsetMs: number;
  /** The smallest round trip in the window. */
  readonly roundTripMs: number;
  /** Half the mean round trip of the averaged samples: the offset is within ± this (no drift). */
  readonly errorBoundMs: number;
  /** How many samples the window held. */
  readonly sampleCount: number;
  /** How many of them, lowest round trips first, were averaged. */
  readonly selectedCount: number;
}

/** Offset and round trip of one sample, or null if it is non-finite or physically impossible. */
export function clockSyncSampleMeasure(sample: ClockSyncSample): ClockSyncMeasurement | null {
  const t0 = sample.clientSendMs;
  const t1 = sample.serverReceiveMs;
  const t2 = sample.serverSendMs;
  const t3 = sample.clientReceiveMs;
  if (![t0, t1, t2, t3].every(Number.isFinite)) return null;
  const serverHoldMs = t2 - t1;
  const clientWaitMs = t3 - t0;
  const roundTripMs = clientWaitMs - serverHoldMs;
  // A clock stepped mid-exchange shows up as time running backwards on one side.
  if (serverHoldMs < 0 || clientWaitMs < 0 || roundTripMs < 0) return null;
  return { offsetMs: (t1 - t0 + (t2 - t3)) / 2, roundTripMs };
}

/** A window with no samples yet; a best share of 0 keeps only the single best sample. */
export function clockSyncEmpty(
  windowSize: number = CLOCK_SYNC_WINDOW_SIZE,
  bestShare: number = CLOCK_SYNC_BEST_SHARE,
): ClockSyncState {
  const share = Number.isFinite(bestShare) ? Math.min(1, Math.max(0, bestShare)) : 0;
  return { windowSize: Math.max(1, Math.floor(windowSize)), bestShare: share, measurements: [] };
}

/** The window with the sample added and the oldest dropped if full; unchanged if rejected. */
export function clockSyncAddSample(state: ClockSyncState, sample: ClockSyncSample): ClockSyncState {
  const measurement = clockSyncSampleMeasure(sample);
  if (measurement === null) return state;
  const kept = state.measurements.slice(
    Math.max(0, state.measurements.length + 1 - state.windowSize),
  );
  return { ...state, measurements: [...kept, measurement] };
}

/** How many of `count` held samples the estimate averages: the best share, rounded up, ≥ 1. */
export function clockSyncSelectedCount(count: number, bestShare: number): number {
  // The 1e-9 absorbs floating-point noise: 30 × 0.1 is 3.0000000000000004, which is 3 samples.
  return Math.min(count, Math.max(1, Math.ceil(count * bestShare - 1e-9)));
}

/**
 * The mean offset of the window's lowest-round-trip samples (newer first on a tie), or null if
 * the window is empty.
 *
 * Bound: a sample with outbound delay a ≥ 0 and inbound delay b ≥ 0 (server hold excluded) has
 * round trip r = a + b and offset error e = (a − b) / 2, so |e| ≤ r / 2. For the mean of the k
 * selected samples, |Σ eᵢ / k| ≤ Σ |eᵢ| / k ≤ Σ rᵢ / 2k: half their mean round trip, which is
 * at most half the largest of them. It is reached when every selected sample's delay is all on
 * one side, so no smaller bound holds. Drift adds its rate times the samples' age.
 */
export function clockSyncEstimate(state: ClockSyncState): ClockOffsetEstimate | null {
  const count = state.measurements.length;
  if (count === 0) return null;
  // Newest first, then a stable sort by round trip: ties go to the newer sample.
  const fastest = [...state.measurements]
    .reverse()
    .sort((a, b) => a.roundTripMs - b.roundTripMs)
    .slice(0, clockSyncSelectedCount(count, state.bestShare));
  const best = fastest[0];
  if (best === undefined) return null;
  // Averaging differences from the best keeps identical offsets exact and large ones precise.
  let offsetSumMs = 0;
  let roundTripSumMs = 0;
  for (const measurement of fastest) {
    offsetSumMs += measurement.offsetMs - best.offsetMs;
    roundTripSumMs += measurement.roundTripMs;
  }
  return {
    offsetMs: best.offsetMs + offsetSumMs / fastest.length,
    roundTripMs: best.roundTripMs,
    errorBoundMs: roundTripSumMs / fastest.length / 2,
    sampleCount: count,
    selectedCount: fastest.length,
  };
}

/** The server instant matching a device instant, given the offset (server minus client). */
export function serverTimeFromClient(clientMs: ClientTimeMs, offsetMs: number): ServerTimeMs {
  return serverTimeMs(clientMs + offsetMs);
}

/** The device instant matching a server instant, given the offset (server minus client). */
export function clientTimeFromServer(serverMs: ServerTimeMs, offsetMs: number): ClientTimeMs {
  return clientTimeMs(serverMs - offsetMs);
}
