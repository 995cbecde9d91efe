/**
 * The practice catalogue, as data. Solo practices come first: steadying yourself is offered
 * before harder work together (DESIGN, trauma-informed rule 1). Every practice says what will
 * happen, how long it lasts and how to stop, before it starts (rule 2), and touch only happens
 * with the live yes of both people (rule 3).
 *
 * Roles: the first role listed is the one the practice centres on (the person who may most want
 * steadying right now); the last is where everyone else goes when nobody chooses.
 *
 * Nothing here is measured from a body. Where a pacer starts "at someone's pace" (mirroring,
 * breathing touch), that pace is a setting the person picks themselves, and a guess is fine. So
 * no practice needs shared physiology, and no practice is ruled out by the `sharePhysiology`
 * boundary: ruling one out would take it away from everyone present, even from a listener who
 * shares nothing. Follow-the-breath (`followSensedBreath` in mirroring and breathing touch) lets
 * the pacer follow the leader's sensed breath, but only while the leader's boundaries allow
 * sharing physiology and their sensor is reading; otherwise it falls back to the chosen pace.
 */
import type { Boundaries } from '../boundaries/boundary.ts';
import { boundariesExclude } from '../boundaries/boundary.ts';
import type { PracticeDefinition, PracticeId } from './practice-definition.ts';
import { isPracticeId, PRACTICE_IDS } from './practice-definition.ts';
import type {
  BreathingTouchParameters,
  BreathSyncParameters,
  GroundingParameters,
  MirroringParameters,
  MovementParameters,
  PacedBreathingParameters,
  ShareAndHoldParameters,
  TouchParameters,
} from './parameters.ts';
import {
  breathingTouchParametersSchema,
  breathSyncParametersSchema,
  groundingParametersSchema,
  mirroringParametersSchema,
  movementParametersSchema,
  pacedBreathingParametersSchema,
  shareAndHoldParametersSchema,
  touchParametersSchema,
} from './parameters.ts';
import { durationInWords } from './wording.ts';

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;

/** The most people one live practice is built for. */
export const MAX_PARTICIPANTS = 8;

/** The step every practice shares: nothing begins until each person has said yes. */
export const READY_STEP = 'Nothing begins until each person here has said they are ready.';

/** How to stop, for every practice without touch. */
export const HOW_TO_STOP =
  'Anyone can pause or stop at any moment with one tap or one key. It pauses for everyone at once, and nobody is asked why.';

/** How to stop a touch practice: the same, and taking back a yes ends the touch for both. */
export const HOW_TO_STOP_TOUCH =
  'Either of you can pause, stop or take back your yes to touch at any moment, with one tap or one key. The touch ends for both of you straight away, and nobody is asked why.';

/** Settings for each practice, by id. */
export interface PracticeParameters {
  readonly 'paced-breathing': PacedBreathingParameters;
  readonly grounding: GroundingParameters;
  readonly 'breath-sync': BreathSyncParameters;
  readonly mirroring: MirroringParameters;
  readonly movement: MovementParameters;
  readonly touch: TouchParameters;
  readonly 'breathing-touch': BreathingTouchParameters;
  readonly 'share-and-hold': ShareAndHoldParameters;
}

/** Breathing along with a slow guide, alone or side by side. */
export const PACED_BREATHING: PracticeDefinition<PacedBreathingParameters> = {
  id: 'paced-breathing',
  title: 'Paced breathing',
  summary: 'Breathe along with a slow, steady guide, at your own ease.',
  description:
    'A soft shape on the screen grows as you breathe in and shrinks as you breathe out. ' +
    'A longer out-breath often helps the body slow down. ' +
    'You can do this on your own, or side by side with others, each at your own ease. ' +
    'If the pace does not suit you, breathe in whatever way feels comfortable and just watch.',
  steps: [
    'Choose how long each part of the breath lasts, or keep the gentle start: in for 4 seconds, out for 6.',
    'Look over how long it lasts and how to stop.',
    READY_STEP,
    'Breathe in as the shape grows and out as it shrinks.',
    'If it stops feeling good, breathe your own way and keep watching, or stop.',
    'At the end, the guide comes to rest. Take a moment to notice how you are now.',
  ],
  howToStop: HOW_TO_STOP,
  solo: true,
  minParticipants: 1,
  maxParticipants: MAX_PARTICIPANTS,
  defaultDurationMs: 3 * MINUTE_MS,
  minDurationMs: 1 * MINUTE_MS,
  maxDurationMs: 20 * MINUTE_MS,
  roles: [],
  consentsRequired: [],
  excludedBy: [],
  usesPacer: 'breath',
  parameters: pacedBreathingParametersSchema,
};

