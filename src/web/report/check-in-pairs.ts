/**
 * Each person's check-ins, paired as "before" and "after", for the side-by-side view. Before is
 * the first check-in marked before a practice (or, failing that, the first one made before any
 * practice began); after is the last one marked after a practice (or the last one made once every
 * practice had ended). Only check-ins the viewer may see are in the report at all.
 */
import type { ReportCheckIn, SessionReport } from '../../core/report/session-report.ts';

/** One person's before and after. */
export interface CheckInPair {
  readonly participantId: string;
  readonly isViewer: boolean;
  readonly before: ReportCheckIn | null;
  readonly after: ReportCheckIn | null;
  /** How many check-ins this person has in the report in all. */
  readonly count: number;
}

/** The pair for everyone in the report, the viewer first. */
export function checkInPairs(report: SessionReport): CheckInPair[] {
  const firstStartMs = Math.min(...report.practices.map((practice) => practice.startedAtMs));
  const allEnded = report.practices.every((practice) => practice.endedAtMs !== null);
  const lastEndMs = Math.max(...report.practices.map((practice) => practice.endedAtMs ?? Number.POSITIVE_INFINITY));
  const people = [...report.people].sort((a, b) => Number(b.isViewer) - Number(a.isViewer));
  return people.map((person) => {
    const own = report.checkIns.filter((checkIn) => checkIn.participantId === person.participantId).sort((a, b) => a.atMs - b.atMs);
    const before =
      own.find((checkIn) => checkIn.moment === 'before') ??
      own.find((checkIn) => checkIn.moment === 'any' && checkIn.atMs <= firstStartMs) ??
      null;
    const after =
      own.findLast((checkIn) => checkIn.moment === 'after') ??
      own.findLast((checkIn) => checkIn.moment === 'any' && checkIn !== before && (report.practices.length === 0 || (allEnded && checkIn.atMs >= lastEndMs))) ??
      null;
    return { participantId: person.participantId, isViewer: person.isViewer, before, after, count: own.length };
  });
}
