/**
 * Noticing "flooding": when a person's heart rate stays well above their own resting rate for a
 * while, the app gently offers them a pause. The person sees the offer first, alone, and chooses
 * whether to take it and whether to tell anyone; this module only decides when to offer.
 *
 * Source for the idea: Gottman's work on flooding ("diffuse physiological arousal") in couples'
 * conflict — Gottman (1994), What Predicts Divorce?; Gottman & Silver (1999), The Seven
 * Principles for Making Marriage Work — which treats a heart rate above about 100 bpm, or about
 * 10 bpm above one's own resting rate, as the cue to take a break. Attune is a practice space, not
 * a lab, and an offer that comes too often is nagging, so the rule here is deliberately more
 * conservative than that cue:
 * - Baseline: the person's own resting rate. Once this session has two minutes of readings
 *   (eight 15-second windows), the 10th percentile of the 15-second window medians; until then,
 *   `knownRestingBpm` remembered from earlier sessions; without either there is no baseline and
 *   never an offer.
 * - Elevated: the median of the last 10 seconds is at least baseline + max(15 bpm, 15 %). A median
 *   ignores single spikes and dropped beats; a stretch of high readings needs to last about 50 s
 *   before a minute of elevated medians can follow.
 * - Sustained: elevated continuously for 60 s. Once elevated, it stays so until the median falls
 *   5 bpm below the line (hysteresis, so a rate hovering at the line does not flicker). A gap of
 *   more than 15 s in the readings starts over: we cannot say it was sustained.
 *   A known limit, accepted to avoid nagging: if nine tenths of a session's windows are elevated,
 *   the 10th percentile is elevated too, and the elevated rate becomes the baseline.
 * - After the person sets an offer aside, nothing more is offered for 10 minutes: long enough not
 *   to nag, short enough that a fresh surge later in the session is still noticed.
 * Readings that arrive out of order, or that no heart could produce, are ignored.
 */

/** One accepted reading. */
interface HeartRateReading {
  readonly atMs: number;
  readonly bpm: number;
}

/** Everything the detector remembers. Replace, never mutate: every function returns a new state. */
export interface FloodingState {
  readonly knownRestingBpm: number | null;
  readonly lastAtMs: number | null;
  /** Readings of the last 10 s, for the short median. */
  readonly recent: readonly HeartRateReading[];
  /** The 15 s baseline window being filled: its start and its readings. */
  readonly windowStartMs: number | null;
  readonly windowReadings: readonly number[];
  /** Medians of the finished baseline windows, the most recent hour at most. */
  readonly windowMedians: readonly number[];
  readonly sessionBaselineBpm: number | null;
  /** The current short median, when there are enough recent readings. */
  readonly medianBpm: number | null;
  /** Since when the heart rate has been elevated without a break, or null. */
  readonly elevatedSinceMs: number | null;
  /** No offer before this instant (set when an offer is set aside). */
  readonly quietUntilMs: number | null;
}

/** What the person is offered: since when, against which baseline, at what rate now. */
export interface FloodingOffer {
  readonly sinceMs: number;
  readonly baselineBpm: number;
  readonly heartRateBpm: number;
}

/** Heart rates a reading may have to count at all; anything outside is a sensor glitch. */
export const FLOODING_PLAUSIBLE_BPM: readonly [number, number] = [30, 230];
/** A remembered resting rate outside this is not a resting rate. */
const PLAUSIBLE_RESTING_BPM: readonly [number, number] = [35, 130];
const BASELINE_WINDOW_MS = 15_000;
const BASELINE_WINDOW_MIN_READINGS = 5;
const BASELINE_MIN_WINDOWS = 8;
const BASELINE_MAX_WINDOWS = 240;
const BASELINE_PERCENTILE = 0.1;
const MEDIAN_WINDOW_MS = 10_000;
const MEDIAN_MIN_READINGS = 3;
/** How far above baseline counts as elevated: the larger of these. */
export const FLOODING_MARGIN_BPM = 15;
export const FLOODING_MARGIN_FRACTION = 0.15;
const HYSTERESIS_BPM = 5;
/** How long the heart rate must stay elevated before a pause is offered. */
export const FLOODING_SUSTAINED_MS = 60_000;
const MAX_GAP_MS = 15_000;
/** How long the detector stays quiet after an offer is set aside. */
export const FLOODING_COOLDOWN_MS = 10 * 60_000;

function plausibleResting(bpm: number | null | undefined): number | null {
  if (bpm === null || bpm === undefined || !Number.isFinite(bpm)) return null;
  return bpm >= PLAUSIBLE_RESTING_BPM[0] && bpm <= PLAUSIBLE_RESTING_BPM[1] ? bpm : null;
}

