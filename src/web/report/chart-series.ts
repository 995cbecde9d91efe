/**
 * Turns the report into what a time chart draws: one shared time axis in minutes into the session,
 * one line per person, and the practices as shaded stretches with their pauses. Kept free of uPlot
 * so it can be tested on its own.
 *
 * uPlot draws `null` as a break in the line and steps over `undefined`. Each person's samples sit on
 * their own times, so where only the other person has a sample the value is `undefined` (the line
 * carries on); where a person's own readings stop for longer than `GAP_MS` it is `null`, so a
 * dropout shows as a gap instead of a made-up straight line.
 */
import type { ReportSeries, SessionReport } from '../../core/report/session-report.ts';
import { personLabel } from './report-people.ts';
import { reportDurationMs } from './report-summary.ts';

/** Readings further apart than this are drawn with a gap between them. */
export const GAP_MS = 10_000;

/** What a chart can show. */
export type SignalMetric = 'heartRateBpm' | 'breathingRateBpm';

/** One person's line. `values[i]` belongs to `xMinutes[i]`. */
export interface ChartLine {
  readonly participantId: string;
  readonly label: string;
  /** Where the readings came from, for the key ("strap", "camera"). */
  readonly sources: readonly string[];
  /** The person's place in the report, so they keep their colour and dash whoever else is shown. */
  readonly styleIndex: number;
  readonly values: readonly (number | null | undefined)[];
}

/** Lines on one shared time axis. */
export interface ChartData {
  readonly xMinutes: readonly number[];
  readonly lines: readonly ChartLine[];
  /** The whole session, in minutes, so every chart of a report has the same width of time. */
  readonly spanMinutes: number;
}

/** A stretch of the session, in minutes into it. */
export interface MinuteRange {
  readonly fromMinutes: number;
  readonly toMinutes: number;
}

/** A practice as a shaded stretch, with its pauses. */
export interface PhaseBand extends MinuteRange {
  readonly title: string;
  readonly pauses: readonly MinuteRange[];
}

const toMinutes = (report: SessionReport, atMs: number) => (atMs - report.startedAtMs) / 60_000;

/**
 * One person's readings of `metric`, with a null wherever they stop for longer than `GAP_MS`.
 * Samples without this metric are skipped rather than drawn as gaps: a breathing rate may come less
 * often than the heart rate, and only a real stretch without readings is a gap.
 */
function readingsWithGaps(series: ReportSeries, metric: SignalMetric): { atMs: number; value: number | null }[] {
  const readings: { atMs: number; value: number | null }[] = [];
  let previousAtMs: number | null = null;
  series.atMs.forEach((atMs, index) => {
    const value = series[metric][index] ?? null;
    if (value === null) return;
    if (previousAtMs !== null && atMs - previousAtMs > GAP_MS) readings.push({ atMs: previousAtMs + 1, value: null });
    readings.push({ atMs, value });
    previousAtMs = atMs;
  });
  return readings;
}

/** The lines of `metric` for everyone who has at least one reading of it. */
export function metricChartData(report: SessionReport, metric: SignalMetric): ChartData {
  const people = report.series
    .filter((series) => series[metric].some((value) => value !== null))
    .map((series) => ({ series, readings: readingsWithGaps(series, metric) }));
  const times = [...new Set(people.flatMap(({ readings }) => readings.map((reading) => reading.atMs)))].sort((a, b) => a - b);
  const lines = people.map(({ series, readings }): ChartLine => {
    const byTime = new Map(readings.map((reading) => [reading.atMs, reading.value]));
    return {
      participantId: series.participantId,
      label: personLabel(report, series.participantId),
      sources: series.sources,
      styleIndex: Math.max(0, report.people.findIndex((person) => person.participantId === series.participantId)),
      values: times.map((atMs) => (byTime.has(atMs) ? byTime.get(atMs) : undefined)),
    };
  });
  return {
    xMinutes: times.map((atMs) => toMinutes(report, atMs)),
    lines,
    spanMinutes: Math.max(reportDurationMs(report), times.length > 0 ? (times.at(-1) ?? 0) - report.startedAtMs : 0) / 60_000,
  };
}

/** The synchrony trend as one line (null where a stretch had too little signal), or null without a score. */
export function synchronyChartData(report: SessionReport): ChartData | null {
  if (report.synchrony.kind !== 'scored') return null;
  const points = report.synchrony.points;
  if (!points.some((point) => point.score !== null)) return null;
  const [a, b] = report.synchrony.participantIds;
  return {
    xMinutes: points.map((point) => toMinutes(report, point.atMs)),
    lines: [{ participantId: `${a}+${b}`, label: 'Synchrony', sources: [], styleIndex: 0, values: points.map((point) => point.score) }],
    spanMinutes: reportDurationMs(report) / 60_000,
  };
}

/** The practices as shaded stretches; one still running reaches the end of the report. */
export function phaseBands(report: SessionReport): PhaseBand[] {
  const endMs = report.startedAtMs + reportDurationMs(report);
  return report.practices.map((practice) => {
    const practiceEndMs = practice.endedAtMs ?? endMs;
    return {
      title: practice.title,
      fromMinutes: toMinutes(report, practice.startedAtMs),
      toMinutes: toMinutes(report, practiceEndMs),
      pauses: practice.pauses.map((pause) => ({
        fromMinutes: toMinutes(report, pause.fromMs),
        toMinutes: toMinutes(report, pause.toMs ?? practiceEndMs),
      })),
    };
  });
}
