/**
 * The cycle map's calls to the server: read the map as I may see it, and send one command with an
 * id made here, so a repeated send (a retry after a dropped connection) changes nothing twice.
 * Replies are checked with core's own schemas for sides and plans.
 */
import { z } from 'zod';
import {
  cyclePlanSchema,
  cycleSideSchema,
  type CycleMapCommand,
  type CycleMapView,
} from '../../core/cycles/index.ts';
import { commandIdNew } from '../api/command-id.ts';
import { apiCall } from '../api/http.ts';

const sideStatus = { personId: z.string(), done: z.boolean(), readyToLook: z.boolean() };

/** A cycle map as the server sends it to one of its two people. */
export const cycleMapViewSchema = z.object({
  status: z.enum(['drafting', 'revealed']),
  mapId: z.string(),
  mine: z.object({ ...sideStatus, side: cycleSideSchema }),
  theirs: z.object({ ...sideStatus, side: cycleSideSchema.nullable() }),
  canChooseToLook: z.boolean(),
  // The screen names the pattern from the two sides itself (the same core rule), so only the shape is checked.
  pattern: z.unknown(),
  name: z.string().nullable(),
  plan: cyclePlanSchema.nullable(),
});

/** A cycle map as this screen reads it: the contract's view without the server's pattern. */
export type ReceivedCycleMap = Omit<CycleMapView, 'pattern'>;

const mapReplySchema = z.object({ map: cycleMapViewSchema.nullable() });

const outcomeSchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
]);

/** What a command came to: accepted, or turned down with a sentence. */
export type CycleCommandOutcome = z.output<typeof outcomeSchema>;

const commandReplySchema = z.object({ outcome: outcomeSchema, map: cycleMapViewSchema.nullable() });

const cyclePath = (relationshipId: string) =>
  `/api/relationships/${encodeURIComponent(relationshipId)}/cycle`;

/** The relationship's cycle map as I may see it, or null when nobody has started one. */
export async function cycleMapFetch(relationshipId: string): Promise<ReceivedCycleMap | null> {
  const reply = await apiCall(cyclePath(relationshipId), mapReplySchema);
  return reply.map;
}

/** What sending a command gives back: its outcome and the map as it is now. */
export interface CycleCommandReply {
  readonly outcome: CycleCommandOutcome;
  readonly map: ReceivedCycleMap | null;
}

/** Sends one command to the relationship's cycle map. */
export function cycleCommandSend(
  relationshipId: string,
  command: CycleMapCommand,
  commandId: string = commandIdNew(),
): Promise<CycleCommandReply> {
  return apiCall(`${cyclePath(relationshipId)}/commands`, commandReplySchema, {
    method: 'POST',
    body: { commandId, command },
  });
}
