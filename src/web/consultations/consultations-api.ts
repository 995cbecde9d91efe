/**
 * Consultations on the server (`consultations-api.ts` in core/protocol): the directory, a
 * practitioner's open times, my consultations, booking, moving, cancelling, opening the room, and
 * a practitioner's own availability. Replies are checked before any screen uses them.
 */
import { z } from 'zod';
import { availabilityRulesSchema, type AvailabilityRules } from '../../core/consultations/availability.ts';
import type { ConsultationRoomAnswer, ConsultationView, OpenSlotsView, PractitionerListing } from '../../core/protocol/consultations-api.ts';
import { apiCall } from '../api/http.ts';

const personSchema = z.object({ id: z.string(), displayName: z.string() });

const consultationSchema: z.ZodType<ConsultationView> = z.object({
  consultationId: z.string(),
  myRole: z.enum(['practitioner', 'client']),
  practitioner: personSchema,
  client: personSchema,
  practitionerTimeZone: z.string(),
  startMs: z.number(),
  endMs: z.number(),
  status: z.enum(['booked', 'cancelled']),
  sequence: z.number(),
  lastChange: z.object({ kind: z.enum(['booked', 'moved', 'cancelled']), byMe: z.boolean(), atMs: z.number() }),
  createdAtMs: z.number(),
  roomOpensAtMs: z.number(),
  roomClosesAtMs: z.number(),
  sessionId: z.string().nullable(),
});

const slotsSchema: z.ZodType<OpenSlotsView> = z.object({
  practitionerId: z.string(),
  displayName: z.string(),
  timeZone: z.string().nullable(),
  slotMinutes: z.number().nullable(),
  minNoticeMinutes: z.number().nullable(),
  fromMs: z.number(),
  toMs: z.number(),
  slots: z.array(
    z.object({
      startMs: z.number(),
      endMs: z.number(),
      startUtc: z.string(),
      endUtc: z.string(),
      practitionerDate: z.string(),
      practitionerStart: z.string(),
    }),
  ),
});

const directorySchema: z.ZodType<{ practitioners: PractitionerListing[] }> = z.object({
  practitioners: z.array(z.object({ practitionerId: z.string(), displayName: z.string(), offersTimes: z.boolean() })),
});

const roomSchema: z.ZodType<ConsultationRoomAnswer> = z.discriminatedUnion('state', [
  z.object({ state: z.literal('open'), sessionId: z.string() }),
  z.object({ state: z.literal('early'), opensAtMs: z.number(), message: z.string() }),
  z.object({ state: z.literal('ended'), sessionId: z.string().nullable(), message: z.string() }),
  z.object({ state: z.literal('cancelled'), message: z.string() }),
]);

/** A practitioner's own rules, null when never published. */
export interface MyAvailability {
  readonly rules: AvailabilityRules | null;
  readonly updatedAtMs: number | null;
}

const availabilitySchema = z.object({
  availability: z.object({ practitionerId: z.string(), rules: availabilityRulesSchema.nullable(), updatedAtMs: z.number().nullable() }),
});

const consultationReply = z.object({ consultation: consultationSchema });
const consultationPath = (consultationId: string) => `/api/consultations/${encodeURIComponent(consultationId)}`;

/** Practitioners who take consultations here (names only). */
export async function practitionersList(): Promise<readonly PractitionerListing[]> {
  return (await apiCall('/api/practitioners', directorySchema)).practitioners;
}

/** A practitioner's open times in [fromMs, toMs). */
export async function slotsList(practitionerId: string, fromMs: number, toMs: number): Promise<OpenSlotsView> {
  return apiCall(`/api/practitioners/${encodeURIComponent(practitionerId)}/slots?from=${String(Math.floor(fromMs))}&to=${String(Math.floor(toMs))}`, slotsSchema);
}

/** My consultations, in either role, by start. */
export async function consultationsList(): Promise<readonly ConsultationView[]> {
  return (await apiCall('/api/consultations', z.object({ consultations: z.array(consultationSchema) }))).consultations;
}

/** One of mine. */
export async function consultationGet(consultationId: string): Promise<ConsultationView> {
  return (await apiCall(consultationPath(consultationId), consultationReply)).consultation;
}

/** Books one of the practitioner's open times. */
export async function consultationBook(practitionerId: string, startMs: number): Promise<ConsultationView> {
  return (await apiCall('/api/consultations', consultationReply, { method: 'POST', body: { practitionerId, startMs } })).consultation;
}

/** Moves a consultation; `sequence` is the version on screen, so another change is never overwritten. */
export async function consultationMove(consultationId: string, startMs: number, sequence: number): Promise<ConsultationView> {
  return (await apiCall(`${consultationPath(consultationId)}/move`, consultationReply, { method: 'POST', body: { startMs, sequence } })).consultation;
}

/** Cancels a consultation (no reason asked). */
export async function consultationCancel(consultationId: string, sequence: number): Promise<ConsultationView> {
  return (await apiCall(`${consultationPath(consultationId)}/cancel`, consultationReply, { method: 'POST', body: { sequence } })).consultation;
}

/** Opens the room: the live session when it is time, else when it will be. */
export async function consultationRoomOpen(consultationId: string): Promise<ConsultationRoomAnswer> {
  return apiCall(`${consultationPath(consultationId)}/room`, roomSchema, { method: 'POST', body: {} });
}

/** The .ics download of a consultation. */
export function consultationIcsPath(consultationId: string): string {
  return `${consultationPath(consultationId)}/consultation.ics`;
}

/** My availability, as a practitioner (403 `not_a_practitioner` otherwise). */
export async function availabilityGet(): Promise<MyAvailability> {
  const { availability } = await apiCall('/api/consultations/availability', availabilitySchema);
  return { rules: availability.rules, updatedAtMs: availability.updatedAtMs };
}

/** Publishes my availability, replacing what was there. */
export async function availabilityPut(rules: AvailabilityRules): Promise<MyAvailability> {
  const { availability } = await apiCall('/api/consultations/availability', availabilitySchema, { method: 'PUT', body: rules });
  return { rules: availability.rules, updatedAtMs: availability.updatedAtMs };
}
