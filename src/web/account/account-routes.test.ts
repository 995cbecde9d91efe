import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ACCOUNT_PATH,
  CREATE_ACCOUNT_PATH,
  SIGN_IN_PATH,
  accountNextPathOf,
  accountPathWithNext,
  accountRouteOf,
} from './account-routes.ts';

test('each account path reads back into its screen, with or without a trailing slash', () => {
  assert.deepEqual(accountRouteOf(ACCOUNT_PATH), { screen: 'settings' });
  assert.deepEqual(accountRouteOf(`${ACCOUNT_PATH}/`), { screen: 'settings' });
  assert.deepEqual(accountRouteOf(SIGN_IN_PATH), { screen: 'sign-in' });
  assert.deepEqual(accountRouteOf(CREATE_ACCOUNT_PATH), { screen: 'create' });
  assert.deepEqual(accountRouteOf(`${CREATE_ACCOUNT_PATH}/`), { screen: 'create' });
});

test('paths that belong to other screens are left to them', () => {
  for (const path of ['/', '/accounts', '/account/other', '/account/sign-in/x', '/us', '/api/account']) {
    assert.equal(accountRouteOf(path), null, path);
  }
});

test('"next" is followed only to a page of this app', () => {
  assert.equal(accountNextPathOf('?next=%2Fus', '/'), '/us');
  assert.equal(accountNextPathOf('?next=/session/abc', '/'), '/session/abc');
  assert.equal(accountNextPathOf('', '/account'), '/account');
  for (const hostile of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)', '/api/account', '/a b', 'us']) {
    assert.equal(accountNextPathOf(`?${new URLSearchParams({ next: hostile }).toString()}`, '/'), '/', hostile);
  }
});

test('a path with "next" reads back to the same "next"', () => {
  const path = accountPathWithNext(SIGN_IN_PATH, '/us/rel-1');
  assert.equal(path, '/account/sign-in?next=%2Fus%2Frel-1');
  assert.equal(accountNextPathOf(path.slice(path.indexOf('?')), '/'), '/us/rel-1');
  assert.equal(accountPathWithNext(SIGN_IN_PATH, '/'), SIGN_IN_PATH);
  assert.equal(accountPathWithNext(SIGN_IN_PATH, null), SIGN_IN_PATH);
});
