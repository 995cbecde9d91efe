/**
 * Personal records on the server (`between-us-api.ts`): mine by kind, keeping a new one, changing
 * one, sharing one with one of my relationships and taking that back, and what a relationship's
 * members shared with it. Everything is private until its owner shares it.
 */
import { z } from 'zod';
import type { PersonalRecordKind, PersonalRecordView } from '../../core/protocol/between-us-api.ts';
import { apiCall } from '../api/http.ts';
import { personalRecordSchema } from '../progress/progress-api.ts';

const recordReply = z.object({ record: personalRecordSchema });
const recordsReply = z.object({ records: z.array(personalRecordSchema) });
const recordPath = (recordId: string) => `/api/records/${encodeURIComponent(recordId)}`;

/** My records of one kind. */
export async function recordsList(kind: PersonalRecordKind): Promise<readonly PersonalRecordView[]> {
  const reply = await apiCall(`/api/records?kind=${encodeURIComponent(kind)}`, recordsReply);
  return reply.records;
}

/** Keeps a new record, private. */
export async function recordCreate(kind: PersonalRecordKind, body: unknown, atMs?: number): Promise<PersonalRecordView> {
  const reply = await apiCall('/api/records', recordReply, { method: 'POST', body: { kind, body, ...(atMs === undefined ? {} : { atMs }) } });
  return reply.record;
}

/** Changes a record's body (how an experiment went, say). */
export async function recordUpdate(recordId: string, body: unknown): Promise<PersonalRecordView> {
  const reply = await apiCall(recordPath(recordId), recordReply, { method: 'PUT', body: { body } });
  return reply.record;
}

/** Shares a record with one of my relationships, or takes it back with `null`. */
export async function recordSharingSet(recordId: string, relationshipId: string | null): Promise<PersonalRecordView> {
  const reply = await apiCall(`${recordPath(recordId)}/sharing`, recordReply, { method: 'PUT', body: { relationshipId } });
  return reply.record;
}

/** What the relationship's members shared with it, mine included. */
export async function sharedWithRelationship(relationshipId: string): Promise<readonly PersonalRecordView[]> {
  const reply = await apiCall(`/api/relationships/${encodeURIComponent(relationshipId)}/shared`, recordsReply);
  return reply.records;
}
