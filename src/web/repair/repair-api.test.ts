import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { ApiError } from '../api/http.ts';
import { repairCommandSend, repairFetch, repairStart, repairsList } from './repair-api.ts';
import { FakeRepairs, fakeRepairsInstall } from './fake-repairs.test-support.ts';
import { startRepairFrom } from './start-repair.ts';

let fake: FakeRepairs;
let uninstall: () => void;
beforeEach(() => {
  fake = new FakeRepairs();
  fake.relationships.set('rel-1', ['ana', 'bo']);
  fake.relationships.set('rel-alone', ['ana']);
  uninstall = fakeRepairsInstall(fake);
});
afterEach(() => {
  uninstall();
});

test('starting a repair sends a start command with an id made here, and reads the view back', async () => {
  fake.actAs('ana');
  const ruptureAtMs = fake.nowMs - 30 * 60_000;
  const repair = await repairStart('rel-1', { origin: 'self', ruptureAtMs });
  assert.equal(repair.stage, 'settling');
  assert.deepEqual(repair.state.memberIds, ['ana', 'bo']);
  assert.equal(repair.state.ruptureAtMs, ruptureAtMs);
  const sent = fake.requests.at(-1)?.body as { commandId: string; command: unknown };
  assert.match(sent.commandId, /^[A-Za-z0-9_-]{8,64}$/);
  assert.deepEqual(sent.command, { type: 'startRepair', startedFrom: 'self', ruptureAtMs });
});

test('a start that is turned down becomes an ApiError with the sentence to show', async () => {
  fake.actAs('ana');
  await assert.rejects(repairStart('rel-alone', { origin: 'self' }), (error: unknown) => error instanceof ApiError && error.code === 'repair_needs_two' && /Link up with the other person/.test(error.message));
});

test('the live session starts a repair from a pause and gets its id, dated at the pause', async () => {
  fake.actAs('bo');
  const pausedAtMs = fake.nowMs - 60_000;
  const repairId = await startRepairFrom('rel-1', 'pause', pausedAtMs);
  fake.actAs('ana');
  const seen = await repairFetch(repairId);
  assert.deepEqual([seen.state.startedFrom, seen.state.startedBy, seen.state.ruptureAtMs], ['pause', 'bo', pausedAtMs]);
});

test('each member reads the repair as they may see it: words in progress stay with the speaker', async () => {
  fake.actAs('ana');
  const { repairId } = await repairStart('rel-1', { origin: 'self' });
  for (const person of ['ana', 'bo']) {
    fake.actAs(person);
    assert.ok((await repairCommandSend(repairId, { type: 'markSettled' })).outcome.ok);
  }
  fake.actAs('ana');
  const proposed = await repairCommandSend(repairId, { type: 'proposeReturnTime', returnAtMs: fake.nowMs });
  const proposalId = proposed.repair?.state.returnProposal?.proposalId ?? '';
  fake.actAs('bo');
  await repairCommandSend(repairId, { type: 'acceptReturnTime', proposalId });
  for (const person of ['ana', 'bo']) {
    fake.actAs(person);
    await repairCommandSend(repairId, { type: 'markHere' });
  }
  fake.actAs('ana');
  await repairCommandSend(repairId, { type: 'beginTurn' });
  const saved = await repairCommandSend(repairId, { type: 'saveTurnWords', turnIndex: 0, felt: 'Alone', needed: 'A text' });
  assert.deepEqual(saved.repair?.state.turns[0]?.words, { felt: 'Alone', needed: 'A text' });
  fake.actAs('bo');
  const forBo = await repairFetch(repairId);
  assert.equal(forBo.stage, 'turns');
  assert.deepEqual(forBo.state.turns[0]?.words, { felt: '', needed: '' });
  const turnedDown = await repairCommandSend(repairId, { type: 'saveTurnWords', turnIndex: 0, felt: 'mine', needed: '' });
  assert.deepEqual(turnedDown.outcome.ok ? null : turnedDown.outcome.code, 'holding_space');
  assert.equal((await repairsList('rel-1')).length, 1);
});
