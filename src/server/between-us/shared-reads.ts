/**
 * Reading other members' things through a relationship, with each owner's sharing switches applied
 * (`src/core/relationships/sharing.ts`), and writing each read to the access audit (DESIGN,
 * Security). The routes ask here; the rules themselves stay in core.
 */
import type { RelationshipSharingView } from '../../core/protocol/between-us-api.ts';
import {
  sharingReadable,
  sharingSettingsOf,
  sharingWith,
  type RelationshipSharing,
  type SharingKind,
} from '../../core/relationships/sharing.ts';
import type { ServerContext } from '../context.ts';
import type { CycleMoment } from '../store/cycle-moment-store.ts';
import type { RelationshipMember } from '../store/relationship-store.ts';

/** One read of someone else's thing, before it is stamped and written to the audit. */
export interface SharedRead {
  readonly ownerId: string;
  readonly relationshipId: string;
  /** What was read: `record`, `cycleMap`, `cycleMoment`, `sessionSignals`, `sessionCheckIns`, `synchrony`. */
  readonly subject: string;
  readonly subjectId: string;
}

/** Writes `reads` by `viewerId` to the access audit, stamped now. */
export async function sharedReadsAudit(context: ServerContext, viewerId: string, reads: readonly SharedRead[]): Promise<void> {
  if (reads.length === 0) return;
  const atMs = context.now();
  await context.betweenUs.sharedAccess.record(reads.map((read) => ({ atMs, viewerId, ...read })));
}

/** Sharing in one relationship as `viewerId` sees it; `members` are its members now (for names). */
export async function relationshipSharingView(
  context: ServerContext,
  access: { readonly relationship: { readonly id: string }; readonly identity: { readonly id: string }; readonly members: readonly RelationshipMember[] },
): Promise<RelationshipSharingView> {
  const relationshipId = access.relationship.id;
  const viewerId = access.identity.id;
  const sharing = await context.betweenUs.sharing.sharingOf(relationshipId);
  const names = new Map(access.members.map((member) => [member.personId, member.displayName]));
  return {
    relationshipId,
    mine: sharingSettingsOf(sharing, viewerId),
    mineChosen: sharing.chosen.has(viewerId),
    others: sharingWith(sharing, viewerId).map((other) => ({
      personId: other.personId,
      displayName: names.get(other.personId) ?? 'Someone',
      shares: other.shares,
    })),
  };
}

/** Reads each relationship's sharing once, however often it is asked for. */
export class SharingCache {
  private readonly read = new Map<string, Promise<RelationshipSharing>>();

  constructor(private readonly context: ServerContext) {}

  of(relationshipId: string): Promise<RelationshipSharing> {
    let sharing = this.read.get(relationshipId);
    if (sharing === undefined) {
      sharing = this.context.betweenUs.sharing.sharingOf(relationshipId);
      this.read.set(relationshipId, sharing);
    }
    return sharing;
  }
}

/**
 * The cycle moments `viewerId` may see: their own, and another member's while that member shares
 * their cycle map; with the reads of others' moments for the audit.
 */
export async function cycleMomentsReadable(
  sharings: SharingCache,
  viewerId: string,
  moments: readonly CycleMoment[],
): Promise<{ moments: CycleMoment[]; reads: SharedRead[] }> {
  const shown: CycleMoment[] = [];
  const reads: SharedRead[] = [];
  for (const moment of moments) {
    if (moment.personId === viewerId) {
      shown.push(moment);
      continue;
    }
    if (!sharingReadable(await sharings.of(moment.relationshipId), moment.personId, viewerId, 'cycleMap')) continue;
    shown.push(moment);
    reads.push({ ownerId: moment.personId, relationshipId: moment.relationshipId, subject: 'cycleMoment', subjectId: moment.id });
  }
  return { moments: shown, reads };
}

/**
 * Whether a figure made from several people's things of `kind` (synchrony: everyone's body
 * signals) may be shown to `viewerId`: only while every one of `ownerIds` shares it with them.
 */
export function everyoneShares(sharing: RelationshipSharing, ownerIds: readonly string[], viewerId: string, kind: SharingKind): boolean {
  return ownerIds.every((ownerId) => sharingReadable(sharing, ownerId, viewerId, kind));
}

/**
 * Which sessions' synchrony `viewerId` may see now. Synchrony is made from everyone's body signals
 * in a session: from a session outside any relationship it shows as the session's own boundaries
 * shaped it; from a session started from a relationship, only while every other participant
 * shares body signals with the viewer there (someone who left shares nothing).
 */
export async function synchronyShown(
  context: ServerContext,
  sharings: SharingCache,
  viewerId: string,
  sessions: readonly { readonly sessionId: string; readonly participantIds: readonly string[] }[],
): Promise<{ shown: Set<string>; reads: SharedRead[] }> {
  const shown = new Set<string>();
  const reads: SharedRead[] = [];
  for (const { sessionId, participantIds } of sessions) {
    const relationshipId = await context.betweenUs.relationships.sessionRelationship(sessionId);
    if (relationshipId === null) {
      shown.add(sessionId);
      continue;
    }
    const others = participantIds.filter((id) => id !== viewerId);
    if (!everyoneShares(await sharings.of(relationshipId), others, viewerId, 'physiology')) continue;
    shown.add(sessionId);
    reads.push(...others.map((ownerId) => ({ ownerId, relationshipId, subject: 'synchrony', subjectId: sessionId })));
  }
  return { shown, reads };
}
