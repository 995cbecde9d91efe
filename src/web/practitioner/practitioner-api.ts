/**
 * Practitioner mode on the server (`src/core/practitioner/practitioner-api.ts`): my clients, one
 * client's consented history, my private notes about them, and which people in a live session are
 * my clients. Replies are checked against the contract's shapes.
 */
import { z } from 'zod';
import type {
  ClientHistoryView,
  PractitionerClientView,
  PractitionerNoteView,
  PractitionerSessionView,
} from '../../core/practitioner/practitioner-api.ts';
import type { SharingSettings } from '../../core/relationships/sharing.ts';
import { NERVOUS_SYSTEM_STATES } from '../../core/states/nervous-system-state.ts';
import { apiCall } from '../api/http.ts';
import { personalRecordSchema } from '../progress/progress-api.ts';

const sharesSchema = z.object({
  checkIns: z.boolean(),
  physiology: z.boolean(),
  reflections: z.boolean(),
  cycleMap: z.boolean(),
}) satisfies z.ZodType<SharingSettings>;

const clientSchema = z.object({
  clientId: z.string(),
  displayName: z.string(),
  relationshipId: z.string(),
  relationshipSinceMs: z.number(),
  shares: sharesSchema,
  lastSessionAtMs: z.number().nullable(),
}) satisfies z.ZodType<PractitionerClientView>;

const historySchema = z.object({
  client: z.object({ clientId: z.string(), displayName: z.string() }),
  relationships: z.array(z.object({ relationshipId: z.string(), sinceMs: z.number(), shares: sharesSchema })),
  sessions: z.array(
    z.object({
      sessionId: z.string(),
      relationshipId: z.string(),
      startedAtMs: z.number(),
      ended: z.boolean(),
      checkIns: z.array(
        z.object({ atMs: z.number(), state: z.enum(NERVOUS_SYSTEM_STATES), intensity: z.number(), moment: z.enum(['before', 'after', 'any']) }),
      ),
      body: z.object({ heartRateBpm: z.number().nullable(), breathingRateBpm: z.number().nullable(), minutes: z.number() }).nullable(),
    }),
  ),
  checkIns: z.array(personalRecordSchema),
  reflections: z.array(personalRecordSchema),
}) satisfies z.ZodType<ClientHistoryView>;

const noteSchema = z.object({
  noteId: z.string(),
  clientId: z.string(),
  text: z.string(),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
}) satisfies z.ZodType<PractitionerNoteView>;

const sessionSchema = z.object({
  relationshipId: z.string().nullable(),
  clients: z.array(z.object({ personId: z.string(), displayName: z.string() })),
}) satisfies z.ZodType<PractitionerSessionView>;

const clientPath = (clientId: string) => `/api/practitioner/clients/${encodeURIComponent(clientId)}`;
const notePath = (noteId: string) => `/api/practitioner/notes/${encodeURIComponent(noteId)}`;

/** My clients (403 `not_a_practitioner` for anyone else). */
export async function clientsFetch(): Promise<readonly PractitionerClientView[]> {
  return (await apiCall('/api/practitioner/clients', z.object({ clients: z.array(clientSchema) }))).clients;
}

/** One client's consented history; each call is written to their access log. */
export async function clientHistoryFetch(clientId: string): Promise<ClientHistoryView> {
  return apiCall(`${clientPath(clientId)}/history`, historySchema);
}

/** My notes about one client, newest first. */
export async function notesFetch(clientId: string): Promise<readonly PractitionerNoteView[]> {
  return (await apiCall(`${clientPath(clientId)}/notes`, z.object({ notes: z.array(noteSchema) }))).notes;
}

/** Keeps a new private note. */
export async function noteCreate(clientId: string, text: string): Promise<PractitionerNoteView> {
  return (await apiCall(`${clientPath(clientId)}/notes`, z.object({ note: noteSchema }), { method: 'POST', body: { text } })).note;
}

/** Changes one of my notes. */
export async function noteUpdate(noteId: string, text: string): Promise<PractitionerNoteView> {
  return (await apiCall(notePath(noteId), z.object({ note: noteSchema }), { method: 'PUT', body: { text } })).note;
}

/** Deletes one of my notes. */
export async function noteDelete(noteId: string): Promise<void> {
  await apiCall(notePath(noteId), z.object({}), { method: 'DELETE' });
}

/** Which people in a live session are my clients (none for anyone but its practitioner). */
export async function practitionerSessionFetch(sessionId: string): Promise<PractitionerSessionView> {
  return apiCall(`/api/practitioner/sessions/${encodeURIComponent(sessionId)}`, sessionSchema);
}
