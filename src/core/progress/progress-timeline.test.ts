import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { changeMarkerRatingSchema } from '../reflections/markers-of-change.ts';
import { workingModelAnswerSchema } from '../reflections/working-model.ts';
import { RepairHarness } from '../repair/repair-harness.test-support.ts';
import { repairHistoryRecordFor } from '../repair/repair-summary.ts';
import {
  PROGRESS_SPAN_MS,
  PROGRESS_T0,
  checkInsArbitrary,
  coherenceArbitrary,
  instantArbitrary,
  offsetArbitrary,
  practicesArbitrary,
  repairsArbitrary,
  synchronyArbitrary,
} from './progress-arbitraries.test-support.ts';
import { progressTimeline } from './progress-timeline.ts';
import { WINDOW_TIMES_NONE } from './window-of-tolerance.ts';

const WHOLE = { fromMs: PROGRESS_T0, toMs: PROGRESS_T0 + PROGRESS_SPAN_MS + 1 };

/** Every number anywhere inside a value. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

test('empty input gives an empty timeline: zeros, empty lists, no shares', () => {
  assert.deepEqual(progressTimeline({}, WHOLE, 0), {
    period: WHOLE,
    window: { times: WINDOW_TIMES_NONE, shares: null, byWeek: [] },
    practiceDoses: [],
    synchrony: [],
    coherence: [],
    cycleMoments: [],
    repairs: [],
    reflections: { workingModel: [], markers: [], markerChanges: [] },
  });
});

test('no aggregate is ever NaN or infinite, whatever the records', () => {
  fc.assert(
    fc.property(
      fc.record({
        checkIns: checkInsArbitrary,
        practices: practicesArbitrary,
        synchrony: synchronyArbitrary,
        coherence: coherenceArbitrary,
        cycleMoments: fc.array(fc.record({ atMs: instantArbitrary }), { maxLength: 20 }),
        repairs: repairsArbitrary,
      }),
      offsetArbitrary,
      (input, tzOffsetMin) => {
        const timeline = progressTimeline(input, WHOLE, tzOffsetMin);
        assert.ok(numbersIn(timeline).every(Number.isFinite));
        assert.equal(
          timeline.cycleMoments.reduce((sum, week) => sum + week.count, 0),
          input.cycleMoments.length,
        );
      },
    ),
  );
});

test('repairs from a person’s own history and reflections join the timeline', () => {
  const harness = RepairHarness.readyForNextStep();
  const proposalId = harness.nextCommandId();
  harness.accept('ana', { type: 'proposeNextStep', text: 'A walk on Sunday.' });
  harness.accept('ben', { type: 'agreeNextStep', proposalId });
  harness.accept('ana', { type: 'setHistoryChoice', keep: true });
  const record = repairHistoryRecordFor(harness.log, 'ana');
  assert.ok(record);
  const period = { fromMs: Date.UTC(2025, 0, 1), toMs: Date.UTC(2026, 0, 1) };
  const timeline = progressTimeline(
    {
      repairs: [record],
      workingModelAnswers: [
        workingModelAnswerSchema.parse({
          questionId: 'othersThere',
          value: 3,
          atMs: Date.UTC(2025, 2, 3),
        }),
        workingModelAnswerSchema.parse({
          questionId: 'othersThere',
          value: 5,
          atMs: Date.UTC(2025, 10, 3),
        }),
      ],
      markerRatings: [
        changeMarkerRatingSchema.parse({
          atMs: Date.UTC(2025, 1, 3),
          ratings: { easeWithNeeds: 3 },
        }),
        changeMarkerRatingSchema.parse({
          atMs: Date.UTC(2025, 10, 3),
          ratings: { easeWithNeeds: 3, trustInnerCues: 6 },
        }),
      ],
    },
    period,
    0,
  );
  const [month] = timeline.repairs;
  assert.ok(month && record.completedAtMs !== null);
  assert.equal(month.completedCount, 1);
  assert.equal(month.medianTimeToRepairMs, record.completedAtMs - record.ruptureAtMs);
  assert.equal(timeline.reflections.workingModel.length, 1);
  assert.equal(timeline.reflections.workingModel[0]?.sincePrevious, 'A little more than in March.');
  assert.deepEqual(
    timeline.reflections.markers.map((series) => series.markerId),
    ['trustInnerCues', 'easeWithNeeds'],
  );
  assert.deepEqual(
    timeline.reflections.markerChanges.map((change) => change.sentence),
    ['About the same as in February.'],
  );
});

test('an offset no place uses is refused', () => {
  assert.throws(() => progressTimeline({}, WHOLE, 24 * 60), RangeError);
});
