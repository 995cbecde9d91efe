import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  workingModelAnswerSchema,
  workingModelChanges,
  type WorkingModelAnswer,
} from './working-model.ts';

const at = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day, 12);

function answer(
  questionId: WorkingModelAnswer['questionId'],
  value: number | null,
  atMs: number,
  words = '',
): WorkingModelAnswer {
  return workingModelAnswerSchema.parse({ questionId, value, words, atMs });
}

test('an answer is a number, some words, or both', () => {
  assert.equal(answer('worthOfCare', 6, 0).words, '');
  assert.equal(
    answer('othersThere', null, 0, '  Some days more than others.  ').words,
    'Some days more than others.',
  );
  const empty = workingModelAnswerSchema.safeParse({ questionId: 'worthOfCare', atMs: 0 });
  assert.equal(empty.success, false);
  assert.equal(empty.error.issues[0]?.message, 'Choose a number, write a few words, or both.');
  const outOfRange = workingModelAnswerSchema.safeParse({
    questionId: 'worthOfCare',
    value: 11,
    atMs: 0,
  });
  assert.equal(
    outOfRange.error?.issues[0]?.message,
    'Choose a number from 0 to 10, or leave it out.',
  );
});

test('compares the latest answer with the one before, and with the first once there are three', () => {
  const answers = [
    answer('worthOfCare', 3, at(2025, 3, 10)),
    answer('worthOfCare', 5, at(2025, 7, 2)),
    answer('othersThere', 6, at(2025, 3, 10)),
    answer('worthOfCare', 4, at(2025, 11, 21)),
    answer('othersThere', null, at(2025, 7, 2), 'Hard to say this month.'),
    answer('othersThere', 4, at(2025, 11, 21)),
  ];
  const [worth, others] = workingModelChanges(answers, 0);
  assert.ok(worth && others);
  assert.equal(worth.sincePrevious, 'A little less than in July.');
  assert.equal(worth.sinceFirst, 'A little more than in March.');
  assert.deepEqual(
    worth.points.map((point) => point.value),
    [3, 5, 4],
  );
  // The words-only answer in July is kept out of the numbers, so November compares with March.
  assert.equal(others.sincePrevious, 'A little less than in March.');
  assert.equal(others.sinceFirst, null);
});

test('with no answers, or only one, there is nothing to compare and nothing made up', () => {
  assert.deepEqual(workingModelChanges([], 0), [
    { questionId: 'worthOfCare', points: [], sincePrevious: null, sinceFirst: null },
    { questionId: 'othersThere', points: [], sincePrevious: null, sinceFirst: null },
  ]);
  const [worth] = workingModelChanges([answer('worthOfCare', 7, at(2025, 1, 1))], 0);
  assert.equal(worth?.sincePrevious, null);
});

test('the order answers arrive in does not matter', () => {
  const answers = [
    answer('worthOfCare', 2, at(2025, 1, 5)),
    answer('worthOfCare', 9, at(2025, 9, 5)),
  ];
  assert.deepEqual(workingModelChanges(answers, 0), workingModelChanges([...answers].reverse(), 0));
});
