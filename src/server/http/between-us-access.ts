/**
 * Who may reach what between us, checked at the top of every route: a person is signed in, and
 * only a current member of a relationship reaches anything of it. A relationship that does not
 * exist and one that is not yours get the same 404, so nobody learns what exists.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../context.ts';
import type { Identity } from '../store/identity-store.ts';
import type { Relationship, RelationshipMember } from '../store/relationship-store.ts';
import { HttpError, httpErrors } from './errors.ts';

/** Errors of the between-us routes. */
export const betweenUsErrors = {
  relationshipNotFound: () =>
    new HttpError(404, 'relationship_not_found', 'This relationship could not be found. Check the link, or ask the other person for a fresh invite.'),
  inviteInvalid: () =>
    new HttpError(404, 'invite_invalid', 'This invite link has expired, was already used, or was withdrawn. Ask the person who sent it for a new one.'),
  relationshipFull: (max: number) =>
    new HttpError(409, 'relationship_full', `This relationship already has ${max} people in it, the most it can hold.`),
  recordNotFound: () => new HttpError(404, 'record_not_found', 'This entry could not be found. It may have been deleted.'),
  repairNotFound: () => new HttpError(404, 'repair_not_found', 'This repair could not be found. Check the link, or start one whenever you like.'),
  promptNotFound: () => new HttpError(404, 'prompt_not_found', 'That prompt was not offered to you, so there is nothing to set aside.'),
} as const;

/** Ids the server makes (relationships, records) are UUIDs; anything else is refused before a lookup. */
export const serverIdSchema = z.uuid();

/** The most people one relationship holds. */
export const RELATIONSHIP_MEMBERS_MAX = 8;

/** The signed-in person, or a `not_signed_in` error. */
export async function identityRequired(context: ServerContext, request: FastifyRequest): Promise<Identity> {
  const identity = await context.cookies.identityOf(request);
  if (!identity) throw httpErrors.notSignedIn();
  return identity;
}

/** A relationship the signed-in person is in now, with its current members. */
export interface MemberAccess {
  readonly identity: Identity;
  readonly relationship: Relationship;
  readonly members: readonly RelationshipMember[];
  readonly memberIds: readonly string[];
}

/** The relationship `relationshipId` if the signed-in person is in it now; otherwise 404. */
export async function memberAccess(context: ServerContext, request: FastifyRequest, relationshipId: string): Promise<MemberAccess> {
  const identity = await identityRequired(context, request);
  return memberAccessFor(context, identity, relationshipId);
}

/** As `memberAccess`, for an identity already known. */
export async function memberAccessFor(context: ServerContext, identity: Identity, relationshipId: string): Promise<MemberAccess> {
  if (!serverIdSchema.safeParse(relationshipId).success) throw betweenUsErrors.relationshipNotFound();
  const relationship = await context.betweenUs.relationships.findForMember(relationshipId, identity.id);
  if (relationship === null) throw betweenUsErrors.relationshipNotFound();
  const members = await context.betweenUs.relationships.members(relationshipId);
  return { identity, relationship, members, memberIds: members.map((member) => member.personId) };
}
