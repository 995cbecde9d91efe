/**
 * `/api/practitioner/...`: a practitioner's client list, each client's consented history, private
 * notes, and which people in a live session are their clients (for the session dashboard).
 * Contract: `src/core/practitioner/practitioner-api.ts`; rules: `src/core/practitioner/`.
 *
 * - Only an account with the practitioner role reaches the list (others: 403 `not_a_practitioner`).
 * - A client is reached only while they are my client now; anyone else is answered like nobody
 *   (404 `client_not_found`), so nothing is learned about who exists.
 * - Every history read writes the client's access log (one row per kind of thing shown) before
 *   the answer leaves.
 * - Notes are the practitioner's own words and only their author reaches them (see the header of
 *   `src/server/practitioner/practitioner-store.ts` for why the client never sees them). Changing or
 *   deleting a note needs only authorship, so a practitioner can always remove what they wrote.
 */
import type { FastifyInstance } from 'fastify';
import { practitionerNoteBody, type PractitionerNoteView, type PractitionerSessionView } from '../../core/practitioner/practitioner-api.ts';
import { clientsOf } from '../../core/practitioner/roles.ts';
import { idNew } from '../auth/tokens.ts';
import { sharedReadsAudit } from '../between-us/shared-reads.ts';
import type { ServerContext } from '../context.ts';
import { clientHistory, practitionerClients } from '../practitioner/client-history.ts';
import { clientOf, isPractitioner, practiceLinkOf, practitionerErrors, practitionerRequired } from '../practitioner/practitioner-access.ts';
import type { PractitionerNote } from '../practitioner/practitioner-store.ts';
import { identityRequired, serverIdSchema } from './between-us-access.ts';
import { httpErrors } from './errors.ts';
import { bodyParse } from './parse.ts';
import { sessionIdSchema } from './session-id.ts';

interface ClientParams {
  readonly clientId: string;
}

interface NoteParams {
  readonly noteId: string;
}

function noteView(note: PractitionerNote): PractitionerNoteView {
  return { noteId: note.id, clientId: note.clientId, text: note.text, createdAtMs: note.createdAtMs, updatedAtMs: note.updatedAtMs };
}

/** Registers the practitioner routes. */
export function practitionerRoutes(app: FastifyInstance, context: ServerContext): void {
  const { store } = context.practitioner;

  app.get('/api/practitioner/clients', async (request, reply) => {
    const practitioner = await practitionerRequired(context, request);
    reply.header('cache-control', 'no-store');
    return { clients: await practitionerClients(context, practitioner.id) };
  });

  app.get<{ Params: ClientParams }>('/api/practitioner/clients/:clientId/history', async (request, reply) => {
    const practitioner = await identityRequired(context, request);
    if (!(await isPractitioner(context, practitioner))) throw practitionerErrors.clientNotFound();
    const client = await clientOf(context, practitioner.id, request.params.clientId);
    const { history, reads } = await clientHistory(context, practitioner.id, { clientId: request.params.clientId, ...client });
    // Written before anything is shown: a look that is not in the log does not happen.
    await sharedReadsAudit(context, practitioner.id, reads);
    reply.header('cache-control', 'no-store');
    return history;
  });

  app.get<{ Params: ClientParams }>('/api/practitioner/clients/:clientId/notes', async (request, reply) => {
    const practitioner = await identityRequired(context, request);
    if (!(await isPractitioner(context, practitioner))) throw practitionerErrors.clientNotFound();
    await clientOf(context, practitioner.id, request.params.clientId);
    reply.header('cache-control', 'no-store');
    return { notes: (await store.notesOf(practitioner.id, request.params.clientId)).map(noteView) };
  });

  app.post<{ Params: ClientParams }>('/api/practitioner/clients/:clientId/notes', async (request, reply) => {
    const { text } = bodyParse(practitionerNoteBody, request.body);
    const practitioner = await identityRequired(context, request);
    if (!(await isPractitioner(context, practitioner))) throw practitionerErrors.clientNotFound();
    await clientOf(context, practitioner.id, request.params.clientId);
    const nowMs = context.now();
    const note = await store.noteCreate({ id: idNew(), practitionerId: practitioner.id, clientId: request.params.clientId, text, createdAtMs: nowMs, updatedAtMs: nowMs });
    reply.code(201).header('cache-control', 'no-store');
    return { note: noteView(note) };
  });

  app.put<{ Params: NoteParams }>('/api/practitioner/notes/:noteId', async (request, reply) => {
    const { text } = bodyParse(practitionerNoteBody, request.body);
    const author = await identityRequired(context, request);
    const note = serverIdSchema.safeParse(request.params.noteId).success ? await store.noteUpdate(request.params.noteId, author.id, text, context.now()) : null;
    if (note === null) throw practitionerErrors.noteNotFound();
    reply.header('cache-control', 'no-store');
    return { note: noteView(note) };
  });

  app.delete<{ Params: NoteParams }>('/api/practitioner/notes/:noteId', async (request, reply) => {
    const author = await identityRequired(context, request);
    const deleted = serverIdSchema.safeParse(request.params.noteId).success && (await store.noteDelete(request.params.noteId, author.id));
    if (!deleted) throw practitionerErrors.noteNotFound();
    return reply.code(204).send();
  });

  app.get<{ Params: { sessionId: string } }>('/api/practitioner/sessions/:sessionId', async (request): Promise<PractitionerSessionView> => {
    const identity = await identityRequired(context, request);
    const sessionId = sessionIdSchema.safeParse(request.params.sessionId);
    if (!sessionId.success) throw httpErrors.sessionNotFound();
    const access = await context.hub.accessOf(sessionId.data, identity.id);
    // Someone outside the session learns nothing, not even that it exists.
    if (access === 'missing' || access === 'none') throw httpErrors.sessionNotFound();
    const none: PractitionerSessionView = { relationshipId: null, clients: [] };
    // Anyone else in the session gets the same quiet "no clients here".
    if (!(await isPractitioner(context, identity))) return none;
    const relationshipId = await context.betweenUs.relationships.sessionRelationship(sessionId.data);
    if (relationshipId === null) return none;
    const relationship = await context.betweenUs.relationships.findForMember(relationshipId, identity.id);
    if (relationship?.kind !== 'practitioner') return none;
    const link = await practiceLinkOf(context, relationship);
    const clientIds = clientsOf(link.practice, identity.id);
    if (clientIds.length === 0) return none;
    return {
      relationshipId,
      clients: link.members
        .filter((member) => clientIds.includes(member.personId))
        .map((member) => ({ personId: member.personId, displayName: member.displayName })),
    };
  });
}
