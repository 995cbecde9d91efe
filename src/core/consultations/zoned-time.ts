/**
 * Wall-clock time in a named IANA time zone, with the runtime's own time-zone database
 * (`Intl.DateTimeFormat`; Node 20 and every current browser ship full ICU). No clock is read:
 * every function takes the instant or the wall-clock time it works on.
 *
 * Algorithm: the offset at an instant is read by formatting the instant in the zone and taking the
 * difference between that wall-clock time (read as if it were UTC) and the instant. Going the
 * other way, from a wall-clock time to instants, follows the TC39 Temporal proposal's
 * GetNamedTimeZoneEpochNanoseconds: take the zone's offsets one day before and one day after the
 * wall-clock time, try each, and keep the candidates that really show that wall-clock time. One
 * candidate: an ordinary time. Two: a repeated time (clocks went back). None: a skipped time
 * (clocks went forward). This assumes no zone changes its offset twice within two days, which
 * holds for every zone in the IANA database.
 */
import { MS_PER_DAY, civilFromDayNumber, dayNumberFromCivil, weekdayOfDayNumber } from '../progress/local-calendar.ts';

const MS_PER_MINUTE = 60_000;
const MS_PER_SECOND = 1000;

/** A wall-clock time: a local day (days since 1970-01-01 on the local calendar) and a minute of it. */
export interface WallTime {
  readonly dayNumber: number;
  /** Minutes since local midnight, 0 … 1439. */
  readonly minuteOfDay: number;
}

/** A wall-clock time as a zone shows it at an instant, with the offset in force then. */
export interface ZonedWallTime extends WallTime {
  /** ISO weekday: 1 Monday … 7 Sunday. */
  readonly weekday: number;
  /** Local time minus UTC, in ms (Berlin in winter: 3 600 000). */
  readonly offsetMs: number;
}

/** Where a wall-clock time falls in a zone on a given day. */
export type WallTimeInstants =
  /** An ordinary time: exactly one instant. */
  | { readonly kind: 'exact'; readonly ms: number }
  /** Clocks went back over it, so it happened twice. */
  | { readonly kind: 'repeated'; readonly earlierMs: number; readonly laterMs: number }
  /**
   * Clocks jumped forward over it, so it never happened. `shiftedMs` is where it would be had the
   * clock not jumped: the same time pushed later by the length of the jump (02:30 → 03:30).
   */
  | { readonly kind: 'skipped'; readonly shiftedMs: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter per zone, made once: making one costs far more than using it. */
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `timeZone` is an IANA zone name (or "UTC") this runtime knows. */
export function timeZoneIsKnown(timeZone: string): boolean {
  if (timeZone.trim() === '' || timeZone.length > 64) return false;
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's canonical spelling ("europe/berlin" → "Europe/Berlin"); throws RangeError if unknown. */
export function timeZoneCanonical(timeZone: string): string {
  return formatterOf(timeZone).resolvedOptions().timeZone;
}

/** Local time minus UTC at `utcMs`, in ms, in `timeZone`. Throws RangeError for an unknown zone. */
export function timeZoneOffsetMsAt(timeZone: string, utcMs: number): number {
  const parts = formatterOf(timeZone).formatToParts(utcMs);
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of parts) {
    const value = Number(part.value);
    if (part.type === 'year') year = value;
    else if (part.type === 'month') month = value;
    else if (part.type === 'day') day = value;
    else if (part.type === 'hour') hour = value;
    else if (part.type === 'minute') minute = value;
    else if (part.type === 'second') second = value;
  }
  const wallAsUtcMs = dayNumberFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * MS_PER_SECOND;
  // The formatter shows whole seconds; compare with the instant cut to its second.
  const wholeSecondMs = utcMs - (((utcMs % MS_PER_SECOND) + MS_PER_SECOND) % MS_PER_SECOND);
  return wallAsUtcMs - wholeSecondMs;
}

/** The wall-clock time `timeZone` shows at `utcMs` (to the minute), its weekday and offset. */
export function wallTimeOf(timeZone: string, utcMs: number): ZonedWallTime {
  const offsetMs = timeZoneOffsetMsAt(timeZone, utcMs);
  const wallMs = utcMs + offsetMs;
  const dayNumber = Math.floor(wallMs / MS_PER_DAY);
  return {
    dayNumber,
    minuteOfDay: Math.floor((wallMs - dayNumber * MS_PER_DAY) / MS_PER_MINUTE),
    weekday: weekdayOfDayNumber(dayNumber),
    offsetMs,
  };
}

/** The instants at which `timeZone` shows `minuteOfDay` on local day `dayNumber` (minute 1440 is next midnight). */
export function wallTimeInstants(timeZone: string, dayNumber: number, minuteOfDay: number): WallTimeInstants {
  const wallMs = dayNumber * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
  const offsetBefore = timeZoneOffsetMsAt(timeZone, wallMs - MS_PER_DAY);
  const offsetAfter = timeZoneOffsetMsAt(timeZone, wallMs + MS_PER_DAY);
  const candidates = [...new Set([wallMs - offsetBefore, wallMs - offsetAfter])]
    .filter((ms) => ms + timeZoneOffsetMsAt(timeZone, ms) === wallMs)
    .sort((a, b) => a - b);
  const [first, second] = candidates;
  if (first === undefined) return { kind: 'skipped', shiftedMs: wallMs - offsetBefore };
  if (second === undefined) return { kind: 'exact', ms: first };
  return { kind: 'repeated', earlierMs: first, laterMs: second };
}

/**
 * One instant for a wall-clock time, as calendars do it (Temporal's "compatible"): a repeated time
 * is its first occurrence, a skipped time is pushed later by the length of the jump.
 */
export function wallTimeToUtcMs(timeZone: string, dayNumber: number, minuteOfDay: number): number {
  const instants = wallTimeInstants(timeZone, dayNumber, minuteOfDay);
  switch (instants.kind) {
    case 'exact':
      return instants.ms;
    case 'repeated':
      return instants.earlierMs;
    case 'skipped':
      return instants.shiftedMs;
  }
}

/** A local day as an ISO date: 20 541 → "2026-03-29". */
export function dayNumberIsoDate(dayNumber: number): string {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The local day of an ISO date "2026-03-29", or null when it is not a real date. */
export function dayNumberOfIsoDate(isoDate: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const dayNumber = dayNumberFromCivil(year, month, day);
  const back = civilFromDayNumber(dayNumber);
  return back.year === year && back.month === month && back.day === day ? dayNumber : null;
}
