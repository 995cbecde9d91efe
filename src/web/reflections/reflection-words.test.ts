import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recordView } from '../progress/progress.test-support.ts';
import { recordsRead } from './record-bodies.ts';
import { answerMoments, markerComparisons, recordDayWords, relationshipsToShareWith, sharingWords } from './reflection-words.ts';

const NOW_MS = Date.UTC(2025, 10, 21, 12);
const DAY_MS = 86_400_000;

const together = {
  relationshipId: 'rel-1',
  kind: 'partner' as const,
  createdAtMs: 0,
  members: [
    { personId: 'me', displayName: 'Ana', isMe: true, joinedAtMs: 0 },
    { personId: 'bo', displayName: 'Bo', isMe: false, joinedAtMs: 0 },
  ],
};
const waiting = { ...together, relationshipId: 'rel-2', members: [together.members[0]!] };

test('days read on the person’s own calendar', () => {
  assert.equal(recordDayWords(NOW_MS - 3_600_000, NOW_MS, 0), 'today');
  assert.equal(recordDayWords(NOW_MS - DAY_MS, NOW_MS, 0), 'yesterday');
  assert.equal(recordDayWords(Date.UTC(2025, 10, 3, 8), NOW_MS, 0), '3 November');
  assert.equal(recordDayWords(Date.UTC(2024, 2, 3, 8), NOW_MS, 0), '3 March 2024');
  // 23:30 UTC on the 20th is already the 21st an hour east.
  assert.equal(recordDayWords(Date.UTC(2025, 10, 20, 23, 30), NOW_MS, 60), 'today');
});

test('who can see an item is said plainly; only relationships with someone else can be shared with', () => {
  assert.equal(sharingWords(null, [together]), 'Private: only you can see this.');
  assert.equal(sharingWords('rel-1', [together]), 'Shared with Bo. You can stop sharing at any time.');
  assert.match(sharingWords('gone', [together]), /no longer in/);
  assert.deepEqual(relationshipsToShareWith([together, waiting]).map((relationship) => relationship.relationshipId), ['rel-1']);
});

test('answers given together are one moment, newest first', () => {
  const reads = recordsRead(
    [
      recordView('a', 'workingModel', 100, { questionId: 'worthOfCare', value: 4, words: '', atMs: 100 }),
      recordView('b', 'workingModel', 100, { questionId: 'othersThere', value: null, words: 'Some days.', atMs: 100 }),
      recordView('c', 'workingModel', 500, { questionId: 'worthOfCare', value: 6, words: '', atMs: 500 }),
    ],
    'workingModel',
  );
  const moments = answerMoments(reads);
  assert.deepEqual(moments.map((moment) => [moment.atMs, moment.records.length]), [[500, 1], [100, 2]]);
  assert.equal(moments[1]?.answers.othersThere?.words, 'Some days.');
});

test('markers compare with the rating before, and with the first once there are three', () => {
  const march = { atMs: Date.UTC(2025, 2, 10), ratings: { presentInConflict: 3, easeWithNeeds: 5 } };
  const september = { atMs: Date.UTC(2025, 8, 10), ratings: { presentInConflict: 4 } };
  const november = { atMs: Date.UTC(2025, 10, 10), ratings: { presentInConflict: 8, easeWithNeeds: 5 } };
  assert.deepEqual(markerComparisons([march], 0), { sincePrevious: [], sinceFirst: [] });
  const two = markerComparisons([november, march], 0);
  assert.deepEqual(two.sincePrevious.map((change) => change.sentence), ['More than in March.', 'About the same as in March.']);
  assert.deepEqual(two.sinceFirst, []);
  const three = markerComparisons([march, september, november], 0);
  assert.deepEqual(three.sincePrevious.map((change) => change.sentence), ['More than in September.']);
  assert.equal(three.sinceFirst.length, 2);
});
