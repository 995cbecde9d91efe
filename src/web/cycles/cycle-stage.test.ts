import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EMPTY_CYCLE_SIDE, ELI_SIDE, NOOR_SIDE } from '../../core/cycles/index.ts';
import type { ReceivedCycleMap } from './cycle-api.ts';
import {
  cycleChangeAnnouncement,
  cycleStageOf,
  cycleStageSummary,
  theirSideWords,
} from './cycle-stage.ts';

function map(changes: {
  mine?: Partial<ReceivedCycleMap['mine']>;
  theirs?: Partial<ReceivedCycleMap['theirs']>;
  status?: ReceivedCycleMap['status'];
  name?: string | null;
}): ReceivedCycleMap {
  return {
    status: changes.status ?? 'drafting',
    mapId: 'map-1',
    mine: { personId: 'noor', side: NOOR_SIDE, done: false, readyToLook: false, ...changes.mine },
    theirs: { personId: 'eli', side: null, done: false, readyToLook: false, ...changes.theirs },
    canChooseToLook: false,
    name: changes.name ?? null,
    plan: null,
  };
}

test('the stages follow the map from my side', () => {
  assert.equal(cycleStageOf(null), 'not-started');
  assert.equal(cycleStageOf(map({})), 'filling');
  assert.equal(
    cycleStageOf(map({ theirs: { done: true } })),
    'filling',
    'their being done does not hurry me along',
  );
  assert.equal(cycleStageOf(map({ mine: { done: true } })), 'waiting-for-them');
  assert.equal(
    cycleStageOf(map({ mine: { done: true }, theirs: { done: true } })),
    'choose-to-look',
  );
  assert.equal(
    cycleStageOf(map({ mine: { done: true, readyToLook: true }, theirs: { done: true } })),
    'waiting-to-look',
  );
  assert.equal(cycleStageOf(map({ status: 'revealed', theirs: { side: ELI_SIDE } })), 'revealed');
});

test('words about the other side use only "done" and "ready to look"', () => {
  assert.equal(
    theirSideWords(map({}), 'Eli'),
    'Eli’s side is not marked done yet. There is no hurry.',
  );
  assert.equal(theirSideWords(map({ theirs: { done: true } }), 'Eli'), 'Eli’s side is done.');
  assert.match(
    theirSideWords(map({ theirs: { done: true, readyToLook: true } }), 'Eli'),
    /ready to look together/,
  );
  // With or without a draft of mine, the words about them are the same: they never depend on content.
  assert.equal(
    theirSideWords(map({ mine: { side: EMPTY_CYCLE_SIDE } }), 'Eli'),
    theirSideWords(map({}), 'Eli'),
  );
});

test('the summary for the relationship’s home names the cycle once it has a name', () => {
  assert.match(cycleStageSummary(null, 'Eli'), /Not started/);
  assert.match(
    cycleStageSummary(map({ status: 'revealed', name: 'The cold-dinner loop' }), 'Eli'),
    /“The cold-dinner loop”/,
  );
  assert.match(
    cycleStageSummary(
      map({ mine: { done: true }, theirs: { done: true, readyToLook: true } }),
      'Eli',
    ),
    /Eli is ready to look whenever you are/,
  );
});

test('what the other person did is announced from the shared facts only', () => {
  const before = map({});
  assert.equal(
    cycleChangeAnnouncement(before, map({ theirs: { done: true } }), 'Eli'),
    'Eli marked their side done.',
  );
  assert.equal(
    cycleChangeAnnouncement(
      map({ theirs: { done: true } }),
      map({ theirs: { done: true, readyToLook: true } }),
      'Eli',
    ),
    'Eli is ready to look together.',
  );
  assert.equal(
    cycleChangeAnnouncement(before, map({ status: 'revealed', theirs: { side: ELI_SIDE } }), 'Eli'),
    'Both sides are open now.',
  );
  assert.equal(
    cycleChangeAnnouncement(before, map({ mine: { side: EMPTY_CYCLE_SIDE } }), 'Eli'),
    null,
    'my own typing is not news',
  );
  assert.equal(cycleChangeAnnouncement(null, before, 'Eli'), null, 'the first look is not news');
});
