/**
 * Booking, moving and cancelling a consultation: pure decisions over a snapshot the store reads
 * inside one transaction, so two people reaching for the same time cannot both get it.
 *
 * Rules (ids cited by the tests):
 * - [BK1] A practitioner does not book themselves.
 * - [BK2] Only a practitioner who has published availability can be booked.
 * - [BK3] A consultation starts in the future, at least the practitioner's minimum notice from now,
 *   and at most `BOOKING_HORIZON_DAYS` ahead.
 * - [BK4] It starts exactly at one of the slots the availability offers (`slots.ts`), and lasts
 *   that slot.
 * - [BK5] No double booking: it overlaps nothing already booked with either person (as
 *   practitioner or as the one booking). Cancelled consultations free their time at once.
 * - [BK6] One person holds at most `UPCOMING_PER_PAIR_MAX` upcoming consultations with one
 *   practitioner, so nobody can take every time there is.
 * - [BK7] Either person can cancel, any time before it ends, without giving a reason.
 * - [BK8] Either person can move it, before it starts, to a time that passes [BK2]–[BK6] again as
 *   if newly booked (its own old time does not count against it). A move, like a cancellation,
 *   raises its sequence number, which calendars use to know the newest version.
 */
import { BOOKING_HORIZON_DAYS, type AvailabilityRules } from './availability.ts';
import { availabilityExpand, timeSpansOverlap, type TimeSpan } from './slots.ts';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** Most upcoming consultations one person holds with one practitioner. */
export const UPCOMING_PER_PAIR_MAX = 3;

/** Whether a consultation is still on. */
export type ConsultationStatus = 'booked' | 'cancelled';

/** A consultation as the rules see it. */
export interface ConsultationCore extends TimeSpan {
  readonly id: string;
  readonly practitionerId: string;
  readonly bookerId: string;
  readonly status: ConsultationStatus;
  /** 0 when booked; +1 on every move and on cancelling. */
  readonly sequence: number;
}

/** What the store reads, in the same transaction that writes the outcome. */
export interface BookingSnapshot {
  /** The practitioner's published rules; null: none. */
  readonly rules: AvailabilityRules | null;
  /** Booked (not cancelled) consultations not yet ended in which the practitioner takes part, in either role. */
  readonly practitionerBusy: readonly ConsultationCore[];
  /** The same for the person booking. */
  readonly bookerBusy: readonly ConsultationCore[];
  readonly nowMs: number;
}

/** Why a booking, move or cancellation was not made. */
export const CONSULTATION_REJECTIONS = {
  ownPractice: 'own_practice',
  notOffering: 'not_offering',
  inThePast: 'in_the_past',
  tooSoon: 'too_soon',
  tooFarAhead: 'too_far_ahead',
  slotNotOffered: 'slot_not_offered',
  slotTaken: 'slot_taken',
  youAreBusy: 'you_are_busy',
  tooManyUpcoming: 'too_many_upcoming',
  alreadyCancelled: 'already_cancelled',
  alreadyEnded: 'already_ended',
  alreadyStarted: 'already_started',
  sameTime: 'same_time',
} as const;

/** One of `CONSULTATION_REJECTIONS`. */
export type ConsultationRejectionCode = (typeof CONSULTATION_REJECTIONS)[keyof typeof CONSULTATION_REJECTIONS];

/** A decision: the time to keep, or why not in words a person can act on. */
export type ConsultationDecision =
  | { readonly ok: true; readonly span: TimeSpan }
  | { readonly ok: false; readonly code: ConsultationRejectionCode; readonly message: string };

const R = CONSULTATION_REJECTIONS;

function rejected(code: ConsultationRejectionCode, message: string): ConsultationDecision {
  return { ok: false, code, message };
}

