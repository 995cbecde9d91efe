/**
 * One person's side of a cycle map: what tends to set it off, what they do when it starts, what
 * they tell themselves about the other person then, what they feel underneath and what they long
 * for. Each person fills in their own side privately; every part may stay open except the moves,
 * which the pattern and the loop are drawn from.
 */
import { z } from 'zod';
import { FEELING_IDS, type FeelingId } from './feelings.ts';
import { LONGING_IDS, type LongingId } from './longings.ts';
import { CYCLE_MOVE_IDS, MOVE_LEANS, type CycleMoveId, type MoveLean } from './moves.ts';
import {
  ownEntriesSchema,
  ownEntryKey,
  ownEntrySchema,
  pickedIdsSchema,
  pickOrAddCount,
  pickOrAddSchema,
  type PickOrAdd,
} from './pick-or-add.ts';

/** Longest free text on a side (what sets it off, what I tell myself): a sentence or two. */
export const SIDE_TEXT_MAX_CHARS = 300;

/** A move in a person's own words, with the way they said it leans. */
export interface OwnMove {
  readonly text: string;
  readonly lean: MoveLean;
}

/** The moves a person named: picks from the catalogue and their own. */
export interface SideMoves {
  readonly picked: readonly CycleMoveId[];
  readonly own: readonly OwnMove[];
}

/** One person's side of the cycle. */
export interface CycleSide {
  /** What tends to set it off, in their words. */
  readonly setsItOff: string;
  readonly moves: SideMoves;
  /** What they tell themselves about the other person when it starts, in their words. */
  readonly storyAboutOther: string;
  readonly feelingsUnderneath: PickOrAdd<FeelingId>;
  readonly longings: PickOrAdd<LongingId>;
}

/** A side with nothing filled in yet. */
export const EMPTY_CYCLE_SIDE: CycleSide = {
  setsItOff: '',
  moves: { picked: [], own: [] },
  storyAboutOther: '',
  feelingsUnderneath: { picked: [], own: [] },
  longings: { picked: [], own: [] },
};

/** The question and a gentle hint for each part of a side, in the order they are asked. */
export const CYCLE_SIDE_PROMPTS: Readonly<
  Record<keyof CycleSide, { readonly question: string; readonly hint: string }>
> = {
  setsItOff: {
    question: 'What tends to set it off?',
    hint: 'A moment, a look, a time of day. A few words are enough.',
  },
  moves: {
    question: 'What do you tend to do when it starts?',
    hint: 'Pick any that fit, and add your own. Every move here is a way of protecting something.',
  },
  storyAboutOther: {
    question: 'What do you tell yourself about them, right then?',
    hint: 'The thought that flashes up, even if you know it is not the whole story.',
  },
  feelingsUnderneath: {
    question: 'What do you feel underneath?',
    hint: 'Often softer than what shows on the outside. Pick any that fit, or add your own.',
  },
  longings: {
    question: 'What do you long for in that moment?',
    hint: 'What you most wish they could see that you need.',
  },
};

/** Said beside the form, so nobody wonders who can read it. */
export const CYCLE_SIDE_PRIVACY_NOTE =
  'Only you can see your side. Nothing is shown to the other person until you both choose to look together.';

// Text on a side may run over a few lines, but carries no other control characters.
// eslint-disable-next-line no-control-regex
const TEXT_WITHOUT_CONTROLS = /^[^\u0000-\u0008\u000b-\u001f\u007f]*$/;

function sideTextSchema(what: string) {
  return z
    .string({ error: `Write ${what} as text.` })
    .trim()
    .max(SIDE_TEXT_MAX_CHARS, {
      error: `Keep ${what} to ${String(SIDE_TEXT_MAX_CHARS)} characters, a sentence or two.`,
    })
    .regex(TEXT_WITHOUT_CONTROLS, {
      error: `Write ${what} with ordinary letters and punctuation.`,
    })
    .default('');
}

/** A move in a person's own words: the text, and which way it leans (they are asked). */
export const ownMoveSchema = z.strictObject(
  {
    text: ownEntrySchema,
    lean: z.enum(MOVE_LEANS, {
      error:
        'For each move in your own words, choose whether it takes you toward them or away from them.',
    }),
  },
  {
    error:
      'A move in your own words could not be read. Write it again, and choose which way it leans.',
  },
);

const MOVES_WORDING = { things: 'moves' } as const;

/** A side as a person saves it; any part left out starts empty. */
export const cycleSideSchema = z.strictObject(
  {
    setsItOff: sideTextSchema('what tends to set it off'),
    moves: z
      .strictObject(
        {
          picked: pickedIdsSchema(CYCLE_MOVE_IDS, MOVES_WORDING),
          own: ownEntriesSchema(ownMoveSchema, (own) => ownEntryKey(own.text), MOVES_WORDING),
        },
        { error: 'The moves could not be read. Try choosing them again.' },
      )
      .prefault({}),
    storyAboutOther: sideTextSchema('what you tell yourself about them'),
    feelingsUnderneath: pickOrAddSchema(FEELING_IDS, { things: 'feelings' }),
    longings: pickOrAddSchema(LONGING_IDS, { things: 'longings' }),
  },
  { error: 'Your side could not be read. Try saving it again.' },
);

/** Shown if a side is refused without its own sentence (a safety net; should not happen). */
const FALLBACK_SIDE_MESSAGE = 'Part of your side could not be saved. Check it and try again.';

/** The outcome of reading a side: the side, or a sentence to act on. */
export type CycleSideParseResult =
  | { readonly ok: true; readonly side: CycleSide }
  | { readonly ok: false; readonly message: string };

/** Reads a side as a person saved it, filling in empty parts; a refusal names the first problem. */
export function cycleSideParse(raw: unknown): CycleSideParseResult {
  const result = cycleSideSchema.safeParse(raw);
  if (result.success) return { ok: true, side: result.data };
  return { ok: false, message: result.error.issues[0]?.message ?? FALLBACK_SIDE_MESSAGE };
}

/** How many moves a side names, picked and own together. */
export function cycleSideMoveCount(side: CycleSide): number {
  return pickOrAddCount(side.moves);
}

/** Shown when someone marks a side done before naming any move. */
export const SIDE_NEEDS_A_MOVE_MESSAGE =
  'Add at least one thing you tend to do when it starts. The other parts can stay open if you are not sure yet.';

/**
 * Why a side is not ready to share yet, or null when it is. Only a move is needed: the loop is
 * drawn from the moves, and not knowing the rest yet is allowed.
 */
export function cycleSideReadinessProblem(side: CycleSide): string | null {
  return cycleSideMoveCount(side) === 0 ? SIDE_NEEDS_A_MOVE_MESSAGE : null;
}
