/**
 * The same numbers as the charts, as tables, for anyone who prefers to read them or cannot see the
 * pictures. Only weeks (or months, or days) with something in them get a row: a table of empty
 * weeks would read like a list of gaps.
 */
import type { ProgressTimeline } from '../../core/progress/index.ts';
import { WINDOW_ZONES, localDayNumber } from '../../core/progress/index.ts';
import { CHANGE_MARKERS, WORKING_MODEL_QUESTIONS } from '../../core/reflections/index.ts';
import { dayLabel, durationShort, monthLabel, numberShort, weekRowLabel } from './progress-format.ts';
import { WINDOW_ZONE_NAMES } from './progress-series.ts';

/** One row: its heading cell and the rest. */
export interface ProgressTableRow {
  readonly head: string;
  readonly cells: readonly string[];
}

/** A table: what it shows, its column headings (after the row heading) and its rows. */
export interface ProgressTable {
  readonly caption: string;
  readonly rowHeading: string;
  readonly columns: readonly string[];
  readonly rows: readonly ProgressTableRow[];
}

/** Time within, above and below the window, by week. */
export function windowTable(timeline: ProgressTimeline): ProgressTable {
  return {
    caption: 'Time your check-ins cover, by week',
    rowHeading: 'Week of',
    columns: WINDOW_ZONES.map((zone) => WINDOW_ZONE_NAMES[zone]),
    rows: timeline.window.byWeek.map((week) => ({
      head: weekRowLabel(week.weekOf),
      cells: WINDOW_ZONES.map((zone) => durationShort(week.times[zone])),
    })),
  };
}

/** Practices by week: how many, how long in all, the typical and the longest length. */
export function practiceTable(timeline: ProgressTimeline): ProgressTable {
  return {
    caption: 'Practices by week',
    rowHeading: 'Week of',
    columns: ['Practices', 'In all', 'Typical length', 'Longest'],
    rows: timeline.practiceDoses.map((week) => ({
      head: weekRowLabel(week.weekOf),
      cells: [String(week.practiceCount), durationShort(week.totalMs), durationShort(week.medianLengthMs), durationShort(week.longestMs)],
    })),
  };
}

/** Synchrony and coherence by week: the middle reading and how many there were. */
export function signalsTable(timeline: ProgressTimeline): ProgressTable {
  const weeks = [...new Set([...timeline.synchrony, ...timeline.coherence].map((point) => point.weekOf))].sort();
  const cell = (points: ProgressTimeline['synchrony'], weekOf: string) => {
    const point = points.find((candidate) => candidate.weekOf === weekOf);
    return point === undefined ? 'none' : `${numberShort(point.median)} (${String(point.count)} ${point.count === 1 ? 'reading' : 'readings'})`;
  };
  return {
    caption: 'Moving together and heart rhythm, by week (the middle reading)',
    rowHeading: 'Week of',
    columns: ['Synchrony', 'Coherence'],
    rows: weeks.map((weekOf) => ({ head: weekRowLabel(weekOf), cells: [cell(timeline.synchrony, weekOf), cell(timeline.coherence, weekOf)] })),
  };
}

/** Cycle moments by week. */
export function cycleTable(timeline: ProgressTimeline): ProgressTable {
  return {
    caption: 'Times you noticed the cycle, by week',
    rowHeading: 'Week of',
    columns: ['Times noticed'],
    rows: timeline.cycleMoments.map((week) => ({ head: weekRowLabel(week.weekOf), cells: [String(week.count)] })),
  };
}

/** Repairs by month: how many began, how many reached a next step, and the typical time it took. */
export function repairTable(timeline: ProgressTimeline): ProgressTable {
  return {
    caption: 'Repairs by month',
    rowHeading: 'Month',
    columns: ['Began', 'Reached a next step', 'Typical time from rupture to next step'],
    rows: timeline.repairs.map((month) => ({
      head: monthLabel(month.monthOf),
      cells: [String(month.startedCount), String(month.completedCount), month.medianTimeToRepairMs === null ? 'not yet' : durationShort(month.medianTimeToRepairMs)],
    })),
  };
}

/** Rows by local day for series of dated points; the latest answer of a day stands for it. */
function dayTable(
  caption: string,
  lines: readonly { label: string; points: readonly { atMs: number; value: number }[] }[],
  tzOffsetMin: number,
): ProgressTable {
  const days = [...new Set(lines.flatMap((line) => line.points.map((point) => localDayNumber(point.atMs, tzOffsetMin))))].sort((a, b) => a - b);
  const valueOn = (line: (typeof lines)[number], day: number) => {
    const onDay = line.points.filter((point) => localDayNumber(point.atMs, tzOffsetMin) === day).sort((a, b) => a.atMs - b.atMs);
    const last = onDay.at(-1);
    return last === undefined ? 'not answered' : String(last.value);
  };
  return {
    caption,
    rowHeading: 'Day',
    columns: lines.map((line) => line.label),
    rows: days.map((day) => ({ head: dayLabel(day, true), cells: lines.map((line) => valueOn(line, day)) })),
  };
}

/** The two questions' numbers by day. */
export function workingModelTable(timeline: ProgressTimeline, tzOffsetMin: number): ProgressTable {
  return dayTable(
    'Your answers to the two questions, from 0 to 10',
    timeline.reflections.workingModel.map((change) => ({
      label: WORKING_MODEL_QUESTIONS.find((question) => question.id === change.questionId)?.shortName ?? change.questionId,
      points: change.points,
    })),
    tzOffsetMin,
  );
}

/** The markers' ratings by day. */
export function markersTable(timeline: ProgressTimeline, tzOffsetMin: number): ProgressTable {
  return dayTable(
    'How true each marker felt, from 0 to 10',
    timeline.reflections.markers.map((series) => ({
      label: CHANGE_MARKERS.find((marker) => marker.id === series.markerId)?.shortName ?? series.markerId,
      points: series.points,
    })),
    tzOffsetMin,
  );
}
