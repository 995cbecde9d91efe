import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkInPairs } from './check-in-pairs.ts';
import { FAKE_START_MS, fakeReport } from './fake-report.test-support.ts';

const MINUTE = 60_000;

test('pairs each person\'s before and after, the viewer first', () => {
  const pairs = checkInPairs(fakeReport());
  assert.deepEqual(
    pairs.map((pair) => [pair.participantId, pair.before?.state ?? null, pair.after?.state ?? null, pair.count]),
    [
      ['ana', 'activated', 'regulated', 2],
      ['bo', 'mixed', null, 1],
    ],
  );
});

test('the first "before" and the last "after" win when there are several', () => {
  const pairs = checkInPairs(
    fakeReport({
      checkIns: [
        { participantId: 'ana', atMs: FAKE_START_MS + MINUTE, moment: 'before', state: 'shutdown', intensity: 3 },
        { participantId: 'ana', atMs: FAKE_START_MS + 1.5 * MINUTE, moment: 'before', state: 'activated', intensity: 7 },
        { participantId: 'ana', atMs: FAKE_START_MS + 7.5 * MINUTE, moment: 'after', state: 'mixed', intensity: 5 },
        { participantId: 'ana', atMs: FAKE_START_MS + 8 * MINUTE, moment: 'after', state: 'regulated', intensity: 2 },
      ],
    }),
  );
  assert.equal(pairs[0]!.before?.intensity, 3);
  assert.equal(pairs[0]!.after?.intensity, 2);
});

test('check-ins made at any time count as before when made before the practices, and after once they ended', () => {
  const pairs = checkInPairs(
    fakeReport({
      checkIns: [
        { participantId: 'bo', atMs: FAKE_START_MS + MINUTE, moment: 'any', state: 'activated', intensity: 7 },
        { participantId: 'bo', atMs: FAKE_START_MS + 5 * MINUTE, moment: 'any', state: 'mixed', intensity: 5 },
        { participantId: 'bo', atMs: FAKE_START_MS + 9 * MINUTE, moment: 'any', state: 'regulated', intensity: 3 },
      ],
    }),
  );
  const bo = pairs.find((pair) => pair.participantId === 'bo')!;
  assert.equal(bo.before?.intensity, 7);
  assert.equal(bo.after?.intensity, 3);
});

test('without practices, the first and last check-ins are the before and after; a single one is not both', () => {
  const only = { participantId: 'ana', atMs: FAKE_START_MS + MINUTE, moment: 'any' as const, state: 'mixed' as const, intensity: 4 };
  const [ana] = checkInPairs(fakeReport({ practices: [], checkIns: [only] }));
  assert.equal(ana!.before, only);
  assert.equal(ana!.after, null);
});
