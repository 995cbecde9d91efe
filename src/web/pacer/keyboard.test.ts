import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spaceTogglesPause } from './keyboard.ts';
import type { KeyLike } from './keyboard.ts';

const press = (overrides: Partial<KeyLike> = {}): KeyLike => ({
  key: ' ',
  repeat: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  target: { tagName: 'BODY' },
  ...overrides,
});

test('Space on the page toggles the pause', () => {
  assert.equal(spaceTogglesPause(press()), true);
  assert.equal(spaceTogglesPause(press({ target: null })), true);
  assert.equal(spaceTogglesPause(press({ target: { tagName: 'DIV', getAttribute: () => null } })), true);
});

test('other keys, held keys and shortcuts do nothing', () => {
  assert.equal(spaceTogglesPause(press({ key: 'Enter' })), false);
  assert.equal(spaceTogglesPause(press({ repeat: true })), false);
  assert.equal(spaceTogglesPause(press({ ctrlKey: true })), false);
  assert.equal(spaceTogglesPause(press({ shiftKey: true })), false);
});

test('Space keeps its own meaning in fields and on focused controls', () => {
  for (const tagName of ['INPUT', 'textarea', 'BUTTON', 'SELECT', 'A', 'SUMMARY']) {
    assert.equal(spaceTogglesPause(press({ target: { tagName } })), false, tagName);
  }
  assert.equal(spaceTogglesPause(press({ target: { tagName: 'DIV', isContentEditable: true } })), false);
  assert.equal(spaceTogglesPause(press({ target: { tagName: 'DIV', getAttribute: () => 'button' } })), false);
});
