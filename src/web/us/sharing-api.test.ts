import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { SHARING_DEFAULTS } from '../../core/relationships/sharing.ts';
import { ApiError } from '../api/http.ts';
import { cycleCommandSend } from '../cycles/cycle-api.ts';
import { FakeBetweenUs, fakeFetchInstall } from './fake-between-us.test-support.ts';
import { cycleMapStatusFetch, sharingFetch, sharingSave } from './sharing-api.ts';
import { inviteAccept, relationshipStart } from './us-api.ts';

let fake: FakeBetweenUs;
let uninstall: () => void;
beforeEach(() => {
  fake = new FakeBetweenUs();
  uninstall = fakeFetchInstall(fake);
});
afterEach(() => {
  uninstall();
});

async function couple(): Promise<string> {
  fake.actAs('ana', 'Ana');
  const started = await relationshipStart('partner', null);
  fake.actAs('bo', 'Bo');
  await inviteAccept(started.invite.token, null);
  return started.relationship.relationshipId;
}

test('reading and saving what I share; the other sees my choice as what I share with them', async () => {
  const id = await couple();
  const first = await sharingFetch(id);
  assert.deepEqual([first.mine, first.mineChosen, first.others.map((other) => other.displayName)], [SHARING_DEFAULTS, false, ['Ana']]);
  const saved = await sharingSave(id, { ...SHARING_DEFAULTS, physiology: true });
  assert.deepEqual(fake.requests.at(-1)?.body, { ...SHARING_DEFAULTS, physiology: true }, 'all four switches are sent');
  assert.deepEqual([saved.mine.physiology, saved.mineChosen], [true, true]);
  fake.actAs('ana', 'Ana');
  assert.equal((await sharingFetch(id)).others[0]?.shares.physiology, true);
});

test('a refused save is an ApiError with the server’s sentence', async () => {
  const id = await couple();
  await assert.rejects(sharingSave(id, { checkIns: true } as never), (error: unknown) => error instanceof ApiError && error.status === 400);
});

test('the cycle map reads as resting while one of its people has paused sharing it', async () => {
  const id = await couple();
  fake.actAs('ana', 'Ana');
  await cycleCommandSend(id, { type: 'openMap', mapId: 'our-map', partnerId: 'bo' });
  assert.equal((await cycleMapStatusFetch(id)).paused, false);
  fake.actAs('bo', 'Bo');
  await sharingSave(id, { ...SHARING_DEFAULTS, cycleMap: false });
  fake.actAs('ana', 'Ana');
  assert.deepEqual(await cycleMapStatusFetch(id), { map: null, paused: true });
});
