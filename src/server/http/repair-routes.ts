/**
 * Repairs: list a relationship's repairs, start one, read one, and send commands to it. Each
 * member receives the repair as `repairEventForViewer` allows; anyone outside the repair, or
 * no longer in its relationship, gets the same 404 as for a repair that does not exist.
 * Contract: `between-us-api.ts`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { commandEnvelopeBody, type RepairView } from '../../core/protocol/between-us-api.ts';
import { repairCommandSchema, type RepairCommand } from '../../core/repair/index.ts';
import { Repairs, repairIdFor } from '../between-us/repairs.ts';
import type { ServerContext } from '../context.ts';
import { betweenUsErrors, identityRequired, memberAccess, memberAccessFor, type MemberAccess } from './between-us-access.ts';
import { httpErrors } from './errors.ts';
import { bodyParse, zodIssueSentence } from './parse.ts';

interface RelationshipParams {
  readonly relationshipId: string;
}

interface RepairParams {
  readonly repairId: string;
}

const REPAIR_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

function repairCommandParse(raw: unknown): RepairCommand {
  const parsed = repairCommandSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') ?? '';
  throw httpErrors.invalidBody(`command${where ? `.${where}` : ''}: ${issue === undefined ? 'This request could not be read. Reload the page and try again.' : zodIssueSentence(issue, false)}`);
}

/** Registers the repair routes. */
export function repairRoutes(app: FastifyInstance, context: ServerContext): void {
  const repairs = new Repairs(context.betweenUs.logs, context.now);

  /** The repair, its relationship access, and the viewer's view, or 404 for anyone else. */
  async function repairAccess(request: FastifyRequest<{ Params: RepairParams }>): Promise<{ access: MemberAccess; repairId: string; view: RepairView }> {
    const identity = await identityRequired(context, request);
    const { repairId } = request.params;
    if (!REPAIR_ID_PATTERN.test(repairId)) throw betweenUsErrors.repairNotFound();
    const log = await repairs.find(repairId);
    if (log === null) throw betweenUsErrors.repairNotFound();
    const access = await memberAccessFor(context, identity, log.relationshipId).catch(() => {
      throw betweenUsErrors.repairNotFound();
    });
    const view = await repairs.viewFor(log.relationshipId, repairId, identity.id);
    if (view === null) throw betweenUsErrors.repairNotFound();
    return { access, repairId, view };
  }

  app.get<{ Params: RelationshipParams }>('/api/relationships/:relationshipId/repairs', async (request) => {
    const access = await memberAccess(context, request, request.params.relationshipId);
    return { repairs: await repairs.listFor(access.relationship.id, access.identity.id) };
  });

  app.post<{ Params: RelationshipParams }>('/api/relationships/:relationshipId/repairs', async (request, reply) => {
    const envelope = bodyParse(commandEnvelopeBody, request.body);
    const access = await memberAccess(context, request, request.params.relationshipId);
    const command = repairCommandParse(envelope.command);
    if (command.type !== 'startRepair') {
      throw httpErrors.invalidBody('command.type: A repair begins with "startRepair"; send other steps to the repair itself.');
    }
    if (command.sessionId !== undefined) {
      // A repair can name only a live session its starter was in.
      const sessionAccess = await context.hub.accessOf(command.sessionId, access.identity.id);
      if (sessionAccess === 'missing' || sessionAccess === 'none') throw httpErrors.sessionNotFound();
    }
    const repairId = repairIdFor(access.relationship.id, access.identity.id, envelope.commandId);
    const { outcome, repair } = await repairs.command(access.relationship.id, repairId, access.identity.id, access.memberIds, envelope.commandId, command);
    if (repair === null) return { outcome, repairId: null, repair: null };
    reply.code(201);
    return { outcome, repairId, repair };
  });

  app.get<{ Params: RepairParams }>('/api/repairs/:repairId', async (request) => {
    const { view } = await repairAccess(request);
    return { repair: view };
  });

  app.post<{ Params: RepairParams }>('/api/repairs/:repairId/commands', async (request) => {
    const envelope = bodyParse(commandEnvelopeBody, request.body);
    const { access, repairId } = await repairAccess(request);
    const command = repairCommandParse(envelope.command);
    const { outcome, repair } = await repairs.command(access.relationship.id, repairId, access.identity.id, access.memberIds, envelope.commandId, command);
    return { outcome, repair };
  });
}
