import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REFLECT_PATHS, reflectRouteOf } from './reflect-routes.ts';

test('each reflection path reads back to its screen, with or without a trailing slash', () => {
  for (const [screen, path] of Object.entries(REFLECT_PATHS)) {
    assert.equal(reflectRouteOf(path), screen);
    assert.equal(reflectRouteOf(`${path}/`), screen);
  }
  assert.equal(reflectRouteOf('/reflect/other'), null);
  assert.equal(reflectRouteOf('/'), null);
});
