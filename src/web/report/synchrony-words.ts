/**
 * What the synchrony score means, in plain words. The score is one way of looking at two bodies
 * together, never a grade: the words describe, they do not judge, and with too little signal
 * they say so instead of showing a number.
 */
import type { ReportSynchrony, SessionReport } from '../../core/report/session-report.ts';
import { personLabel, personPossessive } from './report-people.ts';
import { scoreText } from './metric-words.ts';

/** What the score is, for everyone who reads the report. */
export const SYNCHRONY_EXPLANATION =
  'This shows how much your heart rates rose and fell together, from 0 (no more than two people who were not together would show by chance) to 1 (moving closely together).';

/** Why a paced practice does not simply push the score up. */
export const SYNCHRONY_PACER_NOTE =
  'When you both followed the breathing guide, its shared rhythm was taken out first, so the score only counts what your bodies did together beyond following the same guide.';

/**
 * What one point of the trend covers: the report stamps each at the end of its window, which is
 * `SYNCHRONY_TREND_SEGMENT_SEC` long (a test keeps these words and that constant together).
 */
export const SYNCHRONY_TREND_WINDOW_MINUTES = 2;
export const SYNCHRONY_TREND_NOTE = 'Each point looks back over the two minutes before it.';

/** A reminder of what a number can and cannot say. */
export const SYNCHRONY_NOT_A_GRADE = 'It is one way of looking, not a grade. Bodies meet in many ways a number cannot see.';

/** How much, in words, for an overall score. */
export function synchronyLevelWords(score: number): string {
  if (score < 0.1) return 'about what chance alone would give';
  if (score < 0.3) return 'a little moving together';
  if (score < 0.6) return 'a fair amount of moving together';
  return 'a lot of moving together';
}

/** Who followed whom, when the delay is long enough to mention; null otherwise. */
export function synchronyLagWords(report: SessionReport, synchrony: Extract<ReportSynchrony, { kind: 'scored' }>): string | null {
  const overall = synchrony.overall;
  if (overall === null || Math.abs(overall.lagSec) < 1) return null;
  const [first, second] = synchrony.participantIds;
  // A positive lag means the second person's heart rate followed the first's.
  const [leader, follower] = overall.lagSec > 0 ? [first, second] : [second, first];
  const seconds = Math.round(Math.abs(overall.lagSec));
  const followerWords = personPossessive(report, follower, true);
  const leaderWords = personLabel(report, leader) === 'You' ? 'yours' : personPossessive(report, leader);
  return `${followerWords} heart rate tended to follow ${leaderWords} by about ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`;
}

/** The headline for the overall score, or null when there is none to give. */
export function synchronyOverallWords(synchrony: ReportSynchrony): string | null {
  if (synchrony.kind !== 'scored' || synchrony.overall === null) return null;
  const { score, pValue } = synchrony.overall;
  const chance = pValue >= 0.05 ? ' This much could also happen by chance.' : '';
  return `Over the whole session: ${scoreText(score)}, ${synchronyLevelWords(score)}.${chance}`;
}

/** Whether the report has any synchrony number at all: an overall score or a scored stretch. */
export function synchronyHasScore(synchrony: ReportSynchrony): boolean {
  return synchrony.kind === 'scored' && (synchrony.overall !== null || synchrony.points.some((point) => point.score !== null));
}

/** What to say when all or part of the picture cannot be given honestly; null when it all can. */
export function synchronyMissingWords(synchrony: ReportSynchrony): string | null {
  const noNumber = 'There was not enough signal to measure this honestly, so no number is shown.';
  if (synchrony.kind === 'notEnoughSignal') return `${noNumber} ${sentenceOf(synchrony.reason)}`.trim();
  const trend = synchrony.points.some((point) => point.score !== null);
  if (!trend && synchrony.overall === null) return noNumber;
  if (!trend) return 'The heart rates were recorded together for too short a time to show how this changed over the session.';
  if (synchrony.overall === null) return 'Some stretches could be measured, but not enough for a score over the whole session.';
  return null;
}

/** The server's reason as a sentence of its own (capital first, full stop last). */
function sentenceOf(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
