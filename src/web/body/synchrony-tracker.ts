/**
 * The pair's synchrony, worked out every 5 s over the last 2 minutes of both heart rates, and
 * its trend. Honest by construction: when there is not enough of both signals the answer is
 * "not enough signal" with the reason in plain words, never a number made up to fill the space.
 *
 * Both devices of a pair should show the same number. So each works it out for the same
 * stretch of server time (2 minutes ending at a shared 5-second mark, a moment after it so the
 * other's samples have arrived) and with the two people in the same order (by participant id);
 * only the words are turned round to say "you".
 *
 * Two steps: `synchronyPrepare` (cheap: both heart rates on one time grid, and whether there is
 * enough of them) and the score itself (about a tenth of a second with its surrogate test, so
 * the browser runs it in a worker, away from the pacer's frames). Pure; the body-signals model
 * drives it.
 */
import { heartRateOnGrid, type SynchronyScore } from '../../core/signals/index.ts';
import { heartRatePointsSince, type SignalHistory } from './signal-history.ts';

/** How often the score is worked out again: on every 5-second mark of server time. */
export const SYNCHRONY_EVERY_MS = 5000;
/** How long after a mark the score is first tried, so both people's samples up to it are here. */
export const SYNCHRONY_SETTLE_MS = 2500;
/**
 * How long after a mark a late sample is waited for. Until then a stretch that stops short of
 * the mark is not scored yet, so a sample still on its way does not make two screens differ.
 */
export const SYNCHRONY_WAIT_FOR_LATE_MS = 8000;
/** How much of the past the score looks at. */
export const SYNCHRONY_SPAN_MS = 2 * 60_000;
/**
 * The least time both heart rates must cover, unbroken, for a score: the surrogate test needs
 * about 75 s of both at the least (19 shifted copies, each a window clear of the lag search).
 */
export const SYNCHRONY_MIN_MS = 90_000;
/** The common time base of both heart rates. */
export const SYNCHRONY_SAMPLE_RATE_HZ = 4;
/** A heart rate is drawn across a gap between readings at most this long. */
const GRID_MAX_GAP_MS = 3000;
/** The shared stretch must reach to within this of its end, or one of the signals has stopped. */
const LATEST_WITHIN_MS = 6000;
/** How many past scores the trend keeps (an hour at one every 5 s). */
export const SYNCHRONY_TREND_MAX = 720;

/** One point of the trend: a score, or null where there was not enough signal. */
export interface SynchronyTrendPoint {
  readonly atMs: number;
  readonly score: number | null;
}

/** The pair's synchrony now. */
export type SynchronyNow =
  | {
      readonly kind: 'score';
      /** 0 (no more than chance) to 1. */
      readonly score: number;
      readonly meanPeakR: number;
      /** Positive: the partner follows me by this many seconds. */
      readonly lagSec: number;
      readonly pValue: number;
    }
  | { readonly kind: 'not-enough'; readonly reason: string };

/** What the tracker remembers between steps. */
export interface SynchronyTracker {
  /** The two people it is about, as "me|partner"; a new pair starts a new trend. */
  readonly pairKey: string | null;
  /** The 5-second mark last worked out. */
  readonly markMs: number | null;
  readonly now: SynchronyNow | null;
  readonly trend: readonly SynchronyTrendPoint[];
}

/** Nothing worked out yet. */
export const SYNCHRONY_TRACKER_EMPTY: SynchronyTracker = {
  pairKey: null,
  markMs: null,
  now: null,
  trend: [],
};

/** Everything one step needs. */
export interface SynchronyInputs {
  readonly me: string;
  readonly partner: string;
  readonly partnerName: string;
  readonly mine: SignalHistory;
  readonly theirs: SignalHistory;
  /** The end of the stretch looked at, in server time (a 5-second mark). */
  readonly markMs: number;
  /** The shared pacer's rate during a paced practice, so breathing to it together is not counted. */
  readonly pacerHz?: number;
}

/** The latest 5-second mark of server time that both people's samples have had time to reach. */
export function synchronyMarkAt(nowMs: number): number {
  return Math.floor((nowMs - SYNCHRONY_SETTLE_MS) / SYNCHRONY_EVERY_MS) * SYNCHRONY_EVERY_MS;
}

/** Whether to work the pair out again: for a new pair, or at a new mark. */
export function synchronyIsDue(
  tracker: SynchronyTracker,
  pairKey: string,
  markMs: number,
): boolean {
  return tracker.pairKey !== pairKey || tracker.markMs === null || markMs > tracker.markMs;
}

