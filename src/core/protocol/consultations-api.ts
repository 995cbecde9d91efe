/**
 * The HTTP contract of consultations (issue 6): practitioners publish weekly availability in their
 * own time zone; anyone signed in sees the directory and a practitioner's open times (in UTC, with
 * the practitioner's zone named, so each screen shows them in its own zone); a person with an
 * account books, and either person moves or cancels, downloads an .ics file, and opens the
 * consultation's live session room when it is time.
 *
 * Who may do what:
 * - A practitioner is an account whose role is `practitioner` (an operator sets it).
 * - Looking (directory, open times) needs a sign-in of any kind, guests included.
 * - Booking needs an account: a guest lives in one browser's cookie and expires, and a booking
 *   days ahead must still be findable by both people from any device. A guest is told so and
 *   pointed to creating an account (`account_needed`, 403).
 * - A consultation is reached only by its two people; anyone else gets the same 404 as a missing one.
 *
 * Errors everywhere: `{ error: { code, message } }` with a sentence a person can act on.
 */
import { z } from 'zod';
import { availabilityRulesSchema, type AvailabilityRules } from '../consultations/availability.ts';
import type { ConsultationRejectionCode, ConsultationStatus } from '../consultations/booking.ts';

// ---------------------------------------------------------------------------------------------
// Availability (practitioners)

/**
 * `PUT /api/consultations/availability` (practitioners only): replaces the rules whole. An empty
 * `windows` stops offering new times; booked consultations stay.
 */
export const availabilityPutBody = availabilityRulesSchema;

/** A practitioner's rules as stored; `rules` null: never published. */
export interface AvailabilityView {
  readonly practitionerId: string;
  readonly rules: AvailabilityRules | null;
  readonly updatedAtMs: number | null;
}

/**
 * Routes:
 * - `GET /api/consultations/availability` → `{ availability: AvailabilityView }` (mine; 403 `not_a_practitioner` otherwise)
 * - `PUT /api/consultations/availability` → `{ availability: AvailabilityView }`; 400 `invalid_availability` naming each problem
 */

// ---------------------------------------------------------------------------------------------
// Directory and open times (anyone signed in)

/** One practitioner in the directory: display name only, nothing else of their account. */
export interface PractitionerListing {
  readonly practitionerId: string;
  readonly displayName: string;
  /** Whether they have times on offer now. */
  readonly offersTimes: boolean;
}

/** Widest range of open times one request covers, in days. */
export const SLOTS_RANGE_DAYS_MAX = 62;

/** An instant in a query: ms since the epoch, or an ISO 8601 date-time with its offset. */
const instantParam = z.union([
  z.string().regex(/^\d{1,15}$/).transform(Number),
  z.iso.datetime({ offset: true }).transform((text) => Date.parse(text)),
]);

/** `GET /api/practitioners/:id/slots?from=&to=`: `from` defaults to now, `to` to 28 days after `from`. */
export const slotsQuery = z.object({
  from: instantParam.optional(),
  to: instantParam.optional(),
});

/** One open time, in UTC (ms and ISO), and as the practitioner's own clock shows it. */
export interface OpenSlotView {
  readonly startMs: number;
  readonly endMs: number;
  /** "2026-03-31T07:00:00Z". */
  readonly startUtc: string;
  readonly endUtc: string;
  /** The practitioner's local date and start, "2026-03-31" and "09:00". */
  readonly practitionerDate: string;
  readonly practitionerStart: string;
}

/** The answer of `GET /api/practitioners/:id/slots`. */
export interface OpenSlotsView {
  readonly practitionerId: string;
  readonly displayName: string;
  /** The practitioner's IANA zone, e.g. "Europe/Berlin"; null: no times published. */
  readonly timeZone: string | null;
  readonly slotMinutes: number | null;
  readonly minNoticeMinutes: number | null;
  readonly fromMs: number;
  readonly toMs: number;
  readonly slots: readonly OpenSlotView[];
}

