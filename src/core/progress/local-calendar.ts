/**
 * Local calendar dates from an instant and a time-zone offset, without `Date`: the core reads no
 * clock and keeps no hidden time zone, so every bucket (week, month, slot) is a pure function of
 * `(ms, tzOffsetMin)`.
 *
 * Algorithm: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms"
 * (https://howardhinnant.github.io/date_algorithms.html), `civil_from_days` and
 * `days_from_civil`, which are exact for the proleptic Gregorian calendar over any range a
 * JavaScript number of milliseconds can hold.
 *
 * Offset convention: `tzOffsetMin` is local time minus UTC in minutes, as in ISO 8601
 * ("+01:00" is 60, New York in winter is -300). It is the negation of `Date#getTimezoneOffset()`.
 * The caller passes the offset that applied at the instant; the core does not know about
 * daylight-saving rules.
 */

const MS_PER_MINUTE = 60_000;
/** Milliseconds in a calendar day (UTC days have no leap seconds in JavaScript time). */
export const MS_PER_DAY = 86_400_000;
/** Minutes in a day. */
export const MINUTES_PER_DAY = 1440;
/** The widest offset in use anywhere (UTC−12:00 to UTC+14:00), with a margin either side. */
export const TZ_OFFSET_MIN_RANGE = { min: -16 * 60, max: 16 * 60 } as const;

/** The English month names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A date on the local calendar, with the ISO weekday (1 Monday … 7 Sunday) and the minute of the day. */
export interface LocalDate {
  readonly year: number;
  /** 1 January … 12 December. */
  readonly month: number;
  readonly day: number;
  /** ISO 8601: 1 is Monday, 7 is Sunday. */
  readonly weekday: number;
  /** Minutes since local midnight, 0 … 1439. */
  readonly minuteOfDay: number;
  /** Whole local days since 1970-01-01, the same count for every instant of this local day. */
  readonly dayNumber: number;
}

/** Throws when the offset is not a whole number of minutes within the range any place uses. */
export function tzOffsetCheck(tzOffsetMin: number): void {
  if (
    !Number.isInteger(tzOffsetMin) ||
    tzOffsetMin < TZ_OFFSET_MIN_RANGE.min ||
    tzOffsetMin > TZ_OFFSET_MIN_RANGE.max
  ) {
    throw new RangeError(
      `A time-zone offset is whole minutes within ±16 hours; got ${String(tzOffsetMin)}.`,
    );
  }
}

/** The local day number (days since 1970-01-01 on the local calendar) of an instant. */
export function localDayNumber(ms: number, tzOffsetMin: number): number {
  tzOffsetCheck(tzOffsetMin);
  return Math.floor((ms + tzOffsetMin * MS_PER_MINUTE) / MS_PER_DAY);
}

/** The year, month and day of a day number (Hinnant's `civil_from_days`). */
export function civilFromDayNumber(dayNumber: number): {
  year: number;
  month: number;
  day: number;
} {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** The day number of a calendar date (Hinnant's `days_from_civil`). */
export function dayNumberFromCivil(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The ISO weekday (1 Monday … 7 Sunday) of a day number; 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** The local calendar date of an instant. */
export function localDateOf(ms: number, tzOffsetMin: number): LocalDate {
  const dayNumber = localDayNumber(ms, tzOffsetMin);
  const localMs = ms + tzOffsetMin * MS_PER_MINUTE;
  const minuteOfDay = Math.floor((localMs - dayNumber * MS_PER_DAY) / MS_PER_MINUTE);
  return {
    ...civilFromDayNumber(dayNumber),
    weekday: weekdayOfDayNumber(dayNumber),
    minuteOfDay,
    dayNumber,
  };
}

/** The UTC instant at which a local day begins (its local midnight). */
export function localDayStartMs(dayNumber: number, tzOffsetMin: number): number {
  tzOffsetCheck(tzOffsetMin);
  return dayNumber * MS_PER_DAY - tzOffsetMin * MS_PER_MINUTE;
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** A day number as an ISO date, "2025-11-21". */
export function dayNumberIso(dayNumber: number): string {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The key of the local week an instant falls in: the ISO date of its Monday ("2025-11-17"). */
export function localWeekKey(ms: number, tzOffsetMin: number): string {
  const dayNumber = localDayNumber(ms, tzOffsetMin);
  return dayNumberIso(dayNumber - (weekdayOfDayNumber(dayNumber) - 1));
}

/** The key of the local month an instant falls in ("2025-11"). */
export function localMonthKey(ms: number, tzOffsetMin: number): string {
  const { year, month } = localDateOf(ms, tzOffsetMin);
  return `${pad(year, 4)}-${pad(month, 2)}`;
}
