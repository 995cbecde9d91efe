/**
 * What the consultation routes answer with: a consultation as one of its two people sees it, the
 * open times of a practitioner, and the .ics file. Pure functions of stored data and the clock.
 */
import { BOOKING_HORIZON_DAYS, type AvailabilityRules } from '../../core/consultations/availability.ts';
import { consultationIcs } from '../../core/consultations/ics.ts';
import { ROOM_OPENS_BEFORE_MS, consultationRoomOpensAtMs } from '../../core/consultations/room.ts';
import { availabilityExpand, slotsOpen, type TimeSpan } from '../../core/consultations/slots.ts';
import type { ConsultationView, OpenSlotView } from '../../core/protocol/consultations-api.ts';
import type { Consultation } from '../store/consultation-store.ts';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** The page where a consultation's room opens: `<origin>/consultations/<id>`. */
export function consultationUrl(publicOrigin: string, consultationId: string): string {
  return `${publicOrigin}/consultations/${consultationId}`;
}

/** A consultation as `viewerId` (one of its two people) sees it. */
export function consultationView(consultation: Consultation, viewerId: string): ConsultationView {
  return {
    consultationId: consultation.id,
    myRole: consultation.practitionerId === viewerId ? 'practitioner' : 'client',
    practitioner: { id: consultation.practitionerId, displayName: consultation.practitionerName },
    client: { id: consultation.bookerId, displayName: consultation.bookerName },
    practitionerTimeZone: consultation.timeZone,
    startMs: consultation.startMs,
    endMs: consultation.endMs,
    status: consultation.status,
    sequence: consultation.sequence,
    lastChange: { kind: consultation.lastChange, byMe: consultation.lastChangeBy === viewerId, atMs: consultation.updatedAtMs },
    createdAtMs: consultation.createdAtMs,
    roomOpensAtMs: consultationRoomOpensAtMs(consultation),
    roomClosesAtMs: consultation.endMs,
    sessionId: consultation.sessionId,
  };
}

/**
 * The times a practitioner still offers in [fromMs, toMs): their slots, less anything either of
 * their consultations takes, less what is too soon (their notice) or too far ahead to book.
 */
export function openSlotViews(rules: AvailabilityRules, busy: readonly TimeSpan[], fromMs: number, toMs: number, nowMs: number): OpenSlotView[] {
  const latestMs = Math.min(toMs, nowMs + BOOKING_HORIZON_DAYS * MS_PER_DAY + 1);
  const slots = availabilityExpand(rules, fromMs, latestMs);
  return slotsOpen(slots, busy, nowMs + rules.minNoticeMinutes * MS_PER_MINUTE).map((slot) => ({
    startMs: slot.startMs,
    endMs: slot.endMs,
    startUtc: utcText(slot.startMs),
    endUtc: utcText(slot.endMs),
    practitionerDate: slot.localDate,
    practitionerStart: slot.localStart,
  }));
}

function utcText(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

/** The .ics file of a consultation for `viewerId`: named after the other person, linking to its page. */
export function consultationIcsFor(consultation: Consultation, viewerId: string, publicOrigin: string): string {
  const other = consultation.practitionerId === viewerId ? consultation.bookerName : consultation.practitionerName;
  const host = new URL(publicOrigin).host;
  const cancelled = consultation.status === 'cancelled';
  const description = cancelled
    ? `This consultation with ${other} on Attune was cancelled.`
    : `A consultation with ${other} on Attune. The room opens ${ROOM_OPENS_BEFORE_MS / MS_PER_MINUTE} minutes before the start: open this link then. You can also move or cancel it there.`;
  return consultationIcs({
    uid: `${consultation.id}@${host}`,
    stampMs: consultation.updatedAtMs,
    startMs: consultation.startMs,
    endMs: consultation.endMs,
    sequence: consultation.sequence,
    cancelled,
    summary: `Consultation with ${other}`,
    description,
    url: consultationUrl(publicOrigin, consultation.id),
  });
}
