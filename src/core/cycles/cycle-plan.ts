/**
 * The name two people give their cycle, and their plan for when they notice it: a cue phrase
 * either can say, a pause of an agreed length, and a practice for the pause.
 *
 * A plan is made in a calm moment and used in a hard one, so it only ever names a practice that
 * needs no consent in the moment: touch is agreed live, each time, never in advance.
 */
import { z } from 'zod';
import { PRACTICE_LIST, isPracticeId, type PracticeId } from '../practices/index.ts';

/** Longest cycle name, in characters: a few words. */
export const CYCLE_NAME_MAX_CHARS = 60;
/** Longest cue phrase, in characters: something short enough to say in a hard moment. */
export const CUE_PHRASE_MAX_CHARS = 120;
/** Shortest and longest pause a plan may name, in whole minutes. */
export const PLAN_PAUSE_MINUTES_RANGE = { min: 1, max: 120 } as const;
/** The pause a plan starts with: long enough for a body to settle, short enough to come back. */
export const DEFAULT_PLAN_PAUSE_MINUTES = 20;

/** Practices a plan may name: those that need no consent in the moment, solo ones first. */
export const PLAN_PRACTICE_IDS: readonly PracticeId[] = PRACTICE_LIST.filter(
  (definition) => definition.consentsRequired.length === 0,
).map((definition) => definition.id);

/** The plan for when the cycle shows up. */
export interface CyclePlan {
  /** Words either person can say to name the loop out loud: "Our loop is here." */
  readonly cuePhrase: string;
  /** How long they step apart before coming back, in minutes. */
  readonly pauseMinutes: number;
  /** The practice each does in the pause, from `PLAN_PRACTICE_IDS`. */
  readonly practiceId: PracticeId;
}

// One line, no control characters: names and cue phrases are said, not written at length.
// eslint-disable-next-line no-control-regex
const ONE_LINE = /^[^\u0000-\u001f\u007f]*$/;

/** The name two people give their cycle. */
export const cycleNameSchema = z
  .string({ error: 'Give your cycle a name, even a single word.' })
  .trim()
  .min(1, { error: 'Give your cycle a name, even a single word.' })
  .max(CYCLE_NAME_MAX_CHARS, {
    error: `Keep the name to ${String(CYCLE_NAME_MAX_CHARS)} characters, a few words.`,
  })
  .regex(ONE_LINE, { error: 'Keep the name on one line.' });

const PAUSE_MESSAGE = `Choose a pause between ${String(PLAN_PAUSE_MINUTES_RANGE.min)} minute and ${String(PLAN_PAUSE_MINUTES_RANGE.max / 60)} hours, in whole minutes.`;

/** A plan as two people write it; the pause starts at 20 minutes unless they choose. */
export const cyclePlanSchema = z.strictObject(
  {
    cuePhrase: z
      .string({
        error: 'Write a cue phrase: a few words either of you can say when you notice the loop.',
      })
      .trim()
      .min(1, {
        error: 'Write a cue phrase: a few words either of you can say when you notice the loop.',
      })
      .max(CUE_PHRASE_MAX_CHARS, {
        error: `Keep the cue phrase to ${String(CUE_PHRASE_MAX_CHARS)} characters, so it is easy to say.`,
      })
      .regex(ONE_LINE, { error: 'Keep the cue phrase on one line.' }),
    pauseMinutes: z
      .number({ error: PAUSE_MESSAGE })
      .int({ error: PAUSE_MESSAGE })
      .min(PLAN_PAUSE_MINUTES_RANGE.min, { error: PAUSE_MESSAGE })
      .max(PLAN_PAUSE_MINUTES_RANGE.max, { error: PAUSE_MESSAGE })
      .default(DEFAULT_PLAN_PAUSE_MINUTES),
    practiceId: z
      .string({ error: 'Pick a practice for the pause from the list.' })
      .refine((id): id is PracticeId => isPracticeId(id) && PLAN_PRACTICE_IDS.includes(id), {
        error:
          'Pick a practice for the pause from the list. Practices with touch are left out, because touch is agreed in the moment.',
      }),
  },
  { error: 'The plan could not be read. Try writing it again.' },
);
