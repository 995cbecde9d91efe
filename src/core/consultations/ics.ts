/**
 * A consultation as an iCalendar file (RFC 5545), for any calendar app: one VEVENT in a
 * VCALENDAR, times in UTC ("Z" form) so no time-zone definitions are needed, and every rule a
 * strict reader checks: CRLF line ends (§3.1), lines folded at 75 octets without splitting a
 * UTF-8 character (§3.1), TEXT values escaped (§3.3.11: backslash, semicolon, comma, newline).
 *
 * - [IC1] UID is stable for a consultation, so a calendar updates its entry instead of adding one.
 * - [IC2] SEQUENCE is the consultation's sequence: it rises on every move and on cancelling, so a
 *   calendar takes the newest file as the truth (RFC 5545 §3.8.7.4).
 * - [IC3] A cancelled consultation is STATUS:CANCELLED; anything else STATUS:CONFIRMED.
 * - [IC4] DESCRIPTION ends with the link to the consultation, where its room opens.
 * - [IC5] The file depends on its inputs only: DTSTAMP is passed in (the server gives the time the
 *   consultation last changed), so the same consultation always gives the same file.
 */

/** Everything one event needs; all times are UTC instants in ms. */
export interface ConsultationIcsInput {
  /** Globally unique and stable, e.g. "<consultation id>@attune.example". */
  readonly uid: string;
  /** When this version of the consultation was made (RFC 5545 DTSTAMP). */
  readonly stampMs: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly sequence: number;
  readonly cancelled: boolean;
  readonly summary: string;
  readonly description: string;
  /** Where the consultation's room opens. */
  readonly url: string;
}

/** RFC 5545 PRODID of Attune's files. */
export const ICS_PRODUCT_ID = '-//Attune//Consultations//EN';
/** Longest line in octets, not counting the CRLF (RFC 5545 §3.1). */
export const ICS_LINE_OCTETS_MAX = 75;
/** Media type of the file. */
export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

const CRLF = '\r\n';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Control characters other than horizontal tab are not allowed in TEXT (RFC 5545 §3.3.11).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** A UTC instant in RFC 5545 form: 2026-03-29T07:00:00.000Z → "20260329T070000Z". */
export function icsUtcDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** A TEXT value escaped: \ ; , as \\ \; \, and every line break as \n; other controls dropped. */
export function icsTextEscape(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(CONTROL, '')
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\n/g, '\\n');
}

/** The text an escaped TEXT value stands for (the inverse of `icsTextEscape` on clean text). */
export function icsTextUnescape(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_match, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

/** Octets of one code point in UTF-8 (a lone surrogate counts as the 3 of U+FFFD). */
function utf8Octets(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code < 0x10000) return 3;
  return 4;
}

/** Octets of a string in UTF-8. */
export function utf8Length(text: string): number {
  let octets = 0;
  for (const char of text) octets += utf8Octets(char);
  return octets;
}

/**
 * One content line folded into physical lines of at most 75 octets: each continuation starts with
 * one space, which counts toward its 75, and no UTF-8 character is split (RFC 5545 §3.1).
 */
export function icsLineFold(line: string): string {
  const physical: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char);
    if (octets + size > ICS_LINE_OCTETS_MAX) {
      physical.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  physical.push(current);
  return physical.join(CRLF);
}

/** The content lines of a file: folded lines joined back (a CRLF followed by a space or tab is removed). */
export function icsUnfold(text: string): string {
  return text.replace(/\r\n[ \t]/g, '');
}

/** The content lines of the file, before folding. */
export function consultationIcsLines(input: ConsultationIcsInput): string[] {
  const description = `${input.description}\n\n${input.url}`;
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${icsTextEscape(input.uid)}`,
    `DTSTAMP:${icsUtcDateTime(input.stampMs)}`,
    `DTSTART:${icsUtcDateTime(input.startMs)}`,
    `DTEND:${icsUtcDateTime(input.endMs)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(input.sequence))}`,
    `STATUS:${input.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY:${icsTextEscape(input.summary)}`,
    `DESCRIPTION:${icsTextEscape(description)}`,
    `LOCATION:${icsTextEscape(input.url)}`,
    `URL:${input.url.replace(CONTROL, '').replace(/\s/g, '')}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
}

/** The whole .ics file: folded content lines, each ending in CRLF. */
export function consultationIcs(input: ConsultationIcsInput): string {
  return consultationIcsLines(input).map(icsLineFold).join(CRLF) + CRLF;
}
