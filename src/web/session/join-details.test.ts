import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  boundariesFrom,
  inviteTokenForget,
  inviteTokenLoad,
  inviteTokenSave,
  joinDetailsForget,
  joinDetailsLast,
  joinDetailsLoad,
  joinDetailsSave,
  type DetailsStorage,
} from './join-details.ts';

function memoryStorage(): DetailsStorage {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      map.set(key, value);
    },
    removeItem: (key) => {
      map.delete(key);
    },
  };
}

test('join details are kept per session and forgotten after leaving', () => {
  const storage = memoryStorage();
  const details = { displayName: ' Ana ', boundaries: { touch: true, camera: false, sharePhysiology: false, shareCheckIns: true } };
  joinDetailsSave(storage, 's1', details);
  assert.deepEqual(joinDetailsLoad(storage, 's1'), { ...details, displayName: 'Ana' });
  assert.equal(joinDetailsLoad(storage, 's2'), null);
  assert.equal(joinDetailsLast(storage)?.displayName, 'Ana');
  inviteTokenSave(storage, 's1', 'tok');
  assert.equal(inviteTokenLoad(storage, 's1'), 'tok');
  inviteTokenForget(storage, 's1');
  assert.equal(inviteTokenLoad(storage, 's1'), null);
  joinDetailsForget(storage, 's1');
  assert.equal(joinDetailsLoad(storage, 's1'), null);
  assert.equal(joinDetailsLoad(null, 's1'), null);
});

test('boundaries read from anything take only known kinds, and only true rules something out', () => {
  assert.deepEqual(boundariesFrom({ touch: true, camera: 'yes', extra: true }), {
    touch: true,
    camera: false,
    sharePhysiology: false,
    shareCheckIns: false,
  });
  assert.deepEqual(boundariesFrom(null), { touch: false, camera: false, sharePhysiology: false, shareCheckIns: false });
});
