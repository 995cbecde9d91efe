/** A small, fixed progress input for the progress page's tests: three weeks in November 2025, UTC. */
import type { ProgressInputView } from '../../core/protocol/between-us-api.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Monday 3 November 2025, 00:00 UTC. */
export const MONDAY_3_NOV_MS = Date.UTC(2025, 10, 3);
/** "Now" for these tests: Friday 21 November 2025, 12:00 UTC. */
export const NOW_MS = Date.UTC(2025, 10, 21, 12);

/** A record view of mine. */
export function recordView(recordId: string, kind: ProgressInputView['records'][number]['kind'], atMs: number, body: unknown): ProgressInputView['records'][number] {
  return { recordId, ownerId: 'me', ownerName: 'Ana', kind, atMs, updatedAtMs: atMs, body, sharedWith: null };
}

/** Check-ins, practices, readings, cycle moments, repairs and reflections across weeks of 3, 10 and 17 November. */
export function fakeProgressView(): ProgressInputView {
  const week1 = MONDAY_3_NOV_MS;
  const week3 = MONDAY_3_NOV_MS + 14 * DAY_MS;
  return {
    checkIns: [
      { atMs: week1 + 9 * HOUR_MS, state: 'regulated', intensity: 3 },
      { atMs: week1 + 10 * HOUR_MS, state: 'activated', intensity: 7 },
      { atMs: week3 + 9 * HOUR_MS, state: 'shutdown', intensity: 5 },
      { atMs: week3 + 20 * HOUR_MS, state: 'not-a-state', intensity: 5 },
    ],
    practices: [
      { atMs: week1 + 12 * HOUR_MS, practiceId: 'paced-breathing', durationMs: 3 * 60_000, completed: true, together: false },
      { atMs: week3 + 12 * HOUR_MS, practiceId: 'paced-breathing', durationMs: 5 * 60_000, completed: true, together: false },
      { atMs: week3 + 36 * HOUR_MS, practiceId: 'breath-sync', durationMs: 8 * 60_000, completed: false, together: true },
    ],
    synchrony: [{ atMs: week3 + 36 * HOUR_MS, score: 0.42 }],
    coherence: [{ atMs: week3 + 36 * HOUR_MS, ratio: 1.5 }],
    cycleMoments: [{ atMs: week1 + 50 * HOUR_MS }, { atMs: week1 + 60 * HOUR_MS }],
    repairs: [
      { startedAtMs: week1 + 50 * HOUR_MS, completedAtMs: week1 + 53 * HOUR_MS },
      { startedAtMs: week3, completedAtMs: null },
    ],
    records: [
      recordView('wm-1', 'workingModel', week1, { questionId: 'worthOfCare', value: 4, words: '', atMs: week1 }),
      recordView('wm-2', 'workingModel', week3, { questionId: 'worthOfCare', value: 6, words: 'a bit more', atMs: week3 }),
      recordView('wm-3', 'workingModel', week3, { questionId: 'othersThere', value: null, words: 'only words', atMs: week3 }),
      recordView('cm-1', 'changeMarkers', week1, { atMs: week1, ratings: { presentInConflict: 3, trustInnerCues: 5 } }),
      recordView('cm-2', 'changeMarkers', week3, { atMs: week3, ratings: { presentInConflict: 7 } }),
      recordView('bad', 'changeMarkers', week3, { atMs: week3, ratings: {} }),
    ],
  };
}
