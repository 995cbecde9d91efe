/**
 * When a person was in a session, from its log. A report shows someone else's body signals only
 * from stretches when the viewer was there to see them live: joining for a minute does not open
 * an hour of other people's heart rates.
 */

/** A log entry as far as presence goes. */
export interface PresenceEntry {
  readonly atMs: number;
  readonly event: { readonly type: string; readonly participantId?: unknown };
}

/** One stretch of being present, `toMs` null while it has not ended. */
export interface PresenceInterval {
  readonly fromMs: number;
  readonly toMs: number | null;
}

/** The stretches `personId` was present, in order; the session's end closes an open one. */
export function presenceIntervals(entries: readonly PresenceEntry[], personId: string): PresenceInterval[] {
  const intervals: PresenceInterval[] = [];
  let openSince: number | null = null;
  for (const { atMs, event } of entries) {
    if (event.type === 'participantJoined' && event.participantId === personId && openSince === null) openSince = atMs;
    const closes = (event.type === 'participantLeft' && event.participantId === personId) || event.type === 'sessionEnded';
    if (closes && openSince !== null) {
      intervals.push({ fromMs: openSince, toMs: atMs });
      openSince = null;
    }
  }
  if (openSince !== null) intervals.push({ fromMs: openSince, toMs: null });
  return intervals;
}

/** Whether `atMs` falls within one of the stretches (ends inclusive). */
export function presentAt(intervals: readonly PresenceInterval[], atMs: number): boolean {
  return intervals.some(({ fromMs, toMs }) => atMs >= fromMs && (toMs === null || atMs <= toMs));
}
