/**
 * The settings each practice accepts, as zod schemas with defaults. Every rejection carries a
 * sentence a person can act on ("Choose a turn length between 30 seconds and 1 minute."), so a
 * screen can show the message as it is.
 */
import { z } from 'zod';
import type { BreathPattern } from '../pacer/schedule.ts';
import { durationInWords } from './wording.ts';

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;

/** Shown when the settings are not an object at all (for example a bare number). */
export const UNREADABLE_SETTINGS_MESSAGE =
  'These settings could not be read. Try choosing them again, or keep the defaults.';

/** The smallest and largest value a setting allows, both included. */
export interface SettingRange {
  readonly min: number;
  readonly max: number;
}

/** A number schema whose every rejection is the same actionable sentence. */
function numberWithin(range: SettingRange, message: string): z.ZodNumber {
  return z
    .number({ error: message })
    .min(range.min, { error: message })
    .max(range.max, { error: message });
}

/** A number schema that says "Choose <what> between <both ends of the range>." */
function chooseWithin(
  what: string,
  range: SettingRange,
  describe: (range: SettingRange) => string,
): z.ZodNumber {
  return numberWithin(range, `Choose ${what} between ${describe(range)}.`);
}

/** An object schema that reports a non-object in plain words. */
function settings<S extends z.ZodRawShape>(shape: S): z.ZodObject<S> {
  return z.object(shape, { error: UNREADABLE_SETTINGS_MESSAGE });
}

const durations = (range: SettingRange): string =>
  `${durationInWords(range.min)} and ${durationInWords(range.max)}`;
const perMinute =
  (unit: string) =>
  (range: SettingRange): string =>
    `${String(range.min)} and ${String(range.max)} ${unit} a minute`;
const breathsPerMinute = perMinute('breaths');
const beatsPerMinute = perMinute('beats');
const percent = (share: number): string => `${String(Math.round(share * 100))}%`;

// ---------------------------------------------------------------------------------------------
// Breath patterns (paced-breathing, breath-sync)

/** How long an in-breath or out-breath may last: holds may be zero, breathing itself may not. */
export const BREATH_MOVING_PART_RANGE_MS = { min: 1 * SECOND_MS, max: 20 * SECOND_MS } as const;

/** How long a pause after breathing in or out may last. */
export const BREATH_HOLD_RANGE_MS = { min: 0, max: 20 * SECOND_MS } as const;

/** The default breath: in for 4 seconds, out for 6, no holds. A longer out-breath tends to settle. */
export const DEFAULT_BREATH_PATTERN: BreathPattern = {
  inhaleMs: 4 * SECOND_MS,
  holdAfterInhaleMs: 0,
  exhaleMs: 6 * SECOND_MS,
  holdAfterExhaleMs: 0,
};

/** A breath pattern; any part left out takes its default, so `{}` gives 4 in, 6 out. */
export const breathPatternSchema = settings({
  inhaleMs: chooseWithin('an in-breath', BREATH_MOVING_PART_RANGE_MS, durations).default(
    DEFAULT_BREATH_PATTERN.inhaleMs,
  ),
  holdAfterInhaleMs: chooseWithin(
    'a pause after breathing in',
    BREATH_HOLD_RANGE_MS,
    durations,
  ).default(DEFAULT_BREATH_PATTERN.holdAfterInhaleMs),
  exhaleMs: chooseWithin('an out-breath', BREATH_MOVING_PART_RANGE_MS, durations).default(
    DEFAULT_BREATH_PATTERN.exhaleMs,
  ),
  holdAfterExhaleMs: chooseWithin(
    'a pause after breathing out',
    BREATH_HOLD_RANGE_MS,
    durations,
  ).default(DEFAULT_BREATH_PATTERN.holdAfterExhaleMs),
});

// Settings are type aliases, not interfaces, so they stay assignable to Record<string, unknown>.

/** Settings for paced breathing on your own. */
export type PacedBreathingParameters = {
  readonly pattern: BreathPattern;
};

/** Paced breathing: one breath pattern, 4 in and 6 out unless chosen otherwise. */
export const pacedBreathingParametersSchema = settings({
  pattern: breathPatternSchema.prefault({}),
});

/** Settings for breathing together to one shared guide. */
export type BreathSyncParameters = {
  readonly pattern: BreathPattern;
};

