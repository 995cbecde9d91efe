/**
 * One plain sentence above each picture, saying what it shows. The words describe and never
 * judge: time above or below the window is part of being a person, a longer practice is a choice
 * and not an achievement, and nothing is counted against a target or a streak.
 */
import type { ProgressTimeline, WindowShares } from '../../core/progress/index.ts';
import { durationWords, timesWords } from './progress-format.ts';

/** A share of the whole in rough words: "most", "about half", "a little". */
export function shareWords(share: number): string {
  if (share >= 0.95) return 'nearly all';
  if (share >= 0.7) return 'most';
  if (share >= 0.55) return 'a little over half';
  if (share >= 0.45) return 'about half';
  if (share >= 0.38) return 'a little under half';
  if (share >= 0.28) return 'about a third';
  if (share >= 0.18) return 'about a quarter';
  if (share >= 0.05) return 'a little';
  return 'a very little';
}

function listWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

/** The window's shares in words, leaving out parts with no time. */
export function windowSharesWords(shares: WindowShares): string {
  const parts: string[] = [];
  if (shares.within > 0) parts.push(`${shareWords(shares.within)} within your window`);
  if (shares.above > 0) parts.push(`${shareWords(shares.above)} above it`);
  if (shares.below > 0) parts.push(`${shareWords(shares.below)} below it`);
  if (shares.mixed > 0) parts.push(`${shareWords(shares.mixed)} mixed or unsure`);
  return listWords(parts);
}

/** What the window chart shows. */
export function windowSummary(timeline: ProgressTimeline): string {
  const { times, shares } = timeline.window;
  if (shares === null) return 'No check-ins in these weeks yet.';
  return `Your check-ins cover ${durationWords(times.totalMs)} of these weeks. Of that time, ${windowSharesWords(shares)}.`;
}

/** What the practice charts show. */
export function practiceSummary(timeline: ProgressTimeline): string {
  const weeks = timeline.practiceDoses;
  if (weeks.length === 0) return 'No practices in these weeks yet.';
  const count = weeks.reduce((sum, week) => sum + week.practiceCount, 0);
  const totalMs = weeks.reduce((sum, week) => sum + week.totalMs, 0);
  const longestMs = Math.max(...weeks.map((week) => week.longestMs));
  const practices = count === 1 ? 'One practice' : `${String(count)} practices`;
  const weekWords = weeks.length === 1 ? 'in one week' : `across ${String(weeks.length)} weeks`;
  return `${practices} ${weekWords}, ${durationWords(totalMs)} in all. The longest was ${durationWords(longestMs)}.`;
}

/** What a weekly trend of readings shows: how many weeks, and the latest week's middle reading. */
export function trendSummary(points: ProgressTimeline['synchrony'], what: string): string {
  const latest = points.at(-1);
  if (latest === undefined) return `No ${what} readings in these weeks yet.`;
  const weeks = points.length === 1 ? 'one week' : `${String(points.length)} weeks`;
  return `${what.charAt(0).toUpperCase()}${what.slice(1)} readings from ${weeks}. In the latest of them, the middle reading was ${String(Math.round(latest.median * 100) / 100)}.`;
}

/** What the cycle chart shows. */
export function cycleSummary(timeline: ProgressTimeline): string {
  const count = timeline.cycleMoments.reduce((sum, week) => sum + week.count, 0);
  if (count === 0) return 'No cycle moments noted in these weeks.';
  return `You noticed your cycle ${timesWords(count)} in these weeks. Noticing it is how you start to step out of it together.`;
}

/** What the repair chart shows. */
export function repairSummary(timeline: ProgressTimeline): string {
  const started = timeline.repairs.reduce((sum, month) => sum + month.startedCount, 0);
  if (started === 0) return 'No repairs kept in your history in these weeks.';
  const completed = timeline.repairs.reduce((sum, month) => sum + month.completedCount, 0);
  const began = started === 1 ? 'One repair began' : `${String(started)} repairs began`;
  const reached = completed === 0 ? 'none has reached a next step yet, and that is fine' : completed === started ? (started === 1 ? 'it reached a next step' : 'each reached a next step') : `${String(completed)} reached a next step`;
  return `${began}, and ${reached}.`;
}
