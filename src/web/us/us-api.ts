/**
 * "Between us" calls to the server (`src/core/protocol/between-us-api.ts`): my relationships,
 * starting one with an invite link, reading and accepting an invite, leaving, and opening a live
 * session for the members. Replies are checked against the contract's shapes; failures are
 * `ApiError`s with a sentence a person can act on.
 */
import { z } from 'zod';
import {
  RELATIONSHIP_KINDS,
  type RelationshipInviteView,
  type RelationshipKind,
  type RelationshipView,
} from '../../core/protocol/between-us-api.ts';
import { ApiError, apiCall } from '../api/http.ts';

const memberSchema = z.object({
  personId: z.string(),
  displayName: z.string(),
  isMe: z.boolean(),
  joinedAtMs: z.number(),
});

/** A relationship as the server sends it. */
export const relationshipSchema = z.object({
  relationshipId: z.string(),
  kind: z.enum(RELATIONSHIP_KINDS),
  createdAtMs: z.number(),
  members: z.array(memberSchema),
}) satisfies z.ZodType<RelationshipView>;

/** An invite link as the server sends it. */
export const relationshipInviteSchema = z.object({
  token: z.string(),
  url: z.string(),
  expiresAtMs: z.number(),
}) satisfies z.ZodType<RelationshipInviteView>;

/** What an invite link says before it is accepted. */
export const invitePreviewSchema = z.object({
  relationshipId: z.string(),
  kind: z.enum(RELATIONSHIP_KINDS),
  invitedBy: z.string(),
  expiresAtMs: z.number(),
});

/** What an invite link says before it is accepted. */
export type InvitePreview = z.output<typeof invitePreviewSchema>;

const identitySchema = z.object({ id: z.string(), displayName: z.string(), kind: z.string() });

/** Who this device is to the server. */
export type Identity = z.output<typeof identitySchema>;

const relationshipsPath = '/api/relationships';
const relationshipPath = (id: string) => `${relationshipsPath}/${encodeURIComponent(id)}`;
const invitePath = (token: string) => `/api/relationship-invites/${encodeURIComponent(token)}`;

/** Who this device is, or null when it has no identity yet (so a name must be asked for). */
export async function identityFetch(): Promise<Identity | null> {
  try {
    return await apiCall('/api/identity', identitySchema);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return null;
    throw error;
  }
}

/** My relationships. */
export async function relationshipsList(): Promise<readonly RelationshipView[]> {
  const reply = await apiCall(
    relationshipsPath,
    z.object({ relationships: z.array(relationshipSchema) }),
  );
  return reply.relationships;
}

/** One of my relationships. */
export async function relationshipFetch(relationshipId: string): Promise<RelationshipView> {
  const reply = await apiCall(
    relationshipPath(relationshipId),
    z.object({ relationship: relationshipSchema }),
  );
  return reply.relationship;
}

/** What starting a relationship gives back: the relationship and a link for the other person. */
export interface RelationshipStarted {
  readonly relationship: RelationshipView;
  readonly invite: RelationshipInviteView;
}

/** Starts a relationship of `kind`; `displayName` only when this device has no identity yet. */
export function relationshipStart(
  kind: RelationshipKind,
  displayName: string | null,
): Promise<RelationshipStarted> {
  return apiCall(
    relationshipsPath,
    z.object({ relationship: relationshipSchema, invite: relationshipInviteSchema }),
    { method: 'POST', body: displayName === null ? { kind } : { kind, displayName } },
  );
}

/** A fresh invite link to a relationship (any member may make one). */
export async function relationshipInviteNew(
  relationshipId: string,
): Promise<RelationshipInviteView> {
  const reply = await apiCall(
    `${relationshipPath(relationshipId)}/invites`,
    z.object({ invite: relationshipInviteSchema }),
    { method: 'POST', body: {} },
  );
  return reply.invite;
}

/** What an invite link is for, before accepting it. */
export function invitePreviewFetch(token: string): Promise<InvitePreview> {
  return apiCall(invitePath(token), invitePreviewSchema);
}

/** Accepts an invite; `displayName` only when this device has no identity yet. */
export async function inviteAccept(
  token: string,
  displayName: string | null,
): Promise<RelationshipView> {
  const reply = await apiCall(
    `${invitePath(token)}/accept`,
    z.object({ relationship: relationshipSchema }),
    {
      method: 'POST',
      body: displayName === null ? {} : { displayName },
    },
  );
  return reply.relationship;
}

/** Leaves a relationship: everything I shared with it stops being shared at once. */
export async function relationshipLeave(relationshipId: string): Promise<void> {
  await apiCall(`${relationshipPath(relationshipId)}/membership`, z.unknown(), {
    method: 'DELETE',
  });
}

/** Opens a live session for the relationship's members; resolves with its id. */
export async function relationshipSessionStart(relationshipId: string): Promise<string> {
  const reply = await apiCall(
    `${relationshipPath(relationshipId)}/sessions`,
    z.object({ sessionId: z.string() }),
    {
      method: 'POST',
      body: {},
    },
  );
  return reply.sessionId;
}
