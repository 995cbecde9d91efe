import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RepairHarness } from '../../core/repair/repair-harness.test-support.ts';
import { REPAIR_STAGES, repairEventForViewer, repairFold, repairStage } from '../../core/repair/index.ts';
import {
  REPAIR_STAGE_SHORT,
  comingBackFor,
  nextStepProposalFor,
  repairEndedTurns,
  repairPauseFor,
  repairStepHeading,
  repairTurnsMomentFor,
  returnProposalFor,
} from './repair-guide.ts';

/** The state as `viewerId` receives it from the server: folded from the events they may see. */
function stateSeenBy(harness: RepairHarness, viewerId: string) {
  const visible = harness.log.flatMap((event) => {
    const seen = repairEventForViewer(harness.memberIds, event, viewerId);
    return seen === null || seen.type === 'hidden' ? [] : [seen];
  });
  return repairFold(visible);
}

test('each open stage is a numbered step of five; closed ones have their own heading', () => {
  assert.equal(repairStepHeading('settling'), 'Step 1 of 5: Settle on your own');
  assert.equal(repairStepHeading('agreeingTime'), 'Step 2 of 5: Agree a time to come back');
  assert.equal(repairStepHeading('comingBack'), 'Step 3 of 5: Come back together');
  assert.equal(repairStepHeading('turns'), 'Step 4 of 5: Take turns');
  assert.equal(repairStepHeading('nextStep'), 'Step 5 of 5: Choose one small next step');
  assert.equal(repairStepHeading('completed'), 'You found your way back');
  assert.equal(repairStepHeading('setAside'), 'Resting for now');
  for (const stage of REPAIR_STAGES) assert.ok(REPAIR_STAGE_SHORT[stage].length > 0);
});

test('stepping away is told to the others without saying who (R-V3)', () => {
  const harness = new RepairHarness().start();
  harness.accept('ben', { type: 'stepAway' });
  assert.equal(repairPauseFor(stateSeenBy(harness, 'ben'), 'ben'), 'me');
  assert.equal(repairPauseFor(stateSeenBy(harness, 'ana'), 'ana'), 'someoneElse');
  harness.accept('ben', { type: 'stepBack' });
  assert.equal(repairPauseFor(stateSeenBy(harness, 'ana'), 'ana'), 'none');
});

test('a suggested time reads from each side: mine waits for the other, theirs waits for me', () => {
  const harness = new RepairHarness().start().settleAll();
  const returnAtMs = harness.nowMs + 20 * 60_000;
  harness.accept('ana', { type: 'proposeReturnTime', returnAtMs });
  const forAna = returnProposalFor(stateSeenBy(harness, 'ana'), 'ana');
  const forBen = returnProposalFor(stateSeenBy(harness, 'ben'), 'ben');
  assert.deepEqual([forAna?.byMe, forAna?.iAgreed, forAna?.waitingFor], [true, true, ['ben']]);
  assert.deepEqual([forBen?.byMe, forBen?.iAgreed, forBen?.returnAtMs], [false, false, returnAtMs]);
});

test('coming back: the time has come only at the agreed time, and arrivals are counted', () => {
  const harness = new RepairHarness().start().settleAll().agreeTime(20 * 60_000);
  const state = stateSeenBy(harness, 'ana');
  const agreedAt = state.agreedReturn?.returnAtMs ?? 0;
  assert.equal(comingBackFor(state, 'ana', agreedAt - 1)?.timeHasCome, false);
  assert.equal(comingBackFor(state, 'ana', agreedAt)?.timeHasCome, true);
  harness.nowMs = harness.state.agreedReturn!.returnAtMs as typeof harness.nowMs;
  harness.accept('ben', { type: 'markHere' });
  assert.deepEqual(comingBackFor(stateSeenBy(harness, 'ana'), 'ana', agreedAt)?.waitingFor, ['ana']);
  assert.equal(comingBackFor(stateSeenBy(harness, 'ben'), 'ben', agreedAt)?.meHere, true);
});

test('in a turn the speaker writes and the other holds space, seeing none of the words in progress', () => {
  const harness = new RepairHarness().start().settleAll().agreeTime().arriveAll();
  harness.accept('ana', { type: 'beginTurn' });
  harness.accept('ana', { type: 'saveTurnWords', turnIndex: 0, felt: 'Alone', needed: 'A text' });
  const forAna = repairTurnsMomentFor(stateSeenBy(harness, 'ana'), 'ana');
  const forBen = repairTurnsMomentFor(stateSeenBy(harness, 'ben'), 'ben');
  assert.equal(forAna.kind, 'speaking');
  assert.equal(forBen.kind, 'holding');
  assert.deepEqual(forBen.turn.words, { felt: '', needed: '' });
});

test('after a turn the listener acknowledges, the speaker waits, then the floor is free for the next', () => {
  const harness = new RepairHarness().start().settleAll().agreeTime().arriveAll();
  harness.accept('ana', { type: 'beginTurn' });
  harness.accept('ana', { type: 'endTurn', turnIndex: 0, felt: 'Alone', needed: 'A text' });
  const forBen = repairTurnsMomentFor(stateSeenBy(harness, 'ben'), 'ben');
  assert.equal(forBen.kind, 'acknowledging');
  assert.deepEqual(forBen.turn.words, { felt: 'Alone', needed: 'A text' });
  assert.deepEqual(repairTurnsMomentFor(stateSeenBy(harness, 'ana'), 'ana'), {
    kind: 'waitingForAcknowledgement',
    turn: stateSeenBy(harness, 'ana').turns[0],
    waitingFor: ['ben'],
  });
  harness.accept('ben', { type: 'acknowledgeTurn', turnIndex: 0, words: 'I heard you.' });
  assert.deepEqual(repairTurnsMomentFor(stateSeenBy(harness, 'ben'), 'ben'), { kind: 'floorFree', mayTakeTurn: true, yetToSpeak: ['ben'] });
  assert.deepEqual(repairTurnsMomentFor(stateSeenBy(harness, 'ana'), 'ana'), { kind: 'floorFree', mayTakeTurn: false, yetToSpeak: ['ben'] });
  assert.equal(repairEndedTurns(stateSeenBy(harness, 'ben')).length, 1);
});

test('a suggested next step reads from each side', () => {
  const harness = RepairHarness.readyForNextStep();
  assert.equal(repairStage(harness.state), 'nextStep');
  harness.accept('ben', { type: 'proposeNextStep', text: 'A text when running late' });
  const forAna = nextStepProposalFor(stateSeenBy(harness, 'ana'), 'ana');
  assert.deepEqual([forAna?.text, forAna?.byMe, forAna?.iAgreed, forAna?.waitingFor], ['A text when running late', false, false, ['ana']]);
  assert.equal(nextStepProposalFor(stateSeenBy(harness, 'ben'), 'ben')?.byMe, true);
});