/** Arriving in the here and now through the senses. */
export const GROUNDING: PracticeDefinition<GroundingParameters> = {
  id: 'grounding',
  title: 'Grounding with your senses',
  summary: 'Come back to the here and now by noticing what your senses pick up.',
  description:
    'This is a quiet way to arrive in the place you are in. ' +
    'You move through your senses one at a time and notice a few things with each. ' +
    'There is nothing to get right. ' +
    'If a step does not suit you, skip it, or stay with the one that feels easiest.',
  steps: [
    'Choose a gentle or a brisk pace, and look over how long it lasts and how to stop.',
    READY_STEP,
    'Settle into a position that feels okay, with your eyes open or resting low.',
    'Look around and quietly name five things you can see.',
    'Notice four things you can feel, like your feet on the floor or the fabric of your clothes.',
    'Listen for three sounds, near or far.',
    'Find two things you can smell, or simply notice the air as it comes in.',
    'Notice one thing you can taste, or just how your mouth feels.',
    'Take one slower breath and notice how you are now. Whatever you find is fine.',
  ],
  howToStop: HOW_TO_STOP,
  solo: true,
  minParticipants: 1,
  maxParticipants: MAX_PARTICIPANTS,
  defaultDurationMs: 3 * MINUTE_MS,
  minDurationMs: 1 * MINUTE_MS,
  maxDurationMs: 10 * MINUTE_MS,
  roles: [],
  consentsRequired: [],
  excludedBy: [],
  usesPacer: 'none',
  parameters: groundingParametersSchema,
};

/** Everyone breathing to one shared guide. */
export const BREATH_SYNC: PracticeDefinition<BreathSyncParameters> = {
  id: 'breath-sync',
  title: 'Breathing together',
  summary: 'Breathe at the same pace as the people with you, following one shared guide.',
  description:
    'Everyone follows the same guide, so your breaths rise and fall together. ' +
    'You can sit side by side or face each other, in one room or on your own screens. ' +
    'Breathing together is a simple way to feel less alone. ' +
    'If your breath wants its own pace for a while, let it, and join back in when you like.',
  steps: [
    'Choose a breath together, or keep the gentle start: in for 4 seconds, out for 6.',
    'Look over how long it lasts and how to stop.',
    READY_STEP,
    'The guide starts on every screen at the same moment.',
    'Breathe in as it grows and out as it shrinks. If you like, notice the others breathing with you.',
    'If you lose the rhythm, wait for the next in-breath and join again.',
    'At the end, notice how you feel. You can share it, or keep it to yourself.',
  ],
  howToStop: HOW_TO_STOP,
  solo: false,
  minParticipants: 2,
  maxParticipants: MAX_PARTICIPANTS,
  defaultDurationMs: 3 * MINUTE_MS,
  minDurationMs: 1 * MINUTE_MS,
  maxDurationMs: 20 * MINUTE_MS,
  roles: [],
  consentsRequired: [],
  excludedBy: [],
  usesPacer: 'breath',
  parameters: breathSyncParametersSchema,
};

/** Meeting a revved-up person at their pace, then slowing down together. */
export const MIRRORING: PracticeDefinition<MirroringParameters> = {
  id: 'mirroring',
  title: 'Meet, then slow together',
  summary:
    'The guide starts at the pace of the person who feels most revved up, then eases down with everyone breathing along.',
  description:
    'When someone is stirred up, being asked to calm down straight away rarely helps. ' +
    'Here, everyone first meets them where they are, breathing at their quicker pace. ' +
    'Then the guide slows a little at a time, and everyone slows with it. ' +
    'Nobody is pushed, and the slowing can be as gentle as you like.',
  steps: [
    'Choose who leads: the person who feels most revved up or on edge right now.',
    'The leader picks a starting pace close to how fast they are breathing now. A guess is fine.',
    'Together, choose a slower pace to end at and how gently to get there, or keep the defaults.',
    'Look over how long it lasts and how to stop.',
    READY_STEP,
    "Everyone breathes with the guide at the leader's pace for a little while.",
    'Little by little the guide slows, and you all slow with it.',
    'If the slowing feels too quick, pause, and start again with a gentler change.',
    'At the end, stay with the slower pace for a few breaths and notice what has shifted, if anything.',
  ],
  howToStop: HOW_TO_STOP,
  solo: false,
  minParticipants: 2,
  maxParticipants: MAX_PARTICIPANTS,
  defaultDurationMs: 4 * MINUTE_MS,
  minDurationMs: 1 * MINUTE_MS,
  maxDurationMs: 20 * MINUTE_MS,
  roles: [
    {
      id: 'leader',
      name: 'The one we meet',
      description:
        'Whoever feels most revved up right now. The guide starts at their pace, and they set how it feels.',
      min: 1,
      max: 1,
    },
    {
      id: 'partner',
      name: 'Meeting the leader',
      description:
        "Match the leader's pace first, then slow down together, staying steady and close.",
      min: 1,
      max: MAX_PARTICIPANTS - 1,
    },
  ],
  consentsRequired: [],
  excludedBy: [],
  usesPacer: 'breath',
  parameters: mirroringParametersSchema,
};

