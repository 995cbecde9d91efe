/**
 * Session commands as they travel on the wire, as zod schemas. The server parses every frame with
 * these before anything else looks at it; the decider then applies the rules.
 */
import { z } from 'zod';
import { BOUNDARY_KINDS, CONSENT_KINDS } from '../boundaries/boundary.ts';

/**
 * Things a person's body told only them (a sensor noticed it first) and they chose to tell the
 * others: `flooding` is a heart rate well above their own resting rate for a while.
 */
export const BODY_NOTICES = ['flooding'] as const;

/** One kind of body notice. */
export type BodyNotice = (typeof BODY_NOTICES)[number];
import {
  CHECK_IN_INTENSITY_MAX,
  CHECK_IN_INTENSITY_MIN,
  NERVOUS_SYSTEM_STATES,
} from '../states/nervous-system-state.ts';

/** Longest display name, in characters. */
export const DISPLAY_NAME_MAX_CHARS = 40;
/** Longest check-in note, in characters. */
export const CHECK_IN_NOTE_MAX_CHARS = 1000;
/** Most body-sensation tags on one check-in. */
export const CHECK_IN_TAGS_MAX = 12;
/** Longest body-sensation tag, in characters. */
export const CHECK_IN_TAG_MAX_CHARS = 40;
/** Longest client-made command id, in characters. */
export const COMMAND_ID_MAX_CHARS = 64;

const identifier = z
  .string()
  .min(8)
  .max(COMMAND_ID_MAX_CHARS)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "-" or "_" only.');

/** A display name: trimmed, 1..40 characters, no control characters. */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'Please choose a name of at least one character.')
  .max(DISPLAY_NAME_MAX_CHARS, `Please keep your name to ${DISPLAY_NAME_MAX_CHARS} characters.`)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'Names cannot contain control characters.');

/** What a person rules out for themselves; every kind must be stated. */
export const boundariesSchema = z.strictObject(
  Object.fromEntries(BOUNDARY_KINDS.map((kind) => [kind, z.boolean()])) as Record<
    (typeof BOUNDARY_KINDS)[number],
    z.ZodBoolean
  >,
);

const checkInSchema = z.strictObject({
  type: z.literal('checkIn'),
  state: z.enum(NERVOUS_SYSTEM_STATES),
  intensity: z.number().int().min(CHECK_IN_INTENSITY_MIN).max(CHECK_IN_INTENSITY_MAX),
  tags: z
    .array(z.string().trim().min(1).max(CHECK_IN_TAG_MAX_CHARS))
    .max(CHECK_IN_TAGS_MAX)
    .default([]),
  note: z.string().max(CHECK_IN_NOTE_MAX_CHARS).default(''),
  visibility: z.enum(['private', 'shared']).default('private'),
  moment: z.enum(['before', 'after', 'any']).default('any'),
});

/** Every command a participant can send into a live session. */
export const sessionCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('createSession'), maxParticipants: z.number().int().min(2).max(8).default(8) }),
  z.strictObject({
    type: z.literal('join'),
    displayName: displayNameSchema,
    boundaries: boundariesSchema,
  }),
  z.strictObject({ type: z.literal('leave') }),
  z.strictObject({ type: z.literal('setBoundaries'), boundaries: boundariesSchema }),
  checkInSchema,
  z.strictObject({
    type: z.literal('proposePractice'),
    practiceId: z.string().min(1).max(40),
    durationMs: z.number().int().positive().optional(),
    parameters: z.record(z.string(), z.unknown()).default({}),
    roles: z.record(z.string(), z.string().max(40)).default({}),
  }),
  z.strictObject({ type: z.literal('withdrawProposal') }),
  z.strictObject({ type: z.literal('setReady'), ready: z.boolean() }),
  z.strictObject({ type: z.literal('giveConsent'), consent: z.enum(CONSENT_KINDS) }),
  z.strictObject({ type: z.literal('withdrawConsent'), consent: z.enum(CONSENT_KINDS) }),
  z.strictObject({ type: z.literal('startPractice') }),
  z.strictObject({ type: z.literal('pause'), sayItWasMe: z.boolean().default(false) }),
  z.strictObject({ type: z.literal('resume') }),
  z.strictObject({ type: z.literal('advanceTurn'), fromTurnIndex: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('endPractice'), outcome: z.enum(['completed', 'stopped']) }),
  z.strictObject({ type: z.literal('endSession') }),
  z.strictObject({ type: z.literal('shareBodyNotice'), notice: z.enum(BODY_NOTICES) }),
]);

/** A session command after parsing (defaults filled in). */
export type SessionCommand = z.output<typeof sessionCommandSchema>;

/** The `type` of any session command. */
export type SessionCommandType = SessionCommand['type'];

/** A client-made command id: unique per session, reused only to retry the same command. */
export const commandIdSchema = identifier;
