import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { PASSWORD_STEM_MIN_LENGTH, codePointLength, passwordStem } from './password-stem.ts';

test('a stem is the password without trailing digits, punctuation, symbols and spaces', () => {
  assert.equal(passwordStem('summer2024!'), 'summer');
  assert.equal(passwordStem('dragon 123 '), 'dragon');
  assert.equal(passwordStem('monkey$$$'), 'monkey');
  assert.equal(passwordStem('12two34'), '12two');
});

test('no stem when nothing comes off or too little is left', () => {
  assert.equal(passwordStem('summer'), null);
  assert.equal(passwordStem('cat12345'), null);
  assert.equal(passwordStem('12345678'), null);
  assert.equal(passwordStem('love1'), 'love');
  assert.equal(PASSWORD_STEM_MIN_LENGTH, 4);
});

test('characters are counted as code points, not UTF-16 units', () => {
  assert.equal(codePointLength('🌿🌿'), 2);
  assert.equal(codePointLength(''), 0);
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      assert.equal(codePointLength(text), Array.from(text).length);
    }),
  );
});

test('a stem is a shorter prefix, long enough, and has no stem of its own', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      const stem = passwordStem(text);
      if (stem === null) return;
      assert.ok(text.startsWith(stem) && stem.length < text.length);
      assert.ok(codePointLength(stem) >= PASSWORD_STEM_MIN_LENGTH);
      assert.equal(passwordStem(stem), null);
    }),
  );
});
