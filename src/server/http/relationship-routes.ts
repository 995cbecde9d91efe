/**
 * `/api/relationships` and `/api/relationship-invites`: start a relationship, invite the other
 * person with a link that works once, see it, choose what I share with it, leave it, and start a
 * live session from it. Contract: `src/core/protocol/between-us-api.ts`.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  relationshipCreateBody,
  relationshipInviteAcceptBody,
  relationshipSharingBody,
  type RelationshipInviteView,
  type RelationshipView,
} from '../../core/protocol/between-us-api.ts';
import { idNew, tokenHash, tokenLooksValid, tokenNew } from '../auth/tokens.ts';
import { relationshipSharingView } from '../between-us/shared-reads.ts';
import type { ServerContext } from '../context.ts';
import type { Identity } from '../store/identity-store.ts';
import type { Relationship, RelationshipMember } from '../store/relationship-store.ts';
import { betweenUsErrors, identityRequired, memberAccess, RELATIONSHIP_MEMBERS_MAX } from './between-us-access.ts';
import { httpErrors } from './errors.ts';
import { relationshipSessionsAfterLeaving } from './relationship-session-access.ts';
import { bodyParse } from './parse.ts';
import { sessionIdSchema } from './session-id.ts';

interface RelationshipParams {
  readonly relationshipId: string;
}

interface TokenParams {
  readonly token: string;
}

const relationshipSessionBody = z.strictObject({});

/** The link the other person opens to join a relationship (the token stays in the fragment). */
export function relationshipInviteUrl(publicOrigin: string, token: string): string {
  return `${publicOrigin}/between-us/join#${token}`;
}

/** A relationship as `viewerId` sees it. */
export function relationshipView(relationship: Relationship, members: readonly RelationshipMember[], viewerId: string): RelationshipView {
  return {
    relationshipId: relationship.id,
    kind: relationship.kind,
    createdAtMs: relationship.createdAtMs,
    members: members.map((member) => ({
      personId: member.personId,
      displayName: member.displayName,
      isMe: member.personId === viewerId,
      joinedAtMs: member.joinedAtMs,
    })),
  };
}

async function inviteCreate(context: ServerContext, relationshipId: string, createdBy: string): Promise<RelationshipInviteView> {
  const token = tokenNew();
  const nowMs = context.now();
  const invite = await context.betweenUs.relationships.createInvite({
    tokenHash: tokenHash(token),
    relationshipId,
    createdBy,
    createdAtMs: nowMs,
    expiresAtMs: nowMs + context.config.inviteTtlMs,
  });
  return { token, url: relationshipInviteUrl(context.config.publicOrigin, token), expiresAtMs: invite.expiresAtMs };
}

async function viewOf(context: ServerContext, relationship: Relationship, viewerId: string): Promise<RelationshipView> {
  return relationshipView(relationship, await context.betweenUs.relationships.members(relationship.id), viewerId);
}

