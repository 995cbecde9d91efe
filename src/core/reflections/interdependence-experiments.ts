/**
 * Small weekly experiments toward interdependence: asking for help, receiving care, letting
 * someone in. Each is one concrete act, small enough to try in a week and easy to skip. A person's
 * log records which one they tried, how it went in their words, and how it felt on a 1–5 scale
 * that is theirs to read: it is never added up, scored or judged.
 */
import { z } from 'zod';
import {
  civilFromDayNumber,
  dayNumberFromCivil,
  weekdayOfDayNumber,
} from '../progress/local-calendar.ts';

/** The three directions the experiments lean toward. */
export const EXPERIMENT_THEMES = ['askForHelp', 'receiveCare', 'letSomeoneIn'] as const;

/** One direction. */
export type ExperimentTheme = (typeof EXPERIMENT_THEMES)[number];

/** A heading for each direction. */
export const EXPERIMENT_THEME_TITLES: Readonly<Record<ExperimentTheme, string>> = {
  askForHelp: 'Asking for help',
  receiveCare: 'Receiving care',
  letSomeoneIn: 'Letting someone in',
};

/** One small experiment. */
export interface InterdependenceExperiment {
  readonly id: string;
  readonly theme: ExperimentTheme;
  readonly title: string;
  /** What to try, in one or two short sentences. */
  readonly invitation: string;
}

/** The catalogue, four in each direction. */
export const INTERDEPENDENCE_EXPERIMENTS = [
  {
    id: 'small-favour',
    theme: 'askForHelp',
    title: 'Ask for one small favour',
    invitation:
      'Ask someone for something small and easy, like picking up bread. Notice how your body feels before and after.',
  },
  {
    id: 'ask-an-opinion',
    theme: 'askForHelp',
    title: 'Ask what someone thinks',
    invitation:
      'Before a small decision, ask one person what they think. Their view is yours to take or leave.',
  },
  {
    id: 'say-stuck',
    theme: 'askForHelp',
    title: 'Say you are stuck',
    invitation:
      'When something is hard going, tell one person "I am stuck with this", even if you ask for nothing more.',
  },
  {
    id: 'share-a-chore',
    theme: 'askForHelp',
    title: 'Share a task',
    invitation: 'Pick one job you always do alone, and invite someone to do it with you this week.',
  },
  {
    id: 'say-yes-to-an-offer',
    theme: 'receiveCare',
    title: 'Say yes to one offer',
    invitation:
      'The next time someone offers to help, try saying yes instead of "I am fine", if it feels safe enough.',
  },
  {
    id: 'let-kindness-land',
    theme: 'receiveCare',
    title: 'Let a kind word land',
    invitation:
      'When someone says something kind, pause, breathe, and say thank you without brushing it away.',
  },
  {
    id: 'be-looked-after',
    theme: 'receiveCare',
    title: 'Be looked after once',
    invitation:
      'Let someone make you a drink or a meal, or carry something for you. Stay with how that feels.',
  },
  {
    id: 'rest-while-helped',
    theme: 'receiveCare',
    title: 'Rest while someone helps',
    invitation:
      'Sit down for five minutes while someone else takes care of something, without stepping in.',
  },
  {
    id: 'name-a-feeling',
    theme: 'letSomeoneIn',
    title: 'Name one feeling',
    invitation: 'Tell someone one feeling from your day, in a single sentence.',
  },
  {
    id: 'share-a-worry',
    theme: 'letSomeoneIn',
    title: 'Share a small worry',
    invitation: 'Tell someone you trust about a small worry while it is still unsolved.',
  },
  {
    id: 'say-what-helps',
    theme: 'letSomeoneIn',
    title: 'Say what would help',
    invitation:
      'When you feel low or on edge, tell someone one thing that would help: a hug, some quiet, or company.',
  },
  {
    id: 'share-a-check-in',
    theme: 'letSomeoneIn',
    title: 'Share a check-in',
    invitation:
      'Check in with yourself in Attune, and choose to share it with one person you trust.',
  },
] as const satisfies readonly InterdependenceExperiment[];

/** The id of one experiment. */
export type InterdependenceExperimentId = (typeof INTERDEPENDENCE_EXPERIMENTS)[number]['id'];

/** Every experiment id, in catalogue order. */
export const INTERDEPENDENCE_EXPERIMENT_IDS = INTERDEPENDENCE_EXPERIMENTS.map(
  (experiment) => experiment.id,
) as [InterdependenceExperimentId, ...InterdependenceExperimentId[]];

/** The words beside each point of "how it felt": feelings, not grades. */
export const HOW_IT_FELT_ANCHORS: Readonly<Record<1 | 2 | 3 | 4 | 5, string>> = {
  1: 'Very uncomfortable',
  2: 'A bit uncomfortable',
  3: 'Somewhere in between',
  4: 'Fairly at ease',
  5: 'At ease',
};

/** Said beside the scale, so nobody reads it as a grade. */
export const HOW_IT_FELT_NOTE =
  'This is only for you, and there is no good or poor answer. Feeling uncomfortable often means you tried something new.';

/** Longest "how it went", in characters. */
export const EXPERIMENT_NOTE_MAX_CHARS = 1000;

/** Whether a "YYYY-MM-DD" string is a real date that falls on a Monday. */
function isMondayIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const dayNumber = dayNumberFromCivil(year, month, day);
  // A date like 2025-02-30 rolls over into March; a real date reads back unchanged.
  const readBack = civilFromDayNumber(dayNumber);
  const real = readBack.year === year && readBack.month === month && readBack.day === day;
  return real && weekdayOfDayNumber(dayNumber) === 1;
}

/** One entry in a person's experiment log. */
export const experimentLogEntrySchema = z.strictObject({
  experimentId: z.enum(INTERDEPENDENCE_EXPERIMENT_IDS, {
    error: 'Choose one of the experiments from the list.',
  }),
  /** The week it was tried, named by its Monday on the person's calendar ("2025-11-17"). */
  weekOf: z
    .string()
    .refine(isMondayIsoDate, { error: 'Choose the week again; it could not be read.' }),
  howItWent: z
    .string({ error: 'Write how it went as text, or leave it empty.' })
    .trim()
    .max(EXPERIMENT_NOTE_MAX_CHARS, {
      error: `Please keep how it went to ${String(EXPERIMENT_NOTE_MAX_CHARS)} characters.`,
    })
    .default(''),
  /** 1 very uncomfortable … 5 at ease; left out when the person prefers not to say. */
  howItFelt: z
    .number({ error: 'Choose a point from 1 to 5, or leave it out.' })
    .int({ error: 'Choose a point from 1 to 5, or leave it out.' })
    .min(1, { error: 'Choose a point from 1 to 5, or leave it out.' })
    .max(5, { error: 'Choose a point from 1 to 5, or leave it out.' })
    .nullable()
    .default(null),
  /** When the entry was written. */
  atMs: z.number().int(),
});

/** One entry in a person's experiment log, after parsing. */
export type ExperimentLogEntry = z.output<typeof experimentLogEntrySchema>;

/** The experiment with this id, if it is in the catalogue. */
export function interdependenceExperimentById(id: string): InterdependenceExperiment | undefined {
  return INTERDEPENDENCE_EXPERIMENTS.find((experiment) => experiment.id === id);
}
