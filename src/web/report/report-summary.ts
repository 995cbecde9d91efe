/**
 * The one sentence at the top of the report: how long, which practices, and whether there was
 * enough signal to measure synchrony. Plain words, nothing to live up to.
 */
import type { SessionReport } from '../../core/report/session-report.ts';
import { namesList, reportHasSignals } from './report-people.ts';
import { durationWords } from './report-time.ts';
import { synchronyHasScore } from './synchrony-words.ts';

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function countWords(count: number): string {
  return COUNT_WORDS[count] ?? String(count);
}

function timesWords(count: number): string {
  if (count === 1) return '';
  if (count === 2) return ' twice';
  return ` ${countWords(count)} times`;
}

/** "Breathing together twice and A steadying hand", in the order they were first done. */
export function practicesWords(titles: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const title of titles) counts.set(title, (counts.get(title) ?? 0) + 1);
  return namesList([...counts].map(([title, count]) => `${title}${timesWords(count)}`));
}

/** How long the session lasted, up to its end or, while it is open, up to its latest sample. */
export function reportDurationMs(report: SessionReport): number {
  if (report.endedAtMs !== null) return report.endedAtMs - report.startedAtMs;
  const latest = Math.max(
    report.startedAtMs,
    ...report.series.map((series) => series.atMs.at(-1) ?? report.startedAtMs),
    ...report.practices.map((practice) => practice.endedAtMs ?? practice.startedAtMs),
    ...report.checkIns.map((checkIn) => checkIn.atMs),
  );
  return latest - report.startedAtMs;
}

function synchronyClause(report: SessionReport): string {
  if (!reportHasSignals(report)) return 'no body signals were shared, so there are no charts this time';
  if (synchronyHasScore(report.synchrony)) {
    return 'there was enough signal to see how your heart rates moved together';
  }
  return 'there was not enough signal this time to measure how your heart rates moved together';
}

/** The summary sentence. */
export function reportSummarySentence(report: SessionReport): string {
  const open = report.endedAtMs === null;
  const length = durationWords(reportDurationMs(report));
  const together = report.people.length > 1 ? 'together' : 'in this session';
  const spent = open ? `So far you have spent ${length} ${together}` : `You spent ${length} ${together}`;
  const titles = report.practices.map((practice) => practice.title);
  const did = open ? 'have done' : 'did';
  const practices =
    titles.length === 0
      ? ' without a guided practice'
      : `, ${did} ${countWords(titles.length)} ${titles.length === 1 ? 'practice' : 'practices'} (${practicesWords(titles)})`;
  return `${spent}${practices}, and ${synchronyClause(report)}.`;
}
