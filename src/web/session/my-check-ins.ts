/** Finding this person's own check-ins in their log (the state keeps only the latest). */
import type { CheckInRecord } from '../../core/session/events.ts';
import type { ViewerLogEntry } from '../net/viewer-log.ts';

/** This person's most recent check-in at `moment` around practice `runId`, if any. */
export function myCheckInAround(
  log: readonly ViewerLogEntry[],
  me: string,
  runId: string,
  moment: 'before' | 'after',
): CheckInRecord | undefined {
  for (let index = log.length - 1; index >= 0; index -= 1) {
    const event = log[index]?.event;
    if (event?.type !== 'checkedIn') continue;
    const record = event as unknown as CheckInRecord & { type: 'checkedIn' };
    if (record.participantId === me && record.runId === runId && record.moment === moment) return record;
  }
  return undefined;
}
