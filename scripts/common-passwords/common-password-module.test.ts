import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  commonPasswordEntryCanMatch,
  renderCommonPasswordsModule,
  selectCommonPasswords,
} from './common-password-module.ts';

const source = {
  description: ['Source: a test list.'],
  licenceText: 'Licence line one.\nLine two.\n',
};

test('keeps only entries the password policy could match', () => {
  assert.equal(commonPasswordEntryCanMatch('12345678'), true); // long enough to match whole
  assert.equal(commonPasswordEntryCanMatch('dragon'), true); // a stem: "dragon2024"
  assert.equal(commonPasswordEntryCanMatch('123456'), false); // too short, and no stem ends in a digit
  assert.equal(commonPasswordEntryCanMatch('abc'), false); // shorter than any stem
});

test('selects the top entries in rank order, folded and without repeats', () => {
  assert.deepEqual(
    selectCommonPasswords(['Password', 'password', '1234', 'Dragon', 'sunshine'], 4),
    ['password', 'dragon'],
  );
});

test('the module holds every entry exactly, whatever characters it has', async () => {
  const entries = ['password', 'back`tick1', 'dollar${x}', 'back\\slash', 'café au lait'];
  const text = renderCommonPasswordsModule(entries, source);
  assert.match(text, /GENERATED/);
  assert.match(text, /Licence line one\./);
  assert.match(text, /Entries: 5\./);
  // Strip the types and load the module to read the set back.
  const javascript = text.replace(': ReadonlySet<string>', '');
  const loaded = (await import(`data:text/javascript,${encodeURIComponent(javascript)}`)) as {
    COMMON_PASSWORDS: ReadonlySet<string>;
  };
  assert.deepEqual([...loaded.COMMON_PASSWORDS], entries);
  assert.equal(renderCommonPasswordsModule(entries, source), text);
});

test('an entry that cannot sit on one line is refused rather than split', () => {
  assert.throws(() => renderCommonPasswordsModule(['two\nlines'], source));
  assert.throws(() => renderCommonPasswordsModule([''], source));
});
