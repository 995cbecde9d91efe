/**
 * The two quiet questions underneath how we relate: whether we feel worth loving and attending
 * to, and whether others will show up when we need them. A person answers each on a 0–10 scale, in
 * words, or both, and can come back to them over time. The scale has gentle anchors, never labels
 * or types, and a change between answers is described without a verdict.
 */
import { z } from 'zod';
import { changeInWords } from './change-in-words.ts';

/** The two questions, by id. */
export const WORKING_MODEL_QUESTION_IDS = ['worthOfCare', 'othersThere'] as const;

/** One of the two questions. */
export type WorkingModelQuestionId = (typeof WORKING_MODEL_QUESTION_IDS)[number];

/** A question as a person sees it. */
export interface WorkingModelQuestion {
  readonly id: WorkingModelQuestionId;
  /** A few words for headings and charts. */
  readonly shortName: string;
  readonly question: string;
}

/** The questions, in the order they are asked. */
export const WORKING_MODEL_QUESTIONS: readonly WorkingModelQuestion[] = [
  {
    id: 'worthOfCare',
    shortName: 'Feeling worth care',
    question:
      'Right now, how much do you feel you are worth loving and paying attention to, just as you are?',
  },
  {
    id: 'othersThere',
    shortName: 'Counting on others',
    question:
      'Right now, how much can you count on the people close to you to be there when you need them?',
  },
];

/** Shown before the questions. */
export const WORKING_MODEL_INTRO =
  'These two questions sit quietly underneath how we relate to others. The answers grow from a lifetime of experiences, and they can shift. Answer for how it feels today, with a number, in words, or both.';

/** Shown beside any comparison, so a number never reads as a score. */
export const WORKING_MODEL_CHANGE_NOTE =
  'These numbers are not scores. They move with what is happening in your life, and every answer is welcome.';

/** The lowest and highest point of the scale. */
export const WORKING_MODEL_SCALE = { min: 0, max: 10 } as const;

/** Words at three points of the scale, to help place an answer: anchors, not labels. */
export const WORKING_MODEL_ANCHORS: Readonly<Record<0 | 5 | 10, string>> = {
  0: 'Hardly at all, right now',
  5: 'Somewhat, some of the time',
  10: 'Deeply, most of the time',
};

/** Longest answer in words, in characters. */
export const WORKING_MODEL_WORDS_MAX_CHARS = 1000;

const scaleMessage = `Choose a number from ${String(WORKING_MODEL_SCALE.min)} to ${String(WORKING_MODEL_SCALE.max)}, or leave it out.`;

/** One answer to one question. */
export const workingModelAnswerSchema = z
  .strictObject({
    questionId: z.enum(WORKING_MODEL_QUESTION_IDS, { error: 'Choose one of the two questions.' }),
    value: z
      .number({ error: scaleMessage })
      .int({ error: scaleMessage })
      .min(WORKING_MODEL_SCALE.min, { error: scaleMessage })
      .max(WORKING_MODEL_SCALE.max, { error: scaleMessage })
      .nullable()
      .default(null),
    words: z
      .string({ error: 'Write your answer as text, or leave it empty.' })
      .trim()
      .max(WORKING_MODEL_WORDS_MAX_CHARS, {
        error: `Please keep your answer to ${String(WORKING_MODEL_WORDS_MAX_CHARS)} characters.`,
      })
      .default(''),
    atMs: z.number().int(),
  })
  .refine((answer) => answer.value !== null || answer.words.length > 0, {
    error: 'Choose a number, write a few words, or both.',
  });

/** One answer, after parsing. */
export type WorkingModelAnswer = z.output<typeof workingModelAnswerSchema>;

/** How one question's answers have moved, for one screen or chart. */
export interface WorkingModelChange {
  readonly questionId: WorkingModelQuestionId;
  /** Every answer with a number, oldest first. */
  readonly points: readonly { readonly atMs: number; readonly value: number }[];
  /** The latest answer against the one before it, or null with fewer than two numbers. */
  readonly sincePrevious: string | null;
  /** The latest answer against the first one, or null with fewer than three numbers (it would repeat). */
  readonly sinceFirst: string | null;
}

/**
 * How each question's answers have moved, as plain sentences ("A little more than in March."),
 * on the person's local calendar. Answers only in words are kept out of the numbers; they are
 * read side by side, never compared.
 */
export function workingModelChanges(
  answers: readonly WorkingModelAnswer[],
  tzOffsetMin: number,
): WorkingModelChange[] {
  return WORKING_MODEL_QUESTION_IDS.map((questionId) => {
    const points = answers
      .filter((answer) => answer.questionId === questionId && answer.value !== null)
      .map((answer) => ({ atMs: answer.atMs, value: answer.value ?? 0 }))
      .sort((a, b) => a.atMs - b.atMs || a.value - b.value);
    const latest = points.at(-1);
    const previous = points.at(-2);
    const first = points[0];
    return {
      questionId,
      points,
      sincePrevious: latest && previous ? changeInWords(previous, latest, tzOffsetMin) : null,
      sinceFirst:
        latest && first && points.length >= 3 ? changeInWords(first, latest, tzOffsetMin) : null,
    };
  });
}
