/**
 * The timeline turned into chart data: one x position per local week (or month, or day), every
 * week of the period present so quiet weeks show as gaps rather than vanishing, and a series per
 * line or bar. A chart with nothing to draw is null, and its section says so kindly instead.
 */
import type { ProgressPeriod, ProgressTimeline, WeekTrendPoint } from '../../core/progress/index.ts';
import { WINDOW_ZONES, localDayNumber, localMonthKey, localWeeksOf, type WindowZone } from '../../core/progress/index.ts';
import { CHANGE_MARKERS, WORKING_MODEL_QUESTIONS } from '../../core/reflections/index.ts';
import { hoursValue, minutesValue, monthLabel, weekShort } from './progress-format.ts';

/** How a chart draws its series. */
export type ProgressChartKind = 'stackedBars' | 'bars' | 'lines';

/** One series: a label for the key and a value (or a gap) per x position. */
export interface ProgressChartSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
  /** Picks the colour and the dash or fill pattern, so series differ by more than colour. */
  readonly styleIndex: number;
}

/** Everything a chart needs to draw. */
export interface ProgressChartData {
  readonly kind: ProgressChartKind;
  /** `index`: positions 0..n-1 labelled by `xLabels`; `day`: local day numbers. */
  readonly xAxis: 'index' | 'day';
  readonly x: readonly number[];
  readonly xLabels: readonly string[];
  readonly series: readonly ProgressChartSeries[];
  /** The y axis's unit, in words. */
  readonly unit: string;
  readonly yRange?: readonly [number, number];
  /** Counts: the y axis ticks only at whole numbers. */
  readonly yWhole?: boolean;
}

/** How the window's parts are named on the key and in tables. */
export const WINDOW_ZONE_NAMES: Readonly<Record<WindowZone, string>> = {
  within: 'Within your window',
  above: 'Above it (revved up)',
  below: 'Below it (low or far away)',
  mixed: 'Mixed or unsure',
};

/** The local weeks of the period, by their Mondays. */
export function periodWeeks(period: ProgressPeriod, tzOffsetMin: number): string[] {
  return localWeeksOf(period, tzOffsetMin).map((week) => week.weekOf);
}

/** The local months of the period ("2025-11"), in order. */
export function periodMonths(period: ProgressPeriod, tzOffsetMin: number): string[] {
  const months: string[] = [];
  for (const week of localWeeksOf(period, tzOffsetMin)) {
    for (const atMs of [week.fromMs, Math.max(week.fromMs, week.toMs - 1)]) {
      const key = localMonthKey(atMs, tzOffsetMin);
      if (!months.includes(key)) months.push(key);
    }
  }
  return months;
}

function byWeek<T extends { readonly weekOf: string }>(weeks: readonly string[], items: readonly T[], valueOf: (item: T) => number): (number | null)[] {
  const found = new Map(items.map((item) => [item.weekOf, item]));
  return weeks.map((week) => {
    const item = found.get(week);
    return item === undefined ? null : valueOf(item);
  });
}

function weekAxis(weeks: readonly string[]) {
  return { xAxis: 'index' as const, x: weeks.map((_, index) => index), xLabels: weeks.map(weekShort) };
}

/** Hours within, above and below the window (and mixed), stacked, week by week. */
export function windowChart(timeline: ProgressTimeline, weeks: readonly string[]): ProgressChartData | null {
  if (timeline.window.byWeek.length === 0) return null;
  return {
    kind: 'stackedBars',
    ...weekAxis(weeks),
    unit: 'hours',
    series: WINDOW_ZONES.map((zone, styleIndex) => ({
      label: WINDOW_ZONE_NAMES[zone],
      values: byWeek(weeks, timeline.window.byWeek, (week) => hoursValue(week.times[zone])),
      styleIndex,
    })).filter((series) => series.values.some((value) => value !== null && value > 0)),
  };
}

/** Minutes of practice in each week. */
export function practiceMinutesChart(timeline: ProgressTimeline, weeks: readonly string[]): ProgressChartData | null {
  if (timeline.practiceDoses.length === 0) return null;
  return {
    kind: 'bars',
    ...weekAxis(weeks),
    unit: 'minutes',
    series: [{ label: 'Minutes of practice', values: byWeek(weeks, timeline.practiceDoses, (week) => minutesValue(week.totalMs)), styleIndex: 0 }],
  };
}

/** How long practices were each week: the typical (middle) length and the longest. */
export function practiceLengthsChart(timeline: ProgressTimeline, weeks: readonly string[]): ProgressChartData | null {
  if (timeline.practiceDoses.length === 0) return null;
  return {
    kind: 'lines',
    ...weekAxis(weeks),
    unit: 'minutes',
    series: [
      { label: 'Typical length', values: byWeek(weeks, timeline.practiceDoses, (week) => minutesValue(week.medianLengthMs)), styleIndex: 0 },
      { label: 'Longest', values: byWeek(weeks, timeline.practiceDoses, (week) => minutesValue(week.longestMs)), styleIndex: 1 },
    ],
  };
}

