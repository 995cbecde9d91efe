/**
 * "Between us" in words: what each kind of relationship is called, who is in one (from the
 * reader's side: "You and Bo"), and how long an invite link works.
 */
import type {
  RelationshipKind,
  RelationshipMemberView,
  RelationshipView,
} from '../../core/protocol/between-us-api.ts';

/** How each kind is offered and named. */
export interface RelationshipKindWords {
  /** On the choice: "Partners". */
  readonly label: string;
  /** Under the choice, a few plain words. */
  readonly hint: string;
  /** After "your": "partner". */
  readonly person: string;
}

/** Every kind in words. */
export const RELATIONSHIP_KIND_WORDS: Readonly<Record<RelationshipKind, RelationshipKindWords>> = {
  partner: { label: 'Partners', hint: 'Someone you share your life with.', person: 'partner' },
  friend: { label: 'Friends', hint: 'Someone you trust and choose.', person: 'friend' },
  family: {
    label: 'Family',
    hint: 'A parent, a child, a sibling, a relative.',
    person: 'family member',
  },
  practitioner: {
    label: 'With a practitioner',
    hint: 'Someone who supports you professionally.',
    person: 'practitioner',
  },
};

/**
 * The kinds a person can start today. Links with a practitioner arrive with accounts, so they are
 * left out of the choice rather than offered and then refused.
 */
export const RELATIONSHIP_KINDS_OFFERED: readonly RelationshipKind[] = [
  'partner',
  'friend',
  'family',
];

/** "Bo", "Bo and Cy", "Bo, Cy and Di". */
export function namesJoined(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** The other members, as the reader sees them. */
export function relationshipOthers(
  relationship: RelationshipView,
): readonly RelationshipMemberView[] {
  return relationship.members.filter((member) => !member.isMe);
}

/** The reader themselves, if they are still a member. */
export function relationshipMe(relationship: RelationshipView): RelationshipMemberView | undefined {
  return relationship.members.find((member) => member.isMe);
}

/** "You and Bo"; "You, Bo and Cy"; before anyone has joined, "Your new friend link". */
export function relationshipTitle(relationship: RelationshipView): string {
  const others = relationshipOthers(relationship).map((member) => member.displayName);
  if (others.length === 0)
    return `Waiting for your ${RELATIONSHIP_KIND_WORDS[relationship.kind].person}`;
  return namesJoined(['You', ...others]);
}

/** "Partners · since 3 March 2026", in this device's language and time zone. */
export function relationshipSubtitle(relationship: RelationshipView): string {
  const since = new Date(relationship.createdAtMs).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  return `${RELATIONSHIP_KIND_WORDS[relationship.kind].label} · since ${since}`;
}

/** How long an invite link still works, in plain words, and that it is only for this. */
export function relationshipInviteLifetimeWords(expiresAtMs: number, nowMs: number): string {
  const leftMs = expiresAtMs - nowMs;
  if (leftMs <= 0) return 'This link has stopped working. Make a new one below.';
  const hours = Math.round(leftMs / 3_600_000);
  const until = new Date(expiresAtMs).toLocaleString(undefined, {
    weekday: 'long',
    hour: 'numeric',
    minute: '2-digit',
  });
  const span =
    hours >= 2
      ? `about ${String(hours)} hours`
      : `about ${String(Math.max(1, Math.round(leftMs / 60_000)))} minutes`;
  return `This link works once, for ${span} (until ${until}), and only for joining you here.`;
}
