/**
 * A worked example to explore before mapping your own: Noor and Eli, a couple whose evenings
 * changed when Eli took on a demanding new job. Both sides, filled in privately, then opened
 * together; the pattern Attune names; the name they chose and their plan.
 *
 * The map is built by sending its commands through `cycleMapDecide`, so the example obeys every
 * rule a real map does, and the same pattern and wording tests run over it.
 */
import type { CycleMapCommand } from './cycle-map-commands.ts';
import { cycleMapDecide } from './cycle-map-decide.ts';
import { CYCLE_MAP_INITIAL_STATE, cycleMapEvolve, type CycleMapState } from './cycle-map-state.ts';
import { cycleDescribe, type CycleDescription, type CyclePerson } from './cycle-description.ts';
import type { CyclePlan } from './cycle-plan.ts';
import type { CycleSide } from './cycle-side.ts';

/** The two people in the example. */
export const WORKED_EXAMPLE_PEOPLE = {
  noor: { personId: 'example-noor', name: 'Noor' },
  eli: { personId: 'example-eli', name: 'Eli' },
} as const;

/** What happened, told briefly, before anyone's side is shown. */
export const WORKED_EXAMPLE_SETTING: readonly string[] = [
  'Noor and Eli have shared a home for eight years.',
  'In the spring, Eli started a new job that asks a great deal. Most evenings Eli gets home late, and Noor keeps the house going and eats dinner alone.',
  'Eli comes home drained and longs for quiet. Noor has waited all evening and longs for time together.',
  'One night Eli is late again, and no message comes. When Eli walks in, Noor lets the hurt out in a sharp rush of words. Eli goes silent and heads for the other room.',
];

/** Noor's side, as Noor filled it in alone. */
export const NOOR_SIDE: CycleSide = {
  setsItOff: 'An evening when Eli is late and I hear nothing, and dinner goes cold again',
  moves: {
    picked: ['criticising', 'getting-louder', 'pushing-for-an-answer', 'following-to-keep-talking'],
    own: [{ text: 'Listing every late night this month', lean: 'toward' }],
  },
  storyAboutOther: 'Your job matters more to you than I do.',
  feelingsUnderneath: {
    picked: ['hurt', 'alone', 'unseen'],
    own: ['like a housemate, not a partner'],
  },
  longings: { picked: ['to-matter', 'to-be-seen', 'to-be-close'], own: [] },
};

/** Eli's side, as Eli filled it in alone. */
export const ELI_SIDE: CycleSide = {
  setsItOff: 'Coming through the door worn out and being met with how late I am',
  moves: {
    picked: ['going-quiet', 'defending', 'leaving-the-room', 'shutting-down'],
    own: [{ text: 'Staying at my desk longer to put off the evening', lean: 'away' }],
  },
  storyAboutOther: 'Whatever I do, it will never be enough for you.',
  feelingsUnderneath: {
    picked: ['not-good-enough', 'overwhelmed', 'judged'],
    own: ['like a letdown'],
  },
  longings: { picked: ['to-be-accepted', 'to-feel-safe', 'to-rest'], own: [] },
};

/** The name Noor and Eli chose together. */
export const WORKED_EXAMPLE_NAME = 'The cold-dinner loop';

/** Their plan for when they notice it. */
export const WORKED_EXAMPLE_PLAN: CyclePlan = {
  cuePhrase: 'I think the cold-dinner loop is here.',
  pauseMinutes: 20,
  practiceId: 'paced-breathing',
};

/** One step of the example's script: who acts, and what they send. */
export interface WorkedExampleStep {
  readonly actorId: string;
  readonly command: CycleMapCommand;
}

const NOOR = WORKED_EXAMPLE_PEOPLE.noor.personId;
const ELI = WORKED_EXAMPLE_PEOPLE.eli.personId;

/** How the example map came about, command by command, in the order they were sent. */
export const WORKED_EXAMPLE_SCRIPT: readonly WorkedExampleStep[] = [
  { actorId: NOOR, command: { type: 'openMap', mapId: 'worked-example', partnerId: ELI } },
  { actorId: ELI, command: { type: 'saveDraft', side: ELI_SIDE } },
  { actorId: NOOR, command: { type: 'saveDraft', side: NOOR_SIDE } },
  { actorId: NOOR, command: { type: 'markReady' } },
  { actorId: ELI, command: { type: 'markReady' } },
  { actorId: ELI, command: { type: 'agreeToReveal' } },
  { actorId: NOOR, command: { type: 'agreeToReveal' } },
  { actorId: ELI, command: { type: 'nameCycle', name: WORKED_EXAMPLE_NAME } },
  { actorId: NOOR, command: { type: 'savePlan', plan: WORKED_EXAMPLE_PLAN } },
];

/** The example map after every step of its script; throws if a rule turns a step down. */
export function workedExampleMapState(): CycleMapState {
  return WORKED_EXAMPLE_SCRIPT.reduce((state, step) => {
    const decision = cycleMapDecide(state, step.command, step.actorId);
    if (!decision.ok)
      throw new Error(`worked example step ${step.command.type}: ${decision.message}`);
    return decision.events.reduce(cycleMapEvolve, state);
  }, CYCLE_MAP_INITIAL_STATE);
}

/** Noor and Eli as the description and the loop read them. */
export function workedExamplePeople(): { readonly noor: CyclePerson; readonly eli: CyclePerson } {
  return {
    noor: { ...WORKED_EXAMPLE_PEOPLE.noor, side: NOOR_SIDE },
    eli: { ...WORKED_EXAMPLE_PEOPLE.eli, side: ELI_SIDE },
  };
}

/** The example's pattern and description, exactly as a real map would show them. */
export function workedExampleDescription(): CycleDescription {
  const { noor, eli } = workedExamplePeople();
  return cycleDescribe(noor, eli);
}