/** Breathing together: the same breath pattern as paced breathing, shared by everyone. */
export const breathSyncParametersSchema = settings({
  pattern: breathPatternSchema.prefault({}),
});

// ---------------------------------------------------------------------------------------------
// Grounding

/** How long each grounding step lasts: gentle gives more time to each sense. */
export const GROUNDING_PACES = ['gentle', 'brisk'] as const;

/** One grounding pace. */
export type GroundingPace = (typeof GROUNDING_PACES)[number];

/** Settings for grounding with the senses. */
export type GroundingParameters = {
  readonly pace: GroundingPace;
};

/** Grounding: only the pace, gentle by default. */
export const groundingParametersSchema = settings({
  pace: z.enum(GROUNDING_PACES, { error: 'Choose a gentle or a brisk pace.' }).default('gentle'),
});

// ---------------------------------------------------------------------------------------------
// Breathing rates (mirroring, breathing-touch)

/** The slowest and quickest starting pace, in breaths a minute. */
export const START_BREATHS_PER_MIN_RANGE = { min: 4, max: 30 } as const;

/** The slowest and quickest pace mirroring can ease towards, in breaths a minute. */
export const TARGET_BREATHS_PER_MIN_RANGE = { min: 4, max: 20 } as const;

/** How much of each breath is the in-breath, when the guide is built from a rate. */
export const INHALE_SHARE_RANGE = { min: 0.3, max: 0.6 } as const;

/** How long mirroring may take to ease from the starting pace to the slower one. */
export const RAMP_DURATION_RANGE_MS = { min: 30 * SECOND_MS, max: 10 * MINUTE_MS } as const;

const inhaleShareSchema = numberWithin(
  INHALE_SHARE_RANGE,
  `Choose an in-breath that takes between ${percent(INHALE_SHARE_RANGE.min)} and ${percent(INHALE_SHARE_RANGE.max)} of each breath.`,
);

/**
 * Follow-the-breath: the pacer shows the leading person's breath as their sensor reads it. Off
 * unless chosen, and only ever from someone whose boundaries allow sharing physiology.
 */
const followSensedBreathSchema = z.boolean({ error: 'Choose whether the pacer follows the sensed breath: yes or no.' }).default(false);

/** Settings for mirroring: meet the leader's pace, then ease down together. */
export type MirroringParameters = {
  /** The leader's breathing pace as they judge it: a guess is fine, nothing is measured. */
  readonly startBreathsPerMin: number;
  readonly targetBreathsPerMin: number;
  readonly rampDurationMs: number;
  /** The part of each breath spent breathing in (0.4: in for 4 parts, out for 6). */
  readonly inhaleShare: number;
  /**
   * Whether the pacer follows the leader's sensed breath while their sensor is sharing it,
   * falling back to the chosen pace whenever it is not (so a guess is still fine).
   */
  readonly followSensedBreath: boolean;
};

/** Mirroring: from 14 breaths a minute down to 6 over two minutes, unless chosen otherwise. */
export const mirroringParametersSchema = settings({
  startBreathsPerMin: chooseWithin(
    'a starting pace',
    START_BREATHS_PER_MIN_RANGE,
    breathsPerMinute,
  ).default(14),
  targetBreathsPerMin: chooseWithin(
    'a pace to ease towards',
    TARGET_BREATHS_PER_MIN_RANGE,
    breathsPerMinute,
  ).default(6),
  rampDurationMs: chooseWithin(
    'a time to ease down over',
    RAMP_DURATION_RANGE_MS,
    durations,
  ).default(2 * MINUTE_MS),
  inhaleShare: inhaleShareSchema.default(0.4),
  followSensedBreath: followSensedBreathSchema,
});

// ---------------------------------------------------------------------------------------------
// Movement

/** Ways to move together: a side-to-side sway, or walking (on the spot or around the room). */
export const MOVEMENT_MODES = ['sway', 'walk'] as const;

/** One way to move together. */
export type MovementMode = (typeof MOVEMENT_MODES)[number];

/** The default beat for each way of moving, in beats a minute. */
export const MOVEMENT_DEFAULT_BEATS_PER_MIN: Readonly<Record<MovementMode, number>> = {
  sway: 12,
  walk: 90,
};

/** The slowest and quickest beat, in beats a minute. */
export const MOVEMENT_BEATS_PER_MIN_RANGE = { min: 6, max: 120 } as const;

