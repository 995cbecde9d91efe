/**
 * What a session report is built from, as one person may see it: the log filtered exactly as
 * the live session filters it, their own samples, and others' only while those people's
 * boundaries (as the session last recorded them) allow sharing physiology.
 *
 * A session started from a relationship (issue 6) is read afterwards under that relationship's
 * sharing too, and only ever more privately than the session itself: another person's body
 * signals show only if their session boundary allowed it AND they share body signals with the
 * viewer in the relationship now; their "shared" check-ins only while they share check-ins. Someone
 * who has left the relationship (as owner or viewer) shares and sees nothing of the others.
 */
import type { ReportLogEntry, SessionReportInput } from '../../core/report/build-session-report.ts';
import { presenceIntervals, presentAt, type PresenceEntry } from '../../core/report/presence.ts';
import type { ReportSignalRow } from '../../core/report/session-report.ts';
import { sessionShareReadable, type RelationshipSharing } from '../../core/relationships/sharing.ts';
import type { SessionEvent } from '../../core/session/events.ts';
import type { SessionState } from '../../core/session/state.ts';
import type { SharedRead } from '../between-us/shared-reads.ts';
import type { ServerContext } from '../context.ts';
import { wireEventFor } from '../realtime/connection.ts';
import type { StoredEvent } from '../store/event-store.ts';

/**
 * The stored rows `viewerId` may see: all of their own, and someone else's only from when the
 * viewer was present, only while that person's boundaries allow sharing physiology, and (for a
 * session started from a relationship, `sharing`) only while they share body signals there.
 */
export function rowsVisibleTo(
  rows: readonly ReportSignalRow[],
  state: SessionState,
  log: readonly PresenceEntry[],
  viewerId: string,
  sharing: RelationshipSharing | null = null,
): ReportSignalRow[] {
  const present = presenceIntervals(log, viewerId);
  return rows.filter((row) =>
    sessionShareReadable({
      sharing,
      inSessionAllows: state.participants[row.participantId]?.boundaries.sharePhysiology === false && presentAt(present, row.atMs),
      ownerId: row.participantId,
      viewerId,
      kind: 'physiology',
    }),
  );
}

/**
 * The log as `viewerId` may see it afterwards: as the live session showed it, and with another
 * person's shared check-in hidden unless the relationship (`sharing`) lets it through too.
 */
export function entriesVisibleTo(log: readonly StoredEvent[], viewerId: string, sharing: RelationshipSharing | null = null): ReportLogEntry[] {
  return log.map((stored) => {
    const entry = wireEventFor(stored, viewerId);
    const event = stored.body as unknown as SessionEvent;
    if (event.type !== 'checkedIn' || entry.event.type === 'hidden') return entry;
    const readable = sessionShareReadable({ sharing, inSessionAllows: true, ownerId: event.participantId, viewerId, kind: 'checkIns' });
    return readable ? entry : { seq: entry.seq, atMs: entry.atMs, event: { type: 'hidden' } };
  });
}

/** The audit's relationship id for a look inside a session no relationship started. */
export const SESSION_WITHOUT_RELATIONSHIP = '';

/** A report's input and the reads of other people's things it makes (for the access audit). */
export interface ReportRead {
  readonly input: SessionReportInput;
  /** The relationship the session was started from, or null. */
  readonly relationshipId: string | null;
  /** Others' body signals and check-ins in it, when it comes from a relationship. */
  readonly reads: readonly SharedRead[];
}

async function sessionData(context: ServerContext, sessionId: string): Promise<[StoredEvent[], ReportSignalRow[]]> {
  // Rows of this session still in memory belong in the report too.
  await context.recorder.flush(sessionId);
  return Promise.all([context.hub.readLog(sessionId), context.signals.readSession(sessionId)]);
}

function presenceLog(log: readonly StoredEvent[]): PresenceEntry[] {
  return log.map((stored) => ({ atMs: stored.atMs, event: stored.body as PresenceEntry['event'] }));
}

/** What a report is built from, as `viewerId` may see it now (session boundaries and relationship sharing). */
export async function reportInputFor(context: ServerContext, sessionId: string, viewerId: string, state: SessionState): Promise<ReportRead> {
  const [[log, rows], relationshipId] = await Promise.all([
    sessionData(context, sessionId),
    context.betweenUs.relationships.sessionRelationship(sessionId),
  ]);
  const sharing = relationshipId === null ? null : await context.betweenUs.sharing.sharingOf(relationshipId);
  const input: SessionReportInput = {
    sessionId,
    viewerId,
    entries: entriesVisibleTo(log, viewerId, sharing),
    rows: rowsVisibleTo(rows, state, presenceLog(log), viewerId, sharing),
  };
  // Every look at someone else's body signals or check-ins is audited, also in sessions that no
  // relationship started (invites, consultations): those are written with relationship id ''.
  const auditRelationshipId = relationshipId ?? SESSION_WITHOUT_RELATIONSHIP;
  const owners = (subject: string, ids: Iterable<string>): SharedRead[] =>
    [...new Set(ids)].filter((ownerId) => ownerId !== viewerId).map((ownerId) => ({ ownerId, relationshipId: auditRelationshipId, subject, subjectId: sessionId }));
  const checkIns = input.entries.flatMap((entry) => (entry.event.type === 'checkedIn' && typeof entry.event.participantId === 'string' ? [entry.event.participantId] : []));
  return {
    input,
    relationshipId,
    reads: [...owners('sessionSignals', input.rows.map((row) => row.participantId)), ...owners('sessionCheckIns', checkIns)],
  };
}

/**
 * What a progress summary is computed from: the session's own boundaries only. The relationship's
 * sharing is applied when the summary is shown (`/api/progress`), so switching body signals off and
 * on again hides and shows it without recomputing anything.
 */
export async function reportInputInSession(context: ServerContext, sessionId: string, viewerId: string, state: SessionState): Promise<SessionReportInput> {
  const [log, rows] = await sessionData(context, sessionId);
  return { sessionId, viewerId, entries: entriesVisibleTo(log, viewerId), rows: rowsVisibleTo(rows, state, presenceLog(log), viewerId) };
}
