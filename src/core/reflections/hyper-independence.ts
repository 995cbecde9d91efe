/**
 * Reflections on doing everything alone: the signs, where it may come from, and what it can cost,
 * as gentle "you might notice" statements a person can recognise or set aside. They describe a
 * way of coping, never a person, and they diagnose nothing.
 */

/** One statement a person may recognise in themselves; nothing is recorded unless they choose. */
export interface NoticingStatement {
  readonly id: string;
  readonly text: string;
}

/** The groups of statements, in the order a screen shows them. */
export const HYPER_INDEPENDENCE_SECTIONS = ['signs', 'roots', 'costs'] as const;

/** One group of statements. */
export type HyperIndependenceSection = (typeof HYPER_INDEPENDENCE_SECTIONS)[number];

/** Shown before anything else: what this is, and what it is not. */
export const HYPER_INDEPENDENCE_INTRO =
  'Doing everything yourself can feel like the safest way to live. For many people it grew out of times when leaning on others did not go well. These notes are for noticing, not for naming yourself. Take what fits and leave the rest.';

/** A heading for each group. */
export const HYPER_INDEPENDENCE_SECTION_TITLES: Readonly<Record<HyperIndependenceSection, string>> =
  {
    signs: 'How it can show up',
    roots: 'Where it may come from',
    costs: 'What it can cost',
  };

/** The statements in each group. */
export const HYPER_INDEPENDENCE_STATEMENTS: Readonly<
  Record<HyperIndependenceSection, readonly NoticingStatement[]>
> = {
  signs: [
    {
      id: 'says-fine',
      text: 'You might notice that you say "I am fine" even when you are stretched thin.',
    },
    {
      id: 'turns-down-help',
      text: 'You might notice that you turn down help before you have asked yourself whether you want it.',
    },
    {
      id: 'keeps-feelings-close',
      text: 'You might notice that showing how you feel seems risky, so you keep it to yourself.',
    },
    {
      id: 'easier-alone',
      text: 'You might notice that you relax more on your own than close to someone.',
    },
    {
      id: 'trust-is-slow',
      text: 'You might notice that trust comes slowly, even with people who have been kind to you.',
    },
    {
      id: 'needing-feels-awkward',
      text: 'You might notice that needing anything from anyone feels awkward, or even embarrassing.',
    },
  ],
  roots: [
    {
      id: 'unsteady-grown-ups',
      text: 'You might notice it goes back to a home where the grown-ups were busy, distant, harsh or hard to predict.',
    },
    {
      id: 'the-strong-one',
      text: 'You might notice you became the one others leaned on, long before you were ready.',
    },
    {
      id: 'asking-went-badly',
      text: 'You might notice that asking for something was once met with a no, a telling-off or embarrassment.',
    },
    {
      id: 'needs-made-small',
      text: 'You might notice that your feelings and needs were often passed over or made small.',
    },
    {
      id: 'someone-left',
      text: 'You might notice that someone you counted on left, or let you down.',
    },
  ],
  costs: [
    { id: 'deep-tiredness', text: 'You might notice a tiredness that rest does not quite reach.' },
    {
      id: 'closeness-is-hard',
      text: 'You might notice that closeness is hard to build, or hard to keep.',
    },
    {
      id: 'lonely-or-flat',
      text: 'You might notice feeling flat, lonely or far away from the people around you.',
    },
    {
      id: 'emptiness',
      text: 'You might notice an emptiness, even when life looks full from the outside.',
    },
    {
      id: 'care-hard-to-take-in',
      text: 'You might notice that care is hard to take in when someone offers it.',
    },
  ],
};

/** Said after where it may come from: the coping made sense. */
export const HYPER_INDEPENDENCE_ROOTS_NOTE =
  'In places like these, relying only on yourself made sense. It kept you going, and it was not a choice you made lightly.';

/** What the other side looks like: interdependence, not dependence. */
export const INTERDEPENDENCE_NOTE =
  'The other side is not needing everyone for everything. It means you can stand on your own two feet and still let people in: to help, to comfort, to be part of your days. It grows in small steps, as slowly as you like.';
