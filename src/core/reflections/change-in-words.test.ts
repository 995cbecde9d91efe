import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { changeAmountInWords, changeInWords, earlierMomentInWords } from './change-in-words.ts';

const at = (year: number, month: number, day: number, hour = 12): number =>
  Date.UTC(year, month - 1, day, hour);

test('says which way and roughly how far, without a verdict', () => {
  assert.equal(changeAmountInWords(5, 5), 'about the same as');
  assert.equal(changeAmountInWords(4, 5), 'a little more than');
  assert.equal(changeAmountInWords(5, 3), 'a little less than');
  assert.equal(changeAmountInWords(2, 6), 'more than');
  assert.equal(changeAmountInWords(8, 3), 'less than');
  assert.equal(changeAmountInWords(1, 9), 'a lot more than');
  assert.equal(changeAmountInWords(10, 0), 'a lot less than');
});

test('names the earlier moment on the person’s own calendar', () => {
  assert.equal(
    earlierMomentInWords(at(2025, 11, 21, 8), at(2025, 11, 21, 20), 0),
    'earlier the same day',
  );
  assert.equal(earlierMomentInWords(at(2025, 11, 3), at(2025, 11, 21), 0), 'earlier in November');
  assert.equal(earlierMomentInWords(at(2025, 3, 10), at(2025, 11, 21), 0), 'in March');
  assert.equal(earlierMomentInWords(at(2024, 12, 10), at(2025, 2, 1), 0), 'in December');
  assert.equal(earlierMomentInWords(at(2024, 11, 30), at(2025, 11, 1), 0), 'in November 2024');
  // 31 March 23:30 UTC is already 1 April in Berlin (+02:00 in summer).
  assert.equal(
    earlierMomentInWords(Date.UTC(2025, 2, 31, 23, 30), at(2025, 6, 1), 120),
    'in April',
  );
});

test('makes a whole sentence', () => {
  assert.equal(
    changeInWords({ value: 4, atMs: at(2025, 3, 10) }, { value: 5, atMs: at(2025, 11, 21) }, 0),
    'A little more than in March.',
  );
  assert.equal(
    changeInWords(
      { value: 7, atMs: at(2025, 11, 21, 8) },
      { value: 7, atMs: at(2025, 11, 21, 9) },
      0,
    ),
    'About the same as earlier the same day.',
  );
});

test('the words always follow the direction of the change and never judge it', () => {
  const scale = fc.integer({ min: 0, max: 10 });
  fc.assert(
    fc.property(
      scale,
      scale,
      fc.integer({ min: 0, max: 4e11 }),
      fc.integer({ min: 0, max: 4e11 }),
      (earlier, later, t1, gap) => {
        const sentence = changeInWords(
          { value: earlier, atMs: 1.5e12 + t1 },
          { value: later, atMs: 1.5e12 + t1 + gap },
          0,
        );
        if (later > earlier) assert.match(sentence, /more than/i);
        if (later < earlier) assert.match(sentence, /less than/i);
        if (later === earlier) assert.match(sentence, /^About the same as/);
        assert.doesNotMatch(sentence, /better|worse|improv|progress|decline|score|NaN|undefined/i);
        assert.match(sentence, /^[A-Z].*\.$/);
      },
    ),
  );
});
