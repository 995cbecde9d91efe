/**
 * Changes a person makes to their own side while filling it in: ticking a move, a feeling or a
 * longing from the catalogue, adding one in their own words (a move also says which way it
 * leans), and taking one out. Each change returns a new side; an entry that cannot be added
 * comes back as a sentence instead, checked by the same core rules the server uses.
 */
import {
  OWN_ENTRIES_MAX,
  ownEntryKey,
  ownEntrySchema,
  type CycleMoveId,
  type CycleSide,
  type FeelingId,
  type LongingId,
  type MoveLean,
  type PickOrAdd,
} from '../../core/cycles/index.ts';

/** The two lists of a side that hold catalogue picks and own words alike. */
export type SideWordList = 'feelingsUnderneath' | 'longings';

/** The id a list picks from. */
export type SideListId<L extends SideWordList> = L extends 'feelingsUnderneath'
  ? FeelingId
  : LongingId;

/** A change that worked, or why it did not. */
export type SideEdit =
  | { readonly ok: true; readonly side: CycleSide }
  | { readonly ok: false; readonly problem: string };

const picksWith = <Id extends string>(
  picked: readonly Id[],
  id: Id,
  on: boolean,
): readonly Id[] => {
  if (on) return picked.includes(id) ? picked : [...picked, id];
  return picked.filter((item) => item !== id);
};

/** The side with a catalogue move ticked (`on`) or unticked. */
export function sideMovePicked(side: CycleSide, moveId: CycleMoveId, on: boolean): CycleSide {
  return { ...side, moves: { ...side.moves, picked: picksWith(side.moves.picked, moveId, on) } };
}

/** The side with a feeling or longing from the catalogue ticked (`on`) or unticked. */
export function sideWordPicked<L extends SideWordList>(
  side: CycleSide,
  list: L,
  id: SideListId<L>,
  on: boolean,
): CycleSide {
  const current = side[list] as PickOrAdd<SideListId<L>>;
  return { ...side, [list]: { ...current, picked: picksWith(current.picked, id, on) } };
}

/** Why `text` cannot join a list already holding `existing` own entries, or null when it can. */
export function ownEntryProblem(text: string, existing: readonly string[]): string | null {
  const parsed = ownEntrySchema.safeParse(text);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'Write a few words.';
  if (existing.some((entry) => ownEntryKey(entry) === ownEntryKey(parsed.data))) {
    return 'That one is already on your list.';
  }
  if (existing.length >= OWN_ENTRIES_MAX) {
    return `You can add up to ${String(OWN_ENTRIES_MAX)} in your own words here. Take one out to add another.`;
  }
  return null;
}

/** The side with a move in the person's own words added, leaning the way they said. */
export function sideOwnMoveAdded(side: CycleSide, text: string, lean: MoveLean): SideEdit {
  const problem = ownEntryProblem(
    text,
    side.moves.own.map((own) => own.text),
  );
  if (problem !== null) return { ok: false, problem };
  return {
    ok: true,
    side: {
      ...side,
      moves: { ...side.moves, own: [...side.moves.own, { text: text.trim(), lean }] },
    },
  };
}

/** The side with a feeling or longing in the person's own words added. */
export function sideOwnWordAdded(side: CycleSide, list: SideWordList, text: string): SideEdit {
  const problem = ownEntryProblem(text, side[list].own);
  if (problem !== null) return { ok: false, problem };
  return {
    ok: true,
    side: { ...side, [list]: { ...side[list], own: [...side[list].own, text.trim()] } },
  };
}

/** The side without the own move at `index`. */
export function sideOwnMoveRemoved(side: CycleSide, index: number): CycleSide {
  return { ...side, moves: { ...side.moves, own: side.moves.own.filter((_, at) => at !== index) } };
}

/** The side without the own feeling or longing at `index`. */
export function sideOwnWordRemoved(side: CycleSide, list: SideWordList, index: number): CycleSide {
  return {
    ...side,
    [list]: { ...side[list], own: side[list].own.filter((_, at) => at !== index) },
  };
}

/** Whether two sides say the same thing (so an unchanged side is not saved again). */
export function cycleSidesSame(a: CycleSide, b: CycleSide): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
