import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clockWords, dateTimeFieldParse, dateTimeFieldValue, localTimeWords, returnTimeChoices, untilWords } from './return-time.ts';

// The test runner sets TZ=UTC, so local time here is UTC.
const NOW_MS = Date.UTC(2025, 10, 21, 15, 10); // Friday 21 November 2025, 15:10

test('times read in local words: today, tomorrow, or the day', () => {
  assert.equal(clockWords(Date.UTC(2025, 10, 21, 9, 5)), '09:05');
  assert.equal(localTimeWords(Date.UTC(2025, 10, 21, 18, 30), NOW_MS), 'today at 18:30');
  assert.equal(localTimeWords(Date.UTC(2025, 10, 22, 9, 0), NOW_MS), 'tomorrow at 09:00');
  assert.equal(localTimeWords(Date.UTC(2025, 10, 20, 21, 10), NOW_MS), 'yesterday at 21:10');
  assert.equal(localTimeWords(Date.UTC(2025, 10, 24, 9, 0), NOW_MS), 'Monday 24 November at 09:00');
  assert.equal(localTimeWords(Date.UTC(2026, 0, 2, 9, 0), NOW_MS), 'Friday 2 January 2026 at 09:00');
});

test('how long until then, roughly and plainly', () => {
  assert.equal(untilWords(NOW_MS + 10_000, NOW_MS), 'now');
  assert.equal(untilWords(NOW_MS - 60_000, NOW_MS), 'now');
  assert.equal(untilWords(NOW_MS + 20 * 60_000, NOW_MS), 'in 20 minutes');
  assert.equal(untilWords(NOW_MS + 65 * 60_000, NOW_MS), 'in about an hour');
  assert.equal(untilWords(NOW_MS + 3 * 3_600_000, NOW_MS), 'in about 3 hours');
  assert.equal(untilWords(NOW_MS + 50 * 3_600_000, NOW_MS), 'in 2 days');
});

test('ready choices run from now to tomorrow morning; "this evening" only while it is a few hours off', () => {
  assert.deepEqual(
    returnTimeChoices(NOW_MS).map((choice) => [choice.label, new Date(choice.atMs).toISOString()]),
    [
      ['Now, if you are ready too', '2025-11-21T15:10:00.000Z'],
      ['In 20 minutes', '2025-11-21T15:30:00.000Z'],
      ['In an hour', '2025-11-21T16:10:00.000Z'],
      ['This evening at 19:00', '2025-11-21T19:00:00.000Z'],
      ['Tomorrow morning at 09:00', '2025-11-22T09:00:00.000Z'],
    ],
  );
  const late = Date.UTC(2025, 10, 21, 18, 0);
  assert.ok(!returnTimeChoices(late).some((choice) => choice.id === 'this-evening'));
});

test('the date-and-time field reads and writes local time', () => {
  const atMs = Date.UTC(2025, 10, 21, 18, 30);
  assert.equal(dateTimeFieldValue(atMs), '2025-11-21T18:30');
  assert.equal(dateTimeFieldParse('2025-11-21T18:30'), atMs);
  assert.equal(dateTimeFieldParse(''), null);
  assert.equal(dateTimeFieldParse('tomorrow'), null);
});