/** A weekly trend of one kind of reading, as one line. */
export function trendChart(points: readonly WeekTrendPoint[], weeks: readonly string[], label: string, unit: string, yRange?: readonly [number, number]): ProgressChartData | null {
  if (points.length === 0) return null;
  return {
    kind: 'lines',
    ...weekAxis(weeks),
    unit,
    ...(yRange === undefined ? {} : { yRange }),
    series: [{ label, values: byWeek(weeks, points, (week) => Math.round(week.median * 100) / 100), styleIndex: 0 }],
  };
}

/** How often the cycle was noticed, week by week. */
export function cycleMomentsChart(timeline: ProgressTimeline, weeks: readonly string[]): ProgressChartData | null {
  if (timeline.cycleMoments.length === 0) return null;
  return {
    kind: 'bars',
    ...weekAxis(weeks),
    unit: 'times noticed',
    yWhole: true,
    series: [{ label: 'Times you noticed the cycle', values: byWeek(weeks, timeline.cycleMoments, (week) => week.count), styleIndex: 1 }],
  };
}

const HOUR_MS = 3_600_000;

/** The unit repair times read best in: minutes for quick ones, days for long ones, hours between. */
function repairTimeUnit(longestMs: number): { unit: string; valueOf: (ms: number) => number } {
  if (longestMs < 2 * HOUR_MS) return { unit: 'minutes', valueOf: minutesValue };
  if (longestMs < 72 * HOUR_MS) return { unit: 'hours', valueOf: hoursValue };
  return { unit: 'days', valueOf: (ms) => Math.round((ms / (24 * HOUR_MS)) * 10) / 10 };
}

/** The typical time from rupture to an agreed next step, month by month. */
export function repairTimesChart(timeline: ProgressTimeline, months: readonly string[]): ProgressChartData | null {
  const times = timeline.repairs.flatMap((month) => (month.medianTimeToRepairMs === null ? [] : [month.medianTimeToRepairMs]));
  if (times.length === 0) return null;
  const { unit, valueOf } = repairTimeUnit(Math.max(...times));
  const found = new Map(timeline.repairs.map((month) => [month.monthOf, month]));
  return {
    kind: 'bars',
    xAxis: 'index',
    x: months.map((_, index) => index),
    // The year is in the table; on the axis it crowds a phone.
    xLabels: months.map((month) => monthLabel(month).slice(0, 3)),
    unit,
    series: [
      {
        label: 'Typical time from rupture to a next step',
        values: months.map((month) => {
          const time = found.get(month)?.medianTimeToRepairMs;
          return time === undefined || time === null ? null : valueOf(time);
        }),
        styleIndex: 2,
      },
    ],
  };
}

/** Points on local days, one series each; days shared across series line up on one x. */
function daySeriesChart(
  lines: readonly { label: string; points: readonly { atMs: number; value: number }[] }[],
  tzOffsetMin: number,
  unit: string,
  yRange: readonly [number, number],
): ProgressChartData | null {
  const withPoints = lines.filter((line) => line.points.length > 0);
  if (withPoints.length === 0) return null;
  const days = [...new Set(withPoints.flatMap((line) => line.points.map((point) => localDayNumber(point.atMs, tzOffsetMin))))].sort((a, b) => a - b);
  return {
    kind: 'lines',
    xAxis: 'day',
    x: days,
    xLabels: [],
    unit,
    yRange,
    series: withPoints.map((line, styleIndex) => {
      // The latest answer on a day stands for that day.
      const byDay = new Map<number, number>();
      for (const point of [...line.points].sort((a, b) => a.atMs - b.atMs)) byDay.set(localDayNumber(point.atMs, tzOffsetMin), point.value);
      return { label: line.label, values: days.map((day) => byDay.get(day) ?? null), styleIndex };
    }),
  };
}

/** The two questions' numbers over time. */
export function workingModelChart(timeline: ProgressTimeline, tzOffsetMin: number): ProgressChartData | null {
  return daySeriesChart(
    timeline.reflections.workingModel.map((change) => ({
      label: WORKING_MODEL_QUESTIONS.find((question) => question.id === change.questionId)?.shortName ?? change.questionId,
      points: change.points,
    })),
    tzOffsetMin,
    'from 0 to 10',
    [0, 10],
  );
}

/** The five markers' ratings over time. */
export function markersChart(timeline: ProgressTimeline, tzOffsetMin: number): ProgressChartData | null {
  return daySeriesChart(
    timeline.reflections.markers.map((series) => ({
      label: CHANGE_MARKERS.find((marker) => marker.id === series.markerId)?.shortName ?? series.markerId,
      points: series.points,
    })),
    tzOffsetMin,
    'from 0 to 10',
    [0, 10],
  );
}
