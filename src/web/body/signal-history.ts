/**
 * One person's recent body samples, in server time, oldest first, and the questions the live
 * panel asks of them: what is the latest heart rate or breath if it is still fresh, where in
 * the breath they are now, the run of beat-to-beat intervals without a gap. Pure.
 *
 * Fresh means read within the last few seconds: an older number is "no signal", never shown as
 * if it were current.
 */
import type { SignalSample, SignalSource } from '../../core/protocol/signals.ts';
import type { SensedBreath } from './breath-follower.ts';

/** How much of each person's past is kept. */
export const HISTORY_KEPT_MS = 5 * 60_000;
/** A reading older than this is no longer shown as current. */
export const STALE_AFTER_MS = 5000;
/** Readings more than this far ahead of now (a clock not yet in step) are still taken as now. */
const FUTURE_TOLERANCE_MS = 2000;
/** A hole between beat-bearing readings longer than their beats plus this breaks the RR run. */
const RR_GAP_TOLERANCE_MS = 2500;

/** Samples of one person, oldest first. */
export type SignalHistory = readonly SignalSample[];

/** The history with `samples` merged in (in time order, duplicates of an instant kept once) and the old part dropped. */
export function historyWith(
  history: SignalHistory,
  samples: readonly SignalSample[],
  nowMs: number,
): SignalHistory {
  const keepFrom = nowMs - HISTORY_KEPT_MS;
  const merged = [...history, ...samples].filter((sample) => sample.atMs >= keepFrom);
  merged.sort((a, b) => a.atMs - b.atMs);
  return merged.filter((sample, index) => index === 0 || !sampleSame(sample, merged[index - 1]));
}

function sampleSame(a: SignalSample, b: SignalSample | undefined): boolean {
  return (
    b !== undefined &&
    a.atMs === b.atMs &&
    a.source === b.source &&
    a.heartRateBpm === b.heartRateBpm &&
    a.rrMs.length === b.rrMs.length
  );
}

function isFresh(atMs: number, nowMs: number, maxAgeMs: number): boolean {
  return nowMs - atMs <= maxAgeMs && atMs - nowMs <= FUTURE_TOLERANCE_MS + maxAgeMs;
}

/** The latest sample with a value for `pick`, if it is fresh. */
function latestFresh<T>(
  history: SignalHistory,
  nowMs: number,
  maxAgeMs: number,
  pick: (sample: SignalSample) => T | null,
): { atMs: number; value: T; sample: SignalSample } | null {
  for (let index = history.length - 1; index >= 0; index -= 1) {
    const sample = history[index];
    if (sample === undefined) continue;
    if (!isFresh(sample.atMs, nowMs, maxAgeMs)) return null;
    const value = pick(sample);
    if (value !== null) return { atMs: sample.atMs, value, sample };
  }
  return null;
}

/** The current heart rate and where it comes from, or null when nothing fresh. */
export function heartRateNow(
  history: SignalHistory,
  nowMs: number,
): { bpm: number; source: SignalSource } | null {
  const found = latestFresh(history, nowMs, STALE_AFTER_MS, (sample) => sample.heartRateBpm);
  return found === null ? null : { bpm: found.value, source: found.sample.source };
}

/** The current breathing rate, or null when nothing fresh. */
export function breathingRateNow(history: SignalHistory, nowMs: number): number | null {
  return (
    latestFresh(history, nowMs, STALE_AFTER_MS, (sample) => sample.breathingRateBpm)?.value ?? null
  );
}

/**
 * The breath as last read within `maxAgeMs`, with the rate to carry it forward; null without a
 * fresh phase and rate.
 */
export function sensedBreathNow(
  history: SignalHistory,
  nowMs: number,
  maxAgeMs: number,
): SensedBreath | null {
  const phase = latestFresh(history, nowMs, maxAgeMs, (sample) => sample.breathPhase);
  if (phase === null) return null;
  const rate = phase.sample.breathingRateBpm ?? breathingRateNow(history, nowMs);
  if (rate === null || !(rate > 0)) return null;
  return { atMs: phase.atMs, phase: phase.value, breathsPerMin: rate };
}

/** Where in the breath the person is at `nowMs` (0 starting in), carried forward from the last fresh reading. */
export function breathPhaseNow(history: SignalHistory, nowMs: number): number | null {
  const breath = sensedBreathNow(history, nowMs, STALE_AFTER_MS);
  if (breath === null) {
    // A phase with no rate is shown as read, while fresh.
    return (
      latestFresh(history, nowMs, STALE_AFTER_MS, (sample) => sample.breathPhase)?.value ?? null
    );
  }
  const carried = breath.phase + (Math.max(0, nowMs - breath.atMs) * breath.breathsPerMin) / 60_000;
  return carried - Math.floor(carried);
}

/** Heart rate points since `sinceMs`, for putting on a common time grid. */
export function heartRatePointsSince(
  history: SignalHistory,
  sinceMs: number,
): { atMs: number; bpm: number }[] {
  const points: { atMs: number; bpm: number }[] = [];
  for (const sample of history) {
    if (sample.atMs >= sinceMs && sample.heartRateBpm !== null)
      points.push({ atMs: sample.atMs, bpm: sample.heartRateBpm });
  }
  return points;
}

/**
 * The beat-to-beat intervals of the latest unbroken run, oldest first, and how long they span.
 * Each reading carries the beats that ended since the one before, so a reading that comes long
 * after the previous one, more than its own beats explain, means beats were missed: the run
 * starts after that hole.
 */
export function rrRunLatest(history: SignalHistory): { rrMs: number[]; spanMs: number } {
  const chunks: (readonly number[])[] = [];
  let laterAtMs: number | null = null;
  let laterBeatsMs = 0;
  for (let index = history.length - 1; index >= 0; index -= 1) {
    const sample = history[index];
    if (sample === undefined || sample.rrMs.length === 0) continue;
    if (laterAtMs !== null && laterAtMs - sample.atMs > laterBeatsMs + RR_GAP_TOLERANCE_MS) break;
    chunks.push(sample.rrMs);
    laterAtMs = sample.atMs;
    laterBeatsMs = sample.rrMs.reduce((sum, ms) => sum + ms, 0);
  }
  const rrMs = chunks.reverse().flat();
  return { rrMs, spanMs: rrMs.reduce((sum, ms) => sum + ms, 0) };
}

/** Whether any sample in the history ever carried beat-to-beat intervals. */
export function historyHasRr(history: SignalHistory): boolean {
  return history.some((sample) => sample.rrMs.length > 0);
}
