import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LocalCheckIn } from '../local/check-ins.ts';
import { progressInputEarliestMs, progressInputFrom, progressPeriodOf, tzOffsetMinAt } from './progress-input.ts';
import { MONDAY_3_NOV_MS, NOW_MS, fakeProgressView } from './progress.test-support.ts';

const DAY_MS = 86_400_000;

const localCheckIn: LocalCheckIn = { id: 'l1', at: NOW_MS - DAY_MS, state: 'regulated', intensity: 2, tags: [], note: '', moment: 'any' };

test('check-ins from the server and from this device join; unknown states are left out', () => {
  const input = progressInputFrom(fakeProgressView(), [localCheckIn]);
  assert.deepEqual(
    input.checkIns?.map((checkIn) => checkIn.state),
    ['regulated', 'activated', 'shutdown', 'regulated'],
  );
});

test('without the server (not signed in, say) this device still has its own check-ins', () => {
  const input = progressInputFrom(null, [localCheckIn]);
  assert.equal(input.checkIns?.length, 1);
  assert.deepEqual(input.practices, []);
});

test('reflection records are read with the core schemas; one that does not parse is left out', () => {
  const input = progressInputFrom(fakeProgressView(), []);
  assert.equal(input.workingModelAnswers?.length, 3);
  assert.equal(input.markerRatings?.length, 2, 'a rating with no markers rated does not parse');
});

test('the last 12 weeks start on a local Monday eleven weeks before this one', () => {
  const input = progressInputFrom(fakeProgressView(), []);
  const period = progressPeriodOf('twelveWeeks', input, NOW_MS, 0);
  assert.equal(new Date(period.fromMs).toISOString(), '2025-09-01T00:00:00.000Z');
  assert.ok(period.toMs > NOW_MS);
});

test('the period follows the person’s own midnight', () => {
  const input = progressInputFrom(null, []);
  const period = progressPeriodOf('twelveWeeks', input, NOW_MS, 60);
  assert.equal(new Date(period.fromMs).toISOString(), '2025-08-31T23:00:00.000Z');
});

test('"everything" reaches back to the Monday of the first record', () => {
  const input = progressInputFrom(fakeProgressView(), []);
  assert.equal(progressInputEarliestMs(input), MONDAY_3_NOV_MS);
  const period = progressPeriodOf('everything', input, NOW_MS, 0);
  assert.equal(period.fromMs, MONDAY_3_NOV_MS);
  const empty = progressPeriodOf('everything', progressInputFrom(null, []), NOW_MS, 0);
  assert.ok(empty.toMs > empty.fromMs);
});

test('the offset is local minus UTC, and UTC gives 0 rather than -0', () => {
  // The test runner sets TZ=UTC.
  assert.ok(Object.is(tzOffsetMinAt(NOW_MS), 0));
});
