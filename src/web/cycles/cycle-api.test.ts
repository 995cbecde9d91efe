import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { ELI_SIDE, NOOR_SIDE } from '../../core/cycles/index.ts';
import { FakeBetweenUs, fakeFetchInstall } from '../us/fake-between-us.test-support.ts';
import { inviteAccept, relationshipStart } from '../us/us-api.ts';
import { commandIdNew } from '../api/command-id.ts';
import { cycleCommandSend, cycleMapFetch } from './cycle-api.ts';
import { cycleStageOf } from './cycle-stage.ts';

let fake: FakeBetweenUs;
let uninstall: () => void;
let relationshipId = '';
beforeEach(async () => {
  fake = new FakeBetweenUs();
  uninstall = fakeFetchInstall(fake);
  fake.actAs('noor', 'Noor');
  const started = await relationshipStart('partner', null);
  relationshipId = started.relationship.relationshipId;
  fake.actAs('eli', 'Eli');
  await inviteAccept(started.invite.token, null);
});
afterEach(() => {
  uninstall();
});

/** Every reply the fake sent to `personId`, as text, to look for the other's words in. */
const repliesTo = async (personId: string) => {
  fake.actAs(personId);
  return JSON.stringify(await cycleMapFetch(relationshipId));
};

test('fill privately, mark done, choose to look: nothing of the other side arrives before both look', async () => {
  fake.actAs('noor');
  assert.equal(await cycleMapFetch(relationshipId), null);
  const opened = await cycleCommandSend(relationshipId, {
    type: 'openMap',
    mapId: 'map-1',
    partnerId: 'eli',
  });
  assert.deepEqual(opened.outcome, { ok: true });
  assert.equal(cycleStageOf(opened.map), 'filling');

  await cycleCommandSend(relationshipId, { type: 'saveDraft', side: NOOR_SIDE });
  fake.actAs('eli');
  await cycleCommandSend(relationshipId, { type: 'saveDraft', side: ELI_SIDE });

  assert.doesNotMatch(await repliesTo('eli'), /cold again|Your job matters/);
  assert.doesNotMatch(await repliesTo('noor'), /worn out|never be enough/);

  fake.actAs('noor');
  await cycleCommandSend(relationshipId, { type: 'markReady' });
  fake.actAs('eli');
  const eliDone = await cycleCommandSend(relationshipId, { type: 'markReady' });
  assert.equal(cycleStageOf(eliDone.map), 'choose-to-look');
  const eliLooks = await cycleCommandSend(relationshipId, { type: 'agreeToReveal' });
  assert.equal(cycleStageOf(eliLooks.map), 'waiting-to-look');
  assert.equal(eliLooks.map?.theirs.side, null);
  assert.doesNotMatch(await repliesTo('eli'), /cold again/);

  fake.actAs('noor');
  const noorLooks = await cycleCommandSend(relationshipId, { type: 'agreeToReveal' });
  assert.equal(cycleStageOf(noorLooks.map), 'revealed');
  assert.deepEqual(noorLooks.map?.theirs.side, ELI_SIDE);
  assert.match(await repliesTo('eli'), /cold again/);
});

test('a turned-down command comes back as an outcome with a sentence, not an error', async () => {
  fake.actAs('noor');
  await cycleCommandSend(relationshipId, { type: 'openMap', mapId: 'map-1', partnerId: 'eli' });
  const reply = await cycleCommandSend(relationshipId, { type: 'markReady' });
  assert.ok(!reply.outcome.ok, 'turned down');
  assert.ok(reply.outcome.message.length > 10);
});

test('sending the same command id twice changes nothing the second time', async () => {
  fake.actAs('noor');
  await cycleCommandSend(relationshipId, { type: 'openMap', mapId: 'map-1', partnerId: 'eli' });
  await cycleCommandSend(relationshipId, { type: 'saveDraft', side: NOOR_SIDE });
  const id = commandIdNew();
  const first = await cycleCommandSend(relationshipId, { type: 'markReady' }, id);
  await cycleCommandSend(relationshipId, { type: 'markNotReady' });
  const repeat = await cycleCommandSend(relationshipId, { type: 'markReady' }, id);
  assert.deepEqual(repeat.outcome, first.outcome);
  assert.equal(repeat.map?.mine.done, false, 'the repeat did not mark it done again');
});