/** Registers the relationship routes. */
export function relationshipRoutes(app: FastifyInstance, context: ServerContext): void {
  const { relationships } = context.betweenUs;

  app.post('/api/relationships', async (request, reply) => {
    const body = bodyParse(relationshipCreateBody, request.body);
    let identity: Identity | null = await context.cookies.identityOf(request);
    if (!identity) {
      if (body.displayName === undefined) throw httpErrors.notSignedIn();
      identity = await context.cookies.issueGuest(reply, body.displayName);
    }
    const relationship = await relationships.create({ id: idNew(), kind: body.kind, createdBy: identity.id, createdAtMs: context.now() });
    const invite = await inviteCreate(context, relationship.id, identity.id);
    reply.code(201);
    return { relationship: await viewOf(context, relationship, identity.id), invite };
  });

  app.get('/api/relationships', async (request) => {
    const identity = await identityRequired(context, request);
    const mine = await relationships.listForPerson(identity.id);
    return { relationships: await Promise.all(mine.map((relationship) => viewOf(context, relationship, identity.id))) };
  });

  app.get<{ Params: RelationshipParams }>('/api/relationships/:relationshipId', async (request) => {
    const access = await memberAccess(context, request, request.params.relationshipId);
    return { relationship: relationshipView(access.relationship, access.members, access.identity.id) };
  });

  app.post<{ Params: RelationshipParams }>('/api/relationships/:relationshipId/invites', async (request, reply) => {
    const access = await memberAccess(context, request, request.params.relationshipId);
    reply.code(201);
    return { invite: await inviteCreate(context, access.relationship.id, access.identity.id) };
  });

  app.get<{ Params: TokenParams }>('/api/relationship-invites/:token', async (request) => {
    const invite = await inviteFind(context, request.params.token);
    const [inviter, relationship] = await Promise.all([
      context.identities.findById(invite.createdBy),
      relationships.findForMember(invite.relationshipId, invite.createdBy),
    ]);
    if (relationship === null) throw betweenUsErrors.inviteInvalid();
    return { relationshipId: relationship.id, kind: relationship.kind, invitedBy: inviter?.displayName ?? 'Someone', expiresAtMs: invite.expiresAtMs };
  });

  app.post<{ Params: TokenParams }>('/api/relationship-invites/:token/accept', async (request, reply) => {
    const body = bodyParse(relationshipInviteAcceptBody, request.body);
    await inviteFind(context, request.params.token);
    let identity = await context.cookies.identityOf(request);
    if (!identity) {
      if (body.displayName === undefined) throw httpErrors.invalidBody('displayName: Please choose a name to join with.');
      identity = await context.cookies.issueGuest(reply, body.displayName);
    }
    const result = await relationships.acceptInvite(tokenHash(request.params.token), identity.id, context.now(), RELATIONSHIP_MEMBERS_MAX);
    if (result.kind === 'invalid') throw betweenUsErrors.inviteInvalid();
    if (result.kind === 'full') throw betweenUsErrors.relationshipFull(RELATIONSHIP_MEMBERS_MAX);
    const relationship = await relationships.findForMember(result.relationshipId, identity.id);
    if (relationship === null) throw betweenUsErrors.relationshipNotFound();
    return { relationship: await viewOf(context, relationship, identity.id) };
  });

  app.get<{ Params: RelationshipParams }>('/api/relationships/:relationshipId/sharing', async (request, reply) => {
    const access = await memberAccess(context, request, request.params.relationshipId);
    reply.header('cache-control', 'no-store');
    return { sharing: await relationshipSharingView(context, access) };
  });

  app.put<{ Params: RelationshipParams }>('/api/relationships/:relationshipId/sharing', async (request, reply) => {
    const settings = bodyParse(relationshipSharingBody, request.body);
    const access = await memberAccess(context, request, request.params.relationshipId);
    // Refused if they left in the meantime: nothing of a leaver is stored again.
    const saved = await context.betweenUs.sharing.put(access.relationship.id, access.identity.id, settings, context.now());
    if (!saved) throw betweenUsErrors.relationshipNotFound();
    reply.header('cache-control', 'no-store');
    return { sharing: await relationshipSharingView(context, access) };
  });

  app.delete<{ Params: RelationshipParams }>('/api/relationships/:relationshipId/membership', async (request, reply) => {
    const access = await memberAccess(context, request, request.params.relationshipId);
    await relationships.leave(access.relationship.id, access.identity.id, context.now());
    await relationshipSessionsAfterLeaving(context, access.relationship.id, access.identity.id);
    context.logger.info('http', 'a person left a relationship; what they shared with it is no longer shared', { relationshipId: access.relationship.id });
    return reply.code(204).send();
  });

  app.post<{ Params: RelationshipParams }>('/api/relationships/:relationshipId/sessions', async (request, reply) => {
    bodyParse(relationshipSessionBody, request.body);
    const access = await memberAccess(context, request, request.params.relationshipId);
    const { identity } = access;
    const sessionId = idNew();
    const outcome = await context.hub.submit(sessionId, { participantId: identity.id, kind: identity.kind }, `create-${sessionId}`, {
      type: 'createSession',
      maxParticipants: RELATIONSHIP_MEMBERS_MAX,
    });
    if (!outcome.ok) throw httpErrors.commandRejected(outcome.code, outcome.message);
    const nowMs = context.now();
    await relationships.linkSession({ sessionId, relationshipId: access.relationship.id, createdBy: identity.id, createdAtMs: nowMs });
    for (const memberId of access.memberIds) await context.admissions.admit(sessionId, memberId, nowMs);
    reply.code(201);
    return { sessionId };
  });

  app.get<{ Params: { sessionId: string } }>('/api/sessions/:sessionId/relationship', async (request) => {
    const identity = await identityRequired(context, request);
    const sessionId = sessionIdSchema.safeParse(request.params.sessionId);
    if (!sessionId.success) throw httpErrors.sessionNotFound();
    const sessionAccess = await context.hub.accessOf(sessionId.data, identity.id);
    // Someone outside the session learns nothing, not even that it exists.
    if (sessionAccess === 'missing' || sessionAccess === 'none') throw httpErrors.sessionNotFound();
    const relationshipId = await relationships.sessionRelationship(sessionId.data);
    if (relationshipId === null) return { relationshipId: null };
    const stillIn = await relationships.findForMember(relationshipId, identity.id);
    return { relationshipId: stillIn === null ? null : relationshipId };
  });
}

/** The valid invite behind a token, or `invite_invalid`. */
async function inviteFind(context: ServerContext, token: string) {
  if (!tokenLooksValid(token)) throw betweenUsErrors.inviteInvalid();
  const invite = await context.betweenUs.relationships.findValidInvite(tokenHash(token), context.now());
  if (invite === null) throw betweenUsErrors.inviteInvalid();
  return invite;
}
