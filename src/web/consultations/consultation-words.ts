/**
 * What a consultation card says: who it is with, what last happened to it and by whom, and where
 * its room stands. Plain, warm, never blaming: a cancellation is news, not a fault.
 */
import { minutesWords } from '../../core/consultations/booking.ts';
import { consultationRoomAt } from '../../core/consultations/room.ts';
import type { ConsultationView } from '../../core/protocol/consultations-api.ts';
import { clockWords, dateWords } from './consultation-time.ts';

/** The other person's name. */
export function consultationOtherName(consultation: ConsultationView): string {
  return consultation.myRole === 'practitioner' ? consultation.client.displayName : consultation.practitioner.displayName;
}

/** "With Pia" (for the client) or "With Bo" (for the practitioner). */
export function consultationTitle(consultation: ConsultationView): string {
  return `With ${consultationOtherName(consultation)}`;
}

/** The last change in a sentence, or null when there is nothing to point out (you booked it). */
export function consultationChangeWords(consultation: ConsultationView): string | null {
  const other = consultationOtherName(consultation);
  const { kind, byMe } = consultation.lastChange;
  if (kind === 'cancelled') return byMe ? 'You cancelled this consultation.' : `${other} cancelled this consultation.`;
  if (kind === 'moved') return byMe ? 'You moved this consultation to the time above.' : `${other} moved this consultation to the time above.`;
  if (!byMe) return `${other} booked this consultation with you.`;
  return null;
}

/** Where the room stands at `nowMs` on this device, in words for the viewer's zone. */
export type RoomWords =
  | { readonly kind: 'open'; readonly text: string }
  | { readonly kind: 'early'; readonly text: string }
  | { readonly kind: 'closed'; readonly text: string };

/** "The room opens at 08:50 (your time)", "The room is open", "This consultation has ended". */
export function consultationRoomWords(consultation: ConsultationView, nowMs: number, zone: string, locale?: string): RoomWords {
  const room = consultationRoomAt(consultation, nowMs);
  switch (room.kind) {
    case 'cancelled':
      return { kind: 'closed', text: 'Cancelled: the room will not open.' };
    case 'ended':
      return { kind: 'closed', text: 'This consultation has ended.' };
    case 'open':
      return { kind: 'open', text: `The room is open until ${clockWords(room.closesAtMs, zone, locale)}.` };
    case 'early': {
      const sameDay = dateWords(room.opensAtMs, zone, locale) === dateWords(nowMs, zone, locale);
      const when = sameDay ? `today at ${clockWords(room.opensAtMs, zone, locale)}` : `${dateWords(room.opensAtMs, zone, locale)} at ${clockWords(room.opensAtMs, zone, locale)}`;
      return { kind: 'early', text: `The room opens ${when}, a little before the start. Nothing to do until then.` };
    }
  }
}

/** "50-minute consultations, booked at least 2 hours ahead." */
export function offerWords(slotMinutes: number | null, minNoticeMinutes: number | null): string | null {
  if (slotMinutes === null) return null;
  const notice = minNoticeMinutes === null || minNoticeMinutes === 0 ? '' : `, booked at least ${minutesWords(minNoticeMinutes)} ahead`;
  return `${slotMinutes}-minute consultations${notice}.`;
}
