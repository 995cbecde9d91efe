import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMMON_PASSWORDS } from './common-passwords.ts';
import { PASSWORD_MIN_LENGTH } from './password-policy.ts';
import { PASSWORD_STEM_MIN_LENGTH, codePointLength, passwordStem } from './password-stem.ts';

test('the bundled list is large and holds the passwords everyone knows', () => {
  assert.ok(COMMON_PASSWORDS.size >= 10_000, `only ${COMMON_PASSWORDS.size} entries`);
  for (const known of ['password', '12345678', 'qwertyuiop', 'iloveyou', 'trustno1', 'dragon']) {
    assert.ok(COMMON_PASSWORDS.has(known), known);
  }
});

test('every entry is in NFC lower case, with no spaces around it, and could be matched', () => {
  for (const entry of COMMON_PASSWORDS) {
    assert.equal(entry, entry.normalize('NFC').toLowerCase(), entry);
    assert.equal(entry, entry.trim(), entry);
    const length = codePointLength(entry);
    const asStem = length >= PASSWORD_STEM_MIN_LENGTH && passwordStem(`${entry}1`) === entry;
    assert.ok(length >= PASSWORD_MIN_LENGTH || asStem, entry);
  }
});
