/**
 * Times to come back together, in the person's own local time: a few ready choices ("in 20
 * minutes", "tomorrow morning"), a free choice through a date-and-time field, and plain words for
 * any time ("today at 18:30", "tomorrow at 09:00"). Uses this device's calendar and time zone,
 * which is the person's own.
 */

import { MONTH_NAMES } from '../../core/progress/index.ts';

const MINUTE_MS = 60_000;
/** Day names by `Date#getDay()`, Sunday first. The app's words are English throughout. */
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const HOUR_MS = 60 * MINUTE_MS;

/** A ready-made time to suggest. */
export interface ReturnTimeChoice {
  readonly id: string;
  readonly label: string;
  readonly atMs: number;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** "18:30", in this device's local time, 24-hour like the rest of the app's time fields. */
export function clockWords(atMs: number): string {
  const date = new Date(atMs);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function localMidnight(atMs: number): number {
  const date = new Date(atMs);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Whole local days from `fromMs`'s date to `toMs`'s date (0 today, 1 tomorrow, -1 yesterday). */
function localDaysBetween(fromMs: number, toMs: number): number {
  return Math.round((localMidnight(toMs) - localMidnight(fromMs)) / (24 * HOUR_MS));
}

/** When, in words: "today at 18:30", "tomorrow at 09:00", "yesterday at 21:10", "Saturday 22 November at 09:00". */
export function localTimeWords(atMs: number, nowMs: number): string {
  const days = localDaysBetween(nowMs, atMs);
  const time = clockWords(atMs);
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  if (days === -1) return `yesterday at ${time}`;
  const date = new Date(atMs);
  const sameYear = date.getFullYear() === new Date(nowMs).getFullYear();
  const day = `${WEEKDAY_NAMES[date.getDay()] ?? ''} ${String(date.getDate())} ${MONTH_NAMES[date.getMonth()] ?? ''}`;
  return `${day}${sameYear ? '' : ` ${String(date.getFullYear())}`} at ${time}`;
}

/** How long until then, roughly: "now", "in 20 minutes", "in about 2 hours", "in 3 days". */
export function untilWords(atMs: number, nowMs: number): string {
  const leftMs = atMs - nowMs;
  if (leftMs < MINUTE_MS) return 'now';
  if (leftMs < HOUR_MS) {
    const minutes = Math.round(leftMs / MINUTE_MS);
    return `in ${String(minutes)} ${minutes === 1 ? 'minute' : 'minutes'}`;
  }
  if (leftMs < 24 * HOUR_MS) {
    const hours = Math.round(leftMs / HOUR_MS);
    return hours === 1 ? 'in about an hour' : `in about ${String(hours)} hours`;
  }
  const days = Math.round(leftMs / (24 * HOUR_MS));
  return days === 1 ? 'in about a day' : `in ${String(days)} days`;
}

/** Today at `hour`:00 local time. */
function todayAt(nowMs: number, hour: number): number {
  const date = new Date(nowMs);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate(), hour).getTime();
}

/** Tomorrow at `hour`:00 local time. */
function tomorrowAt(nowMs: number, hour: number): number {
  const date = new Date(nowMs);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1, hour).getTime();
}

/** The hour "this evening" suggests, and the latest hour it is still offered before. */
const EVENING_HOUR = 19;
const MORNING_HOUR = 9;

/**
 * A few times to suggest, soonest first: now, in 20 minutes, in an hour, this evening (while it is
 * still a few hours off), tomorrow morning. Coming back "now" is for when both feel ready already.
 */
export function returnTimeChoices(nowMs: number): ReturnTimeChoice[] {
  const choices: ReturnTimeChoice[] = [
    { id: 'now', label: 'Now, if you are ready too', atMs: nowMs },
    { id: 'in-20-minutes', label: 'In 20 minutes', atMs: nowMs + 20 * MINUTE_MS },
    { id: 'in-an-hour', label: 'In an hour', atMs: nowMs + HOUR_MS },
  ];
  const evening = todayAt(nowMs, EVENING_HOUR);
  if (evening - nowMs >= 2 * HOUR_MS) choices.push({ id: 'this-evening', label: `This evening at ${clockWords(evening)}`, atMs: evening });
  const morning = tomorrowAt(nowMs, MORNING_HOUR);
  choices.push({ id: 'tomorrow-morning', label: `Tomorrow morning at ${clockWords(morning)}`, atMs: morning });
  return choices;
}

/** An instant as a `datetime-local` field's value ("2025-11-21T18:30"), in local time. */
export function dateTimeFieldValue(atMs: number): string {
  const date = new Date(atMs);
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` field's value as an instant, or null when it is empty or cannot be read. */
export function dateTimeFieldParse(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [year, month, day, hours, minutes] = match.slice(1).map(Number) as [number, number, number, number, number];
  const atMs = new Date(year, month - 1, day, hours, minutes).getTime();
  return Number.isFinite(atMs) ? atMs : null;
}
