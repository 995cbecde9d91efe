import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RepairHarness } from './repair-harness.test-support.ts';
import { repairOpenTurn, repairStage } from './repair-queries.ts';
import { REPAIR_REJECTION_CODES as R } from './repair-rejection.ts';
import { repairFold } from './repair-state.ts';

const MINUTE_MS = 60_000;
const BEGIN = { type: 'beginTurn' };
const AWAY = { type: 'stepAway' };
const BACK = { type: 'stepBack' };

function typesOf(events: readonly { type: string }[]): string[] {
  return events.map((event) => event.type);
}

describe('turns', () => {
  test('[R8] one speaks while the other holds space and cannot write; the speaker ends the turn', () => {
    const harness = new RepairHarness().start().settleAll().agreeTime().arriveAll();
    harness.accept('ana', BEGIN);
    assert.deepEqual(harness.accept('ana', BEGIN), []);
    harness.reject('ben', BEGIN, R.floorTaken);
    harness.accept('ana', { type: 'saveTurnWords', turnIndex: 0, felt: 'Alone at dinner.' });
    const message = harness.reject(
      'ben',
      { type: 'saveTurnWords', turnIndex: 0, felt: 'But I was working.' },
      R.holdingSpace,
    );
    assert.match(message, /holding space/);
    harness.reject('ben', { type: 'endTurn', turnIndex: 0 }, R.holdingSpace);
    harness.reject('ben', { type: 'acknowledgeTurn', turnIndex: 0 }, R.turnStillOpen);
    harness.accept('ana', {
      type: 'saveTurnWords',
      turnIndex: 0,
      felt: 'Alone at dinner.',
      needed: 'A text.',
    });
    const [ended] = harness.accept('ana', { type: 'endTurn', turnIndex: 0 });
    assert.ok(ended?.type === 'turnEnded');
    assert.deepEqual(
      { felt: ended.felt, needed: ended.needed },
      { felt: 'Alone at dinner.', needed: 'A text.' },
    );
    assert.equal(repairOpenTurn(harness.state), null);
  });

  test('[R8] each listener acknowledges before the next turn; the speaker cannot acknowledge their own', () => {
    const harness = new RepairHarness(['ana', 'ben', 'cal'])
      .start()
      .settleAll()
      .agreeTime()
      .arriveAll();
    harness.accept('ben', BEGIN);
    harness.accept('ben', { type: 'endTurn', turnIndex: 0, felt: 'Tired.', needed: 'Rest.' });
    harness.reject('ben', { type: 'acknowledgeTurn', turnIndex: 0 }, R.ownTurn);
    harness.reject('ben', BEGIN, R.alreadySpoke);
    harness.accept('ana', { type: 'acknowledgeTurn', turnIndex: 0, words: 'You were worn out.' });
    assert.deepEqual(harness.accept('ana', { type: 'acknowledgeTurn', turnIndex: 0 }), []);
    const message = harness.reject('ana', BEGIN, R.acknowledgementsPending);
    assert.match(message, /heard the last one/);
    harness.accept('cal', { type: 'acknowledgeTurn', turnIndex: 0 });
    harness.accept('ana', BEGIN);
    assert.equal(harness.state.turns[0]?.acknowledgements.ana?.words, 'You were worn out.');
  });

  test('[R8] passing is allowed: a turn may end with no words', () => {
    const harness = new RepairHarness().start().settleAll().agreeTime().arriveAll();
    harness.accept('ben', BEGIN);
    harness.accept('ben', { type: 'endTurn', turnIndex: 0 });
    assert.deepEqual(harness.state.turns[0]?.words, { felt: '', needed: '' });
  });

  test('[R8] words for a turn that has ended or never began are turned down, and say so', () => {
    const harness = new RepairHarness().start().settleAll().agreeTime().arriveAll();
    harness.reject('ana', { type: 'saveTurnWords', turnIndex: 0, felt: 'x' }, R.noOpenTurn);
    harness.reject('ana', { type: 'acknowledgeTurn', turnIndex: 0 }, R.noOpenTurn);
    harness.turn('ana');
    harness.reject('ana', { type: 'saveTurnWords', turnIndex: 0, felt: 'more' }, R.turnMovedOn);
    harness.accept('ben', BEGIN);
    harness.reject('ben', { type: 'saveTurnWords', turnIndex: 0, felt: 'x' }, R.turnMovedOn);
  });

  test('[R9] a next step waits until everyone has been heard', () => {
    const harness = new RepairHarness().start().settleAll().agreeTime().arriveAll().turn('ana');
    harness.reject('ben', { type: 'proposeNextStep', text: 'A walk together.' }, R.turnsUnfinished);
  });
});

