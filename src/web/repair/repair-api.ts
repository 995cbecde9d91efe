/**
 * Repair's calls to the server (`between-us-api.ts`): a relationship's repairs, one repair, starting
 * one, and one command at a time with an id made here, so a retried send changes nothing twice.
 * The repair arrives as its member may see it; its state is checked against core's shape.
 */
import { z } from 'zod';
import type { RepairView } from '../../core/protocol/between-us-api.ts';
import { REPAIR_ORIGINS, REPAIR_STAGES, type RepairCommand, type RepairOrigin, type RepairState } from '../../core/repair/index.ts';
import { ApiError, apiCall } from '../api/http.ts';
import { commandIdNew } from '../api/command-id.ts';

const proposalSchema = <T extends z.ZodType>(value: T) =>
  z.object({ proposalId: z.string(), proposedBy: z.string(), value, agreedBy: z.array(z.string()), atMs: z.number() });

const turnSchema = z.object({
  turnIndex: z.number(),
  speakerId: z.string(),
  beganAtMs: z.number(),
  words: z.object({ felt: z.string(), needed: z.string() }),
  endedAtMs: z.number().nullable(),
  acknowledgements: z.record(z.string(), z.object({ words: z.string(), atMs: z.number() })),
});

/** A repair's state as the server folded it from what this member may see. */
export const repairStateSchema = z.object({
  status: z.enum(['none', 'open', 'completed', 'setAside']),
  repairId: z.string(),
  memberIds: z.array(z.string()),
  startedBy: z.string(),
  startedFrom: z.enum(REPAIR_ORIGINS),
  ruptureAtMs: z.number(),
  startedAtMs: z.number(),
  sessionId: z.string().nullable(),
  settled: z.record(z.string(), z.object({ practiceId: z.string().nullable(), atMs: z.number() })),
  returnProposal: proposalSchema(z.number()).nullable(),
  agreedReturn: z.object({ returnAtMs: z.number(), agreedAtMs: z.number() }).nullable(),
  arrived: z.record(z.string(), z.number()),
  turns: z.array(turnSchema),
  nextStepProposal: proposalSchema(z.string()).nullable(),
  nextStep: z.string().nullable(),
  away: z.record(z.string(), z.number()),
  completedAtMs: z.number().nullable(),
  setAsideAtMs: z.number().nullable(),
  historyChoices: z.record(z.string(), z.boolean()),
}) satisfies z.ZodType<RepairState>;

/** A repair as one member receives it. The events are not read here: the state already holds them. */
export const repairViewSchema = z.object({
  repairId: z.string(),
  relationshipId: z.string(),
  state: repairStateSchema,
  stage: z.enum(REPAIR_STAGES),
});

/** A repair as this side reads it: the contract's view without its event list. */
export type ReceivedRepair = Omit<RepairView, 'events'>;

const outcomeSchema = z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), code: z.string(), message: z.string() })]);

/** What a command came to: accepted, or turned down with a sentence. */
export type RepairOutcome = z.output<typeof outcomeSchema>;

/** A command's reply: its outcome and the repair as it is now. */
export interface RepairCommandReply {
  readonly outcome: RepairOutcome;
  readonly repair: ReceivedRepair | null;
}

const relationshipRepairsPath = (relationshipId: string) => `/api/relationships/${encodeURIComponent(relationshipId)}/repairs`;
const repairApiPath = (repairId: string) => `/api/repairs/${encodeURIComponent(repairId)}`;

/** The relationship's repairs I am in, oldest first. */
export async function repairsList(relationshipId: string): Promise<readonly ReceivedRepair[]> {
  const reply = await apiCall(relationshipRepairsPath(relationshipId), z.object({ repairs: z.array(repairViewSchema) }));
  return reply.repairs;
}

/** One repair as I may see it. */
export async function repairFetch(repairId: string): Promise<ReceivedRepair> {
  const reply = await apiCall(repairApiPath(repairId), z.object({ repair: repairViewSchema }));
  return reply.repair;
}

/** How a repair begins: where from, when the rupture was (default now), and the live session if any. */
export interface RepairStartRequest {
  readonly origin: RepairOrigin;
  readonly ruptureAtMs?: number;
  readonly sessionId?: string;
}

/**
 * Starts a repair for the relationship; resolves with the repair. A start that is turned down
 * (the other person has not joined yet, say) throws an `ApiError` carrying the sentence to show.
 */
export async function repairStart(relationshipId: string, request: RepairStartRequest, commandId: string = commandIdNew()): Promise<ReceivedRepair> {
  const command = {
    type: 'startRepair' as const,
    startedFrom: request.origin,
    ...(request.ruptureAtMs === undefined ? {} : { ruptureAtMs: Math.round(request.ruptureAtMs) }),
    ...(request.sessionId === undefined ? {} : { sessionId: request.sessionId }),
  };
  const reply = await apiCall(relationshipRepairsPath(relationshipId), z.object({ outcome: outcomeSchema, repair: repairViewSchema.nullable() }), {
    method: 'POST',
    body: { commandId, command },
  });
  if (!reply.outcome.ok) throw new ApiError(200, reply.outcome.code, reply.outcome.message);
  if (reply.repair === null) throw new ApiError(200, 'unexpected_reply', 'The repair could not be opened. Reload the page and try again.');
  return reply.repair;
}

/** Sends one command to a repair. */
export function repairCommandSend(repairId: string, command: Exclude<RepairCommand, { type: 'startRepair' }>, commandId: string = commandIdNew()): Promise<RepairCommandReply> {
  return apiCall(`${repairApiPath(repairId)}/commands`, z.object({ outcome: outcomeSchema, repair: repairViewSchema.nullable() }), {
    method: 'POST',
    body: { commandId, command },
  });
}
