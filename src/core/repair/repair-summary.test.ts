import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RepairHarness, REPAIR_TEST_EPOCH_MS } from './repair-harness.test-support.ts';
import { repairHistoryRecordFor, repairSummary, repairTimeToRepairMs } from './repair-summary.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** A repair started from a pause an hour after the rupture, taken all the way to a next step. */
function completedRepair(): RepairHarness {
  const harness = new RepairHarness().start({
    startedFrom: 'pause',
    sessionId: 'session-1234',
    ruptureAtMs: REPAIR_TEST_EPOCH_MS - HOUR_MS,
  });
  harness
    .settleAll()
    .agreeTime(30 * MINUTE_MS)
    .arriveAll();
  harness.accept('ben', { type: 'stepAway' });
  harness.advance(5 * MINUTE_MS);
  harness.accept('ben', { type: 'stepBack' });
  harness.allTurns();
  const proposalId = harness.nextCommandId();
  harness.accept('ben', { type: 'proposeNextStep', text: 'A text when I am running late.' });
  harness.accept('ana', { type: 'agreeNextStep', proposalId });
  return harness;
}

test('[R14] time-to-repair runs from the rupture to the agreed next step', () => {
  const harness = completedRepair();
  assert.equal(repairTimeToRepairMs(harness.log), harness.nowMs - (REPAIR_TEST_EPOCH_MS - HOUR_MS));
});

test('[R14] time-to-repair is null while a repair is open, set aside, or never started', () => {
  const open = new RepairHarness().start().settleAll();
  assert.equal(repairTimeToRepairMs(open.log), null);
  open.accept('ana', { type: 'setAside' });
  assert.equal(repairTimeToRepairMs(open.log), null);
  assert.equal(repairTimeToRepairMs([]), null);
  assert.equal(repairSummary([]), null);
});

test('the summary holds times and counts, and none of the words', () => {
  const harness = completedRepair();
  const summary = repairSummary(harness.log);
  assert.ok(summary);
  assert.equal(summary.status, 'completed');
  assert.equal(summary.startedFrom, 'pause');
  assert.equal(summary.ruptureAtMs, REPAIR_TEST_EPOCH_MS - HOUR_MS);
  assert.equal(summary.startedAtMs, REPAIR_TEST_EPOCH_MS);
  assert.deepEqual(summary.settledAfterMs, { ana: MINUTE_MS, ben: 2 * MINUTE_MS });
  assert.equal(summary.agreedReturnAtMs, REPAIR_TEST_EPOCH_MS + 2 * MINUTE_MS + 30 * MINUTE_MS);
  assert.equal(summary.turnCount, 2);
  assert.equal(summary.steppedAwayCount, 1);
  assert.doesNotMatch(JSON.stringify(summary), /running late|Alone|hear from you/);
});

test('[R12] a repair enters a person’s own history only with their yes, and leaves it when they change their mind', () => {
  const harness = completedRepair();
  assert.equal(repairHistoryRecordFor(harness.log, 'ana'), null);
  harness.accept('ana', { type: 'setHistoryChoice', keep: true });
  assert.deepEqual(repairHistoryRecordFor(harness.log, 'ana'), {
    repairId: 'repair-under-test',
    ruptureAtMs: REPAIR_TEST_EPOCH_MS - HOUR_MS,
    startedAtMs: REPAIR_TEST_EPOCH_MS,
    completedAtMs: harness.nowMs,
  });
  assert.equal(repairHistoryRecordFor(harness.log, 'ben'), null);
  assert.equal(repairHistoryRecordFor(harness.log, 'zoe'), null);
  harness.accept('ana', { type: 'setHistoryChoice', keep: false });
  assert.equal(repairHistoryRecordFor(harness.log, 'ana'), null);
});
