/**
 * How the progress page writes weeks, months, days and lengths of time: short forms for chart
 * axes and tables, plain words for sentences. Dates come from the core's local calendar, so they
 * match the buckets the numbers were added up in.
 */
import { MONTH_NAMES, civilFromDayNumber } from '../../core/progress/index.ts';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const MS_PER_DAY = 24 * MS_PER_HOUR;

function monthShort(month: number): string {
  return (MONTH_NAMES[month - 1] ?? '').slice(0, 3);
}

function isoParts(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split('-').map(Number);
  return { year: year ?? 1970, month: month ?? 1, day: day ?? 1 };
}

/** A week's Monday ("2025-11-17") as an axis label: "17 Nov". */
export function weekShort(weekOf: string): string {
  const { month, day } = isoParts(weekOf);
  return `${String(day)} ${monthShort(month)}`;
}

/** A week's Monday as a heading: "Week of 17 Nov 2025". */
export function weekLong(weekOf: string): string {
  const { year, month, day } = isoParts(weekOf);
  return `Week of ${String(day)} ${monthShort(month)} ${String(year)}`;
}

/** A week's Monday for a table row: "17 Nov 2025" (the column says "Week of"). */
export function weekRowLabel(weekOf: string): string {
  const { year, month, day } = isoParts(weekOf);
  return `${String(day)} ${monthShort(month)} ${String(year)}`;
}

/** A month key ("2025-11") as a label: "Nov 2025". */
export function monthLabel(monthOf: string): string {
  const { year, month } = isoParts(`${monthOf}-01`);
  return `${monthShort(month)} ${String(year)}`;
}

/** A local day number as a label: "3 Mar", or "3 Mar 2025" with `withYear`. */
export function dayLabel(dayNumber: number, withYear = false): string {
  const { year, month, day } = civilFromDayNumber(Math.round(dayNumber));
  return `${String(day)} ${monthShort(month)}${withYear ? ` ${String(year)}` : ''}`;
}

/** Hours with one decimal place and no trailing ".0": 1.5, 2. */
export function hoursValue(ms: number): number {
  return Math.round((ms / MS_PER_HOUR) * 10) / 10;
}

/** Whole minutes, rounded: 90 000 ms is 2. */
export function minutesValue(ms: number): number {
  return Math.round(ms / MS_PER_MINUTE);
}

/** A length of time for a table: "45 min", "2 h 5 min", "3 d 4 h". */
export function durationShort(ms: number): string {
  if (!Number.isFinite(ms) || ms < MS_PER_MINUTE) return ms > 0 ? 'under 1 min' : '0 min';
  if (ms < MS_PER_HOUR) return `${String(minutesValue(ms))} min`;
  if (ms < MS_PER_DAY) {
    const hours = Math.floor(ms / MS_PER_HOUR);
    const minutes = Math.round((ms - hours * MS_PER_HOUR) / MS_PER_MINUTE);
    return minutes === 0 || minutes === 60 ? `${String(minutes === 60 ? hours + 1 : hours)} h` : `${String(hours)} h ${String(minutes)} min`;
  }
  const days = Math.floor(ms / MS_PER_DAY);
  const hours = Math.round((ms - days * MS_PER_DAY) / MS_PER_HOUR);
  return hours === 0 || hours === 24 ? `${String(hours === 24 ? days + 1 : days)} d` : `${String(days)} d ${String(hours)} h`;
}

function plural(count: number, one: string, many: string): string {
  return `${String(count)} ${count === 1 ? one : many}`;
}

/** A length of time in words, to the nearest sensible unit: "about 45 minutes", "about 2 hours", "about 3 days". */
export function durationWords(ms: number): string {
  if (!Number.isFinite(ms) || ms < MS_PER_MINUTE) return 'less than a minute';
  if (ms < MS_PER_HOUR) return plural(minutesValue(ms), 'minute', 'minutes');
  if (ms < MS_PER_DAY) {
    const hours = Math.round((ms / MS_PER_HOUR) * 2) / 2;
    return hours === 1 ? 'about an hour' : `about ${String(hours)} hours`;
  }
  const days = Math.round(ms / MS_PER_DAY);
  return days === 1 ? 'about a day' : `about ${String(days)} days`;
}

/** A count in words for sentences: "once", "twice", "3 times". */
export function timesWords(count: number): string {
  if (count === 1) return 'once';
  if (count === 2) return 'twice';
  return `${String(count)} times`;
}

/** A number for a chart's table: at most two decimal places, no trailing zeros. */
export function numberShort(value: number): string {
  return String(Math.round(value * 100) / 100);
}
