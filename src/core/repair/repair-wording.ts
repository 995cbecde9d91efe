/**
 * Everything a repair screen says, in one place, so the wording tests can read all of it. Plain and
 * warm: a rupture is a shared moment, not anyone's failing, and nothing is hurried.
 */
import type { RepairOrigin } from './repair-commands.ts';
import type { RepairStage } from './repair-queries.ts';

/** What a repair is, shown before anyone starts one. */
export const REPAIR_INTRO =
  'A rupture is a moment when the connection between you tears a little: a sharp word, a long silence, a text that never came. Repair is how you find your way back. It goes in small steps, at a pace that suits each of you.';

/** How a repair begins, by where it started. */
export const REPAIR_ORIGIN_WORDS: Readonly<Record<RepairOrigin, string>> = {
  self: 'One of you noticed a rupture and started this repair.',
  pause: 'This repair began from a pause in a session together.',
  flooding: 'This repair began after a body notice in a session together.',
};

/** What happens at each stage, as the person sees it. */
export const REPAIR_STAGE_WORDS: Readonly<Record<Exclude<RepairStage, 'notStarted'>, string>> = {
  settling:
    'First, each of you settles on your own. A practice you can do alone may help, like slow breathing or grounding. When you feel settled enough, say so. There is no rush.',
  agreeingTime:
    'Now choose a time to come back together. One of you suggests a time, and the others accept it or suggest another.',
  comingBack: 'You have a time to come back. When it comes, each of you says you are here.',
  turns:
    'Now take turns. One of you shares what you felt and what you needed, while the others listen. Then the listeners say they heard it.',
  nextStep:
    'Everyone has been heard. Together, choose one small next step: a hug before bed, a text when running late, ten quiet minutes on Sunday.',
  completed: 'You came back to each other and chose a next step. That took care from each of you.',
  setAside:
    'This repair is resting for now. Everything said is kept, and you can start a new one whenever you like.',
};

/** Guidance for the person sharing in their turn. */
export const REPAIR_SPEAKER_GUIDANCE =
  'Say what you felt and what you needed. Speak about yourself; there is no need to explain the other person. When you are done, end your turn.';

/** Guidance for the people holding space while someone else shares. */
export const REPAIR_HOLDER_GUIDANCE =
  'Hold space: listen, breathe slowly, and let their words land. There is nothing to answer or fix right now. Your own turn comes after.';

/** Guidance for saying you heard a turn. */
export const REPAIR_ACKNOWLEDGE_GUIDANCE =
  'Let them know you heard them. A few words about what you heard are welcome, and a simple "I heard you" is enough.';

/** Ready-made acknowledgements a listener can send with one tap. */
export const REPAIR_ACKNOWLEDGEMENT_CHOICES = [
  'I heard you.',
  'Thank you for telling me.',
  'That makes sense to me.',
  'I am still here with you.',
] as const;

/** The labels and hints on the two parts of a turn. */
export const REPAIR_TURN_FIELDS = {
  felt: { label: 'What I felt', hint: 'For example: alone, scared, unimportant, worn out.' },
  needed: {
    label: 'What I needed',
    hint: 'For example: to hear from you, to rest, to know I matter to you.',
  },
} as const;

/** Who sees what is written in a turn: said plainly where the person writes. */
export const REPAIR_TURN_PRIVACY =
  'What you write here stays on your screen until you end your turn. Then everyone in this repair can read it, and nobody else can.';

/** The "not now" that is always there. */
export const REPAIR_STEP_AWAY_WORDS =
  'Not now? Step away at any moment. Everything said so far is kept, and nobody is asked why.';

/** Asked once the repair is complete or set aside: keeping it is each person's own choice. */
export const REPAIR_HISTORY_QUESTION =
  'Keep this repair in your own history? Only you will see it there, and you can change your mind later.';

/** Where to turn when this is more than a practice space can hold (DESIGN, rule 5). */
export const REPAIR_HELP_NOTE =
  'If you feel unsafe, or this feels too big to hold here, reach out for support. Help is one tap away on every screen.';
