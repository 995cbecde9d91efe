/**
 * One person's coherence now: how much of their heart-rate variation sits in one slow, steady
 * rhythm, the way it does when breathing settles into a pacer. A HeartMath-style ratio over the
 * last 64 s of beat-to-beat intervals (not HeartMath's own score), or the reason there is none.
 */
import { hrvCoherence, rrClean, type HrvCoherence } from '../../core/signals/index.ts';
import { historyHasRr, rrRunLatest, type SignalHistory } from './signal-history.ts';

/** How much unbroken beat-to-beat reading coherence needs. */
export const COHERENCE_NEEDS_MS = 64_000;
/** Beat-to-beat reading older than this is not looked at (cleaning needs some before the window). */
const COHERENCE_LOOKS_BACK_MS = 120_000;
/** The last beat must have ended within this, or the reading has stopped. */
const COHERENCE_FRESH_MS = 8000;

/** Coherence for the panel. */
export type CoherenceNow =
  | {
      readonly kind: 'ratio';
      readonly ratio: number;
      readonly normalized: number;
      readonly peakHz: number;
    }
  | { readonly kind: 'waiting'; readonly reason: string }
  /** The sensor reads no beat-to-beat intervals (a camera, say): nothing to say about coherence. */
  | { readonly kind: 'none' };

/**
 * The beat-to-beat intervals to work coherence out from (the last ~2 minutes of the latest
 * unbroken run, so cleaning has some beats before the 64 s window), or why there are none.
 */
export function coherencePrepare(
  history: SignalHistory,
  nowMs: number,
): Exclude<CoherenceNow, { kind: 'ratio' }> | { readonly kind: 'ready'; readonly rrMs: number[] } {
  if (!historyHasRr(history)) return { kind: 'none' };
  const lastWithBeats = history.findLast((sample) => sample.rrMs.length > 0);
  if (lastWithBeats === undefined || nowMs - lastWithBeats.atMs > COHERENCE_FRESH_MS) {
    return { kind: 'waiting', reason: 'No beat-to-beat reading right now.' };
  }
  const run = rrRunLatest(history);
  if (run.spanMs < COHERENCE_NEEDS_MS) {
    return {
      kind: 'waiting',
      reason: `Gathering beats: ${Math.floor(run.spanMs / 1000)} of the ${COHERENCE_NEEDS_MS / 1000} seconds it needs.`,
    };
  }
  let kept = 0;
  let from = run.rrMs.length;
  while (from > 0 && kept < COHERENCE_LOOKS_BACK_MS) {
    from -= 1;
    kept += run.rrMs[from] ?? 0;
  }
  return { kind: 'ready', rrMs: run.rrMs.slice(from) };
}

/** Cleans the intervals and works the coherence out (a few milliseconds: the worker does it). */
export function coherenceOfRr(rrMs: readonly number[]): HrvCoherence | null {
  return hrvCoherence(rrClean(rrMs).rrMs);
}

/** What a worked-out coherence (or its absence) means for the panel. */
export function coherenceFromResult(coherence: HrvCoherence | null): CoherenceNow {
  if (coherence === null || !Number.isFinite(coherence.normalized)) {
    return { kind: 'waiting', reason: 'The beats are too uneven to read a rhythm just now.' };
  }
  return {
    kind: 'ratio',
    ratio: coherence.ratio,
    normalized: coherence.normalized,
    peakHz: coherence.peakHz,
  };
}