/** Settings for moving in time together. */
export type MovementParameters = {
  readonly mode: MovementMode;
  readonly beatsPerMin: number;
};

/** Movement: a sway at 12 beats a minute by default; walking defaults to 90. */
export const movementParametersSchema = settings({
  mode: z.enum(MOVEMENT_MODES, { error: 'Choose to sway or to walk.' }).default('sway'),
  beatsPerMin: chooseWithin('a beat', MOVEMENT_BEATS_PER_MIN_RANGE, beatsPerMinute).optional(),
}).transform((raw): MovementParameters => ({
  mode: raw.mode,
  beatsPerMin: raw.beatsPerMin ?? MOVEMENT_DEFAULT_BEATS_PER_MIN[raw.mode],
}));

// ---------------------------------------------------------------------------------------------
// Touch

/** Where a steadying hand may rest, agreed before anything starts. */
export const TOUCH_PLACEMENTS = ['hand', 'shoulder', 'upper-back', 'heart'] as const;

/** One agreed place for a steadying hand. */
export type TouchPlacement = (typeof TOUCH_PLACEMENTS)[number];

/** Settings for a steadying hand. */
export type TouchParameters = {
  readonly placement: TouchPlacement;
};

/** Touch: the place is agreed up front; a shoulder by default. */
export const touchParametersSchema = settings({
  placement: z
    .enum(TOUCH_PLACEMENTS, {
      error:
        'Choose where the hand will rest: a held hand, a shoulder, the upper back or the heart.',
    })
    .default('shoulder'),
});

/** Where the listener's hand may rest while following a breath. */
export const BREATHING_TOUCH_PLACEMENTS = ['upper-back', 'chest', 'belly'] as const;

/** One agreed place for the listener's hand. */
export type BreathingTouchPlacement = (typeof BREATHING_TOUCH_PLACEMENTS)[number];

/** Settings for feeling a breath. */
export type BreathingTouchParameters = {
  /** The breather's pace as they judge it: a guess is fine, nothing is measured. */
  readonly startBreathsPerMin: number;
  /** The part of each breath spent breathing in. */
  readonly inhaleShare: number;
  readonly placement: BreathingTouchPlacement;
  /** Whether the pacer follows the breather's sensed breath (see mirroring). */
  readonly followSensedBreath: boolean;
};

/** Breathing touch: 12 breaths a minute, 4 parts in to 6 out, a hand on the upper back. */
export const breathingTouchParametersSchema = settings({
  startBreathsPerMin: chooseWithin(
    'a starting pace',
    START_BREATHS_PER_MIN_RANGE,
    breathsPerMinute,
  ).default(12),
  inhaleShare: inhaleShareSchema.default(0.4),
  placement: z
    .enum(BREATHING_TOUCH_PLACEMENTS, {
      error: 'Choose where the hand will rest: the upper back, the chest or the belly.',
    })
    .default('upper-back'),
  followSensedBreath: followSensedBreathSchema,
});

// ---------------------------------------------------------------------------------------------
// Share and hold

/** How long one turn of sharing may last. */
export const TURN_LENGTH_RANGE_MS = { min: 30 * SECOND_MS, max: 10 * MINUTE_MS } as const;

/** How many turns each person may take. */
export const TURNS_EACH_RANGE = { min: 1, max: 4 } as const;

const TURNS_EACH_MESSAGE = `Choose a whole number of turns each, from ${String(TURNS_EACH_RANGE.min)} to ${String(TURNS_EACH_RANGE.max)}.`;

/** Settings for taking turns to share and to hold. */
export type ShareAndHoldParameters = {
  readonly turnLengthMs: number;
  readonly turnsEach: number;
};

/** Share and hold: one turn each of a minute and a half, unless chosen otherwise. */
export const shareAndHoldParametersSchema = settings({
  turnLengthMs: chooseWithin('a turn length', TURN_LENGTH_RANGE_MS, durations).default(
    90 * SECOND_MS,
  ),
  turnsEach: numberWithin(TURNS_EACH_RANGE, TURNS_EACH_MESSAGE)
    .int({ error: TURNS_EACH_MESSAGE })
    .default(1),
});

/** How long share-and-hold lasts in all: every person's turns, one after another. */
export function shareAndHoldTotalMs(
  parameters: ShareAndHoldParameters,
  participantCount: number,
): number {
  return parameters.turnLengthMs * parameters.turnsEach * participantCount;
}
