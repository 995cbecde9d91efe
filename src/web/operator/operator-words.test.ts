import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accountStateWords, helpSourceWords, roleWords, sizeWords } from './operator-words.ts';

const DAY_MS = Date.UTC(2026, 2, 14, 9, 30);

test('sizes read naturally', () => {
  assert.equal(sizeWords(0), '0 bytes');
  assert.equal(sizeWords(1023), '1023 bytes');
  assert.equal(sizeWords(1536), '1.5 KB');
  assert.equal(sizeWords(5 * 1024 * 1024), '5.0 MB');
  assert.equal(sizeWords(3 * 1024 ** 3), '3.0 GB');
});

test('the source of the crisis resources is said plainly', () => {
  assert.match(helpSourceWords('default', null, 'en-GB'), /general resources/);
  assert.match(helpSourceWords('file', null, 'en-GB'), /HELP_RESOURCES_FILE/);
  assert.match(helpSourceWords('operator', DAY_MS, 'en-GB'), /saved here on 14 Mar 2026/);
});

test('an account says when it joined and whether it is switched off', () => {
  assert.equal(accountStateWords({ createdAtMs: DAY_MS, disabledAtMs: null }, 'en-GB'), 'Joined 14 Mar 2026');
  assert.equal(accountStateWords({ createdAtMs: DAY_MS, disabledAtMs: DAY_MS + 86_400_000 }, 'en-GB'), 'Joined 14 Mar 2026. Switched off since 15 Mar 2026');
  assert.equal(roleWords('practitioner'), 'Practitioner');
});
