/**
 * A live session started from a relationship belongs to that relationship: leaving it ends one's
 * part in its sessions at once, not only in what happens after them. So the session is open to
 * its host, and to anyone else only while both they and the host are still members. Sessions
 * started by invite link are not touched by this rule.
 */
import { idNew } from '../auth/tokens.ts';
import type { ServerContext } from '../context.ts';

/** Whether `identityId` may still be in the relationship-linked parts of `sessionId`. */
export async function relationshipSessionOpenTo(context: ServerContext, sessionId: string, identityId: string): Promise<boolean> {
  const relationshipId = await context.betweenUs.relationships.sessionRelationship(sessionId);
  if (relationshipId === null) return true;
  const { hostId } = await context.hub.sessionStateCurrent(sessionId);
  if (hostId === identityId) return true;
  const memberIds = new Set((await context.betweenUs.relationships.members(relationshipId)).map((member) => member.personId));
  return memberIds.has(identityId) && memberIds.has(hostId);
}

/**
 * After `leaverId` left `relationshipId`: takes them (or, when they hosted, everyone else) out of
 * each open session started from it, and asks every node to drop its copy so every device
 * reconnects through the gate above. Sessions that ended need nothing: reports are filtered by
 * current membership already.
 */
export async function relationshipSessionsAfterLeaving(context: ServerContext, relationshipId: string, leaverId: string): Promise<void> {
  for (const sessionId of await context.betweenUs.relationships.sessionsOf(relationshipId)) {
    const state = await context.hub.sessionStateCurrent(sessionId);
    if (state.status !== 'open') continue;
    const leaving = state.hostId === leaverId ? Object.keys(state.participants).filter((id) => id !== leaverId) : [leaverId];
    for (const participantId of leaving) {
      if (state.participants[participantId]?.present !== true) continue;
      const kind = (await context.identities.findById(participantId))?.kind ?? 'guest';
      const outcome = await context.hub.submit(sessionId, { participantId, kind }, `left-relationship-${idNew()}`, { type: 'leave' });
      if (!outcome.ok) context.logger.warn('realtime', 'could not take someone out of a session after they left its relationship', { sessionId, code: outcome.code });
    }
    // The same drop-and-reconnect as after a rewrite: devices come back through the access gate.
    await context.hub.sessionRewritten(sessionId);
  }
}
