/**
 * One number each for a person's progress timeline from one session: the pair's overall
 * synchrony (as the report scored it) and the person's median coherence over the session. The
 * progress page shows trends of these, never a session's numbers as a grade.
 */
import { hrvCoherence, rrClean } from '../signals/index.ts';
import type { ReportSignalRow, SessionReport } from './session-report.ts';

/** What a session adds to one person's progress. */
export interface SessionBodySummary {
  readonly synchronyScore: number | null;
  readonly coherenceRatio: number | null;
}

/**
 * Coherence is read over the last 64 s of windows a little longer than that (so whole beats
 * always cover 64 s), one every 30 s.
 */
const COHERENCE_WINDOW_MS = 66_000;
const COHERENCE_STEP_MS = 30_000;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * The median HeartMath-style coherence ratio of `personId`'s RR intervals over the session, in
 * 64 s windows every 30 s; null with less than one window of intervals.
 */
export function sessionCoherenceMedian(rows: readonly ReportSignalRow[], personId: string): number | null {
  const rr = rrClean(rows.filter((row) => row.participantId === personId).flatMap((row) => row.rrMs)).rrMs;
  const ends: number[] = [];
  let elapsed = 0;
  for (const interval of rr) {
    elapsed += interval;
    ends.push(elapsed);
  }
  const ratios: number[] = [];
  let first = 0;
  for (let windowEnd = COHERENCE_WINDOW_MS; windowEnd <= elapsed; windowEnd += COHERENCE_STEP_MS) {
    while (first < ends.length && (ends[first] ?? 0) <= windowEnd - COHERENCE_WINDOW_MS) first += 1;
    let last = first;
    while (last < ends.length && (ends[last] ?? 0) <= windowEnd) last += 1;
    const coherence = hrvCoherence(rr.slice(first, last));
    if (coherence !== null && Number.isFinite(coherence.ratio)) ratios.push(coherence.ratio);
  }
  return median(ratios);
}

/** The summary of a built report for its viewer. */
export function sessionBodySummary(report: SessionReport, rows: readonly ReportSignalRow[]): SessionBodySummary {
  return {
    synchronyScore: report.synchrony.kind === 'scored' ? (report.synchrony.overall?.score ?? null) : null,
    coherenceRatio: sessionCoherenceMedian(rows, report.viewerId),
  };
}
