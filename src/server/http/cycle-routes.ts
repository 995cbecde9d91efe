/**
 * `/api/relationships/:id/cycle`: the cycle map as the signed-in member may see it, commands on
 * it, and "our cycle is here" moments. Before the reveal a person's side reaches nobody else
 * (`cycleMapViewFor`); the rules are the core decider's. With sharing (issue 6): the map shows
 * only while both its people share it (otherwise `paused`, never saying who), and another
 * member's moments only while they share their cycle map. Contract: `between-us-api.ts`.
 */
import type { FastifyInstance } from 'fastify';
import { cycleMapCommandParse } from '../../core/cycles/index.ts';
import { commandEnvelopeBody, cycleMomentBody } from '../../core/protocol/between-us-api.ts';
import { idNew } from '../auth/tokens.ts';
import { CycleMaps } from '../between-us/cycle-maps.ts';
import { cycleMomentsReadable, SharingCache, sharedReadsAudit, type SharedRead } from '../between-us/shared-reads.ts';
import type { ServerContext } from '../context.ts';
import { memberAccess } from './between-us-access.ts';
import { httpErrors } from './errors.ts';
import { bodyParse } from './parse.ts';

interface RelationshipParams {
  readonly relationshipId: string;
}

/** Registers the cycle-map routes. */
export function cycleRoutes(app: FastifyInstance, context: ServerContext): void {
  const maps = new CycleMaps(context.betweenUs.logs, context.now);

  app.get<{ Params: RelationshipParams }>('/api/relationships/:relationshipId/cycle', async (request, reply) => {
    const access = await memberAccess(context, request, request.params.relationshipId);
    const relationshipId = access.relationship.id;
    const viewerId = access.identity.id;
    const sharings = new SharingCache(context);
    const sharing = await sharings.of(relationshipId);
    const [read, allMoments] = await Promise.all([
      maps.readFor(relationshipId, viewerId, sharing),
      context.betweenUs.cycleMoments.listForRelationship(relationshipId),
    ]);
    const moments = await cycleMomentsReadable(sharings, viewerId, allMoments);
    // The other side is theirs: once it is open to me, each look at it is a read of their words.
    const theirSide: SharedRead[] =
      read.map?.theirs.side != null && read.otherId !== null
        ? [{ ownerId: read.otherId, relationshipId, subject: 'cycleMap', subjectId: read.map.mapId }]
        : [];
    await sharedReadsAudit(context, viewerId, [...theirSide, ...moments.reads]);
    reply.header('cache-control', 'no-store');
    return {
      map: read.map,
      paused: read.paused,
      cycleMoments: moments.moments.map((moment) => ({ atMs: moment.atMs, sessionId: moment.sessionId })),
    };
  });

  app.post<{ Params: RelationshipParams }>('/api/relationships/:relationshipId/cycle/commands', async (request) => {
    const envelope = bodyParse(commandEnvelopeBody, request.body);
    const access = await memberAccess(context, request, request.params.relationshipId);
    const parsed = cycleMapCommandParse(envelope.command);
    if (!parsed.ok) throw httpErrors.invalidBody(`command: ${parsed.message}`);
    const sharing = await context.betweenUs.sharing.sharingOf(access.relationship.id);
    return maps.command(access.relationship.id, access.identity.id, sharing, envelope.commandId, parsed.command);
  });

  app.post<{ Params: RelationshipParams }>('/api/relationships/:relationshipId/cycle/moments', async (request, reply) => {
    const body = bodyParse(cycleMomentBody, request.body);
    const access = await memberAccess(context, request, request.params.relationshipId);
    const sessionId = body.sessionId ?? null;
    // Only a session started from this relationship can be named, so a moment never points elsewhere.
    if (sessionId !== null && (await context.betweenUs.relationships.sessionRelationship(sessionId)) !== access.relationship.id) {
      throw httpErrors.sessionNotFound();
    }
    const moment = await context.betweenUs.cycleMoments.add({
      id: idNew(),
      relationshipId: access.relationship.id,
      personId: access.identity.id,
      sessionId,
      atMs: context.now(),
    });
    reply.code(201);
    return { moment: { atMs: moment.atMs, sessionId: moment.sessionId } };
  });
}
