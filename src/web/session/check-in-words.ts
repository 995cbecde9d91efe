/** A check-in in a few plain words, for lists and side-by-side views. */
import type { CheckInRecord } from '../../core/session/events.ts';
import { NERVOUS_SYSTEM_STATE_LABELS } from '../../core/states/nervous-system-state.ts';

/** "Revved up or on edge, 6 out of 10". */
export function checkInWords(checkIn: Pick<CheckInRecord, 'state' | 'intensity'>): string {
  return `${NERVOUS_SYSTEM_STATE_LABELS[checkIn.state].plain}, ${checkIn.intensity} out of 10`;
}
