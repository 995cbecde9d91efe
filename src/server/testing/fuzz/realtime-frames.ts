/**
 * Fuzzed frames for the live socket: every client message type (from the zod schemas, each
 * command type on its own) as it should be and as a near miss, hostile text, bytes that are not
 * UTF-8 sent as text, binary frames, and frames past each size limit. `frameExpectation` says
 * what the server must answer to each, worked out from the frame alone.
 */
import fc from 'fast-check';
import { sessionCommandSchema } from '../../../core/protocol/commands.ts';
import { clientMessageSchema } from '../../../core/protocol/messages.ts';
import { jsonShapeProblem } from '../../http/parse.ts';
import { hostilePayload } from './hostile-payloads.ts';
import { zodUnionBranches } from './json-schema-arbitrary.ts';
import { nearMissOf } from './near-miss.ts';

/** One frame to send. */
export interface FuzzFrame {
  readonly what: string;
  readonly data: Buffer;
  /** Sent as a binary frame; otherwise as a text frame (whatever its bytes). */
  readonly binary: boolean;
}

/** What the server must do with a frame. */
export type FrameExpectation =
  /** Answer with an `error` message (the socket stays open). */
  | { readonly kind: 'error' }
  /** Close the socket with this code. */
  | { readonly kind: 'close'; readonly code: number }
  /** A message it accepts: anything but a server failure. */
  | { readonly kind: 'accepted' };

/** The frame limits the server under test runs with. */
export interface FrameLimits {
  /** Largest frame read (larger ones get `frame_too_large`). */
  readonly readableBytes: number;
  /** Largest frame taken at all (larger ones close the socket with 1009). */
  readonly hardMaxBytes: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** What the server must answer to `frame`. */
export function frameExpectation(frame: FuzzFrame, limits: FrameLimits): FrameExpectation {
  if (frame.data.length > limits.hardMaxBytes) return { kind: 'close', code: 1009 };
  if (frame.binary) return { kind: 'error' };
  let text: string;
  try {
    text = strictUtf8.decode(frame.data);
  } catch {
    // RFC 6455: a text frame that is not UTF-8 ends the connection with 1007.
    return { kind: 'close', code: 1007 };
  }
  if (frame.data.length > limits.readableBytes) return { kind: 'error' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'error' };
  }
  if (jsonShapeProblem(value) !== null) return { kind: 'error' };
  return clientMessageSchema.safeParse(value).success ? { kind: 'accepted' } : { kind: 'error' };
}

/** A valid command id, so a near miss elsewhere in the frame is what gets tested. */
const commandId = fc.stringMatching(/^[A-Za-z0-9_-]{8,32}$/);

/** Every client message type as the schema allows it: each command type is its own branch. */
function validMessages(): fc.Arbitrary<unknown>[] {
  const topLevel = zodUnionBranches(clientMessageSchema);
  const commands = zodUnionBranches(sessionCommandSchema).map((command) =>
    fc.record({ type: fc.constant('command'), commandId, command }),
  );
  return [...topLevel, ...commands];
}

/** Fuzzed frames, most of them near misses of real messages. `overHardMax` adds frames that end the socket. */
export function fuzzFrames(limits: FrameLimits, options: { readonly overHardMax: boolean }): fc.Arbitrary<FuzzFrame> {
  const valid = fc.oneof(...validMessages());
  const text = (what: string) => (value: unknown): FuzzFrame => ({ what, data: Buffer.from(JSON.stringify(value), 'utf8'), binary: false });
  const parts: { weight: number; arbitrary: fc.Arbitrary<FuzzFrame> }[] = [
    { weight: 2, arbitrary: valid.map(text('a valid message')) },
    { weight: 6, arbitrary: valid.chain(nearMissOf).map(text('a near miss')) },
    { weight: 3, arbitrary: hostilePayload({ limitBytes: limits.readableBytes, overLimit: true }).map(({ what, bytes }) => ({ what, data: bytes, binary: false })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 256 }).map((bytes) => ({ what: 'a binary frame', data: Buffer.from(bytes), binary: true })) },
  ];
  if (options.overHardMax) {
    parts.push({
      weight: 1,
      arbitrary: fc.integer({ min: limits.hardMaxBytes + 1, max: limits.hardMaxBytes + 4096 }).map((bytes) => ({ what: `a frame of ${String(bytes)} bytes`, data: Buffer.alloc(bytes, 0x20), binary: false })),
    });
  }
  return fc.oneof(...parts);
}
