/**
 * Cycle-map commands as zod schemas. The server parses every request with these first; the
 * decider then applies the rules in SPEC.md. Who is acting never travels in the payload.
 */
import { z } from 'zod';
import { cyclePlanSchema, cycleNameSchema, type CyclePlan } from './cycle-plan.ts';
import { cycleSideSchema, type CycleSide } from './cycle-side.ts';

/** Longest map or person id, in characters. */
export const CYCLE_MAP_ID_MAX_CHARS = 64;

const idSchema = (what: string) =>
  z
    .string({ error: `The ${what} is missing. Reload and try again.` })
    .min(1, { error: `The ${what} is missing. Reload and try again.` })
    .max(CYCLE_MAP_ID_MAX_CHARS, { error: `The ${what} is too long. Reload and try again.` })
    .regex(/^[A-Za-z0-9_-]+$/, {
      error: `The ${what} has characters it cannot have. Reload and try again.`,
    });

const UNREADABLE_COMMAND_MESSAGE = 'This request could not be read. Reload the page and try again.';

/** One command's shape; anything it does not expect is refused in the same plain sentence. */
function commandShape<S extends z.ZodRawShape>(shape: S): z.ZodObject<S, z.core.$strict> {
  return z.strictObject(shape, { error: UNREADABLE_COMMAND_MESSAGE });
}

/** Every command a person can send to a cycle map. */
export const cycleMapCommandSchema = z.discriminatedUnion(
  'type',
  [
    commandShape({
      type: z.literal('openMap'),
      mapId: idSchema('map id'),
      partnerId: idSchema('id of the other person'),
    }),
    commandShape({ type: z.literal('saveDraft'), side: cycleSideSchema }),
    commandShape({ type: z.literal('markReady') }),
    commandShape({ type: z.literal('markNotReady') }),
    commandShape({ type: z.literal('agreeToReveal') }),
    commandShape({ type: z.literal('withdrawRevealAgreement') }),
    commandShape({ type: z.literal('nameCycle'), name: cycleNameSchema }),
    commandShape({ type: z.literal('savePlan'), plan: cyclePlanSchema }),
  ],
  { error: UNREADABLE_COMMAND_MESSAGE },
);

/** A cycle-map command after parsing (defaults filled in); `cycleMapCommandParse` checks the fit. */
export type CycleMapCommand =
  | { readonly type: 'openMap'; readonly mapId: string; readonly partnerId: string }
  | { readonly type: 'saveDraft'; readonly side: CycleSide }
  | { readonly type: 'markReady' }
  | { readonly type: 'markNotReady' }
  | { readonly type: 'agreeToReveal' }
  | { readonly type: 'withdrawRevealAgreement' }
  | { readonly type: 'nameCycle'; readonly name: string }
  | { readonly type: 'savePlan'; readonly plan: CyclePlan };

/** The `type` of any cycle-map command. */
export type CycleMapCommandType = CycleMapCommand['type'];

/** The outcome of reading a command: the command, or a sentence to act on. */
export type CycleMapCommandParseResult =
  | { readonly ok: true; readonly command: CycleMapCommand }
  | { readonly ok: false; readonly message: string };

/** Reads a command as it arrived; a refusal carries the first problem as a sentence. */
export function cycleMapCommandParse(raw: unknown): CycleMapCommandParseResult {
  const result = cycleMapCommandSchema.safeParse(raw);
  // Assigning the parsed data to the hand-written type is what keeps the two in step.
  if (result.success) return { ok: true, command: result.data };
  return {
    ok: false,
    message: result.error.issues[0]?.message ?? UNREADABLE_COMMAND_MESSAGE,
  };
}
