/**
 * `GET /api/progress`: everything of one person's own that the progress timeline is built from.
 * The browser aggregates it with `src/core/progress` in the person's own time zone.
 *
 * - Check-ins: the person's own `checkedIn` events from the live sessions they joined (nobody
 *   else's, whatever they shared), and the check-ins they kept as records.
 * - Practices: practices together they took part in (from `practiceStarted` to `practiceEnded`),
 *   and the solo practices they kept as records.
 * - Cycle moments and repairs: from the relationships they are in now; a repair counts only if
 *   they chose to keep it in their own history (repair rule R12).
 * - Records: all their own records.
 *
 * Synchrony and coherence: see `../http/progress-routes.ts` (kept per-session summaries).
 */
import type { PersonalRecordView, ProgressInputView } from '../../core/protocol/between-us-api.ts';
import type { SessionEvent } from '../../core/session/events.ts';
import type { PersonalRecord } from '../store/personal-record-store.ts';
import type { StoredEvent } from '../store/event-store.ts';

/** The most live sessions read for one person's progress, most recent first. */
export const PROGRESS_SESSIONS_MAX = 500;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type CheckInInput = ProgressInputView['checkIns'][number];
type PracticeInput = ProgressInputView['practices'][number];

/** Check-ins and practices of `personId` in one session's log. */
export function sessionProgressOf(log: readonly StoredEvent[], personId: string): { checkIns: CheckInInput[]; practices: PracticeInput[] } {
  const checkIns: CheckInInput[] = [];
  const practices: PracticeInput[] = [];
  const started = new Map<string, { practiceId: string; startsAtMs: number; together: boolean }>();
  const proposed = new Map<string, string>();
  for (const stored of log) {
    const event = stored.body as unknown as SessionEvent;
    switch (event.type) {
      case 'checkedIn':
        if (event.participantId === personId) checkIns.push({ atMs: event.atMs, state: event.state, intensity: event.intensity });
        break;
      case 'practiceProposed':
        proposed.set(event.runId, event.practiceId);
        break;
      case 'practiceStarted':
        if (event.participantIds.includes(personId)) {
          started.set(event.runId, {
            practiceId: proposed.get(event.runId) ?? 'unknown',
            startsAtMs: event.startsAtMs,
            together: event.participantIds.length > 1,
          });
        }
        break;
      case 'practiceEnded': {
        const run = started.get(event.runId);
        if (run === undefined) break;
        started.delete(event.runId);
        practices.push({
          atMs: run.startsAtMs,
          practiceId: run.practiceId,
          durationMs: Math.max(0, event.atMs - run.startsAtMs),
          completed: event.outcome === 'completed',
          together: run.together,
        });
        break;
      }
      default:
        break;
    }
  }
  return { checkIns, practices };
}

/** A record as `viewerId` sees it: only its owner sees where it is shared. */
export function personalRecordView(record: PersonalRecord, viewerId: string): PersonalRecordView {
  return {
    recordId: record.id,
    ownerId: record.ownerId,
    ownerName: record.ownerName,
    kind: record.kind,
    atMs: record.atMs,
    updatedAtMs: record.updatedAtMs,
    body: record.body,
    sharedWith: record.ownerId === viewerId ? record.sharedWith : null,
  };
}

/** Check-ins and practices kept as records, in the shape of their live counterparts. */
export function recordProgressOf(records: readonly PersonalRecord[]): { checkIns: CheckInInput[]; practices: PracticeInput[] } {
  const checkIns: CheckInInput[] = [];
  const practices: PracticeInput[] = [];
  for (const record of records) {
    const body = record.body as Mutable<Record<string, unknown>> | null;
    if (body === null || typeof body !== 'object') continue;
    if (record.kind === 'checkIn' && typeof body.state === 'string' && typeof body.intensity === 'number') {
      checkIns.push({ atMs: record.atMs, state: body.state, intensity: body.intensity });
    }
    if (record.kind === 'soloPractice' && typeof body.practiceId === 'string' && typeof body.durationMs === 'number') {
      practices.push({ atMs: record.atMs, practiceId: body.practiceId, durationMs: body.durationMs, completed: body.completed === true, together: false });
    }
  }
  return { checkIns, practices };
}
