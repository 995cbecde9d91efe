/**
 * The pair's synchrony for the session report: which two people, both heart rates on one 4 Hz
 * grid, the trend over the session and one overall score, or a plain sentence saying why there is
 * none. The statistics are the signal core's (signals/synchrony.ts: windowed cross-correlation
 * against a surrogate null, Boker et al. 2002; Moulder et al. 2018); this file only chooses what
 * to feed them.
 */
import {
  heartRateFromRr,
  heartRateOnGrid,
  synchronyScore,
  synchronyTrend,
} from '../signals/index.ts';
import type {
  ReportPerson,
  ReportPractice,
  ReportSignalRow,
  ReportSynchrony,
} from './session-report.ts';

/** The grid both heart rates are put on (the rate the synchrony statistics are defined at). */
export const REPORT_SYNCHRONY_SAMPLE_RATE_HZ = 4;
/** Less overlap than this and no window statistic means anything; say so instead. */
export const REPORT_SYNCHRONY_MIN_OVERLAP_MS = 90_000;
/**
 * Surrogates per trend point. Each point is a two-minute picture and there are many of them, so
 * they use the smallest null that can still reach p = 0.05; the overall score keeps the default 99.
 */
const TREND_SURROGATES = 19;
/** A trend point every 30 s, spaced wider for long sessions so a chart never needs more than ~60. */
const TREND_STEP_SEC = 30;
const TREND_MAX_POINTS = 60;

/** Why there is no synchrony, in words for the person reading the report. */
export const REPORT_SYNCHRONY_REASONS = {
  notTwoPeople:
    'How two heart rates move together needs heart rate from two people at the same time, and this session has it from fewer than two of the people you can see.',
  tooLittleOverlap:
    'The two heart rates were recorded together for too short a time to say how they moved together.',
  tooPatchy:
    'The heart-rate signal was too patchy or too steady to say how the two moved together. This says nothing about the two of you; sensors often drop out.',
} as const;

/** One timed heart-rate value. */
interface HeartRatePoint {
  readonly atMs: number;
  readonly bpm: number;
}

/** A person's heart rate over time: beat by beat where RR intervals exist, else the rate shown. */
function heartRatePoints(rows: readonly ReportSignalRow[]): HeartRatePoint[] {
  const points: HeartRatePoint[] = [];
  for (const row of [...rows].sort((x, y) => x.atMs - y.atMs)) {
    if (row.rrMs.length > 0) points.push(...heartRateFromRr(row.rrMs, row.atMs));
    else if (row.heartRateBpm !== null) points.push({ atMs: row.atMs, bpm: row.heartRateBpm });
  }
  return points
    .filter((point) => Number.isFinite(point.atMs) && Number.isFinite(point.bpm))
    .sort((x, y) => x.atMs - y.atMs);
}

/** The paced practice that covers most of [fromMs, toMs], as the pacer's frequency in Hz, or null. */
function dominantPacerHz(
  practices: readonly ReportPractice[],
  fromMs: number,
  toMs: number,
): number | null {
  let best: { hz: number; coveredMs: number } | null = null;
  for (const practice of practices) {
    if (practice.pacerBreathsPerMin === null) continue;
    const coveredMs =
      Math.min(toMs, practice.endedAtMs ?? toMs) - Math.max(fromMs, practice.startedAtMs);
    if (coveredMs > 0 && (best === null || coveredMs > best.coveredMs))
      best = { hz: practice.pacerBreathsPerMin / 60, coveredMs };
  }
  return best?.hz ?? null;
}

/** The two people to compare: the viewer and the first other person with heart rate, else the first two. */
function pairToCompare(
  viewerId: string,
  withHeartRate: readonly string[],
): readonly [string, string] | null {
  if (withHeartRate.includes(viewerId)) {
    const other = withHeartRate.find((id) => id !== viewerId);
    return other === undefined ? null : [viewerId, other];
  }
  const [first, second] = withHeartRate;
  return first === undefined || second === undefined ? null : [first, second];
}

/** The report's synchrony section. */
export function reportSynchrony(input: {
  readonly viewerId: string;
  readonly people: readonly ReportPerson[];
  readonly rowsByPerson: ReadonlyMap<string, readonly ReportSignalRow[]>;
  readonly practices: readonly ReportPractice[];
}): ReportSynchrony {
  const pointsByPerson = new Map<string, HeartRatePoint[]>();
  for (const person of input.people) {
    const points = heartRatePoints(input.rowsByPerson.get(person.participantId) ?? []);
    if (points.length >= 2) pointsByPerson.set(person.participantId, points);
  }
  const pair = pairToCompare(input.viewerId, [...pointsByPerson.keys()]);
  if (!pair) return { kind: 'notEnoughSignal', reason: REPORT_SYNCHRONY_REASONS.notTwoPeople };
  const a = pointsByPerson.get(pair[0]) ?? [];
  const b = pointsByPerson.get(pair[1]) ?? [];

  const startMs = Math.max(a[0]?.atMs ?? Infinity, b[0]?.atMs ?? Infinity);
  const endMs = Math.min(a.at(-1)?.atMs ?? -Infinity, b.at(-1)?.atMs ?? -Infinity);
  if (!(endMs - startMs >= REPORT_SYNCHRONY_MIN_OVERLAP_MS))
    return { kind: 'notEnoughSignal', reason: REPORT_SYNCHRONY_REASONS.tooLittleOverlap };

  const sampleRateHz = REPORT_SYNCHRONY_SAMPLE_RATE_HZ;
  const length = Math.floor(((endMs - startMs) / 1000) * sampleRateHz) + 1;
  const gridA = heartRateOnGrid(a, { startMs, sampleRateHz, length });
  const gridB = heartRateOnGrid(b, { startMs, sampleRateHz, length });
  const pacerHz = dominantPacerHz(input.practices, startMs, endMs);

  const overlapSec = (endMs - startMs) / 1000;
  const stepSec = Math.max(
    TREND_STEP_SEC,
    Math.ceil(overlapSec / TREND_MAX_POINTS / TREND_STEP_SEC) * TREND_STEP_SEC,
  );
  const trend = synchronyTrend(gridA, gridB, {
    sampleRateHz,
    pacerHz,
    stepSec,
    surrogateCount: TREND_SURROGATES,
  });
  const points = trend.map((point) => ({
    atMs: Math.round(startMs + point.atSec * 1000),
    score: point.score,
    meanPeakR: point.meanPeakR,
  }));
  const overall = synchronyScore(gridA, gridB, { sampleRateHz, pacerHz });
  if (overall === null && points.every((point) => point.score === null))
    return { kind: 'notEnoughSignal', reason: REPORT_SYNCHRONY_REASONS.tooPatchy };
  return {
    kind: 'scored',
    participantIds: pair,
    points,
    overall: overall && {
      score: overall.score,
      meanPeakR: overall.meanPeakR,
      lagSec: overall.lagSec,
      pValue: overall.pValue,
    },
  };
}
