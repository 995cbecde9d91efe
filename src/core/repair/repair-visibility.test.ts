import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RepairHarness } from './repair-harness.test-support.ts';
import { repairEventForViewer } from './repair-visibility.ts';

/** Everything `viewerId` receives of the harness's log. */
function seenBy(harness: RepairHarness, viewerId: string) {
  return harness.log.map((event) => repairEventForViewer(harness.state.memberIds, event, viewerId));
}

test('[R-V1] someone outside the repair receives nothing at all', () => {
  const harness = RepairHarness.readyForNextStep();
  assert.ok(seenBy(harness, 'zoe').every((event) => event === null));
});

test('[R-V2] a draft reaches only its speaker; the ended turn reaches everyone in the repair', () => {
  const harness = new RepairHarness().start().settleAll().agreeTime().arriveAll();
  harness.accept('ana', { type: 'beginTurn' });
  harness.accept('ana', { type: 'saveTurnWords', turnIndex: 0, felt: 'Invisible.' });
  const draft = harness.log.at(-1)!;
  assert.deepEqual(repairEventForViewer(harness.state.memberIds, draft, 'ben'), { type: 'hidden' });
  assert.deepEqual(repairEventForViewer(harness.state.memberIds, draft, 'ana'), draft);
  harness.accept('ana', { type: 'endTurn', turnIndex: 0 });
  const ended = harness.log.at(-1)!;
  assert.deepEqual(repairEventForViewer(harness.state.memberIds, ended, 'ben'), ended);
});

test('[R-V3] others learn that someone settled or stepped away, not how or who, and nothing of history choices', () => {
  const harness = new RepairHarness().start();
  harness.accept('ana', { type: 'markSettled', practiceId: 'grounding' });
  harness.accept('ana', { type: 'stepAway' });
  harness.accept('ana', { type: 'stepBack' });
  harness.accept('ana', { type: 'setHistoryChoice', keep: true });
  const [, settled, away, back, choice] = seenBy(harness, 'ben');
  assert.deepEqual(settled, {
    type: 'settled',
    personId: 'ana',
    practiceId: null,
    atMs: harness.log[1]!.atMs,
  });
  assert.equal(away?.type === 'steppedAway' && away.personId, '');
  assert.equal(back?.type === 'steppedBack' && back.personId, '');
  assert.deepEqual(choice, { type: 'hidden' });
  assert.deepEqual(seenBy(harness, 'ana'), harness.log);
});

test('[R-V4] ended turns, acknowledgements, times and the next step reach every member unchanged', () => {
  const harness = RepairHarness.readyForNextStep();
  const proposalId = harness.nextCommandId();
  harness.accept('ana', { type: 'proposeNextStep', text: 'A walk on Sunday.' });
  harness.accept('ben', { type: 'agreeNextStep', proposalId });
  const shared = harness.log.filter((event) =>
    [
      'returnTimeProposed',
      'returnTimeAgreed',
      'arrived',
      'turnEnded',
      'turnAcknowledged',
      'nextStepProposed',
      'repairCompleted',
    ].includes(event.type),
  );
  assert.ok(shared.length >= 9);
  for (const viewer of ['ana', 'ben']) {
    for (const event of shared)
      assert.deepEqual(repairEventForViewer(harness.state.memberIds, event, viewer), event);
  }
});
