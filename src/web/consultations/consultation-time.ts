/**
 * Consultation times as a person reads them: in their own time zone (the browser's), with the
 * practitioner's zone named when it differs, so nobody has to do time-zone sums. Every function
 * takes the zone (and locale) it formats for, so tests pin them.
 */
import { WEEKDAY_NAMES } from '../../core/consultations/availability.ts';
import { dayNumberOfIsoDate, timeZoneIsKnown } from '../../core/consultations/zoned-time.ts';

/** The browser's IANA time zone ("UTC" if it cannot say). */
export function viewerTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone !== '' && timeZoneIsKnown(zone) ? zone : 'UTC';
}

/** Every zone the browser knows, the viewer's own included, A to Z. */
export function timeZoneChoices(own: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, own, 'UTC'])].sort((a, b) => a.localeCompare(b));
}

/**
 * Zones whose old names browsers still report (their time-zone data keeps the first spelling as
 * canonical), with the names people use now.
 */
const ZONE_NAMES_NOW: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk',
};

/** A zone as people write it: "America/New_York" → "America/New York", "Asia/Calcutta" → "Asia/Kolkata". */
export function timeZoneWords(zone: string): string {
  return (ZONE_NAMES_NOW[zone] ?? zone).replace(/_/g, ' ');
}

/** A clock time in `zone`: "09:00" (or "9:00 am", as the locale writes it). */
export function clockWords(ms: number, zone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(ms);
}

/** A date in `zone`: "Tuesday 31 March". */
export function dateWords(ms: number, zone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long' }).format(ms);
}

/** A span in `zone`: "Tuesday 31 March, 09:00–09:50". */
export function spanWords(startMs: number, endMs: number, zone: string, locale?: string): string {
  return `${dateWords(startMs, zone, locale)}, ${clockWords(startMs, zone, locale)}–${clockWords(endMs, zone, locale)}`;
}

/** A local date "2026-03-31" as a heading: "Tuesday 31 March". */
export function localDateWords(localDate: string, locale?: string): string {
  const dayNumber = dayNumberOfIsoDate(localDate);
  if (dayNumber === null) return localDate;
  return dateWords(dayNumber * 86_400_000 + 12 * 3_600_000, 'UTC', locale);
}

/** ISO weekday (1 Monday) as a name. */
export function weekdayWords(weekday: number): string {
  return WEEKDAY_NAMES[weekday - 1] ?? '';
}

/**
 * The practitioner's own time of a consultation, for someone elsewhere: "09:00 in Berlin, Pia's
 * time"; null when both are in the same zone (nothing to add).
 */
export function otherZoneWords(startMs: number, practitionerZone: string, viewerZone: string, practitionerName: string, locale?: string): string | null {
  if (practitionerZone === viewerZone) return null;
  if (clockWords(startMs, practitionerZone, locale) === clockWords(startMs, viewerZone, locale) && dateWords(startMs, practitionerZone, locale) === dateWords(startMs, viewerZone, locale)) return null;
  const named = timeZoneWords(practitionerZone);
  const place = named.split('/').pop() ?? named;
  return `${dateWords(startMs, practitionerZone, locale)}, ${clockWords(startMs, practitionerZone, locale)} in ${place}, ${practitionerName}’s time`;
}
