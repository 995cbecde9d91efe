/**
 * What a practitioner may see of a client. Pure rules: no I/O, no clock.
 *
 * A practitioner sees a client's thing only when all of these hold:
 * - the client is their client in that relationship now (`roles.ts`);
 * - the client's sharing switch for that kind is on in that relationship
 *   (`src/core/relationships/sharing.ts`; someone who left shares nothing);
 * - for something from a live session (a check-in, body signals), the session's own boundary
 *   allowed it too: a "no" said in the session is never overridden afterwards, so a session can
 *   only ever be more private than the relationship.
 *
 * Live, inside a session, the session alone decides moment by moment (the client is in the room
 * and chooses there); these rules are for everything looked at afterwards and outside a session.
 */
import { sessionShareReadable, sharingReadable, type RelationshipSharing, type SharingKind } from '../relationships/sharing.ts';
import { isClientOf, type PracticeRelationship } from './roles.ts';

/** One practitioner looking at one client through one relationship. */
export interface PractitionerSight {
  readonly relationship: PracticeRelationship;
  /** The same relationship's sharing switches, as stored now. */
  readonly sharing: RelationshipSharing;
  readonly practitionerId: string;
  readonly clientId: string;
}

/**
 * Whether the practitioner may see the client's thing of `kind`. `inSession` is given for a thing
 * from a live session: whether the session's own boundary (and the client's choice there, such as
 * marking a check-in "shared") allowed the others to see it.
 */
export function practitionerMaySee(sight: PractitionerSight, kind: SharingKind, inSession?: { readonly allowed: boolean }): boolean {
  if (!isClientOf(sight.relationship, sight.practitionerId, sight.clientId)) return false;
  if (!sight.sharing.memberIds.includes(sight.clientId)) return false;
  if (inSession === undefined) return sharingReadable(sight.sharing, sight.clientId, sight.practitionerId, kind);
  return sessionShareReadable({
    sharing: sight.sharing,
    inSessionAllows: inSession.allowed,
    ownerId: sight.clientId,
    viewerId: sight.practitionerId,
    kind,
  });
}

/** Something of someone's that a practitioner might be shown. */
export interface ClientThing {
  readonly ownerId: string;
  readonly kind: SharingKind;
  /** For a thing from a live session: whether that session's boundary let the others see it; null otherwise. */
  readonly inSessionAllowed: boolean | null;
}

/** The things of `things` the practitioner may see of the client, in their order; anyone else's never. */
export function clientThingsVisible<T extends ClientThing>(sight: PractitionerSight, things: readonly T[]): T[] {
  return things.filter(
    (thing) =>
      thing.ownerId === sight.clientId &&
      practitionerMaySee(sight, thing.kind, thing.inSessionAllowed === null ? undefined : { allowed: thing.inSessionAllowed }),
  );
}

/** The kinds the client lets the practitioner see outside a session now (for the client list). */
export function kindsClientShares(sight: PractitionerSight, kinds: readonly SharingKind[]): SharingKind[] {
  return kinds.filter((kind) => practitionerMaySee(sight, kind));
}
