/**
 * The charts as tables, for anyone who prefers numbers to pictures or uses a screen reader: the
 * session cut into equal stretches (shorter for short sessions), each with what was going on and
 * each person's average in it.
 */
import type { SessionReport } from '../../core/report/session-report.ts';
import type { SignalMetric } from './chart-series.ts';
import { personLabel } from './report-people.ts';
import { reportDurationMs } from './report-summary.ts';
import { SYNCHRONY_TREND_WINDOW_MINUTES } from './synchrony-words.ts';

/** One row: a stretch of the session, the practice in it, and one value per column (null: no reading). Times are into the session. */
export interface TableRow {
  readonly fromMs: number;
  readonly toMs: number;
  /** "Breathing together", "Breathing together (paused for a while)", or null between practices. */
  readonly practice: string | null;
  readonly values: readonly (number | null)[];
}

/** A table: its column names and rows. */
export interface ReportTable {
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
}

/** How long each row's stretch is: 30 s up to 10 minutes, then longer, so tables stay short. */
export function tableStretchMs(durationMs: number): number {
  const minute = 60_000;
  if (durationMs <= 10 * minute) return minute / 2;
  if (durationMs <= 40 * minute) return minute;
  if (durationMs <= 120 * minute) return 2 * minute;
  return 5 * minute;
}

/** What practice (if any) was going on in a stretch, in words. */
function practiceIn(report: SessionReport, fromAtMs: number, toAtMs: number, endAtMs: number): string | null {
  const titles = report.practices
    .filter((practice) => practice.startedAtMs < toAtMs && (practice.endedAtMs ?? endAtMs) > fromAtMs)
    .map((practice) => {
      const paused = practice.pauses.some((pause) => pause.fromMs < toAtMs && (pause.toMs ?? endAtMs) > fromAtMs);
      return paused ? `${practice.title} (paused for a while)` : practice.title;
    });
  return titles.length === 0 ? null : titles.join(', ');
}

function averageOf(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Stretches covering the session, `stepMs` long (the last may be shorter). */
function stretches(report: SessionReport, stepMs: number): { fromMs: number; toMs: number }[] {
  const durationMs = reportDurationMs(report);
  const result: { fromMs: number; toMs: number }[] = [];
  for (let fromMs = 0; fromMs < durationMs; fromMs += stepMs) result.push({ fromMs, toMs: Math.min(durationMs, fromMs + stepMs) });
  return result;
}

/** Each person's average `metric` per stretch, for everyone with any reading of it. */
export function metricTable(report: SessionReport, metric: SignalMetric, stepMs = tableStretchMs(reportDurationMs(report))): ReportTable {
  const people = report.series.filter((series) => series[metric].some((value) => value !== null));
  const endAtMs = report.startedAtMs + reportDurationMs(report);
  const rows = stretches(report, stepMs).map(({ fromMs, toMs }): TableRow => {
    const fromAtMs = report.startedAtMs + fromMs;
    const toAtMs = report.startedAtMs + toMs;
    const values = people.map((series) => {
      const inside: number[] = [];
      series.atMs.forEach((atMs, index) => {
        const value = series[metric][index];
        if (atMs >= fromAtMs && atMs < toAtMs && typeof value === 'number') inside.push(value);
      });
      return averageOf(inside);
    });
    return { fromMs, toMs, practice: practiceIn(report, fromAtMs, toAtMs, endAtMs), values };
  });
  return { columns: people.map((series) => personLabel(report, series.participantId)), rows };
}

/** The synchrony trend as a table: one row per point, over the stretch that point looks back on. */
export function synchronyTable(report: SessionReport): ReportTable | null {
  if (report.synchrony.kind !== 'scored') return null;
  const endAtMs = report.startedAtMs + reportDurationMs(report);
  const windowMs = SYNCHRONY_TREND_WINDOW_MINUTES * 60_000;
  const rows = report.synchrony.points.map((point): TableRow => {
    const fromAtMs = Math.max(report.startedAtMs, point.atMs - windowMs);
    return {
      fromMs: fromAtMs - report.startedAtMs,
      toMs: point.atMs - report.startedAtMs,
      practice: practiceIn(report, fromAtMs, point.atMs, endAtMs),
      values: [point.score],
    };
  });
  return { columns: ['Synchrony, 0 to 1'], rows };
}
