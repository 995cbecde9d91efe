/**
 * The beat-to-beat intervals of a session as CSV (RFC 4180: comma-separated, CRLF line ends,
 * fields with commas, quotes or line breaks quoted and their quotes doubled), one row per RR
 * interval. A row of stored signals carries the instant of its sample; its intervals are laid end
 * to end so the last one ends at that instant (a strap sends each beat once it is complete).
 * Names are people's own words, so every text cell is guarded against spreadsheet formula
 * injection (OWASP, "CSV Injection"): a cell starting with = + - @, a tab or a carriage return
 * gets a leading apostrophe, so spreadsheet software shows it as text instead of running it.
 */
import type { ReportPerson, ReportSignalRow } from './session-report.ts';

/** The first line of the file. */
export const RR_CSV_HEADER = 'participant,name,beat_end_iso,rr_ms';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One text cell, safe to open in a spreadsheet. */
export function csvTextCell(value: string): string {
  const defused = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
}

/** Every RR interval of the rows, person by person (in `people` order, then anyone else), oldest first. */
export function rrIntervalsCsv(
  rows: readonly ReportSignalRow[],
  people: readonly ReportPerson[],
): string {
  const order = new Map(people.map((person, index) => [person.participantId, index]));
  const names = new Map(people.map((person) => [person.participantId, person.displayName]));
  const ordered = rows
    .filter((row) => row.rrMs.length > 0 && Number.isFinite(row.atMs))
    .map((row, index) => ({ row, index }))
    .sort(
      (x, y) =>
        (order.get(x.row.participantId) ?? people.length) -
          (order.get(y.row.participantId) ?? people.length) ||
        x.row.participantId.localeCompare(y.row.participantId) ||
        x.row.atMs - y.row.atMs ||
        x.index - y.index,
    );
  const lines = [RR_CSV_HEADER];
  for (const { row } of ordered) {
    const participant = csvTextCell(row.participantId);
    const name = csvTextCell(names.get(row.participantId) ?? '');
    // The last interval ends at the sample's instant; each earlier one ends where the next began.
    let endMs = row.atMs;
    const stamped: string[] = [];
    for (let i = row.rrMs.length - 1; i >= 0; i -= 1) {
      const rr = row.rrMs[i] ?? NaN;
      if (!Number.isFinite(rr)) continue;
      stamped.push(`${participant},${name},${new Date(Math.round(endMs)).toISOString()},${rr}`);
      endMs -= rr;
    }
    lines.push(...stamped.reverse());
  }
  return `${lines.join('\r\n')}\r\n`;
}
