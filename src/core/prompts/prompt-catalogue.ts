/**
 * Gentle prompts: short invitations a person may ask Attune to offer now and then. Each is
 * optional, stands on its own, and never refers to a previous prompt, a gap, or a count: no
 * streaks, no "you missed", nothing to keep up with.
 */

/** The kinds of prompt, which a person can choose between. */
export const PROMPT_THEMES = ['checkIn', 'reflection', 'practice', 'relationship'] as const;

/** One kind of prompt. */
export type PromptTheme = (typeof PROMPT_THEMES)[number];

/** How each kind is named in settings. */
export const PROMPT_THEME_NAMES: Readonly<Record<PromptTheme, string>> = {
  checkIn: 'Checking in with your body',
  reflection: 'Reflecting',
  practice: 'A small practice',
  relationship: 'You and the people close to you',
};

/** One prompt. */
export interface GentlePrompt {
  readonly id: string;
  readonly theme: PromptTheme;
  readonly text: string;
}

/** Every prompt, ten of each kind. Ids are stable: a person's history refers to them. */
export const GENTLE_PROMPTS: readonly GentlePrompt[] = [
  {
    id: 'ci-tight-and-easy',
    theme: 'checkIn',
    text: 'How does your body feel right now? Notice one place that feels tight and one that feels at ease.',
  },
  {
    id: 'ci-one-breath',
    theme: 'checkIn',
    text: 'Take one slow breath. Where do you feel it most?',
  },
  {
    id: 'ci-where-am-i',
    theme: 'checkIn',
    text: 'Are you settled, revved up, low, or somewhere in between? Any answer is fine.',
  },
  {
    id: 'ci-energy',
    theme: 'checkIn',
    text: 'How much energy is in you today? Just notice it; nothing needs to change.',
  },
  {
    id: 'ci-feet',
    theme: 'checkIn',
    text: 'Feel your feet on the ground for a moment. What do you notice?',
  },
  {
    id: 'ci-jaw-shoulders',
    theme: 'checkIn',
    text: 'Notice your jaw and your shoulders. Would they like to soften a little?',
  },
  {
    id: 'ci-weather',
    theme: 'checkIn',
    text: 'If your mood today were weather, what would it be?',
  },
  {
    id: 'ci-body-wants',
    theme: 'checkIn',
    text: 'What is one small thing your body would like right now?',
  },
  { id: 'ci-three-words', theme: 'checkIn', text: 'How has your day felt so far, in three words?' },
  {
    id: 'ci-three-senses',
    theme: 'checkIn',
    text: 'Name one thing you can see, one you can hear, and one you can touch.',
  },

  {
    id: 'rf-felt-cared-for',
    theme: 'reflection',
    text: 'When did you last feel cared for? What was happening?',
  },
  {
    id: 'rf-help-went-well',
    theme: 'reflection',
    text: 'Think of a time when asking for help went well. What made it feel safe enough?',
  },
  {
    id: 'rf-opening-up',
    theme: 'reflection',
    text: 'What helps you feel safe enough to open up a little?',
  },
  {
    id: 'rf-friend-words',
    theme: 'reflection',
    text: 'What would you say to a friend who had the week you had?',
  },
  {
    id: 'rf-small-shift',
    theme: 'reflection',
    text: 'What is one small thing you do differently from a year ago?',
  },
  {
    id: 'rf-unasked-need',
    theme: 'reflection',
    text: 'Was there something you needed today and did not ask for?',
  },
  {
    id: 'rf-steady-person',
    theme: 'reflection',
    text: 'Who helps you feel steady? What do they do that helps?',
  },
  {
    id: 'rf-shared-load',
    theme: 'reflection',
    text: 'Is there something you carry alone that someone might gladly share?',
  },
  {
    id: 'rf-looked-after-self',
    theme: 'reflection',
    text: 'What is one way you looked after yourself this week?',
  },
  {
    id: 'rf-what-hard-showed',
    theme: 'reflection',
    text: 'Think of a recent hard moment. What did it show you about what you need?',
  },

  {
    id: 'pr-longer-out-breath',
    theme: 'practice',
    text: 'Try three breaths with the out-breath a little longer than the in-breath.',
  },
  {
    id: 'pr-five-things',
    theme: 'practice',
    text: 'Look around and name five things you can see. Let your eyes rest on one of them.',
  },
  {
    id: 'pr-hand-on-chest',
    theme: 'practice',
    text: 'Rest a hand on your chest or belly, and feel it rise and fall for a minute.',
  },
  {
    id: 'pr-sway',
    theme: 'practice',
    text: 'Stand up and sway gently from side to side for a few breaths.',
  },
  {
    id: 'pr-paced-breath',
    theme: 'practice',
    text: 'Would two minutes of paced breathing suit you now? It is here whenever you want it.',
  },
  {
    id: 'pr-find-pleasant',
    theme: 'practice',
    text: 'Turn your head slowly and let your eyes find something pleasant nearby.',
  },
  {
    id: 'pr-press-palms',
    theme: 'practice',
    text: 'Press your palms into a wall or a table for a few seconds, then let go. Notice the change.',
  },
  { id: 'pr-hum', theme: 'practice', text: 'Hum one long, low note and feel where it buzzes.' },
  {
    id: 'pr-slow-stretch',
    theme: 'practice',
    text: 'Stretch in one way that feels good, as slowly as you like.',
  },
  {
    id: 'pr-breathe-with-someone',
    theme: 'practice',
    text: 'Is there someone you would like to breathe with this week? You could invite them to a short practice.',
  },

  {
    id: 'rl-appreciated',
    theme: 'relationship',
    text: 'What did someone close to you do lately that you appreciated? You could tell them.',
  },
  {
    id: 'rl-small-reach',
    theme: 'relationship',
    text: 'Notice a small moment today when someone reached for you: a look, a question, a touch.',
  },
  {
    id: 'rl-closer-or-back',
    theme: 'relationship',
    text: 'When things get tense between you and someone close, does your body want to move closer or pull back?',
  },
  {
    id: 'rl-gentle-word',
    theme: 'relationship',
    text: 'Is there a small moment between you and someone close that could use a gentle word?',
  },
  {
    id: 'rl-listen-only',
    theme: 'relationship',
    text: 'Next time someone shares something with you, try only listening. How does that feel?',
  },
  {
    id: 'rl-share-a-feeling',
    theme: 'relationship',
    text: 'Is there one feeling you could share with someone close to you today?',
  },
  {
    id: 'rl-what-helps-them',
    theme: 'relationship',
    text: 'You could ask someone close to you what helps them feel cared for.',
  },
  {
    id: 'rl-thank-you',
    theme: 'relationship',
    text: 'Who made your days a little easier lately? A short thank-you can mean a lot.',
  },
  {
    id: 'rl-calm-company',
    theme: 'relationship',
    text: 'When did you last feel calm in someone’s company? What was it like?',
  },
  {
    id: 'rl-longing',
    theme: 'relationship',
    text: 'Underneath the everyday, what do you long for from the people close to you?',
  },
];

/** The prompt with this id, if it is in the catalogue. */
export function gentlePromptById(id: string): GentlePrompt | undefined {
  return GENTLE_PROMPTS.find((prompt) => prompt.id === id);
}
