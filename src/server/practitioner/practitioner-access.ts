/**
 * Who may reach what in practitioner mode, checked at the top of every practitioner route: the
 * signed-in person is an account with the practitioner role (read afresh on every request, so
 * taking the role away ends access at once), and a client is reached only while they are that
 * practitioner's client in some practitioner relationship now (`src/core/practitioner/roles.ts`).
 * A client who is not mine and one who does not exist get the same 404.
 */
import type { FastifyRequest } from 'fastify';
import { clientsOf, type PracticeRelationship } from '../../core/practitioner/roles.ts';
import type { RelationshipSharing } from '../../core/relationships/sharing.ts';
import type { ServerContext } from '../context.ts';
import { identityRequired, serverIdSchema } from '../http/between-us-access.ts';
import { HttpError } from '../http/errors.ts';
import type { Identity } from '../store/identity-store.ts';
import type { Relationship, RelationshipMember } from '../store/relationship-store.ts';

/** Errors of the practitioner routes. */
export const practitionerErrors = {
  notAPractitioner: () =>
    new HttpError(
      403,
      'not_a_practitioner',
      'This part of Attune is for practitioners. If you are one, ask the person who runs this Attune to mark your account as a practitioner.',
    ),
  clientNotFound: () =>
    new HttpError(404, 'client_not_found', 'This person could not be found among your clients. They may have left your practitioner relationship.'),
  noteNotFound: () => new HttpError(404, 'note_not_found', 'This note could not be found. It may have been deleted.'),
} as const;

/** Whether `identity` is, right now, an account with the practitioner role that is not disabled. */
export async function isPractitioner(context: ServerContext, identity: Identity): Promise<boolean> {
  if (identity.kind !== 'account') return false;
  const account = await context.auth.accounts.findByIdentityId(identity.id);
  return account !== null && account.role === 'practitioner' && account.disabledAtMs === null;
}

/** The signed-in practitioner, or 401 (nobody signed in) / 403 `not_a_practitioner`. */
export async function practitionerRequired(context: ServerContext, request: FastifyRequest): Promise<Identity> {
  const identity = await identityRequired(context, request);
  if (!(await isPractitioner(context, identity))) throw practitionerErrors.notAPractitioner();
  return identity;
}

/** A practitioner relationship as stored, its current members by name, and their roles. */
export interface PracticeLink {
  readonly relationship: Relationship;
  readonly members: readonly RelationshipMember[];
  readonly practice: PracticeRelationship;
}

/** A link with its sharing switches, read for one look at a client. */
export interface ClientLink extends PracticeLink {
  readonly sharing: RelationshipSharing;
}

/** The practitioner relationship `relationship`, with its members' roles. */
export async function practiceLinkOf(context: ServerContext, relationship: Relationship): Promise<PracticeLink> {
  const members = await context.betweenUs.relationships.members(relationship.id);
  const roles = await context.practitioner.store.rolesOf(members.map((member) => member.personId));
  return {
    relationship,
    members,
    practice: {
      relationshipId: relationship.id,
      kind: relationship.kind,
      members: members.map((member) => ({ personId: member.personId, role: roles.get(member.personId) ?? null })),
    },
  };
}

/** Every practitioner relationship `personId` is in now, oldest first. */
export async function practiceLinksOf(context: ServerContext, personId: string): Promise<PracticeLink[]> {
  const mine = await context.betweenUs.relationships.listForPerson(personId);
  return Promise.all(mine.filter((relationship) => relationship.kind === 'practitioner').map((relationship) => practiceLinkOf(context, relationship)));
}

/** `clientId` as the practitioner's client: the links it is so in now, with sharing, and their name. */
export async function clientOf(
  context: ServerContext,
  practitionerId: string,
  clientId: string,
): Promise<{ readonly displayName: string; readonly links: readonly ClientLink[] }> {
  if (!serverIdSchema.safeParse(clientId).success) throw practitionerErrors.clientNotFound();
  const links = (await practiceLinksOf(context, practitionerId)).filter((link) => clientsOf(link.practice, practitionerId).includes(clientId));
  if (links.length === 0) throw practitionerErrors.clientNotFound();
  const withSharing = await Promise.all(
    links.map(async (link) => ({ ...link, sharing: await context.betweenUs.sharing.sharingOf(link.relationship.id) })),
  );
  const displayName = links[0]?.members.find((member) => member.personId === clientId)?.displayName ?? 'Someone';
  return { displayName, links: withSharing };
}
