/**
 * The one path every cycle-map and repair command takes, as live-session commands do in the hub:
 * read the log, fold it, decide with the core decider at server time, append the events with the
 * next seqs in one transaction, and on a conflict (someone appended first, on this node or
 * another) read again and decide again. A repeated command id returns its first outcome and adds
 * nothing. Rejections are recorded too, once the log exists, so a retry gets the same answer.
 */
import type { BetweenUsOutcome } from '../../core/protocol/between-us-api.ts';
import { REJECTION_CODES } from '../../core/protocol/rejection-codes.ts';
import type { BetweenUsLogKind, BetweenUsLogStore, BetweenUsStoredEvent } from '../store/between-us-log-store.ts';

/** How often a command is decided again after another writer appended first. */
export const LOG_APPEND_MAX_ATTEMPTS = 8;

/** A core decision, whatever the decider. */
export type LogDecision<E> =
  | { readonly ok: true; readonly events: readonly E[] }
  | { readonly ok: false; readonly code: string; readonly message: string };

/** One command to run against one log. */
export interface LogCommand<E extends { readonly type: string }> {
  readonly store: BetweenUsLogStore;
  readonly logId: string;
  readonly relationshipId: string;
  readonly kind: BetweenUsLogKind;
  readonly actorId: string;
  readonly commandId: string;
  readonly now: () => number;
  /** Decides on the stored log as it stands, at server time `nowMs`. */
  readonly decide: (log: readonly BetweenUsStoredEvent[], nowMs: number) => LogDecision<E>;
}

/** What running a command came to, and the log after it. */
export interface LogCommandResult {
  readonly outcome: BetweenUsOutcome;
  readonly log: readonly BetweenUsStoredEvent[];
}

const COMMAND_ID_REUSED: BetweenUsOutcome = {
  ok: false,
  code: REJECTION_CODES.commandIdReused,
  message: 'That command id was already used; send the command again with a new id.',
};

const BUSY: BetweenUsOutcome = {
  ok: false,
  code: REJECTION_CODES.busy,
  message: 'Many changes arrived at once and yours did not go through. Please try again.',
};

/** Runs one command to its outcome; throws only when storage fails. */
export async function logCommandRun<E extends { readonly type: string }>(command: LogCommand<E>): Promise<LogCommandResult> {
  const { store, logId, actorId, commandId } = command;
  for (let attempt = 0; attempt < LOG_APPEND_MAX_ATTEMPTS; attempt += 1) {
    const known = await store.findCommand(logId, commandId);
    if (known !== null) return { outcome: known.actorId === actorId ? (known.outcome as unknown as BetweenUsOutcome) : COMMAND_ID_REUSED, log: await store.read(logId) };
    const log = await store.read(logId);
    const lastSeq = log.at(-1)?.seq ?? 0;
    const nowMs = command.now();
    const decision = command.decide(log, nowMs);
    const outcome: BetweenUsOutcome = decision.ok ? { ok: true } : { ok: false, code: decision.code, message: decision.message };
    // A rejection on a log that does not exist yet leaves no trace: no empty map or repair.
    if (!decision.ok && lastSeq === 0) return { outcome, log };
    const result = await store.append({
      logId,
      relationshipId: command.relationshipId,
      kind: command.kind,
      expectedLastSeq: lastSeq,
      commandId,
      actorId,
      atMs: nowMs,
      events: decision.ok ? decision.events.map((event) => ({ type: event.type, body: event })) : [],
      outcome,
    });
    if (result.kind === 'conflict') continue;
    if (result.kind === 'duplicate') {
      return { outcome: result.record.actorId === actorId ? (result.record.outcome as unknown as BetweenUsOutcome) : COMMAND_ID_REUSED, log: await store.read(logId) };
    }
    return { outcome, log: [...log, ...result.events] };
  }
  return { outcome: BUSY, log: await store.read(logId) };
}
