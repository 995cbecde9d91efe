/**
 * The two people of a cycle map with their names, for the words and the loop: the map knows
 * people by id, the relationship knows their names. Someone who has since left keeps a neutral
 * name rather than disappearing from a map both of them made.
 */
import type { CyclePerson } from '../../core/cycles/index.ts';
import type { RelationshipMemberView } from '../../core/protocol/between-us-api.ts';
import type { ReceivedCycleMap } from './cycle-api.ts';

/** Said for the other person when their name is not known here any more. */
export const OTHER_PERSON_FALLBACK_NAME = 'The other person';

/** The name of `personId` among `members`, or `fallback`. */
export function memberName(
  members: readonly RelationshipMemberView[],
  personId: string,
  fallback: string,
): string {
  return members.find((member) => member.personId === personId)?.displayName ?? fallback;
}

/** The other person's name on this map. */
export function theirName(
  map: ReceivedCycleMap,
  members: readonly RelationshipMemberView[],
): string {
  return memberName(members, map.theirs.personId, OTHER_PERSON_FALLBACK_NAME);
}

/** Both people with their sides once the map is open to both; null before the reveal. */
export function cyclePeopleRevealed(
  map: ReceivedCycleMap,
  members: readonly RelationshipMemberView[],
): { readonly me: CyclePerson; readonly you: CyclePerson } | null {
  if (map.status !== 'revealed' || map.theirs.side === null) return null;
  return {
    me: {
      personId: map.mine.personId,
      name: memberName(members, map.mine.personId, 'You'),
      side: map.mine.side,
    },
    you: { personId: map.theirs.personId, name: theirName(map, members), side: map.theirs.side },
  };
}
