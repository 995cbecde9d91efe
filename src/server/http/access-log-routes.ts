/**
 * `GET /api/me/access-log`: for everyone signed in, each time someone was shown something they
 * share (who, what kind, through which relationship or session, when), newest first, a page at a
 * time. Contract: `src/core/practitioner/practitioner-api.ts`.
 *
 * This is the only access-log route, and it only reads. There is no route that changes or deletes
 * a row of the audit; the stores have no method for it (see `access-log-immutability.test.ts`).
 * Paging: the first page fixes `asOfMs`; later pages pass it back as `untilMs`, so a look written
 * while someone is reading does not push rows from one page onto the next.
 */
import type { FastifyInstance } from 'fastify';
import {
  SESSION_ACCESS_SUBJECTS,
  accessLogQuery,
  type AccessLogEntryView,
  type AccessLogPage,
} from '../../core/practitioner/practitioner-api.ts';
import { RELATIONSHIP_KINDS, type RelationshipKind } from '../../core/protocol/between-us-api.ts';
import type { ServerContext } from '../context.ts';
import type { AccessLogRow } from '../practitioner/access-log-store.ts';
import { SOMEONE_WHO_LEFT_NAME } from '../store/person-deletion-redaction.ts';
import { identityRequired } from './between-us-access.ts';
import { bodyParse } from './parse.ts';

function kindOf(kind: string | null): RelationshipKind | null {
  return RELATIONSHIP_KINDS.find((known) => known === kind) ?? null;
}

function entryView(row: AccessLogRow): AccessLogEntryView {
  return {
    atMs: row.atMs,
    viewerId: row.viewerId,
    viewerName: row.viewerName ?? SOMEONE_WHO_LEFT_NAME,
    subject: row.subject,
    relationshipId: row.relationshipId,
    relationshipKind: kindOf(row.relationshipKind),
    sessionId: SESSION_ACCESS_SUBJECTS.includes(row.subject) ? row.subjectId : null,
  };
}

/** Registers the access-log route. */
export function accessLogRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get('/api/me/access-log', async (request, reply): Promise<AccessLogPage> => {
    const identity = await identityRequired(context, request);
    const query = bodyParse(accessLogQuery, request.query);
    const asOfMs = query.untilMs ?? context.now();
    // One more than asked for says whether there is a next page.
    const rows = await context.practitioner.accessLog.listForOwner(identity.id, { limit: query.limit + 1, offset: query.offset, untilMs: asOfMs });
    reply.header('cache-control', 'no-store');
    return {
      entries: rows.slice(0, query.limit).map(entryView),
      asOfMs,
      next: rows.length > query.limit ? { offset: query.offset + query.limit, untilMs: asOfMs } : null,
    };
  });
}
