/**
 * `/api/relationships/:id/cycle`: the cycle map as the signed-in member may see it, commands on
 * it, and "our cycle is here" moments. Before the reveal a person's side reaches nobody else
 * (`cycleMapViewFor`); the rules are the core decider's. Contract: `between-us-api.ts`.
 */
import type { FastifyInstance } from 'fastify';
import { cycleMapCommandParse } from '../../core/cycles/index.ts';
import { commandEnvelopeBody, cycleMomentBody } from '../../core/protocol/between-us-api.ts';
import { idNew } from '../auth/tokens.ts';
import { CycleMaps } from '../between-us/cycle-maps.ts';
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

  app.get<{ Params: RelationshipParams }>('/api/relationships/:relationshipId/cycle', async (request) => {
    const access = await memberAccess(context, request, request.params.relationshipId);
    const [map, moments] = await Promise.all([
      maps.viewFor(access.relationship.id, access.identity.id, access.memberIds),
      context.betweenUs.cycleMoments.listForRelationship(access.relationship.id),
    ]);
    return { map, cycleMoments: moments.map((moment) => ({ atMs: moment.atMs, sessionId: moment.sessionId })) };
  });

  app.post<{ Params: RelationshipParams }>('/api/relationships/:relationshipId/cycle/commands', async (request) => {
    const envelope = bodyParse(commandEnvelopeBody, request.body);
    const access = await memberAccess(context, request, request.params.relationshipId);
    const parsed = cycleMapCommandParse(envelope.command);
    if (!parsed.ok) throw httpErrors.invalidBody(`command: ${parsed.message}`);
    return maps.command(access.relationship.id, access.identity.id, access.memberIds, envelope.commandId, parsed.command);
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