/** "2 hours", "1 day", "45 minutes", "1 hour 30 minutes": a length of time in plain words. */
export function minutesWords(minutes: number): string {
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  if (minutes > 0 && minutes % (24 * 60) === 0) return plural(minutes / (24 * 60), 'day');
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return plural(rest, 'minute');
  return rest === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(rest, 'minute')}`;
}

/** The checks a new time passes, for a booking and for a move alike ([BK2]–[BK6]). */
function timeDecide(
  snapshot: BookingSnapshot,
  who: { readonly practitionerId: string; readonly bookerId: string },
  startMs: number,
  ignoreId: string | null,
): ConsultationDecision {
  const { rules, nowMs } = snapshot;
  if (rules === null || rules.windows.length === 0) {
    return rejected(R.notOffering, 'This practitioner is not offering consultation times at the moment.');
  }
  if (startMs <= nowMs) return rejected(R.inThePast, 'That time has already passed. Please choose one of the times still shown.');
  if (startMs < nowMs + rules.minNoticeMinutes * MS_PER_MINUTE) {
    return rejected(R.tooSoon, `That time is too close now: consultations are booked at least ${minutesWords(rules.minNoticeMinutes)} ahead. Please choose a later time.`);
  }
  if (startMs > nowMs + BOOKING_HORIZON_DAYS * MS_PER_DAY) {
    return rejected(R.tooFarAhead, `Consultations can be booked up to ${BOOKING_HORIZON_DAYS} days ahead. Please choose an earlier time.`);
  }
  const slot = availabilityExpand(rules, startMs, startMs + 1).find((offered) => offered.startMs === startMs);
  if (slot === undefined) return rejected(R.slotNotOffered, 'That time is not one this practitioner offers. Please choose one of the times shown.');
  const span: TimeSpan = { startMs: slot.startMs, endMs: slot.endMs };
  const clashes = (busy: readonly ConsultationCore[]) => busy.some((other) => other.id !== ignoreId && other.status === 'booked' && timeSpansOverlap(other, span));
  if (clashes(snapshot.practitionerBusy)) return rejected(R.slotTaken, 'Someone else has just booked that time. Please choose another one.');
  if (clashes(snapshot.bookerBusy)) return rejected(R.youAreBusy, 'You already have a consultation at that time. Please choose another one.');
  const upcomingWithPractitioner = snapshot.bookerBusy.filter(
    (other) => other.id !== ignoreId && other.status === 'booked' && other.practitionerId === who.practitionerId && other.bookerId === who.bookerId && other.endMs > nowMs,
  );
  if (upcomingWithPractitioner.length >= UPCOMING_PER_PAIR_MAX) {
    return rejected(R.tooManyUpcoming, `You already have ${UPCOMING_PER_PAIR_MAX} consultations coming up with this practitioner. Once one has taken place, you can book another.`);
  }
  return { ok: true, span };
}

/** Whether `bookerId` may book `practitionerId` at `startMs` ([BK1]–[BK6]). */
export function consultationBookDecide(snapshot: BookingSnapshot, request: { readonly practitionerId: string; readonly bookerId: string; readonly startMs: number }): ConsultationDecision {
  if (request.practitionerId === request.bookerId) return rejected(R.ownPractice, 'This is your own practice, so there is nothing to book here.');
  return timeDecide(snapshot, request, request.startMs, null);
}

/** Whether `consultation` may move to `startMs` ([BK8]); the caller has checked the actor takes part. */
export function consultationMoveDecide(snapshot: BookingSnapshot, consultation: ConsultationCore, startMs: number): ConsultationDecision {
  if (consultation.status === 'cancelled') return rejected(R.alreadyCancelled, 'This consultation was cancelled, so it cannot be moved. You can book a new one.');
  if (consultation.startMs <= snapshot.nowMs) return rejected(R.alreadyStarted, 'This consultation has already begun, so it can no longer be moved.');
  if (startMs === consultation.startMs) return rejected(R.sameTime, 'The consultation is already at that time.');
  return timeDecide(snapshot, consultation, startMs, consultation.id);
}

/** Whether `consultation` may be cancelled now ([BK7]); the caller has checked the actor takes part. */
export function consultationCancelDecide(consultation: ConsultationCore, nowMs: number): ConsultationDecision {
  if (consultation.status === 'cancelled') return rejected(R.alreadyCancelled, 'This consultation is already cancelled.');
  if (consultation.endMs <= nowMs) return rejected(R.alreadyEnded, 'This consultation has already taken place.');
  return { ok: true, span: { startMs: consultation.startMs, endMs: consultation.endMs } };
}
