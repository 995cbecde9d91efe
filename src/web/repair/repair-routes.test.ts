import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repairRouteOf, repairScreenPath } from './repair-routes.ts';

test('repair paths are built and read back the same way', () => {
  assert.equal(repairScreenPath('rel-1', 'r_abc-9'), '/us/rel-1/repair/r_abc-9');
  assert.deepEqual(repairRouteOf('/us/rel-1/repair'), { screen: 'list', relationshipId: 'rel-1' });
  assert.deepEqual(repairRouteOf('/us/rel-1/repair/'), { screen: 'list', relationshipId: 'rel-1' });
  assert.deepEqual(repairRouteOf(repairScreenPath('rel-1', 'r_abc-9')), { screen: 'repair', relationshipId: 'rel-1', repairId: 'r_abc-9' });
  assert.equal(repairRouteOf('/us/rel-1'), null);
  assert.equal(repairRouteOf('/us/rel-1/cycle'), null);
  assert.equal(repairRouteOf('/us/rel 1/repair'), null);
});
