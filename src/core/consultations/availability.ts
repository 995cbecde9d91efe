/**
 * A practitioner's weekly availability: windows on days of the week, in their own IANA time zone
 * ("Tuesdays 09:00–12:00 Europe/Berlin"), cut into slots of one length with an optional rest
 * between them. Times are wall-clock times in that zone, so a 09:00 window stays at 09:00 on the
 * practitioner's clock all year, whatever daylight saving does (see `slots.ts`).
 */
import { z } from 'zod';
import { timeZoneIsKnown } from './zoned-time.ts';

/** ISO weekdays, Monday first, as the rules and the screens name them. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** An ISO weekday: 1 Monday … 7 Sunday. */
export type Weekday = (typeof WEEKDAYS)[number];
/** English names of the ISO weekdays, index 0 is Monday. */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** Shortest and longest consultation, in minutes. */
export const SLOT_MINUTES_RANGE = { min: 15, max: 240 } as const;
/** Longest rest between two consultations of one window, in minutes. */
export const BUFFER_MINUTES_MAX = 120;
/** Longest minimum notice a practitioner may ask for: two weeks, in minutes. */
export const MIN_NOTICE_MINUTES_MAX = 14 * 24 * 60;
/** Minimum notice when a practitioner does not say: a booking at least two hours ahead. */
export const MIN_NOTICE_MINUTES_DEFAULT = 120;
/** How far ahead a consultation can be booked, in days. */
export const BOOKING_HORIZON_DAYS = 90;
/** Most windows in one week. */
export const WINDOWS_MAX = 42;

/** A wall-clock time "HH:MM" (24-hour); "24:00" only as the end of a window (midnight after). */
export type LocalTime = string;

const localTimeSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Write times as HH:MM, for example 09:00 or 17:30.');

/** One weekly window of availability. */
export interface AvailabilityWindow {
  readonly weekday: Weekday;
  /** Wall-clock start, "HH:MM". */
  readonly start: LocalTime;
  /** Wall-clock end, "HH:MM", later than the start on the same day ("24:00": midnight). */
  readonly end: LocalTime;
}

/** Everything that decides which consultations a practitioner offers. */
export interface AvailabilityRules {
  /** IANA zone the windows are in, e.g. "Europe/Berlin". */
  readonly timeZone: string;
  /** Length of each consultation, in minutes. */
  readonly slotMinutes: number;
  /** Rest between two consultations of one window, in minutes. */
  readonly bufferMinutes: number;
  /** How long before its start a consultation may still be booked (or moved to), in minutes. */
  readonly minNoticeMinutes: number;
  readonly windows: readonly AvailabilityWindow[];
}

/** The wire and storage shape of `AvailabilityRules`, before `availabilityProblems` is asked. */
export const availabilityRulesSchema = z.strictObject({
  timeZone: z.string().min(1, 'Choose the time zone your times are in.').max(64),
  slotMinutes: z
    .number()
    .int('Give the length in whole minutes.')
    .min(SLOT_MINUTES_RANGE.min, `A consultation lasts at least ${SLOT_MINUTES_RANGE.min} minutes.`)
    .max(SLOT_MINUTES_RANGE.max, `A consultation lasts at most ${SLOT_MINUTES_RANGE.max} minutes.`),
  bufferMinutes: z.number().int('Give the rest in whole minutes.').min(0).max(BUFFER_MINUTES_MAX, `A rest between consultations is at most ${BUFFER_MINUTES_MAX} minutes.`),
  minNoticeMinutes: z
    .number()
    .int('Give the notice in whole minutes.')
    .min(0)
    .max(MIN_NOTICE_MINUTES_MAX, 'The notice can be at most two weeks.')
    .default(MIN_NOTICE_MINUTES_DEFAULT),
  windows: z
    .array(
      z.strictObject({
        weekday: z.literal(WEEKDAYS, { error: 'Choose a day of the week.' }),
        start: localTimeSchema,
        end: localTimeSchema,
      }),
    )
    .max(WINDOWS_MAX, `You can offer at most ${WINDOWS_MAX} times a week.`),
});

/** Minutes since midnight of "HH:MM" ("24:00" is 1440). */
export function localTimeMinutes(time: LocalTime): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** "HH:MM" of minutes since midnight (1440 is "24:00"). */
export function localTimeOfMinutes(minutes: number): LocalTime {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A window's wording: "Tuesday 09:00–12:00". */
export function availabilityWindowWords(window: AvailabilityWindow): string {
  return `${WEEKDAY_NAMES[window.weekday - 1] ?? ''} ${window.start}–${window.end}`;
}

/**
 * What is wrong with rules that passed the schema, as sentences a person can act on; empty when
 * they can be published. Windows on one day may touch but not overlap, and each holds at least
 * one consultation.
 */
export function availabilityProblems(rules: AvailabilityRules): string[] {
  const problems: string[] = [];
  if (!timeZoneIsKnown(rules.timeZone)) problems.push(`"${rules.timeZone}" is not a time zone Attune knows. Choose one from the list, such as Europe/Berlin.`);
  for (const window of rules.windows) {
    const start = localTimeMinutes(window.start);
    const end = localTimeMinutes(window.end);
    if (start === 24 * 60) problems.push(`${availabilityWindowWords(window)}: a window cannot start at 24:00.`);
    else if (end <= start) problems.push(`${availabilityWindowWords(window)}: the end needs to be later than the start.`);
    else if (end - start < rules.slotMinutes) problems.push(`${availabilityWindowWords(window)}: this is shorter than one ${rules.slotMinutes}-minute consultation.`);
  }
  const sorted = [...rules.windows].sort((a, b) => a.weekday - b.weekday || localTimeMinutes(a.start) - localTimeMinutes(b.start));
  for (let index = 1; index < sorted.length; index += 1) {
    const before = sorted[index - 1];
    const window = sorted[index];
    if (before === undefined || window === undefined || before.weekday !== window.weekday) continue;
    if (localTimeMinutes(window.start) < localTimeMinutes(before.end)) {
      problems.push(`${availabilityWindowWords(before)} and ${availabilityWindowWords(window)} overlap. Join them into one, or move one.`);
    }
  }
  return problems;
}

/** The windows in a steady order: by day, then by start. */
export function availabilityWindowsSorted(windows: readonly AvailabilityWindow[]): AvailabilityWindow[] {
  return [...windows].sort((a, b) => a.weekday - b.weekday || localTimeMinutes(a.start) - localTimeMinutes(b.start));
}
