/**
 * Practitioner mode (issue 6): who is the practitioner and who is a client in a relationship.
 * Pure rules: no I/O, no clock.
 *
 * - Only a relationship of kind `practitioner` has practitioners and clients. In a partner, friend
 *   or family relationship everyone is simply a member, whatever their account says.
 * - In a `practitioner` relationship, a current member whose account role is `practitioner` is a
 *   practitioner there; every other current member (a person, an operator, a guest without an
 *   account) is a client there.
 * - Someone who has left is neither: the roles are worked out from the current members only.
 * - Nobody is their own client.
 *
 * Edge cases, and what was decided:
 * - Two (or more) practitioner accounts in one practitioner relationship: each of them is a
 *   practitioner there (co-facilitating a group), each has the same clients, and neither is ever
 *   the other's client. A practitioner who wants practice for themselves joins as an ordinary
 *   member of a relationship with someone else; their own things then never show up in anyone's
 *   client list. This errs on the side of showing less: a practitioner account is never treated
 *   as a client, so a colleague never gets a "client page" about another practitioner.
 * - A practitioner relationship with no practitioner in it now (say the operator took the role
 *   back): nobody has clients there. It keeps working as an ordinary relationship, and what its
 *   members share still follows their own sharing switches.
 * - The role is read afresh on every request: taking the role away ends the client list at once.
 *
 * Practitioner mode never widens what anyone can see: a practitioner sees of a client only what
 * the client shares with that relationship (`visibility.ts`). It gathers it in one place, and
 * every look at it is written to the client's access log.
 */
import type { AccountRole } from '../protocol/account-api.ts';
import type { RelationshipKind } from '../protocol/between-us-api.ts';

/** A current member of a relationship, and their account role (null: a guest, no account). */
export interface PracticeMember {
  readonly personId: string;
  readonly role: AccountRole | null;
}

/** A relationship as practitioner mode sees it: its kind and its current members. */
export interface PracticeRelationship {
  readonly relationshipId: string;
  readonly kind: RelationshipKind;
  /** Current members only, in the order they joined. */
  readonly members: readonly PracticeMember[];
}

/** What a member is in a practitioner relationship. */
export type PracticePart = 'practitioner' | 'client';

/** What `personId` is in the relationship: practitioner, client, or null (not one, or not a practitioner relationship). */
export function practicePartOf(relationship: PracticeRelationship, personId: string): PracticePart | null {
  if (relationship.kind !== 'practitioner') return null;
  const member = relationship.members.find((candidate) => candidate.personId === personId);
  if (member === undefined) return null;
  return member.role === 'practitioner' ? 'practitioner' : 'client';
}

/** The practitioners of the relationship now, in member order. */
export function practitionersOf(relationship: PracticeRelationship): string[] {
  return relationship.members.filter((member) => practicePartOf(relationship, member.personId) === 'practitioner').map((member) => member.personId);
}

/** The clients `practitionerId` has in the relationship; none unless they are a practitioner there. */
export function clientsOf(relationship: PracticeRelationship, practitionerId: string): string[] {
  if (practicePartOf(relationship, practitionerId) !== 'practitioner') return [];
  return relationship.members
    .filter((member) => member.personId !== practitionerId && practicePartOf(relationship, member.personId) === 'client')
    .map((member) => member.personId);
}

/** Whether `clientId` is a client of `practitionerId` in the relationship now. */
export function isClientOf(relationship: PracticeRelationship, practitionerId: string, clientId: string): boolean {
  return clientsOf(relationship, practitionerId).includes(clientId);
}