/** Swaying or walking to a shared beat. */
export const MOVEMENT: PracticeDefinition<MovementParameters> = {
  id: 'movement',
  title: 'Moving in time',
  summary: 'Sway or walk together to the same steady beat.',
  description:
    'Rhythm can help a busy body find its feet. ' +
    'Everyone follows the same soft beat, swaying from side to side or walking, at a pace you choose together. ' +
    'Move in whatever way your body allows today. ' +
    'Small movements count just as much as big ones, and sitting down is always fine.',
  steps: [
    'Choose together: a slow sway, or a gentle walk on the spot or around the room.',
    'Choose a beat, or keep the default for the way you are moving.',
    'Look over how long it lasts and how to stop.',
    READY_STEP,
    'The beat starts on every screen at the same moment.',
    'Sway or step with each beat. Make it smaller, bigger or seated whenever you like.',
    'As it ends, let the movement get smaller until you are still, and notice your feet on the ground.',
  ],
  howToStop: HOW_TO_STOP,
  solo: false,
  minParticipants: 2,
  maxParticipants: MAX_PARTICIPANTS,
  defaultDurationMs: 3 * MINUTE_MS,
  minDurationMs: 1 * MINUTE_MS,
  maxDurationMs: 15 * MINUTE_MS,
  roles: [],
  consentsRequired: [],
  excludedBy: [],
  usesPacer: 'tempo',
  parameters: movementParametersSchema,
};

/** A short, still, agreed touch between two people in one room. */
export const TOUCH: PracticeDefinition<TouchParameters> = {
  id: 'touch',
  title: 'A steadying hand',
  summary:
    "With both people's clear yes, one rests a hand on the other for a short while, in a place you agreed.",
  description:
    'A kind, still touch can tell the body it is not alone. ' +
    'This is for two people in the same room, and it only happens when both of you say yes. ' +
    'You agree where the hand will rest before anything starts, and it stays there. ' +
    'Either of you can take back your yes at any moment, and the touch ends for both of you. ' +
    'Start small: a short time is plenty.',
  steps: [
    'Agree who offers the touch and who receives it.',
    'Agree where the hand will rest: holding a hand, on a shoulder, on the upper back or over the heart.',
    'The one offering asks out loud if it is okay. The other answers freely. No is a full answer.',
    'Both of you say yes to touch in the app. Without both, it does not start.',
    'Look over how long it lasts and how to stop.',
    READY_STEP,
    'The hand rests gently in the agreed place and stays still.',
    'Both of you notice your breath and the warmth of the contact. There is no need to talk.',
    'Either of you can take back your yes with one tap, and the touch stops for both of you.',
    'At the end, the hand lifts slowly. Take a moment before talking about how it was, if you want to.',
  ],
  howToStop: HOW_TO_STOP_TOUCH,
  solo: false,
  minParticipants: 2,
  maxParticipants: 2,
  defaultDurationMs: 2 * MINUTE_MS,
  minDurationMs: 30 * SECOND_MS,
  maxDurationMs: 10 * MINUTE_MS,
  roles: [
    {
      id: 'receiver',
      name: 'The one receiving',
      description: 'Lets the hand rest where you both agreed, and can say stop at any moment.',
      min: 1,
      max: 1,
    },
    {
      id: 'giver',
      name: 'The one offering',
      description:
        'Asks first, rests a hand gently in the agreed place and keeps it still. Can stop at any moment too.',
      min: 1,
      max: 1,
    },
  ],
  consentsRequired: ['touch'],
  excludedBy: ['touch'],
  usesPacer: 'none',
  parameters: touchParametersSchema,
};

/**
 * One person breathes, the other rests a hand and follows. The pacer starts at the pace the
 * breather picks (a setting, not a measurement), so the practice is excluded by the touch
 * boundary only; see the note at the top of this file.
 */
