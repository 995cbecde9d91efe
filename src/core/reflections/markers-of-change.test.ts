import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CHANGE_MARKERS,
  CHANGE_MARKER_IDS,
  changeMarkerRatingSchema,
  changeMarkersCompare,
} from './markers-of-change.ts';

const at = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day, 12);

test('five markers, each with a statement to rate', () => {
  assert.equal(CHANGE_MARKERS.length, 5);
  assert.deepEqual(
    CHANGE_MARKERS.map((marker) => marker.id),
    [...CHANGE_MARKER_IDS],
  );
});

test('a rating may skip markers but not all of them, and stays within 0 to 10', () => {
  assert.ok(
    changeMarkerRatingSchema.safeParse({ atMs: 0, ratings: { trustInnerCues: 4 } }).success,
  );
  const none = changeMarkerRatingSchema.safeParse({ atMs: 0, ratings: {} });
  assert.equal(
    none.error?.issues[0]?.message,
    'Rate at least one marker, or come back another time.',
  );
  const high = changeMarkerRatingSchema.safeParse({ atMs: 0, ratings: { trustInnerCues: 12 } });
  assert.equal(high.error?.issues[0]?.message, 'Choose a number from 0 to 10, or skip this one.');
  assert.equal(
    changeMarkerRatingSchema.safeParse({ atMs: 0, ratings: { beingPerfect: 3 } }).success,
    false,
  );
});

test('compares now with then, marker by marker, leaving out any skipped at either moment', () => {
  const then = changeMarkerRatingSchema.parse({
    atMs: at(2025, 2, 1),
    ratings: { presentInConflict: 2, trustInnerCues: 5, easeWithNeeds: 6 },
  });
  const now = changeMarkerRatingSchema.parse({
    atMs: at(2025, 11, 21),
    ratings: { presentInConflict: 6, trustInnerCues: 5, moreFlexibility: 7 },
  });
  assert.deepEqual(changeMarkersCompare(then, now, 0), [
    { markerId: 'presentInConflict', then: 2, now: 6, sentence: 'More than in February.' },
    { markerId: 'trustInnerCues', then: 5, now: 5, sentence: 'About the same as in February.' },
  ]);
});
