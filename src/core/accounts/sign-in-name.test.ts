import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { signInNameNormalize } from './sign-in-name.ts';

test('the same name typed differently finds the same account', () => {
  assert.equal(signInNameNormalize('  Robin '), 'robin');
  assert.equal(signInNameNormalize('ROBIN'), 'robin');
  // "é" as one code point and as "e" plus a combining accent.
  assert.equal(signInNameNormalize('Ren\u00e9'), signInNameNormalize('Rene\u0301'));
  assert.equal(signInNameNormalize('\tÅsa\n'), '\u00e5sa');
});

test('lower case does not depend on the locale: a Turkish capital I still becomes i', () => {
  assert.equal(signInNameNormalize('INGRID'), 'ingrid');
});

test('normalising twice changes nothing', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (name) => {
      const once = signInNameNormalize(name);
      assert.equal(signInNameNormalize(once), once);
    }),
  );
});
