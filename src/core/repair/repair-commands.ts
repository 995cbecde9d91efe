/**
 * Repair commands as they travel on the wire, as zod schemas. The server parses every command
 * with these first; `repairDecide` then applies the rules in SPEC.md. Every message a schema can
 * produce is a sentence a person can act on, so a screen can show it as it is.
 */
import { z } from 'zod';
import { commandIdSchema } from '../protocol/commands.ts';

/** Longest "what I felt" or "what I needed", in characters. */
export const REPAIR_TURN_WORDS_MAX_CHARS = 2000;
/** Longest acknowledgement in words, in characters: a short "what I heard". */
export const REPAIR_ACKNOWLEDGEMENT_MAX_CHARS = 500;
/** Longest next step, in characters: one small step fits in a sentence or two. */
export const REPAIR_NEXT_STEP_MAX_CHARS = 280;

/** Where a repair began: on its own, or from a pause or a flooding notice in a live session. */
export const REPAIR_ORIGINS = ['self', 'pause', 'flooding'] as const;

/** One place a repair can begin. */
export type RepairOrigin = (typeof REPAIR_ORIGINS)[number];

/** Free text, trimmed, empty allowed, with a plain message when it runs long. */
function wordsUpTo(maxChars: number, what: string): z.ZodType<string, string> {
  return z
    .string({ error: `Write ${what} as text, or leave it empty.` })
    .trim()
    .max(maxChars, { error: `Please keep ${what} to ${String(maxChars)} characters.` });
}

/** An instant in milliseconds; a time that cannot be read gets one plain sentence. */
function instantSchema(message: string): z.ZodNumber {
  return z.number({ error: message }).int({ error: message });
}

const turnIndexSchema = z.number().int().min(0);

const feltSchema = wordsUpTo(REPAIR_TURN_WORDS_MAX_CHARS, 'what you felt');
const neededSchema = wordsUpTo(REPAIR_TURN_WORDS_MAX_CHARS, 'what you needed');

/** Every command a member can send into a repair. */
export const repairCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('startRepair'),
    startedFrom: z.enum(REPAIR_ORIGINS, {
      error: 'Say where this began: on its own, from a pause, or from a body notice.',
    }),
    /** When the rupture happened, if earlier than now; left out, it is the moment of starting. */
    ruptureAtMs: instantSchema(
      'That time could not be read. Choose it again, or leave it out.',
    ).optional(),
    /** The live session it began from, for a start from a pause or a flooding notice. */
    sessionId: commandIdSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('markSettled'),
    /** The solo practice the person used to settle, if they want to note it. */
    practiceId: z.string().min(1).max(40).optional(),
  }),
  z.strictObject({
    type: z.literal('proposeReturnTime'),
    returnAtMs: instantSchema('That time could not be read. Choose a time to come back again.'),
  }),
  z.strictObject({ type: z.literal('acceptReturnTime'), proposalId: commandIdSchema }),
  z.strictObject({ type: z.literal('markHere') }),
  z.strictObject({ type: z.literal('beginTurn') }),
  z.strictObject({
    type: z.literal('saveTurnWords'),
    turnIndex: turnIndexSchema,
    felt: feltSchema.default(''),
    needed: neededSchema.default(''),
  }),
  z.strictObject({
    type: z.literal('endTurn'),
    turnIndex: turnIndexSchema,
    /** Left out: the words last saved stay as they are. */
    felt: feltSchema.optional(),
    needed: neededSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('acknowledgeTurn'),
    turnIndex: turnIndexSchema,
    words: wordsUpTo(REPAIR_ACKNOWLEDGEMENT_MAX_CHARS, 'what you heard').default(''),
  }),
  z.strictObject({
    type: z.literal('proposeNextStep'),
    text: wordsUpTo(REPAIR_NEXT_STEP_MAX_CHARS, 'the next step').pipe(
      z.string().min(1, { error: 'Write one small next step, even a few words.' }),
    ),
  }),
  z.strictObject({ type: z.literal('agreeNextStep'), proposalId: commandIdSchema }),
  z.strictObject({ type: z.literal('stepAway') }),
  z.strictObject({ type: z.literal('stepBack') }),
  z.strictObject({ type: z.literal('setAside') }),
  z.strictObject({
    type: z.literal('setHistoryChoice'),
    keep: z.boolean({ error: 'Choose whether to keep this in your own history: yes or no.' }),
  }),
]);

/** A repair command after parsing (defaults filled in, text trimmed). */
export type RepairCommand = z.output<typeof repairCommandSchema>;

/** The `type` of any repair command. */
export type RepairCommandType = RepairCommand['type'];
