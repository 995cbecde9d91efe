/**
 * The realtime wire format alone: what a client may send (zod schemas, checked on every frame)
 * and what the server sends back (types). Every message is a JSON object with a `type`.
 */
import { z } from 'zod';
import type { RejectionCode } from './rejection-codes.ts';
import { commandIdSchema, sessionCommandSchema } from './commands.ts';
import { signalBatchSchema, type SignalsMessage } from './signals.ts';

/** Bumped whenever a message changes shape; a client on another version is told so plainly. */
export const PROTOCOL_VERSION = 1;

/** The largest frame the server reads, in bytes; larger ones are answered with `frame_too_large`. */
export const FRAME_MAX_BYTES = 16 * 1024;

/** Most events sent in one `events` message during catch-up. */
export const CATCH_UP_PAGE_SIZE = 500;

/** Every message a client can send. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('hello'),
    protocolVersion: z.number().int(),
    /** The last seq this device already holds; 0 for none. */
    lastSeq: z.number().int().min(0),
  }),
  z.strictObject({ type: z.literal('command'), commandId: commandIdSchema, command: sessionCommandSchema }),
  z.strictObject({ type: z.literal('ping'), pingId: z.number().int().min(0), clientSentAtMs: z.number() }),
  signalBatchSchema,
]);

/** A parsed client message. */
export type ClientMessage = z.output<typeof clientMessageSchema>;

/** What a command came to, as sent in its acknowledgement. */
export type CommandOutcome =
  | { readonly ok: true; readonly firstSeq: number | null; readonly lastSeq: number | null }
  | { readonly ok: false; readonly code: RejectionCode; readonly message: string };

/** One event on the wire: its place in the log and the event as this viewer may see it. */
export interface WireEvent {
  readonly seq: number;
  readonly atMs: number;
  readonly event: { readonly type: string } & Readonly<Record<string, unknown>>;
}

/** Stable codes for problems with a frame or the connection itself (not with a command). */
export const PROTOCOL_ERROR_CODES = {
  malformedFrame: 'malformed_frame',
  frameTooLarge: 'frame_too_large',
  invalidMessage: 'invalid_message',
  protocolVersion: 'protocol_version',
  helloFirst: 'hello_first',
  rateLimited: 'rate_limited',
  /** Samples sent while this person's boundaries rule out sharing physiology: not passed on, not kept. */
  notSharing: 'not_sharing',
  /** Samples sent before this person joined the session. */
  notPresent: 'not_present',
} as const;

/** One protocol error code. */
export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODES)[keyof typeof PROTOCOL_ERROR_CODES];

/** WebSocket close codes the server uses (4000–4999 are the application's own). */
export const CLOSE_CODES = {
  normal: 1000,
  goingAway: 1001,
  policyViolation: 1008,
  tooLarge: 1009,
  /** The server is restarting or the session was rewritten: reconnect soon (to any node). */
  serviceRestart: 1012,
  unauthorized: 4401,
  forbidden: 4403,
  sessionNotFound: 4404,
} as const;

/** Every message the server sends. */
export type ServerMessage =
  | {
      readonly type: 'welcome';
      readonly protocolVersion: number;
      readonly sessionId: string;
      readonly participantId: string;
      /** Whether this person is in the session; if not, they send `join` and events follow. */
      readonly present: boolean;
      readonly serverTimeMs: number;
    }
  | { readonly type: 'events'; readonly events: readonly WireEvent[] }
  | SignalsMessage
  /** Sent once a catch-up has reached the live edge. */
  | { readonly type: 'caughtUp'; readonly lastSeq: number }
  | { readonly type: 'ack'; readonly commandId: string; readonly outcome: CommandOutcome }
  | {
      readonly type: 'pong';
      readonly pingId: number;
      readonly clientSentAtMs: number;
      readonly serverReceivedAtMs: number;
      readonly serverSentAtMs: number;
    }
  | { readonly type: 'error'; readonly code: ProtocolErrorCode; readonly message: string; readonly commandId?: string };
