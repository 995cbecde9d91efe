/**
 * A short guided walk through the worked example, one step a screen, so a new person can see
 * what mapping a cycle is like before doing their own. Each step says what to look at; the web
 * layer shows that part of the example beside the words.
 */
import { WORKED_EXAMPLE_PEOPLE } from './worked-example.ts';

/** What a walkthrough step points at in the example. */
export type WalkthroughFocus =
  | { readonly kind: 'setting' }
  | { readonly kind: 'side'; readonly personId: string }
  | { readonly kind: 'looking-together' }
  | { readonly kind: 'pattern' }
  | { readonly kind: 'loop' }
  | { readonly kind: 'underneath' }
  | { readonly kind: 'name-and-plan' }
  | { readonly kind: 'start-your-own' };

/** One step of the walkthrough. */
export interface WalkthroughStep {
  readonly id: string;
  readonly title: string;
  /** A few short sentences. */
  readonly body: string;
  readonly focus: WalkthroughFocus;
}

/** The walkthrough, in order. */
export const WORKED_EXAMPLE_WALKTHROUGH: readonly WalkthroughStep[] = [
  {
    id: 'meet',
    title: 'Meet Noor and Eli',
    body:
      'Noor and Eli are made up, but their evenings may feel familiar. ' +
      'Read what happened, then see how they mapped it.',
    focus: { kind: 'setting' },
  },
  {
    id: 'noor-side',
    title: 'Noor’s side, filled in alone',
    body:
      'Noor wrote what sets it off, what Noor tends to do, and the thought that flashes up about Eli. ' +
      'Then the quieter part: what Noor feels underneath and longs for. ' +
      'Nobody else could see it yet.',
    focus: { kind: 'side', personId: WORKED_EXAMPLE_PEOPLE.noor.personId },
  },
  {
    id: 'eli-side',
    title: 'Eli’s side, filled in alone',
    body:
      'Eli did the same, on another evening, in another room. ' +
      'Notice how different the same night looks from here.',
    focus: { kind: 'side', personId: WORKED_EXAMPLE_PEOPLE.eli.personId },
  },
  {
    id: 'looking-together',
    title: 'Looking together',
    body:
      'Each marked their side as done. ' +
      'Then they picked a calm Sunday morning, sat side by side, and each said they were ready to look. ' +
      'Both sides opened at the same moment.',
    focus: { kind: 'looking-together' },
  },
  {
    id: 'pattern',
    title: 'One reaches, one steps back',
    body:
      'Most of Noor’s moves reach toward Eli. Most of Eli’s moves step away. ' +
      'Attune names this pattern, and names it as something the two of them are caught in. ' +
      'Neither of them is the trouble.',
    focus: { kind: 'pattern' },
  },
  {
    id: 'loop',
    title: 'The loop',
    body:
      'Follow the arrows. Each move makes sense from inside, and each one sets off the next. ' +
      'There is no first step to argue about: it is a circle.',
    focus: { kind: 'loop' },
  },
  {
    id: 'underneath',
    title: 'What was underneath',
    body:
      'Under Noor’s sharp words was a wish to matter and to be close. ' +
      'Under Eli’s silence was a wish to feel safe and accepted, and to rest. ' +
      'Seeing that, they could turn toward each other a little.',
    focus: { kind: 'underneath' },
  },
  {
    id: 'name-and-plan',
    title: 'A name and a plan',
    body:
      'They called it the cold-dinner loop. ' +
      'When either notices it, they say their cue phrase and pause for twenty minutes, each breathing on their own. ' +
      'Then they come back and talk.',
    focus: { kind: 'name-and-plan' },
  },
  {
    id: 'your-turn',
    title: 'Your turn, when you are ready',
    body:
      'You can each start your own side whenever you like, at your own pace. ' +
      'Nothing is shown to the other person until you both choose to look together.',
    focus: { kind: 'start-your-own' },
  },
];