export const BREATHING_TOUCH: PracticeDefinition<BreathingTouchParameters> = {
  id: 'breathing-touch',
  title: 'Feeling a breath',
  summary:
    'One person breathes in their own way while the other rests a hand on them and follows along.',
  description:
    'This is for two people in the same room, and it only happens when both of you say yes to touch. ' +
    'One of you simply breathes. ' +
    'The other rests a hand lightly where you agreed and follows that breath, without trying to change it. ' +
    "The guide on the screen starts at the breather's pace, so the listener has a rhythm to tune into. " +
    'Either of you can take back your yes at any moment, and it ends for both of you.',
  steps: [
    'Agree who breathes and who listens.',
    'Agree where the hand will rest: on the upper back, the chest or the belly.',
    'The breather picks a starting pace close to how they breathe now. A guess is fine.',
    'The listener asks out loud if the touch is okay. No is a full answer.',
    'Both of you say yes to touch in the app. Without both, it does not start.',
    'Look over how long it lasts and how to stop.',
    READY_STEP,
    'The listener rests a hand lightly and follows the rise and fall beneath it.',
    'The breather keeps breathing their own way. The guide is there to lean on, not to keep up with.',
    'Either of you can take back your yes with one tap, and it stops for both of you.',
    'At the end, the hand lifts slowly. You can each say one word about how it was, or nothing at all.',
  ],
  howToStop: HOW_TO_STOP_TOUCH,
  solo: false,
  minParticipants: 2,
  maxParticipants: 2,
  defaultDurationMs: 2 * MINUTE_MS,
  minDurationMs: 30 * SECOND_MS,
  maxDurationMs: 10 * MINUTE_MS,
  roles: [
    {
      id: 'breather',
      name: 'The one breathing',
      description: 'Breathes in their own way. Their pace is where the guide starts.',
      min: 1,
      max: 1,
    },
    {
      id: 'listener',
      name: 'The one listening',
      description:
        "Rests a hand lightly and follows the breather's rhythm, without leading or changing it.",
      min: 1,
      max: 1,
    },
  ],
  consentsRequired: ['touch'],
  excludedBy: ['touch'],
  usesPacer: 'breath',
  parameters: breathingTouchParametersSchema,
};

/** Taking turns: one person shares while the others listen and stay steady. */
export const SHARE_AND_HOLD: PracticeDefinition<ShareAndHoldParameters> = {
  id: 'share-and-hold',
  title: 'One shares, one holds',
  summary:
    'Take turns: one person talks about something that matters to them while the others listen and stay steady.',
  description:
    'In each turn, one person shares and the others hold the space. ' +
    'Holding the space means listening and staying with your own breath, without fixing or advising. ' +
    'Feeling something while someone stays steady beside you can be very different from facing it alone. ' +
    'Start with something small. ' +
    'Each turn has a set length, so everyone knows when it ends.',
  steps: [
    'Choose how long each turn lasts and how many turns each person takes, or keep the defaults.',
    'Decide who shares first. Everyone gets the same number of turns.',
    'Each person chooses what they want to share, if anything. Something small is a good start.',
    'Look over how long it lasts and how to stop.',
    READY_STEP,
    'The one sharing talks. The others listen, breathe and let the words land.',
    'A soft signal marks the end of the turn. The ones holding can say back one word they heard.',
    'Then the next person shares, until everyone has had their turns.',
    'At the end, take a few breaths together before talking about anything else.',
  ],
  howToStop: HOW_TO_STOP,
  solo: false,
  minParticipants: 2,
  maxParticipants: MAX_PARTICIPANTS,
  defaultDurationMs: 3 * MINUTE_MS,
  minDurationMs: 1 * MINUTE_MS,
  maxDurationMs: 60 * MINUTE_MS,
  roles: [
    {
      id: 'sharer',
      name: 'The one sharing',
      description:
        'Talks about whatever they choose, for as much or as little of the turn as they like. Silence is okay too.',
      min: 1,
      max: 1,
    },
    {
      id: 'holder',
      name: 'Holding space',
      description:
        'Listen, stay with your own breath and let the one sharing be heard. No advice, no fixing.',
      min: 1,
      max: MAX_PARTICIPANTS - 1,
    },
  ],
  consentsRequired: [],
  excludedBy: [],
  usesPacer: 'none',
  parameters: shareAndHoldParametersSchema,
  holderPrompts: [
    'Listen without trying to fix anything.',
    'Notice your own breath, and let it stay slow.',
    'Feel your feet on the floor.',
    'If your own story starts to pull at you, come back to their voice.',
    'Let the quiet moments be. They do not need filling.',
    'When the turn ends, say back one word you heard.',
    'You can pause too, if it gets to be a lot for you.',
  ],
};

