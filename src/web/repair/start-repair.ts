/**
 * Starting a repair from a live session: after a pause, or after a flooding notice. The session
 * screen calls this and then opens the repair's screen (`repairScreenPath`), where each person
 * first settles on their own.
 */
import type { RepairOrigin } from '../../core/repair/index.ts';
import { repairStart } from './repair-api.ts';

/**
 * Starts a repair for the relationship from a pause or a flooding notice, dated at the rupture
 * (`ruptureAtMs`, server time), linked to the live session when `sessionId` is given. Resolves
 * with the new repair's id; a start that is turned down throws an `ApiError` with the sentence
 * to show as it is.
 */
export async function startRepairFrom(
  relationshipId: string,
  origin: Extract<RepairOrigin, 'pause' | 'flooding'>,
  ruptureAtMs: number,
  sessionId?: string,
): Promise<string> {
  const repair = await repairStart(relationshipId, {
    origin,
    ruptureAtMs,
    ...(sessionId === undefined ? {} : { sessionId }),
  });
  return repair.repairId;
}
