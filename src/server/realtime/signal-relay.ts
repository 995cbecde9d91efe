/**
 * Passing body signals on. A batch from one person goes to the devices of everyone present in
 * the session on this node, and to other nodes over the bus, which do the same for theirs. The
 * sender's boundaries are checked on every node at the moment of sending, against that node's
 * current state of the session, so nothing goes out after a person stopped sharing.
 */
import type { SignalSample, SignalsMessage } from '../../core/protocol/signals.ts';
import { sessionMaySeeSignals, sessionSharesPhysiology } from '../../core/session/queries.ts';
import type { Connection } from './connection.ts';
import type { SessionRoom } from './session-room.ts';
import { encodedText, type EncodedText } from './socket.ts';

/** Samples stamped further than this before the server's clock are not kept (a stale device). */
export const SIGNAL_MAX_AGE_MS = 60_000;
/** …or this far after it (a clock not yet in step). */
export const SIGNAL_MAX_AHEAD_MS = 10_000;

/** The bus channel carrying one session's body signals between nodes. */
export function signalsChannel(sessionId: string): string {
  return `signals:${sessionId}`;
}

/** What one node tells the others: a batch already checked where it arrived. */
export interface SignalsNotice {
  readonly nodeId: string;
  readonly participantId: string;
  readonly samples: readonly SignalSample[];
  /**
   * Set when samples were forgotten (a person's, or everyone's when `participantId` is ''):
   * every node drops what it has not stored yet.
   */
  readonly forget?: true;
}

/**
 * A notice as text for the bus. `nodeId` is written first, so `signalsNoticeIsFrom` can tell a
 * node's own notices (every node hears its own publishes) without parsing their samples.
 */
export function signalsNoticeText(notice: SignalsNotice, samplesJson: string = JSON.stringify(notice.samples)): string {
  const forget = notice.forget === true ? ',"forget":true' : '';
  return `{"nodeId":${JSON.stringify(notice.nodeId)},"participantId":${JSON.stringify(notice.participantId)},"samples":${samplesJson}${forget}}`;
}

/** Whether `text` is a notice `nodeId` published (as written by `signalsNoticeText`). */
export function signalsNoticeIsFrom(text: string, nodeId: string): boolean {
  const prefix = `{"nodeId":${JSON.stringify(nodeId)},`;
  return text.startsWith(prefix);
}

/** Parses a notice from the bus, or null for anything malformed. */
export function signalsNoticeParse(text: string): SignalsNotice | null {
  try {
    const value = JSON.parse(text) as Partial<SignalsNotice>;
    if (typeof value.nodeId !== 'string' || typeof value.participantId !== 'string' || !Array.isArray(value.samples)) return null;
    return value as SignalsNotice;
  } catch {
    return null;
  }
}

/** Splits a batch into samples stamped near enough to the server's clock, and how many were not. */
export function signalSamplesInWindow(samples: readonly SignalSample[], nowMs: number): { kept: SignalSample[]; refused: number } {
  const kept = samples.filter((sample) => sample.atMs >= nowMs - SIGNAL_MAX_AGE_MS && sample.atMs <= nowMs + SIGNAL_MAX_AHEAD_MS);
  return { kept, refused: samples.length - kept.length };
}

/** The `signals` message viewers get, as text, around samples already serialised. */
export function signalsMessageText(participantId: string, samplesJson: string): string {
  const message: Omit<SignalsMessage, 'samples'> = { type: 'signals', participantId };
  return `${JSON.stringify(message).slice(0, -1)},"samples":${samplesJson}}`;
}

/**
 * Sends one person's batch to every device in the room whose person may see it now, except
 * `skip` (the device it came from). Serialised and encoded once, whatever the number of viewers (and once
 * for the bus too, when the caller passes the samples' JSON it already made). Returns how many
 * devices it reached.
 */
export function signalsRelayToRoom(
  room: SessionRoom,
  participantId: string,
  samples: readonly SignalSample[],
  skip: Connection | null,
  samplesJson?: string,
): number {
  if (!sessionSharesPhysiology(room.state, participantId)) return 0;
  let frame: EncodedText | null = null;
  let reached = 0;
  for (const connection of room.connections) {
    if (connection === skip || connection.sentSeq === null) continue;
    if (!sessionMaySeeSignals(room.state, connection.identity.identityId)) continue;
    frame ??= encodedText(signalsMessageText(participantId, samplesJson ?? JSON.stringify(samples)));
    if (connection.sendText(frame)) reached += 1;
  }
  return reached;
}
