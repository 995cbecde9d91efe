/**
 * Naming the pattern from the two sides' moves. The rule, in full:
 *
 * 1. A person leans `toward` when more than half of the moves they named reach toward the other,
 *    `away` when more than half step away, `mixed` when it is exactly even, and `none` when they
 *    named no move at all.
 * 2. One toward and one away is `pursue-withdraw`, and the person leaning toward is the one who
 *    pursues. Both toward is `both-pursue`; both away is `both-withdraw`.
 * 3. Anything else is `unclear`: `too-little` when someone named no move, otherwise `mixed`.
 *
 * Why a plain majority: it is a rule people can check by counting their own picks. It also means
 * one added move can at most tip a lean into `mixed`, never straight to the other side, so a
 * clear pattern never flips to a different clear pattern on a single change.
 */
import type { CycleSide } from './cycle-side.ts';
import { sideMoveCounts } from './side-moves.ts';

/** The patterns Attune can name, and `unclear` when the moves do not show one yet. */
export const CYCLE_PATTERN_KINDS = [
  'pursue-withdraw',
  'both-pursue',
  'both-withdraw',
  'unclear',
] as const;

/** One pattern kind. */
export type CyclePatternKind = (typeof CYCLE_PATTERN_KINDS)[number];

/** Which way one person mostly moves, by rule 1. */
export type PersonLean = 'toward' | 'away' | 'mixed' | 'none';

/** One person's lean and the counts it came from, so a screen can show the working. */
export interface PersonLeanCount {
  readonly personId: string;
  readonly toward: number;
  readonly away: number;
  readonly lean: PersonLean;
}

/** The pattern of one cycle, with both people's leans in the order they were given. */
export type CyclePattern =
  | {
      readonly kind: 'pursue-withdraw';
      readonly pursuerId: string;
      readonly withdrawerId: string;
      readonly leans: readonly [PersonLeanCount, PersonLeanCount];
    }
  | { readonly kind: 'both-pursue'; readonly leans: readonly [PersonLeanCount, PersonLeanCount] }
  | { readonly kind: 'both-withdraw'; readonly leans: readonly [PersonLeanCount, PersonLeanCount] }
  | {
      readonly kind: 'unclear';
      readonly reason: 'too-little' | 'mixed';
      readonly leans: readonly [PersonLeanCount, PersonLeanCount];
    };

/** One person and their side, as the pattern reads them. */
export interface PersonSide {
  readonly personId: string;
  readonly side: CycleSide;
}

/** Rule 1: which way a person mostly moves. */
export function personLeanOf(counts: {
  readonly toward: number;
  readonly away: number;
}): PersonLean {
  if (counts.toward === 0 && counts.away === 0) return 'none';
  if (counts.toward > counts.away) return 'toward';
  if (counts.away > counts.toward) return 'away';
  return 'mixed';
}

/** One person's lean and its counts. */
export function personLeanCount(person: PersonSide): PersonLeanCount {
  const counts = sideMoveCounts(person.side);
  return { personId: person.personId, ...counts, lean: personLeanOf(counts) };
}

/** Rules 2 and 3: the pattern two people's moves make together. */
export function cyclePatternOf(first: PersonSide, second: PersonSide): CyclePattern {
  const leans = [personLeanCount(first), personLeanCount(second)] as const;
  const [a, b] = leans;
  if (a.lean === 'toward' && b.lean === 'away') {
    return { kind: 'pursue-withdraw', pursuerId: a.personId, withdrawerId: b.personId, leans };
  }
  if (a.lean === 'away' && b.lean === 'toward') {
    return { kind: 'pursue-withdraw', pursuerId: b.personId, withdrawerId: a.personId, leans };
  }
  if (a.lean === 'toward' && b.lean === 'toward') return { kind: 'both-pursue', leans };
  if (a.lean === 'away' && b.lean === 'away') return { kind: 'both-withdraw', leans };
  const reason = a.lean === 'none' || b.lean === 'none' ? 'too-little' : 'mixed';
  return { kind: 'unclear', reason, leans };
}

/** Each pattern in plain words: a short name, and the usual term for those who know it. */
export const CYCLE_PATTERN_NAMES: Readonly<
  Record<CyclePatternKind, { readonly title: string; readonly usualTerm: string }>
> = {
  'pursue-withdraw': {
    title: 'One reaches, one steps back',
    usualTerm: 'Often called a pursue and withdraw cycle.',
  },
  'both-pursue': {
    title: 'Both reach hard',
    usualTerm: 'Often called a pursue and pursue cycle.',
  },
  'both-withdraw': {
    title: 'Both step back',
    usualTerm: 'Often called a withdraw and withdraw cycle.',
  },
  unclear: {
    title: 'A loop still taking shape',
    usualTerm: 'The moves do not show one clear pattern yet.',
  },
};
