/**
 * Personal records: private until their owner shares one with a relationship they are in, and
 * sharing can be taken back at any time. Only the owner reaches a record through `/api/records`;
 * the people it is shared with see it through `/api/relationships/:id/shared` while its owner's
 * sharing switch for that kind is on (reflections, or check-ins), and every such read is written
 * to the access audit. Contract: `between-us-api.ts`.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  PERSONAL_RECORD_KINDS,
  recordCreateBody,
  recordSharingBody,
  recordUpdateBody,
  type PersonalRecordKind,
} from '../../core/protocol/between-us-api.ts';
import { PERSONAL_RECORD_BODY_SCHEMAS } from '../../core/protocol/personal-record-bodies.ts';
import { RECORD_KIND_SHARING, sharingReadable } from '../../core/relationships/sharing.ts';
import { idNew } from '../auth/tokens.ts';
import { personalRecordView } from '../between-us/progress-inputs.ts';
import { sharedReadsAudit } from '../between-us/shared-reads.ts';
import type { ServerContext } from '../context.ts';
import type { JsonValue } from '../store/event-store.ts';
import { betweenUsErrors, identityRequired, memberAccess, serverIdSchema } from './between-us-access.ts';
import { httpErrors } from './errors.ts';
import { bodyParse, zodIssueSentence } from './parse.ts';

interface RecordParams {
  readonly recordId: string;
}

/** How far ahead of the server clock a record's time may be (devices' clocks differ a little). */
const RECORD_TIME_AHEAD_MAX_MS = 5 * 60_000;

const recordListQuery = z.object({
  kind: z.enum(PERSONAL_RECORD_KINDS, { error: 'That kind of entry is not one Attune keeps.' }).optional(),
});

/** The body checked with its kind's core schema, or an `invalid_body` naming the field. */
function recordBodyParse(kind: PersonalRecordKind, raw: unknown): JsonValue {
  const parsed = PERSONAL_RECORD_BODY_SCHEMAS[kind].safeParse(raw);
  if (parsed.success) return parsed.data as JsonValue;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') ?? '';
  throw httpErrors.invalidBody(`body${where ? `.${where}` : ''}: ${issue === undefined ? 'This entry could not be read. Check it and try again.' : zodIssueSentence(issue, false)}`);
}

/** Registers the personal-record routes. */
export function recordRoutes(app: FastifyInstance, context: ServerContext): void {
  const { records } = context.betweenUs;

  app.get('/api/records', async (request) => {
    const identity = await identityRequired(context, request);
    const { kind } = bodyParse(recordListQuery, request.query);
    const mine = await records.listOwned(identity.id, kind);
    return { records: mine.map((record) => personalRecordView(record, identity.id)) };
  });

  app.post('/api/records', async (request, reply) => {
    const body = bodyParse(recordCreateBody, request.body);
    const identity = await identityRequired(context, request);
    const nowMs = context.now();
    if (body.atMs !== undefined && body.atMs > nowMs + RECORD_TIME_AHEAD_MAX_MS) {
      throw httpErrors.invalidBody('atMs: That time is later than now. Choose a moment that has passed, or leave the time out.');
    }
    const record = await records.create({
      id: idNew(),
      ownerId: identity.id,
      kind: body.kind,
      atMs: body.atMs ?? nowMs,
      createdAtMs: nowMs,
      body: recordBodyParse(body.kind, body.body),
    });
    reply.code(201);
    return { record: personalRecordView(record, identity.id) };
  });

  app.put<{ Params: RecordParams }>('/api/records/:recordId', async (request) => {
    const { body } = bodyParse(recordUpdateBody, request.body);
    const identity = await identityRequired(context, request);
    const existing = serverIdSchema.safeParse(request.params.recordId).success ? await records.findOwned(request.params.recordId, identity.id) : null;
    if (existing === null) throw betweenUsErrors.recordNotFound();
    const updated = await records.update(existing.id, identity.id, recordBodyParse(existing.kind, body), context.now());
    if (updated === null) throw betweenUsErrors.recordNotFound();
    return { record: personalRecordView(updated, identity.id) };
  });

  app.delete<{ Params: RecordParams }>('/api/records/:recordId', async (request, reply) => {
    const identity = await identityRequired(context, request);
    const deleted = serverIdSchema.safeParse(request.params.recordId).success && (await records.delete(request.params.recordId, identity.id));
    if (!deleted) throw betweenUsErrors.recordNotFound();
    return reply.code(204).send();
  });

  app.put<{ Params: RecordParams }>('/api/records/:recordId/sharing', async (request) => {
    const { relationshipId } = bodyParse(recordSharingBody, request.body);
    const identity = await identityRequired(context, request);
    if (!serverIdSchema.safeParse(request.params.recordId).success) throw betweenUsErrors.recordNotFound();
    if (relationshipId !== null && !serverIdSchema.safeParse(relationshipId).success) throw betweenUsErrors.relationshipNotFound();
    const result = await records.setSharing(request.params.recordId, identity.id, relationshipId, context.now());
    if (result.kind === 'recordNotFound') throw betweenUsErrors.recordNotFound();
    if (result.kind === 'relationshipNotFound') throw betweenUsErrors.relationshipNotFound();
    return { record: personalRecordView(result.record, identity.id) };
  });

  app.get<{ Params: { relationshipId: string } }>('/api/relationships/:relationshipId/shared', async (request, reply) => {
    const access = await memberAccess(context, request, request.params.relationshipId);
    const viewerId = access.identity.id;
    const relationshipId = access.relationship.id;
    const [shared, sharing] = await Promise.all([records.listShared(relationshipId), context.betweenUs.sharing.sharingOf(relationshipId)]);
    // Each owner's switch for that kind of record decides, over and above sharing the record itself.
    const readable = shared.filter((record) => sharingReadable(sharing, record.ownerId, viewerId, RECORD_KIND_SHARING[record.kind]));
    await sharedReadsAudit(
      context,
      viewerId,
      readable
        .filter((record) => record.ownerId !== viewerId)
        .map((record) => ({ ownerId: record.ownerId, relationshipId, subject: 'record', subjectId: record.id })),
    );
    reply.header('cache-control', 'no-store');
    return { records: readable.map((record) => personalRecordView(record, viewerId)) };
  });
}
