/**
 * Who is who in a repair, from the reader's side: their own id, and a name for anyone else ("Bo"),
 * taken from the relationship. Someone who has since left the relationship keeps a plain stand-in.
 */
import type { RelationshipView } from '../../core/protocol/between-us-api.ts';

/** The reader and the names of everyone in the relationship. */
export interface RepairPeople {
  readonly meId: string;
  /** "You" for the reader, a display name for others. */
  nameOf(personId: string): string;
  /** Names of the given people joined for a sentence: "Bo", "Bo and Cy". */
  namesOf(personIds: readonly string[]): string;
}

function joined(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** The people of a relationship as the reader sees them, or null when the reader is not in it. */
export function repairPeopleOf(relationship: RelationshipView): RepairPeople | null {
  const me = relationship.members.find((member) => member.isMe);
  if (me === undefined) return null;
  const names = new Map(relationship.members.map((member) => [member.personId, member.isMe ? 'You' : member.displayName]));
  const nameOf = (personId: string) => names.get(personId) ?? 'Someone who has left';
  return { meId: me.personId, nameOf, namesOf: (personIds) => joined(personIds.map(nameOf)) };
}
