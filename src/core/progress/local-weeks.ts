/**
 * The local weeks and months a period spans, so aggregates can be cut at the person's own week and
 * month boundaries. One offset is used for the whole period (the person's current one): across a
 * daylight-saving change, something within an hour of midnight may fall on the neighbouring day.
 */
import {
  MS_PER_DAY,
  dayNumberIso,
  localDayNumber,
  localDayStartMs,
  weekdayOfDayNumber,
} from './local-calendar.ts';
import type { ProgressPeriod } from './progress-records.ts';

/** One local week, named by its Monday, as a span of instants. */
export interface LocalWeek extends ProgressPeriod {
  readonly weekOf: string;
}

/** The local weeks that overlap the period, each clipped to it, in order. */
export function localWeeksOf(period: ProgressPeriod, tzOffsetMin: number): LocalWeek[] {
  if (period.toMs <= period.fromMs) return [];
  const firstDay = localDayNumber(period.fromMs, tzOffsetMin);
  let monday = firstDay - (weekdayOfDayNumber(firstDay) - 1);
  const weeks: LocalWeek[] = [];
  for (;;) {
    const startMs = localDayStartMs(monday, tzOffsetMin);
    if (startMs >= period.toMs) return weeks;
    const endMs = startMs + 7 * MS_PER_DAY;
    weeks.push({
      weekOf: dayNumberIso(monday),
      fromMs: Math.max(startMs, period.fromMs),
      toMs: Math.min(endMs, period.toMs),
    });
    monday += 7;
  }
}

/** Groups items by a key, keeping the groups in order of their keys (ISO dates sort as text). */
export function groupByKey<T>(items: readonly T[], keyOf: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
