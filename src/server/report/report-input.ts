/**
 * What a session report is built from, as one person may see it: the log filtered exactly as
 * the live session filters it, their own samples, and others' only while those people's
 * boundaries (as the session last recorded them) allow sharing physiology.
 */
import type { SessionReportInput } from '../../core/report/build-session-report.ts';
import { presenceIntervals, presentAt, type PresenceEntry } from '../../core/report/presence.ts';
import type { ReportSignalRow } from '../../core/report/session-report.ts';
import type { SessionState } from '../../core/session/state.ts';
import type { ServerContext } from '../context.ts';
import { wireEventFor } from '../realtime/connection.ts';

/**
 * The stored rows `viewerId` may see: all of their own, and someone else's only from when the
 * viewer was present and only while that person's boundaries allow sharing physiology.
 */
export function rowsVisibleTo(rows: readonly ReportSignalRow[], state: SessionState, log: readonly PresenceEntry[], viewerId: string): ReportSignalRow[] {
  const present = presenceIntervals(log, viewerId);
  return rows.filter(
    (row) =>
      row.participantId === viewerId ||
      (state.participants[row.participantId]?.boundaries.sharePhysiology === false && presentAt(present, row.atMs)),
  );
}

/** What a report is built from, as `viewerId` may see it. */
export async function reportInputFor(context: ServerContext, sessionId: string, viewerId: string, state: SessionState): Promise<SessionReportInput> {
  // Rows of this session still in memory belong in the report too.
  await context.recorder.flush(sessionId);
  const [log, rows] = await Promise.all([context.hub.readLog(sessionId), context.signals.readSession(sessionId)]);
  return {
    sessionId,
    viewerId,
    entries: log.map((stored) => wireEventFor(stored, viewerId)),
    rows: rowsVisibleTo(rows, state, log.map((stored) => ({ atMs: stored.atMs, event: stored.body as PresenceEntry['event'] })), viewerId),
  };
}
