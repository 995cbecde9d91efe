import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  LONGEST_SENTENCE_WORDS,
  avoidedWordsIn,
  isSentence,
  sentencesOf,
} from '../practices/wording-rules.test-support.ts';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordNormalize,
  passwordProblemMessage,
  passwordProblems,
  type PasswordProblem,
} from './password-policy.ts';

const names = { signInName: 'robin', displayName: 'Robin Ash' };
const ALL_PROBLEMS: readonly PasswordProblem[] = [
  'too_short',
  'too_long',
  'common',
  'same_as_name',
];

test('a long, uncommon password is fine with no rules about digits or symbols', () => {
  assert.deepEqual(passwordProblems('kettle orchard lantern', names), []);
  assert.deepEqual(passwordProblems('alllowercaseletters', names), []);
  assert.deepEqual(passwordProblems('        ', names), []);
  assert.deepEqual(passwordProblems('Zugspitze ☀️ im März', names), []);
});

test('length is counted in code points after NFC', () => {
  assert.equal(PASSWORD_MIN_LENGTH, 8);
  assert.equal(PASSWORD_MAX_LENGTH, 1024);
  assert.deepEqual(passwordProblems('🌿🌱🌳🌲🍀🌾🌵', names), ['too_short']); // 7 code points, 14 units
  assert.deepEqual(passwordProblems('🌿🌱🌳🌲🍀🌾🌵🌴', names), []);
  // Eight letters with combining accents compose to eight code points.
  assert.deepEqual(passwordProblems('e\u0301'.repeat(8), names), []);
  assert.deepEqual(passwordProblems('x'.repeat(PASSWORD_MAX_LENGTH), names), []);
  assert.deepEqual(passwordProblems('x'.repeat(PASSWORD_MAX_LENGTH + 1), names), ['too_long']);
});

test('a password is never trimmed: spaces count toward its length', () => {
  assert.deepEqual(passwordProblems(' kettle ', names), []);
  assert.deepEqual(passwordProblems(' kettle', names), ['too_short']);
});

test('common passwords are refused in any case, and with digits or symbols added at the end', () => {
  assert.deepEqual(passwordProblems('password', names), ['common']);
  assert.deepEqual(passwordProblems('PassWord', names), ['common']);
  assert.deepEqual(passwordProblems('Password1!', names), ['common']);
  assert.deepEqual(passwordProblems('dragon2024', names), ['common']);
  assert.deepEqual(passwordProblems('monkey !!!', names), ['common']);
  assert.deepEqual(passwordProblems('letmein', names), ['too_short', 'common']);
  // Letters after the common word make it something else.
  assert.deepEqual(passwordProblems('dragonfruit orchard', names), []);
});

test('the sign-in name or display name as the password is refused, in any case', () => {
  const context = { signInName: 'moonlight walker', displayName: 'Sam Okafor' };
  assert.deepEqual(passwordProblems('Moonlight Walker', context), ['same_as_name']);
  assert.deepEqual(passwordProblems('sam okafor', context), ['same_as_name']);
  assert.deepEqual(passwordProblems('sam okafor 1990', context), ['same_as_name']);
  assert.deepEqual(passwordProblems('sam okafor likes tea', context), []);
  assert.deepEqual(passwordProblems('somethingelse', { signInName: '', displayName: ' ' }), []);
});

test('normalising a password is NFC only: nothing trimmed, no case changed', () => {
  assert.equal(passwordNormalize(' Rene\u0301 '), ' Ren\u00e9 ');
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (password) => {
      const once = passwordNormalize(password);
      assert.equal(passwordNormalize(once), once);
      assert.equal(once, password.normalize('NFC'));
    }),
  );
});

test('problems come in a fixed order, without repeats, and the two lengths never together', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ maxLength: 12 }),
      fc.string({ maxLength: 12 }),
      (password, signInName, displayName) => {
        const problems = passwordProblems(password, { signInName, displayName });
        const order = problems.map((problem) => ALL_PROBLEMS.indexOf(problem));
        assert.deepEqual(
          order,
          [...order].sort((a, b) => a - b),
        );
        assert.equal(new Set(problems).size, problems.length);
        assert.ok(!(problems.includes('too_short') && problems.includes('too_long')));
      },
    ),
  );
});

test('the same password in another Unicode form gets the same answer', () => {
  assert.deepEqual(
    passwordProblems('caf\u00e9 au lait', names),
    passwordProblems('cafe\u0301 au lait', names),
  );
});

test('each problem has a plain, warm sentence that blames nobody', () => {
  for (const problem of ALL_PROBLEMS) {
    const message = passwordProblemMessage(problem);
    assert.ok(isSentence(message), message);
    assert.deepEqual(avoidedWordsIn(message), [], message);
    for (const sentence of sentencesOf(message)) {
      assert.ok(sentence.split(/\s+/).length <= LONGEST_SENTENCE_WORDS, sentence);
    }
    assert.doesNotMatch(message, /undefined|NaN|invalid|not allowed|you must/i, message);
  }
  assert.match(passwordProblemMessage('too_short'), /\b8\b/);
  assert.match(passwordProblemMessage('common'), /list of ones people often use/);
});