function secondsWords(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

/** The longest stretch at the end of both grids where both have a value: [start, end). */
function sharedStretch(a: Float64Array, b: Float64Array): { start: number; end: number } {
  let end = a.length;
  while (end > 0 && !(Number.isFinite(a[end - 1]) && Number.isFinite(b[end - 1]))) end -= 1;
  let start = end;
  while (start > 0 && Number.isFinite(a[start - 1]) && Number.isFinite(b[start - 1])) start -= 1;
  return { start, end };
}

function hasValueFrom(values: Float64Array, from: number): boolean {
  for (let index = from; index < values.length; index += 1)
    if (Number.isFinite(values[index])) return true;
  return false;
}

/** Both heart rates, ready to be scored (first = the lower participant id), or why they are not enough. */
export type SynchronyPrepared =
  | Extract<SynchronyNow, { kind: 'not-enough' }>
  | {
      readonly kind: 'ready';
      readonly first: Float64Array;
      readonly second: Float64Array;
      /** Whether I am the first of the pair (the lag is then as the score gives it). */
      readonly meFirst: boolean;
      /** Whether both heart rates reach the mark itself (else a sample may still be on its way). */
      readonly reachesMark: boolean;
      readonly pacerHz?: number;
    };

/** Puts both heart rates of the 2 minutes up to the mark on one grid and checks there is enough of both. */
export function synchronyPrepare(inputs: SynchronyInputs): SynchronyPrepared {
  const { markMs, partnerName } = inputs;
  const sampleMs = 1000 / SYNCHRONY_SAMPLE_RATE_HZ;
  const length = Math.round(SYNCHRONY_SPAN_MS / sampleMs);
  const startMs = markMs - (length - 1) * sampleMs;
  const grid = {
    startMs,
    sampleRateHz: SYNCHRONY_SAMPLE_RATE_HZ,
    length,
    maxGapMs: GRID_MAX_GAP_MS,
  };
  const a = heartRateOnGrid(heartRatePointsSince(inputs.mine, startMs - GRID_MAX_GAP_MS), grid);
  const b = heartRateOnGrid(heartRatePointsSince(inputs.theirs, startMs - GRID_MAX_GAP_MS), grid);
  const { start, end } = sharedStretch(a, b);
  const latestMs = startMs + (end - 1) * sampleMs;
  if (end === 0 || markMs - latestMs > LATEST_WITHIN_MS) {
    const recentFrom = Math.max(0, length - Math.round(LATEST_WITHIN_MS / sampleMs));
    const reason = !hasValueFrom(a, recentFrom)
      ? 'Waiting for your heart rate. Start a sensor to take part.'
      : `Waiting for ${partnerName}'s heart rate to arrive.`;
    return { kind: 'not-enough', reason };
  }
  const coveredMs = (end - start) * sampleMs;
  if (coveredMs < SYNCHRONY_MIN_MS) {
    return {
      kind: 'not-enough',
      reason: `It needs a minute and a half of both heart rates together; ${secondsWords(coveredMs)} so far.`,
    };
  }
  const meFirst = inputs.me < inputs.partner;
  const mine = a.slice(start, end);
  const theirs = b.slice(start, end);
  return {
    kind: 'ready',
    first: meFirst ? mine : theirs,
    second: meFirst ? theirs : mine,
    meFirst,
    reachesMark: end === length,
    ...(inputs.pacerHz === undefined ? {} : { pacerHz: inputs.pacerHz }),
  };
}

/** What a worked-out score (or its absence) means for the panel, told from my side. */
export function synchronyFromScore(result: SynchronyScore | null, meFirst: boolean): SynchronyNow {
  if (result === null || !Number.isFinite(result.score)) {
    return { kind: 'not-enough', reason: 'The heart rates are too uneven to compare just now.' };
  }
  return {
    kind: 'score',
    score: result.score,
    meanPeakR: result.meanPeakR,
    // The score's positive lag means the second follows the first.
    lagSec: meFirst ? result.lagSec : -result.lagSec,
    pValue: result.pValue,
  };
}

/** The tracker with what was worked out for `pairKey` at the mark `markMs`; the trend gains a point. */
export function synchronyRecorded(
  tracker: SynchronyTracker,
  pairKey: string,
  markMs: number,
  now: SynchronyNow,
): SynchronyTracker {
  const samePair = tracker.pairKey === pairKey;
  if (samePair && tracker.markMs !== null && markMs <= tracker.markMs) return tracker;
  const point: SynchronyTrendPoint = {
    atMs: markMs,
    score: now.kind === 'score' ? now.score : null,
  };
  const trend = [...(samePair ? tracker.trend : []), point].slice(-SYNCHRONY_TREND_MAX);
  return { pairKey, markMs, now, trend };
}

/** Which way the recent scores lean: compares the latest few with the few before them. */
export function synchronyDirection(
  trend: readonly SynchronyTrendPoint[],
): 'rising' | 'falling' | 'steady' | null {
  const scores = trend
    .slice(-12)
    .map((point) => point.score)
    .filter((score): score is number => score !== null);
  if (scores.length < 6) return null;
  const half = Math.floor(scores.length / 2);
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const change = mean(scores.slice(half)) - mean(scores.slice(0, half));
  if (change > 0.05) return 'rising';
  if (change < -0.05) return 'falling';
  return 'steady';
}
