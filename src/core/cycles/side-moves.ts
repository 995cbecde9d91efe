/**
 * A side's moves resolved into one list, catalogue picks and own words alike, so the pattern,
 * the description and the loop diagram all read the moves the same way.
 */
import type { CycleSide } from './cycle-side.ts';
import { CYCLE_MOVES, type CycleMoveId, type MoveLean } from './moves.ts';

/** One move a person named, whether picked from the catalogue or written in their own words. */
export interface NamedMove {
  readonly lean: MoveLean;
  /** The catalogue phrase ("goes quiet") or the person's own words as they wrote them. */
  readonly text: string;
  /** The catalogue id, or null for a move in the person's own words. */
  readonly moveId: CycleMoveId | null;
}

/** Every move on a side, picks first in the order chosen, then the person's own. */
export function sideMovesNamed(side: CycleSide): readonly NamedMove[] {
  return [
    ...side.moves.picked.map((id): NamedMove => {
      const definition = CYCLE_MOVES[id];
      return { lean: definition.lean, text: definition.phrase, moveId: id };
    }),
    ...side.moves.own.map((own): NamedMove => ({ lean: own.lean, text: own.text, moveId: null })),
  ];
}

/** How many of a side's moves lean each way. */
export function sideMoveCounts(side: CycleSide): Readonly<Record<MoveLean, number>> {
  const moves = sideMovesNamed(side);
  return {
    toward: moves.filter((named) => named.lean === 'toward').length,
    away: moves.filter((named) => named.lean === 'away').length,
  };
}

/**
 * The move that stands for a side in a sentence or on the loop: the first one leaning `lean`
 * (the way the person mostly moves), else their first move, else null when they named none.
 */
export function sideKeyMove(side: CycleSide, lean: MoveLean | null): NamedMove | null {
  const moves = sideMovesNamed(side);
  return moves.find((named) => named.lean === lean) ?? moves[0] ?? null;
}

/** A side's moves with the ones leaning `lean` first, keeping the person's order within each. */
export function sideMovesLeaningFirst(
  side: CycleSide,
  lean: MoveLean | null,
): readonly NamedMove[] {
  const moves = sideMovesNamed(side);
  return [
    ...moves.filter((named) => named.lean === lean),
    ...moves.filter((named) => named.lean !== lean),
  ];
}
