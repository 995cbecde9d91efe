import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientPath, PRACTITIONER_PATH, practitionerRouteOf } from './practitioner-paths.ts';

test('practitioner paths read back into their screens, and nothing else does', () => {
  const id = '0b6f1c9e-2f43-4a53-9f0e-5d6f5a3b2c1d';
  assert.deepEqual(practitionerRouteOf(PRACTITIONER_PATH), { screen: 'clients' });
  assert.deepEqual(practitionerRouteOf(`${PRACTITIONER_PATH}/`), { screen: 'clients' });
  assert.deepEqual(practitionerRouteOf(clientPath(id)), { screen: 'client', clientId: id });
  for (const other of ['/', '/practitioners', '/practitioner/clients', '/practitioner/clients/x', `/practitioner/clients/${id}/more`]) {
    assert.equal(practitionerRouteOf(other), null, other);
  }
});
