/** fast-check arbitraries for progress records, spread over a few months from a fixed start. */
import fc from 'fast-check';
import { NERVOUS_SYSTEM_STATES } from '../states/nervous-system-state.ts';
import type {
  CheckInRecord,
  CoherenceRecord,
  PracticeRecord,
  RepairRecord,
  SynchronyRecord,
} from './progress-records.ts';

/** Monday 6 January 2025, 00:00 UTC. */
export const PROGRESS_T0 = Date.UTC(2025, 0, 6);
const DAY_MS = 86_400_000;
/** The span every arbitrary record falls in: about four months. */
export const PROGRESS_SPAN_MS = 120 * DAY_MS;

/** Any instant within the span, to the second. */
export const instantArbitrary = fc
  .integer({ min: 0, max: PROGRESS_SPAN_MS / 1000 })
  .map((seconds) => PROGRESS_T0 + seconds * 1000);

/** Check-ins, often several in a day, sometimes at the same instant. */
export const checkInsArbitrary: fc.Arbitrary<CheckInRecord[]> = fc.array(
  fc.record({
    atMs: fc.oneof(instantArbitrary, fc.constant(PROGRESS_T0 + 10 * DAY_MS)),
    state: fc.constantFrom(...NERVOUS_SYSTEM_STATES),
    intensity: fc.integer({ min: 0, max: 10 }),
  }),
  { maxLength: 80 },
);

/** Practices of any length up to an hour. */
export const practicesArbitrary: fc.Arbitrary<PracticeRecord[]> = fc.array(
  fc.record({
    atMs: instantArbitrary,
    practiceId: fc.constantFrom('paced-breathing', 'grounding', 'breath-sync', 'mirroring'),
    durationMs: fc.integer({ min: 0, max: 3_600_000 }),
    completed: fc.boolean(),
  }),
  { maxLength: 60 },
);

/** Synchrony scores between 0 and 1. */
export const synchronyArbitrary: fc.Arbitrary<SynchronyRecord[]> = fc.array(
  fc.record({ atMs: instantArbitrary, score: fc.double({ min: 0, max: 1, noNaN: true }) }),
  { maxLength: 40 },
);

/** Coherence ratios. */
export const coherenceArbitrary: fc.Arbitrary<CoherenceRecord[]> = fc.array(
  fc.record({ atMs: instantArbitrary, ratio: fc.double({ min: 0, max: 20, noNaN: true }) }),
  { maxLength: 40 },
);

/** Repairs, some open, some completed hours or days later, some with an earlier rupture. */
export const repairsArbitrary: fc.Arbitrary<RepairRecord[]> = fc.array(
  fc
    .record({
      startedAtMs: instantArbitrary,
      ruptureBeforeMs: fc.option(fc.integer({ min: 0, max: 2 * DAY_MS }), { nil: undefined }),
      takesMs: fc.option(fc.integer({ min: 0, max: 7 * DAY_MS }), { nil: null }),
    })
    .map(({ startedAtMs, ruptureBeforeMs, takesMs }) => ({
      startedAtMs,
      ...(ruptureBeforeMs === undefined ? {} : { ruptureAtMs: startedAtMs - ruptureBeforeMs }),
      completedAtMs: takesMs === null ? null : startedAtMs + takesMs,
    })),
  { maxLength: 30 },
);

/** A time-zone offset in whole quarter hours. */
export const offsetArbitrary = fc.integer({ min: -48, max: 56 }).map((quarters) => quarters * 15);
