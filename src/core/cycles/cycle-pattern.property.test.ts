import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ownMoveArb, sideArb } from './cycle-arbitraries.test-support.ts';
import {
  cyclePatternOf,
  personLeanCount,
  type CyclePattern,
  type PersonSide,
} from './cycle-pattern.ts';
import type { CycleSide, OwnMove } from './cycle-side.ts';

const personArb = (personId: string): fc.Arbitrary<PersonSide> =>
  sideArb().map((side) => ({ personId, side }));

/** The pattern with people named by role, so two patterns compare regardless of input order. */
function shapeOf(pattern: CyclePattern): string {
  if (pattern.kind === 'pursue-withdraw')
    return `${pattern.kind}:${pattern.pursuerId}>${pattern.withdrawerId}`;
  if (pattern.kind === 'unclear') return `${pattern.kind}:${pattern.reason}`;
  return pattern.kind;
}

const isClear = (pattern: CyclePattern): boolean => pattern.kind !== 'unclear';

function withOwnMove(person: PersonSide, move: OwnMove): PersonSide {
  const side: CycleSide = {
    ...person.side,
    moves: { ...person.side.moves, own: [...person.side.moves.own, move] },
  };
  return { ...person, side };
}

test('[CP3] swapping the two people never changes the pattern', () => {
  fc.assert(
    fc.property(personArb('a'), personArb('b'), (a, b) => {
      assert.equal(shapeOf(cyclePatternOf(a, b)), shapeOf(cyclePatternOf(b, a)));
    }),
  );
});

test('[CP2] in pursue-withdraw the pursuer leans toward and the withdrawer away', () => {
  fc.assert(
    fc.property(personArb('a'), personArb('b'), (a, b) => {
      const pattern = cyclePatternOf(a, b);
      if (pattern.kind !== 'pursue-withdraw') return;
      const byId = new Map([a, b].map((person) => [person.personId, personLeanCount(person)]));
      assert.equal(byId.get(pattern.pursuerId)?.lean, 'toward');
      assert.equal(byId.get(pattern.withdrawerId)?.lean, 'away');
    }),
  );
});

test('[CP4] a move in a person’s own lean never changes the pattern', () => {
  fc.assert(
    fc.property(personArb('a'), personArb('b'), ownMoveArb, fc.boolean(), (a, b, move, toFirst) => {
      const before = cyclePatternOf(a, b);
      const target = toFirst ? a : b;
      const lean = personLeanCount(target).lean;
      fc.pre(lean === 'toward' || lean === 'away');
      const added = withOwnMove(target, { ...move, lean: lean === 'toward' ? 'toward' : 'away' });
      const after = toFirst ? cyclePatternOf(added, b) : cyclePatternOf(a, added);
      assert.equal(shapeOf(after), shapeOf(before));
    }),
  );
});

test('[CP4] one added move never turns a clear pattern into a different clear one', () => {
  fc.assert(
    fc.property(personArb('a'), personArb('b'), ownMoveArb, fc.boolean(), (a, b, move, toFirst) => {
      const before = cyclePatternOf(a, b);
      const after = toFirst
        ? cyclePatternOf(withOwnMove(a, move), b)
        : cyclePatternOf(a, withOwnMove(b, move));
      if (isClear(before) && isClear(after)) assert.equal(shapeOf(after), shapeOf(before));
    }),
  );
});

test('[CP1] the pattern depends only on how many moves lean each way', () => {
  fc.assert(
    fc.property(personArb('a'), personArb('b'), (a, b) => {
      // Replacing every move by an own move of the same lean keeps the counts and so the pattern.
      const recount = (person: PersonSide): PersonSide => {
        const { toward, away } = personLeanCount(person);
        const own: OwnMove[] = [
          ...Array.from({ length: toward }, (_, index) => ({
            text: `reach ${String(index)}`,
            lean: 'toward' as const,
          })),
          ...Array.from({ length: away }, (_, index) => ({
            text: `step ${String(index)}`,
            lean: 'away' as const,
          })),
        ];
        return { ...person, side: { ...person.side, moves: { picked: [], own } } };
      };
      assert.equal(shapeOf(cyclePatternOf(recount(a), recount(b))), shapeOf(cyclePatternOf(a, b)));
    }),
  );
});