describe('the next step', () => {
  test('[R9] one suggests, another edits, the first agrees to the edit, and the repair is complete', () => {
    const harness = RepairHarness.readyForNextStep();
    assert.equal(repairStage(harness.state), 'nextStep');
    const first = harness.nextCommandId();
    harness.accept('ana', { type: 'proposeNextStep', text: 'Text when running late.' });
    const edit = harness.nextCommandId();
    harness.accept('ben', {
      type: 'proposeNextStep',
      text: 'Text when running late, even a word.',
    });
    harness.reject('ben', { type: 'agreeNextStep', proposalId: edit }, R.ownProposal);
    harness.reject('ana', { type: 'agreeNextStep', proposalId: first }, R.proposalMovedOn);
    const events = harness.accept('ana', { type: 'agreeNextStep', proposalId: edit });
    assert.deepEqual(typesOf(events), ['nextStepAccepted', 'repairCompleted']);
    assert.equal(harness.state.status, 'completed');
    assert.equal(harness.state.nextStep, 'Text when running late, even a word.');
    assert.equal(repairStage(harness.state), 'completed');
  });

  test('[R9] agreeing needs a suggestion', () => {
    const harness = RepairHarness.readyForNextStep();
    harness.reject('ana', { type: 'agreeNextStep', proposalId: 'command-9999' }, R.noProposal);
  });
});

describe('not now, and closing', () => {
  test('[R10] anyone steps away at any stage, no reason asked; nothing moves on together until they step back', () => {
    const harness = RepairHarness.readyForNextStep();
    harness.accept('ben', AWAY);
    assert.deepEqual(harness.accept('ben', AWAY), []);
    const toOthers = harness.reject(
      'ana',
      { type: 'proposeNextStep', text: 'A walk.' },
      R.someoneAway,
    );
    assert.match(toOthers, /Everything said is kept/);
    const toThem = harness.reject(
      'ben',
      { type: 'proposeNextStep', text: 'A walk.' },
      R.someoneAway,
    );
    assert.match(toThem, /You stepped away/);
    harness.reject('ana', BACK, R.notAway);
    harness.advance(10 * MINUTE_MS);
    const [back] = harness.accept('ben', BACK);
    assert.deepEqual(back, {
      type: 'steppedBack',
      personId: 'ben',
      awayForMs: 10 * MINUTE_MS,
      atMs: harness.nowMs,
    });
    harness.accept('ana', { type: 'proposeNextStep', text: 'A walk.' });
  });

  test('[R10] a speaker can keep saving their draft while someone has stepped away, but not hand it over', () => {
    const harness = new RepairHarness().start().settleAll().agreeTime().arriveAll();
    harness.accept('ana', BEGIN);
    harness.accept('ben', AWAY);
    harness.accept('ana', { type: 'saveTurnWords', turnIndex: 0, felt: 'Still writing.' });
    harness.reject('ana', { type: 'endTurn', turnIndex: 0 }, R.someoneAway);
    harness.accept('ben', BACK);
    harness.accept('ana', { type: 'endTurn', turnIndex: 0 });
    assert.equal(harness.state.turns[0]?.words.felt, 'Still writing.');
  });

  test('[R13] anyone may set a repair aside; what was said is kept and only history choices remain', () => {
    const harness = new RepairHarness()
      .start()
      .settleAll()
      .agreeTime()
      .arriveAll()
      .turn('ana', 'Hurt.', 'Time.');
    harness.accept('ben', { type: 'setAside' });
    assert.equal(harness.state.status, 'setAside');
    assert.equal(harness.state.turns[0]?.words.felt, 'Hurt.');
    harness.reject('ana', BEGIN, R.repairClosed);
    harness.reject('ana', AWAY, R.repairClosed);
    harness.accept('ana', { type: 'setHistoryChoice', keep: true });
  });

  test('[R13] a completed repair accepts only history choices', () => {
    const harness = RepairHarness.readyForNextStep();
    const proposalId = harness.nextCommandId();
    harness.accept('ana', { type: 'proposeNextStep', text: 'A walk on Sunday.' });
    harness.accept('ben', { type: 'agreeNextStep', proposalId });
    const message = harness.reject('ben', { type: 'setAside' }, R.repairClosed);
    assert.match(message, /complete/);
    harness.accept('ben', { type: 'setHistoryChoice', keep: true });
    assert.deepEqual(harness.accept('ben', { type: 'setHistoryChoice', keep: true }), []);
    harness.accept('ben', { type: 'setHistoryChoice', keep: false });
    assert.equal(harness.state.historyChoices.ben, false);
  });

  test('the state is the fold of the log', () => {
    const harness = RepairHarness.readyForNextStep(['ana', 'ben', 'cal']);
    assert.deepEqual(repairFold(harness.log), harness.state);
  });
});
