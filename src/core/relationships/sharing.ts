/**
 * What each person in a relationship lets the OTHER members see outside a live session (issue 6).
 * Pure rules: no I/O, no clock. Each member has four switches of their own, per relationship:
 *
 * - `checkIns`: check-ins (and solo practices) they kept and shared with the relationship, and
 *   their check-ins they marked "shared" in a session started from it, when read afterwards
 *   (reports);
 * - `physiology`: their body signals in reports of sessions started from the relationship, and
 *   the synchrony figures made from them in progress;
 * - `reflections`: reflections (two questions, markers of change, experiments) they shared;
 * - `cycleMap`: the cycle map they make with someone in the relationship, and the "our cycle is
 *   here" moments they noted.
 *
 * Defaults (a member who has never changed anything), and why:
 * - `physiology: false`. Until now body signals were shared only inside a live session, under that
 *   session's boundary, moment by moment. Reading them later, outside the session, is a lasting
 *   kind of sharing nobody has said yes to yet, so it waits for a clear yes (DESIGN rule 6).
 * - `checkIns`, `reflections`, `cycleMap: true`. Each of these already needs its own yes per item:
 *   a record is private until its owner shares that one record, a session check-in is private
 *   unless marked "shared", and the two sides of a cycle map open only when both agree to look.
 *   These switches are a second, broader "stop" on top of that consent, not a way in. Defaulting
 *   them off would silently hide what people had already, item by item, chosen to share (issue 5),
 *   and make every co-owned cycle map disappear for both people at once.
 *
 * Rules:
 * - A person always reads their own things. Someone else's thing is readable only while both
 *   are current members and its owner's switch for that kind is on. Someone who left reads
 *   nothing of the others, and nothing of theirs is readable: leaving stops all sharing at once.
 * - In a live session's aftermath (reports), a thing is readable only if the session's own
 *   boundary allowed it AND the relationship switch allows it: a session "no" is never overridden;
 *   a session can only be more private than the relationship.
 * - A cycle map belongs to its two people together, so it is shown (to either of them) only while
 *   both are members with `cycleMap` on. Otherwise it rests: neither sees it and neither can change
 *   it, nothing in it is lost, and it is back as it was once both share it again. The note they
 *   see never says who paused it.
 */
import { z } from 'zod';
import type { PersonalRecordKind } from '../protocol/between-us-api.ts';

/** The four things a member can share with the others of a relationship. */
export const SHARING_KINDS = ['checkIns', 'physiology', 'reflections', 'cycleMap'] as const;

/** One of them. */
export type SharingKind = (typeof SHARING_KINDS)[number];

/** One member's switches in one relationship; `true` means "the others may see this". */
export type SharingSettings = Readonly<Record<SharingKind, boolean>>;

/** What a member shares before they change anything (see the header for why). */
export const SHARING_DEFAULTS: SharingSettings = {
  checkIns: true,
  physiology: false,
  reflections: true,
  cycleMap: true,
};

/** Nothing shared: what a person who has left counts as. */
export const SHARING_NONE: SharingSettings = { checkIns: false, physiology: false, reflections: false, cycleMap: false };

const onOff = (what: string) => z.boolean({ error: `Choose on or off for ${what}.` });

/** `PUT /api/relationships/:id/sharing`: all four switches, every time. */
export const sharingSettingsSchema = z.strictObject({
  checkIns: onOff('check-ins'),
  physiology: onOff('body signals'),
  reflections: onOff('reflections'),
  cycleMap: onOff('the cycle map'),
});

/** Which switch covers each kind of personal record. */
export const RECORD_KIND_SHARING: Readonly<Record<PersonalRecordKind, SharingKind>> = {
  checkIn: 'checkIns',
  // A practice done alone says how someone looks after themselves, as a check-in does.
  soloPractice: 'checkIns',
  workingModel: 'reflections',
  changeMarkers: 'reflections',
  experiment: 'reflections',
};

/** A relationship's members now, and the switches each has chosen. */
export interface RelationshipSharing {
  readonly memberIds: readonly string[];
  /** Chosen switches by person; a member missing here uses `SHARING_DEFAULTS`; non-members are ignored. */
  readonly chosen: ReadonlyMap<string, SharingSettings>;
}

/** `personId`'s switches in effect: theirs, the defaults, or nothing at all for a non-member. */
export function sharingSettingsOf(sharing: RelationshipSharing, personId: string): SharingSettings {
  if (!sharing.memberIds.includes(personId)) return SHARING_NONE;
  return sharing.chosen.get(personId) ?? SHARING_DEFAULTS;
}

/** Whether `viewerId` may read `ownerId`'s thing of `kind` through the relationship. */
export function sharingReadable(sharing: RelationshipSharing, ownerId: string, viewerId: string, kind: SharingKind): boolean {
  if (ownerId === viewerId) return true;
  if (!sharing.memberIds.includes(viewerId)) return false;
  return sharingSettingsOf(sharing, ownerId)[kind];
}

/**
 * After a live session: whether `viewerId` may read `ownerId`'s thing of `kind`. `inSessionAllows`
 * is what the session's own boundaries said; `sharing` is the relationship the session was started
 * from, or null for a session outside any relationship (then the session alone decides).
 */
export function sessionShareReadable(input: {
  readonly sharing: RelationshipSharing | null;
  readonly inSessionAllows: boolean;
  readonly ownerId: string;
  readonly viewerId: string;
  readonly kind: SharingKind;
}): boolean {
  if (input.ownerId === input.viewerId) return true;
  if (!input.inSessionAllows) return false;
  return input.sharing === null || sharingReadable(input.sharing, input.ownerId, input.viewerId, input.kind);
}

/** Whether a cycle map of `mapPeople` is shown: every one of them a member with `cycleMap` on. */
export function cycleMapShared(sharing: RelationshipSharing, mapPeople: readonly string[]): boolean {
  return mapPeople.every((personId) => sharingSettingsOf(sharing, personId).cycleMap);
}

/** The relationship after `personId` left: out of it, with their switches gone. */
export function sharingAfterLeaving(sharing: RelationshipSharing, personId: string): RelationshipSharing {
  const chosen = new Map(sharing.chosen);
  chosen.delete(personId);
  return { memberIds: sharing.memberIds.filter((id) => id !== personId), chosen };
}

/** What each other member shares with `viewerId`, in member order; nothing for a non-member. */
export function sharingWith(sharing: RelationshipSharing, viewerId: string): { readonly personId: string; readonly shares: SharingSettings }[] {
  if (!sharing.memberIds.includes(viewerId)) return [];
  return sharing.memberIds.filter((id) => id !== viewerId).map((personId) => ({ personId, shares: sharingSettingsOf(sharing, personId) }));
}

/** A cycle-map command while the map rests: a stable code and a sentence that never says who paused it. */
export const CYCLE_MAP_PAUSED = {
  code: 'cycle_map_paused',
  message:
    'Your cycle map is resting for now, because sharing it is paused. Nothing in it is lost, and it comes back as it was once it is shared again.',
} as const;
