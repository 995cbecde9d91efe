import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  EMPTY_CYCLE_SIDE,
  SIDE_NEEDS_A_MOVE_MESSAGE,
  SIDE_TEXT_MAX_CHARS,
  cycleSideParse,
  cycleSideReadinessProblem,
} from './cycle-side.ts';
import { OWN_ENTRIES_MAX, OWN_ENTRY_MAX_CHARS } from './pick-or-add.ts';
import { CYCLE_MOVE_IDS, CYCLE_MOVES, cycleMovesLeaning } from './moves.ts';
import { FEELING_IDS } from './feelings.ts';
import { LONGING_IDS } from './longings.ts';

function parsed(raw: unknown) {
  const result = cycleSideParse(raw);
  if (!result.ok) throw new Error(result.message);
  return result.side;
}

void describe('the catalogues', () => {
  void test('offer the moves the cycle is built from, each with one lean', () => {
    for (const id of [
      'criticising',
      'demanding-change',
      'following-to-keep-talking',
      'getting-louder',
      'pushing-for-an-answer',
    ]) {
      assert.equal(CYCLE_MOVES[id as keyof typeof CYCLE_MOVES].lean, 'toward', id);
    }
    for (const id of [
      'going-quiet',
      'defending',
      'leaving-the-room',
      'shutting-down',
      'keeping-busy',
    ]) {
      assert.equal(CYCLE_MOVES[id as keyof typeof CYCLE_MOVES].lean, 'away', id);
    }
    assert.equal(
      cycleMovesLeaning('toward').length + cycleMovesLeaning('away').length,
      CYCLE_MOVE_IDS.length,
    );
    assert.ok(cycleMovesLeaning('toward').length >= 5 && cycleMovesLeaning('away').length >= 5);
  });

  void test('offer the longings and feelings people most often name', () => {
    for (const id of [
      'to-matter',
      'to-be-seen',
      'to-be-accepted',
      'to-feel-safe',
      'to-be-close',
      'to-be-trusted',
    ]) {
      assert.ok((LONGING_IDS as readonly string[]).includes(id), id);
    }
    for (const id of ['hurt', 'alone', 'afraid', 'not-good-enough', 'overwhelmed']) {
      assert.ok((FEELING_IDS as readonly string[]).includes(id), id);
    }
  });

  void test('keep every label distinct, so no two picks look the same', () => {
    const labels = Object.values(CYCLE_MOVES).map((move) => move.label.toLowerCase());
    assert.equal(new Set(labels).size, labels.length);
  });
});

void describe('cycleSideParse', () => {
  void test('an empty object is an empty side: every part may start open', () => {
    assert.deepEqual(parsed({}), EMPTY_CYCLE_SIDE);
  });

  void test('trims text and drops repeated picks and own entries quietly', () => {
    const side = parsed({
      setsItOff: '  late again  ',
      moves: {
        picked: ['going-quiet', 'going-quiet', 'defending'],
        own: [
          { text: ' I sigh ', lean: 'away' },
          { text: 'i  SIGH', lean: 'toward' },
        ],
      },
      feelingsUnderneath: { own: ['tired', 'Tired'] },
    });
    assert.equal(side.setsItOff, 'late again');
    assert.deepEqual(side.moves.picked, ['going-quiet', 'defending']);
    assert.deepEqual(side.moves.own, [{ text: 'I sigh', lean: 'away' }]);
    assert.deepEqual(side.feelingsUnderneath.own, ['tired']);
  });

  void test('keeps text to its bounds, with the bound in the message', () => {
    assert.ok(cycleSideParse({ storyAboutOther: 'y'.repeat(SIDE_TEXT_MAX_CHARS) }).ok);
    const long = cycleSideParse({ storyAboutOther: 'y'.repeat(SIDE_TEXT_MAX_CHARS + 1) });
    assert.deepEqual(long, {
      ok: false,
      message: 'Keep what you tell yourself about them to 300 characters, a sentence or two.',
    });
    assert.ok(cycleSideParse({ setsItOff: 'first line\nsecond line' }).ok, 'a few lines are fine');
    assert.ok(cycleSideParse({ longings: { own: ['z'.repeat(OWN_ENTRY_MAX_CHARS)] } }).ok);
    assert.equal(
      cycleSideParse({ longings: { own: ['z'.repeat(OWN_ENTRY_MAX_CHARS + 1)] } }).ok,
      false,
    );
    const many = Array.from(
      { length: OWN_ENTRIES_MAX + 1 },
      (_, index) => `longing ${String(index)}`,
    );
    assert.deepEqual(cycleSideParse({ longings: { own: many } }), {
      ok: false,
      message: 'Add up to 6 longings in your own words.',
    });
  });

  void test('asks which way an own move leans rather than guessing', () => {
    assert.deepEqual(cycleSideParse({ moves: { own: [{ text: 'I sigh' }] } }), {
      ok: false,
      message:
        'For each move in your own words, choose whether it takes you toward them or away from them.',
    });
  });
});

void describe('cycleSideReadinessProblem', () => {
  void test('[CM4] a side needs one move, picked or own; everything else may stay open', () => {
    assert.equal(cycleSideReadinessProblem(EMPTY_CYCLE_SIDE), SIDE_NEEDS_A_MOVE_MESSAGE);
    assert.equal(cycleSideReadinessProblem(parsed({ moves: { picked: ['going-quiet'] } })), null);
    assert.equal(
      cycleSideReadinessProblem(parsed({ moves: { own: [{ text: 'I sigh', lean: 'away' }] } })),
      null,
    );
  });
});