/** Every practice with its own settings type, by id. */
export const PRACTICE_DEFINITIONS: {
  readonly [I in PracticeId]: PracticeDefinition<PracticeParameters[I]>;
} = {
  'paced-breathing': PACED_BREATHING,
  grounding: GROUNDING,
  'breath-sync': BREATH_SYNC,
  mirroring: MIRRORING,
  movement: MOVEMENT,
  touch: TOUCH,
  'breathing-touch': BREATHING_TOUCH,
  'share-and-hold': SHARE_AND_HOLD,
};

/** Every practice by id, with settings left open; iterate in `PRACTICE_IDS` order. */
export const PRACTICES: Readonly<Record<PracticeId, PracticeDefinition<unknown>>> =
  PRACTICE_DEFINITIONS;

/** Every practice in catalogue order: solo practices first, then gentler work together first. */
export const PRACTICE_LIST: readonly PracticeDefinition<unknown>[] = PRACTICE_IDS.map(
  (id) => PRACTICES[id],
);

/** The practice with this id, or undefined when there is none. */
export function practiceById(id: string): PracticeDefinition<unknown> | undefined {
  return isPracticeId(id) ? PRACTICES[id] : undefined;
}

/** Whether a practice is made for this many people. */
export function practiceFitsCount(
  definition: PracticeDefinition<unknown>,
  participantCount: number,
): boolean {
  return (
    Number.isInteger(participantCount) &&
    participantCount >= definition.minParticipants &&
    participantCount <= definition.maxParticipants
  );
}

/**
 * The practices to offer a group, in catalogue order: only those no present person's boundaries
 * rule out, and that fit the number of people. `boundariesOfEveryone` has one entry per person
 * present.
 */
export function practicesOfferedTo(
  boundariesOfEveryone: readonly Boundaries[],
  participantCount: number,
): readonly PracticeDefinition<unknown>[] {
  return PRACTICE_LIST.filter(
    (definition) =>
      practiceFitsCount(definition, participantCount) &&
      !boundariesOfEveryone.some((boundaries) =>
        boundariesExclude(boundaries, definition.excludedBy),
      ),
  );
}

/** The outcome of reading a practice's settings: the settings, or a sentence to act on. */
export type PracticeParametersResult<P> =
  { readonly ok: true; readonly parameters: P } | { readonly ok: false; readonly message: string };

/** Shown when settings arrive for a practice the catalogue does not have. */
export const UNKNOWN_PRACTICE_MESSAGE =
  'That practice is not one Attune offers. Pick one from the list.';

/** Shown if a setting is rejected without its own sentence (a safety net; should not happen). */
const FALLBACK_SETTINGS_MESSAGE =
  'One of the settings is outside what this practice allows. Try the defaults.';

/**
 * Reads settings for a practice, filling in defaults; leaving them out (undefined) gives the
 * defaults. A rejection carries the first problem as a sentence a person can act on.
 */
export function practiceParametersParse<I extends PracticeId>(
  id: I,
  raw: unknown,
): PracticeParametersResult<PracticeParameters[I]>;
/** Reads settings for a practice named by any string; unknown names get a plain sentence. */
export function practiceParametersParse(
  id: string,
  raw: unknown,
): PracticeParametersResult<unknown>;
export function practiceParametersParse(
  id: string,
  raw: unknown,
): PracticeParametersResult<unknown> {
  const definition = practiceById(id);
  if (!definition) return { ok: false, message: UNKNOWN_PRACTICE_MESSAGE };
  const result = definition.parameters.safeParse(raw === undefined ? {} : raw);
  if (result.success) return { ok: true, parameters: result.data };
  return { ok: false, message: result.error.issues[0]?.message ?? FALLBACK_SETTINGS_MESSAGE };
}

/** The outcome of checking a practice's length: the length, or a sentence to act on. */
export type PracticeDurationResult =
  | { readonly ok: true; readonly durationMs: number }
  | { readonly ok: false; readonly message: string };

/** Checks that a chosen length is one this practice allows. */
export function practiceDurationCheck(
  definition: PracticeDefinition<unknown>,
  durationMs: number,
): PracticeDurationResult {
  if (
    Number.isFinite(durationMs) &&
    durationMs >= definition.minDurationMs &&
    durationMs <= definition.maxDurationMs
  ) {
    return { ok: true, durationMs };
  }
  return {
    ok: false,
    message: `Choose a length for "${definition.title}" between ${durationInWords(definition.minDurationMs)} and ${durationInWords(definition.maxDurationMs)}.`,
  };
}
