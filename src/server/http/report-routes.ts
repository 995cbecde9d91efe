/**
 * After a session: the report (what this person may see of it), the beat-to-beat intervals as
 * CSV, forgetting one's own body data, and deleting a finished session for everyone.
 *
 * Who may see what: a person sees their own samples, and someone else's only while that
 * person's boundaries (as the session last recorded them) allow sharing physiology. The log is
 * filtered exactly as the live session filters it, so the report shows nothing the person
 * could not have seen live. A session started from a relationship is also read under that
 * relationship's sharing now, and each report of it that shows someone else's body signals or
 * check-ins is written to the access audit (`../report/report-input.ts`).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sessionReportPeople, type SessionReportInput } from '../../core/report/build-session-report.ts';
import { rrIntervalsCsv } from '../../core/report/rr-csv.ts';
import type { SessionState } from '../../core/session/state.ts';
import type { ServerContext } from '../context.ts';
import { sharedReadsAudit } from '../between-us/shared-reads.ts';
import { reportInputFor } from '../report/report-input.ts';
import type { Identity } from '../store/identity-store.ts';
import { HttpError, httpErrors } from './errors.ts';
import { sessionIdSchema } from './session-id.ts';

interface SessionParams {
  readonly sessionId: string;
}

/** Someone who has been in the session (or hosts it), with the session's state. */
async function participantOf(
  context: ServerContext,
  request: FastifyRequest<{ Params: SessionParams }>,
): Promise<{ identity: Identity; sessionId: string; state: SessionState }> {
  const identity = await context.cookies.identityOf(request);
  if (!identity) throw httpErrors.notSignedIn();
  const sessionId = sessionIdSchema.safeParse(request.params.sessionId);
  if (!sessionId.success) throw httpErrors.sessionNotFound();
  const access = await context.hub.accessOf(sessionId.data, identity.id);
  // A stranger learns nothing, not even that the session exists.
  if (access === 'missing' || access === 'none') throw httpErrors.sessionNotFound();
  // Boundaries decide what the report shows, so they must include changes made on other nodes.
  const state = await context.hub.sessionStateCurrent(sessionId.data);
  if (state.hostId !== identity.id && !(identity.id in state.participants)) throw httpErrors.forbidden();
  return { identity, sessionId: sessionId.data, state };
}

/** Names exactly what of the session an input shows: which entries are hidden, and whose rows. */
function visibilityFingerprint(input: SessionReportInput): string {
  const hidden = input.entries.flatMap((entry) => (entry.event.type === 'hidden' ? [entry.seq] : []));
  const rowOwners = [...new Set(input.rows.map((row) => row.participantId))].sort();
  const digest = createHash('sha256').update(JSON.stringify([hidden, rowOwners])).digest('base64url');
  return `${String(input.entries.length)}:${String(input.rows.length)}:${digest}`;
}

/** Registers the report routes. */
export function reportRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get<{ Params: SessionParams }>('/api/sessions/:sessionId/report', async (request, reply) => {
    const { identity, sessionId, state } = await participantOf(context, request);
    const { input, reads } = await reportInputFor(context, sessionId, identity.id, state);
    // An ended session receives no more samples and its log is closed: its report cannot change
    // until someone forgets their data, which clears the cache, or a relationship's sharing changes
    // what is visible, which the key names.
    const cacheKey = state.status === 'ended' ? `${sessionId}:${identity.id}:${visibilityFingerprint(input)}` : null;
    const report = await context.reports.build(input, cacheKey);
    await sharedReadsAudit(context, identity.id, reads);
    reply.header('cache-control', 'no-store');
    return report;
  });

  app.get<{ Params: SessionParams }>('/api/sessions/:sessionId/report/rr.csv', async (request, reply) => {
    const { identity, sessionId, state } = await participantOf(context, request);
    const { input, reads } = await reportInputFor(context, sessionId, identity.id, state);
    await sharedReadsAudit(context, identity.id, reads.filter((read) => read.subject === 'sessionSignals'));
    reply
      .header('cache-control', 'no-store')
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="attune-${sessionId.slice(0, 8)}-rr.csv"`);
    return rrIntervalsCsv(input.rows, sessionReportPeople(input));
  });

  app.delete<{ Params: SessionParams }>('/api/sessions/:sessionId/signals/mine', async (request, reply) => {
    const { identity, sessionId } = await participantOf(context, request);
    // Nothing still in memory on any node may be written after the delete below.
    await context.hub.signalsForgotten(sessionId, identity.id);
    const deleted = await context.signals.deleteForParticipant(sessionId, identity.id);
    // Everyone's synchrony in this session was computed with these samples too.
    await context.summaries.deleteFor(sessionId);
    context.reports.forget(sessionId);
    context.logger.info('signals', 'a person deleted their body signals from a session', { sessionId, rows: deleted });
    return reply.code(204).send();
  });

  app.delete<{ Params: SessionParams }>('/api/sessions/:sessionId', async (request, reply) => {
    const { identity, sessionId, state } = await participantOf(context, request);
    if (state.hostId !== identity.id) {
      throw new HttpError(403, 'not_host', 'Only the person who started this session can delete it for everyone. You can still forget your own body data from it.');
    }
    if (state.status !== 'ended') {
      throw new HttpError(409, 'session_open', 'This session is still open. End it first; then it can be deleted.');
    }
    await context.hub.signalsForgotten(sessionId);
    const deleted = await context.deleteSession(sessionId);
    await context.hub.sessionDeleted(sessionId);
    context.reports.forget(sessionId);
    context.logger.info('realtime', 'a session was deleted by its host', { sessionId, ...deleted });
    return reply.code(204).send();
  });
}
