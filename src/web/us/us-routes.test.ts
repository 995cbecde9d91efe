import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cycleMapPath, relationshipPath, repairPath, sessionPath, usRouteOf } from './us-routes.ts';

test('each "Between us" path reads back into its screen', () => {
  assert.deepEqual(usRouteOf('/us', ''), { screen: 'list' });
  assert.deepEqual(usRouteOf('/us/', ''), { screen: 'list' });
  assert.deepEqual(usRouteOf('/us/join', 'tok_123'), { screen: 'join', token: 'tok_123' });
  assert.deepEqual(
    usRouteOf('/between-us/join', 'tok_123'),
    { screen: 'join', token: 'tok_123' },
    'the server’s link name',
  );
  assert.deepEqual(usRouteOf(relationshipPath('rel-1'), ''), {
    screen: 'relationship',
    relationshipId: 'rel-1',
  });
  assert.deepEqual(usRouteOf(cycleMapPath('rel-1'), ''), {
    screen: 'cycle',
    relationshipId: 'rel-1',
  });
});

test('the invite token is read from the fragment only, never from the path', () => {
  assert.deepEqual(usRouteOf('/us/join', ''), { screen: 'join', token: '' });
  assert.deepEqual(usRouteOf('/us/join/tok_123', ''), null);
});

test('paths that belong to other screens are left to them', () => {
  for (const path of [
    '/',
    '/together',
    '/us/rel-1/repair',
    '/us/rel-1/cycle/extra',
    '/usx',
    '/us/a b',
    '/learn',
  ]) {
    assert.equal(usRouteOf(path, ''), null, path);
  }
  assert.equal(repairPath('rel-1'), '/us/rel-1/repair');
  assert.equal(sessionPath('s-1'), '/session/s-1');
});