/**
 * Routes:
 * - `GET /api/practitioners` → `{ practitioners: PractitionerListing[] }`
 * - `GET /api/practitioners/:id/slots?from=&to=` → `OpenSlotsView` (404 `practitioner_not_found`)
 */

// ---------------------------------------------------------------------------------------------
// Consultations (the two people in one)

/** `POST /api/consultations`: book one of the open times. */
export const consultationBookBody = z.strictObject({
  practitionerId: z.string().min(1).max(64),
  startMs: z.number().int('Choose one of the times shown.').nonnegative(),
});

/**
 * `POST /api/consultations/:id/move`. `sequence`, when given, is the version the person was
 * looking at: if the other person changed it in the meantime the move is refused
 * (`consultation_changed`) rather than overwriting what they did.
 */
export const consultationMoveBody = z.strictObject({
  startMs: z.number().int('Choose one of the times shown.').nonnegative(),
  sequence: z.number().int().nonnegative().optional(),
});

/** `POST /api/consultations/:id/cancel`: no reason is asked for. */
export const consultationCancelBody = z.strictObject({
  sequence: z.number().int().nonnegative().optional(),
});

/** The last thing that happened to a consultation, and whether the viewer did it. */
export interface ConsultationChangeView {
  readonly kind: 'booked' | 'moved' | 'cancelled';
  readonly byMe: boolean;
  readonly atMs: number;
}

/** A consultation as one of its two people sees it. */
export interface ConsultationView {
  readonly consultationId: string;
  readonly myRole: 'practitioner' | 'client';
  readonly practitioner: { readonly id: string; readonly displayName: string };
  readonly client: { readonly id: string; readonly displayName: string };
  /** The practitioner's zone when it was booked or last moved. */
  readonly practitionerTimeZone: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly status: ConsultationStatus;
  /** Rises with every move and on cancelling (the .ics SEQUENCE). */
  readonly sequence: number;
  readonly lastChange: ConsultationChangeView;
  readonly createdAtMs: number;
  /** From when the room can be opened (a little before the start) and until when. */
  readonly roomOpensAtMs: number;
  readonly roomClosesAtMs: number;
  /** The live session, once either person has opened the room. */
  readonly sessionId: string | null;
}

/** The answer of `POST /api/consultations/:id/room`. */
export type ConsultationRoomAnswer =
  | { readonly state: 'open'; readonly sessionId: string }
  | { readonly state: 'early'; readonly opensAtMs: number; readonly message: string }
  | { readonly state: 'ended'; readonly sessionId: string | null; readonly message: string }
  | { readonly state: 'cancelled'; readonly message: string };

/** Error codes of these routes, beyond the shared ones and the booking rules' own. */
export const CONSULTATION_ERROR_CODES = {
  accountNeeded: 'account_needed',
  notAPractitioner: 'not_a_practitioner',
  practitionerNotFound: 'practitioner_not_found',
  consultationNotFound: 'consultation_not_found',
  consultationChanged: 'consultation_changed',
  invalidAvailability: 'invalid_availability',
  invalidRange: 'invalid_range',
} as const;

/** Every code a booking, move or cancellation can be refused with (409), from the core rules. */
export type ConsultationRefusalCode = ConsultationRejectionCode;

/**
 * Routes:
 * - `POST /api/consultations` → 201 `{ consultation }`; 403 `account_needed` for a guest; 409 with a booking-rule code
 * - `GET /api/consultations` → `{ consultations: ConsultationView[] }` (mine, either role, by start)
 * - `GET /api/consultations/:id` → `{ consultation }`
 * - `POST /api/consultations/:id/move` → `{ consultation }`; 409 with a booking-rule code or `consultation_changed`
 * - `POST /api/consultations/:id/cancel` → `{ consultation }`
 * - `GET /api/consultations/:id/consultation.ics` → `text/calendar; charset=utf-8`, as an attachment
 * - `POST /api/consultations/:id/room` → `ConsultationRoomAnswer`: the live session is made the
 *   first time either person opens the room within its time, with both people let in
 */
