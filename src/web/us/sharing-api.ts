/**
 * Sharing per relationship, on the server (`between-us-api.ts`): what I let the others see, what
 * each of them lets me see, and whether our cycle map is resting because sharing it is paused.
 * Replies are checked against the contract's shapes.
 */
import { z } from 'zod';
import type { RelationshipSharingView } from '../../core/protocol/between-us-api.ts';
import type { SharingSettings } from '../../core/relationships/sharing.ts';
import { apiCall } from '../api/http.ts';
import { cycleMapViewSchema, type ReceivedCycleMap } from '../cycles/cycle-api.ts';

const settingsSchema = z.object({
  checkIns: z.boolean(),
  physiology: z.boolean(),
  reflections: z.boolean(),
  cycleMap: z.boolean(),
}) satisfies z.ZodType<SharingSettings>;

/** Sharing as the server sends it. */
export const relationshipSharingSchema = z.object({
  relationshipId: z.string(),
  mine: settingsSchema,
  mineChosen: z.boolean(),
  others: z.array(z.object({ personId: z.string(), displayName: z.string(), shares: settingsSchema })),
}) satisfies z.ZodType<RelationshipSharingView>;

const sharingReply = z.object({ sharing: relationshipSharingSchema });

const sharingPath = (relationshipId: string) => `/api/relationships/${encodeURIComponent(relationshipId)}/sharing`;

/** What I share in a relationship, and what the others share with me. */
export async function sharingFetch(relationshipId: string): Promise<RelationshipSharingView> {
  return (await apiCall(sharingPath(relationshipId), sharingReply)).sharing;
}

/** Saves what I share (all four switches); resolves with sharing as it is now. */
export async function sharingSave(relationshipId: string, settings: SharingSettings): Promise<RelationshipSharingView> {
  return (await apiCall(sharingPath(relationshipId), sharingReply, { method: 'PUT', body: settings })).sharing;
}

/** The cycle map as I may see it, and whether it rests because sharing it is paused. */
export interface CycleMapStatus {
  readonly map: ReceivedCycleMap | null;
  readonly paused: boolean;
}

const cycleStatusReply = z.object({ map: cycleMapViewSchema.nullable(), paused: z.boolean().default(false) });

/** Reads the relationship's cycle map with its paused flag. */
export async function cycleMapStatusFetch(relationshipId: string): Promise<CycleMapStatus> {
  return apiCall(`/api/relationships/${encodeURIComponent(relationshipId)}/cycle`, cycleStatusReply);
}
