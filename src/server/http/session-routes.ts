/**
 * `/api/sessions` and `/api/invites`: start a live session, make invite links, and look at or
 * accept an invite. The live part happens over the session's WebSocket.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { displayNameSchema } from '../../core/protocol/commands.ts';
import { idNew, tokenHash, tokenLooksValid, tokenNew } from '../auth/tokens.ts';
import type { ServerContext } from '../context.ts';
import type { Identity } from '../store/identity-store.ts';
import { httpErrors } from './errors.ts';
import { bodyParse } from './parse.ts';
import { sessionIdSchema } from './session-id.ts';

const createSessionBody = z.strictObject({
  displayName: displayNameSchema.optional(),
  maxParticipants: z.number().int().min(2).max(8).default(8),
});

const acceptInviteBody = z.strictObject({ displayName: displayNameSchema.optional() });

/** The link a partner opens to join. */
export function inviteUrl(publicOrigin: string, token: string): string {
  return `${publicOrigin}/join#${token}`;
}

async function inviteCreate(context: ServerContext, sessionId: string, createdBy: string) {
  const token = tokenNew();
  const nowMs = context.now();
  const invite = await context.invites.create({
    tokenHash: tokenHash(token),
    sessionId,
    createdBy,
    createdAtMs: nowMs,
    expiresAtMs: nowMs + context.config.inviteTtlMs,
  });
  return { token, url: inviteUrl(context.config.publicOrigin, token), expiresAtMs: invite.expiresAtMs };
}

/** Registers the session and invite routes. */
export function sessionRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post('/api/sessions', async (request, reply) => {
    const body = bodyParse(createSessionBody, request.body);
    let identity: Identity | null = await context.cookies.identityOf(request);
    if (!identity) {
      if (body.displayName === undefined) throw httpErrors.notSignedIn();
      identity = await context.cookies.issueGuest(reply, body.displayName);
    }
    const sessionId = idNew();
    const outcome = await context.hub.submit(
      sessionId,
      { participantId: identity.id, kind: identity.kind },
      `create-${sessionId}`,
      { type: 'createSession', maxParticipants: body.maxParticipants },
    );
    if (!outcome.ok) throw httpErrors.commandRejected(outcome.code, outcome.message);
    const invite = await inviteCreate(context, sessionId, identity.id);
    reply.code(201);
    return { sessionId, identityId: identity.id, invite };
  });

  app.post<{ Params: { sessionId: string } }>('/api/sessions/:sessionId/invites', async (request, reply) => {
    const identity = await context.cookies.identityOf(request);
    if (!identity) throw httpErrors.notSignedIn();
    const sessionId = sessionIdSchema.safeParse(request.params.sessionId);
    if (!sessionId.success) throw httpErrors.sessionNotFound();
    const access = await context.hub.accessOf(sessionId.data, identity.id);
    // Someone with no part in the session gets the same answer as for one that does not exist.
    if (access === 'missing' || access === 'none') throw httpErrors.sessionNotFound();
    if (access !== 'host') throw httpErrors.forbidden();
    reply.code(201);
    return { invite: await inviteCreate(context, sessionId.data, identity.id) };
  });

  app.get<{ Params: { token: string } }>('/api/invites/:token', async (request) => {
    const invite = await inviteFind(context, request.params.token);
    return { sessionId: invite.sessionId, expiresAtMs: invite.expiresAtMs };
  });

  app.post<{ Params: { token: string } }>('/api/invites/:token/accept', async (request, reply) => {
    const body = bodyParse(acceptInviteBody, request.body);
    const invite = await inviteFind(context, request.params.token);
    let identity = await context.cookies.identityOf(request);
    if (!identity) {
      if (body.displayName === undefined) throw httpErrors.invalidBody('displayName: Please choose a name to join with.');
      identity = await context.cookies.issueGuest(reply, body.displayName);
    }
    await context.admissions.admit(invite.sessionId, identity.id, context.now());
    return { sessionId: invite.sessionId, identityId: identity.id, displayName: identity.displayName };
  });
}

/** The valid invite behind a token, or an `invite_invalid` error. */
export async function inviteFind(context: ServerContext, token: string) {
  if (!tokenLooksValid(token)) throw httpErrors.inviteInvalid();
  const invite = await context.invites.findValid(tokenHash(token), context.now());
  if (!invite) throw httpErrors.inviteInvalid();
  return invite;
}
