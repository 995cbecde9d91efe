/**
 * `/api/identity`: who am I, and "call me this" for a guest without an account.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { displayNameSchema } from '../../core/protocol/commands.ts';
import type { ServerContext } from '../context.ts';
import { httpErrors } from './errors.ts';
import { bodyParse } from './parse.ts';

const createIdentityBody = z.strictObject({ displayName: displayNameSchema });

/** Registers the identity routes. */
export function identityRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get('/api/identity', async (request) => {
    const identity = await context.cookies.identityOf(request);
    if (!identity) throw httpErrors.notSignedIn();
    return { id: identity.id, displayName: identity.displayName, kind: identity.kind };
  });

  app.post('/api/identity', async (request, reply) => {
    const { displayName } = bodyParse(createIdentityBody, request.body);
    const existing = await context.cookies.identityOf(request);
    if (existing) {
      await context.identities.updateDisplayName(existing.id, displayName);
      return { id: existing.id, displayName, kind: existing.kind };
    }
    const identity = await context.cookies.issueGuest(reply, displayName);
    reply.code(201);
    return { id: identity.id, displayName: identity.displayName, kind: identity.kind };
  });
}
