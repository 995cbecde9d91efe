import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bookPath, consultationPath, consultationRouteOf, movePath } from './consultation-paths.ts';

const ID = '6f1c1b7e-1c63-4b7e-9d1e-0c2b5a1e4f00';

test('every consultation path reads back into its screen', () => {
  assert.deepEqual(consultationRouteOf('/consultations'), { screen: 'mine' });
  assert.deepEqual(consultationRouteOf('/consultations/'), { screen: 'mine' });
  assert.deepEqual(consultationRouteOf('/consultations/book'), { screen: 'practitioners' });
  assert.deepEqual(consultationRouteOf('/consultations/availability'), { screen: 'availability' });
  assert.deepEqual(consultationRouteOf(bookPath(ID)), { screen: 'book', practitionerId: ID });
  assert.deepEqual(consultationRouteOf(consultationPath(ID)), { screen: 'consultation', consultationId: ID });
  assert.deepEqual(consultationRouteOf(movePath(ID)), { screen: 'move', consultationId: ID });
});

test('other paths are not ours', () => {
  for (const path of ['/', '/consultation', '/consultations/x', '/consultations/book/a/b', `/consultations/${ID}/cancel`, '/us']) {
    assert.equal(consultationRouteOf(path), null, path);
  }
});
