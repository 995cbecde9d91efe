/**
 * When a consultation opens into its live session room: from a little before its start until its
 * end. Before that, the answer is a calm "opens at …", never an error.
 *
 * - [RM1] The room opens `ROOM_OPENS_BEFORE_MS` before the start, so nobody is rushed, and can be
 *   opened until the end. A live session made in that time stays open to both people after it.
 * - [RM2] A cancelled consultation has no room.
 */
import type { ConsultationStatus } from './booking.ts';
import type { TimeSpan } from './slots.ts';

/** How long before the start the room can be opened: ten minutes. */
export const ROOM_OPENS_BEFORE_MS = 10 * 60_000;

/** Where a consultation's room stands at an instant. */
export type ConsultationRoomState =
  | { readonly kind: 'early'; readonly opensAtMs: number }
  | { readonly kind: 'open'; readonly closesAtMs: number }
  | { readonly kind: 'ended' }
  | { readonly kind: 'cancelled' };

/** When the room can be opened. */
export function consultationRoomOpensAtMs(span: TimeSpan): number {
  return span.startMs - ROOM_OPENS_BEFORE_MS;
}

/** Whether the room can be opened at `nowMs` ([RM1], [RM2]). */
export function consultationRoomAt(consultation: TimeSpan & { readonly status: ConsultationStatus }, nowMs: number): ConsultationRoomState {
  if (consultation.status === 'cancelled') return { kind: 'cancelled' };
  const opensAtMs = consultationRoomOpensAtMs(consultation);
  if (nowMs < opensAtMs) return { kind: 'early', opensAtMs };
  if (nowMs < consultation.endMs) return { kind: 'open', closesAtMs: consultation.endMs };
  return { kind: 'ended' };
}
