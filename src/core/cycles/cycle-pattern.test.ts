import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sideWithMoves } from './cycle-arbitraries.test-support.ts';
import {
  CYCLE_PATTERN_KINDS,
  CYCLE_PATTERN_NAMES,
  cyclePatternOf,
  personLeanOf,
} from './cycle-pattern.ts';
import { EMPTY_CYCLE_SIDE, type CycleSide } from './cycle-side.ts';

const person = (personId: string, side: CycleSide) => ({ personId, side });

void describe('cyclePatternOf', () => {
  void test('[CP1] a lean is the side holding more than half of the moves', () => {
    assert.equal(personLeanOf({ toward: 0, away: 0 }), 'none');
    assert.equal(personLeanOf({ toward: 1, away: 0 }), 'toward');
    assert.equal(personLeanOf({ toward: 2, away: 1 }), 'toward');
    assert.equal(personLeanOf({ toward: 2, away: 2 }), 'mixed');
    assert.equal(personLeanOf({ toward: 0, away: 3 }), 'away');
  });

  void test('[CP2] one reaching and one stepping back is pursue-withdraw, naming who pursues', () => {
    const pattern = cyclePatternOf(
      person('eli', sideWithMoves(['going-quiet', 'leaving-the-room'])),
      person('noor', sideWithMoves(['criticising', 'getting-louder', 'going-quiet'])),
    );
    assert.equal(pattern.kind, 'pursue-withdraw');
    assert.equal(pattern.pursuerId, 'noor');
    assert.equal(pattern.withdrawerId, 'eli');
    assert.deepEqual(
      pattern.leans.map((lean) => [lean.personId, lean.toward, lean.away, lean.lean]),
      [
        ['eli', 0, 2, 'away'],
        ['noor', 2, 1, 'toward'],
      ],
    );
  });

  void test('[CP2] both reaching, and both stepping back, are named as such', () => {
    assert.equal(
      cyclePatternOf(
        person('a', sideWithMoves(['criticising'])),
        person('b', sideWithMoves(['complaining'])),
      ).kind,
      'both-pursue',
    );
    assert.equal(
      cyclePatternOf(
        person('a', sideWithMoves(['going-quiet'])),
        person('b', sideWithMoves(['keeping-busy'])),
      ).kind,
      'both-withdraw',
    );
  });

  void test('[CP2] own moves count by the way their author said they lean', () => {
    const ownAway: CycleSide = {
      ...EMPTY_CYCLE_SIDE,
      moves: { picked: [], own: [{ text: 'I put my headphones on', lean: 'away' }] },
    };
    const pattern = cyclePatternOf(
      person('a', sideWithMoves(['criticising'])),
      person('b', ownAway),
    );
    assert.equal(pattern.kind, 'pursue-withdraw');
  });

  void test('[CP2] an even split or a missing side is unclear, and says which', () => {
    const even = cyclePatternOf(
      person('a', sideWithMoves(['criticising', 'going-quiet'])),
      person('b', sideWithMoves(['going-quiet'])),
    );
    assert.deepEqual(
      [even.kind, even.kind === 'unclear' ? even.reason : null],
      ['unclear', 'mixed'],
    );
    const empty = cyclePatternOf(
      person('a', sideWithMoves(['criticising'])),
      person('b', EMPTY_CYCLE_SIDE),
    );
    assert.deepEqual(
      [empty.kind, empty.kind === 'unclear' ? empty.reason : null],
      ['unclear', 'too-little'],
    );
  });

  void test('every pattern has a plain title and a note', () => {
    for (const kind of CYCLE_PATTERN_KINDS) {
      assert.ok(CYCLE_PATTERN_NAMES[kind].title.length > 0);
      assert.ok(CYCLE_PATTERN_NAMES[kind].usualTerm.endsWith('.'));
    }
  });
});