/** A fresh detector, optionally knowing the person's resting rate from earlier sessions. */
export function floodingStart(options: { knownRestingBpm?: number | null } = {}): FloodingState {
  return {
    knownRestingBpm: plausibleResting(options.knownRestingBpm),
    lastAtMs: null,
    recent: [],
    windowStartMs: null,
    windowReadings: [],
    windowMedians: [],
    sessionBaselineBpm: null,
    medianBpm: null,
    elevatedSinceMs: null,
    quietUntilMs: null,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/** Nearest-rank percentile. */
function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? NaN;
}

/** The heart rate from which on a person counts as elevated. */
export function floodingThresholdBpm(baselineBpm: number): number {
  return baselineBpm + Math.max(FLOODING_MARGIN_BPM, FLOODING_MARGIN_FRACTION * baselineBpm);
}

/** The baseline windows after one more reading: a window closes when a reading falls past its end. */
function withBaselineReading(
  state: FloodingState,
  atMs: number,
  bpm: number,
): Pick<
  FloodingState,
  'windowStartMs' | 'windowReadings' | 'windowMedians' | 'sessionBaselineBpm'
> {
  const windowStartMs = state.windowStartMs ?? atMs;
  if (atMs < windowStartMs + BASELINE_WINDOW_MS) {
    return {
      windowStartMs,
      windowReadings: [...state.windowReadings, bpm],
      windowMedians: state.windowMedians,
      sessionBaselineBpm: state.sessionBaselineBpm,
    };
  }
  const closed =
    state.windowReadings.length >= BASELINE_WINDOW_MIN_READINGS
      ? [...state.windowMedians, median(state.windowReadings)].slice(-BASELINE_MAX_WINDOWS)
      : state.windowMedians;
  // Windows stay on one grid from the first reading, so a gap simply leaves windows empty.
  const nextStartMs =
    windowStartMs + Math.floor((atMs - windowStartMs) / BASELINE_WINDOW_MS) * BASELINE_WINDOW_MS;
  return {
    windowStartMs: nextStartMs,
    windowReadings: [bpm],
    windowMedians: closed,
    sessionBaselineBpm:
      closed.length >= BASELINE_MIN_WINDOWS ? percentile(closed, BASELINE_PERCENTILE) : null,
  };
}

/** Takes in one heart-rate reading at `atMs`. Out-of-order and implausible readings change nothing. */
export function floodingObserve(
  state: FloodingState,
  atMs: number,
  heartRateBpm: number,
): FloodingState {
  if (!Number.isFinite(atMs) || !Number.isFinite(heartRateBpm)) return state;
  if (heartRateBpm < FLOODING_PLAUSIBLE_BPM[0] || heartRateBpm > FLOODING_PLAUSIBLE_BPM[1])
    return state;
  if (state.lastAtMs !== null && atMs <= state.lastAtMs) return state;

  const broken = state.lastAtMs !== null && atMs - state.lastAtMs > MAX_GAP_MS;
  const recent = [
    ...(broken ? [] : state.recent.filter((reading) => reading.atMs > atMs - MEDIAN_WINDOW_MS)),
    { atMs, bpm: heartRateBpm },
  ];
  const baselineParts = withBaselineReading(state, atMs, heartRateBpm);
  const baselineBpm = baselineParts.sessionBaselineBpm ?? state.knownRestingBpm;
  const medianBpm =
    recent.length >= MEDIAN_MIN_READINGS ? median(recent.map((reading) => reading.bpm)) : null;

  let elevatedSinceMs = broken ? null : state.elevatedSinceMs;
  if (baselineBpm === null || medianBpm === null) {
    elevatedSinceMs = null;
  } else {
    const threshold = floodingThresholdBpm(baselineBpm);
    if (elevatedSinceMs === null && medianBpm >= threshold) elevatedSinceMs = atMs;
    else if (elevatedSinceMs !== null && medianBpm < threshold - HYSTERESIS_BPM)
      elevatedSinceMs = null;
  }

  return { ...state, ...baselineParts, lastAtMs: atMs, recent, medianBpm, elevatedSinceMs };
}

/** The person's resting rate as the detector knows it now: this session's, else the remembered one. */
export function floodingBaseline(state: FloodingState): number | null {
  return state.sessionBaselineBpm ?? state.knownRestingBpm;
}

/** A pause to offer now, or null. Only ever shown to the person themself first. */
export function floodingOffer(state: FloodingState): FloodingOffer | null {
  const baselineBpm = floodingBaseline(state);
  const { elevatedSinceMs, lastAtMs, medianBpm, quietUntilMs } = state;
  if (baselineBpm === null || elevatedSinceMs === null || lastAtMs === null || medianBpm === null)
    return null;
  if (lastAtMs - elevatedSinceMs < FLOODING_SUSTAINED_MS) return null;
  if (quietUntilMs !== null && lastAtMs < quietUntilMs) return null;
  return { sinceMs: elevatedSinceMs, baselineBpm, heartRateBpm: medianBpm };
}

/** The person set the offer aside: stay quiet for the cooldown, then offer again if it still holds. */
export function floodingDismiss(state: FloodingState, atMs: number): FloodingState {
  if (!Number.isFinite(atMs)) return state;
  const quietUntilMs = atMs + FLOODING_COOLDOWN_MS;
  return { ...state, quietUntilMs: Math.max(quietUntilMs, state.quietUntilMs ?? quietUntilMs) };
}
