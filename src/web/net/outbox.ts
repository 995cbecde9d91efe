/**
 * Commands on their way to the server. Each keeps the id it was made with until its
 * acknowledgement arrives; after a reconnect every one still waiting is sent again with the same
 * id, and the server, which remembers ids, applies each exactly once. Pure: the live session
 * holds the value and replaces it.
 */
import type { SessionCommand } from '../../core/protocol/commands.ts';

/** One command waiting for its acknowledgement. */
export interface OutboxEntry {
  readonly commandId: string;
  readonly command: SessionCommand;
  /** Client time it was last put on the wire; null while it has never been sent. */
  readonly sentAtMs: number | null;
}

/** Waiting commands, oldest first. */
export type Outbox = readonly OutboxEntry[];

/** No commands waiting. */
export const OUTBOX_EMPTY: Outbox = [];

/** The outbox with a new command at the end (a repeated id is ignored: it is already waiting). */
export function outboxAdd(outbox: Outbox, commandId: string, command: SessionCommand): Outbox {
  if (outbox.some((entry) => entry.commandId === commandId)) return outbox;
  return [...outbox, { commandId, command, sentAtMs: null }];
}

/** The outbox without the acknowledged command, and whether it was waiting at all. */
export function outboxAcknowledge(outbox: Outbox, commandId: string): { outbox: Outbox; found: boolean } {
  const remaining = outbox.filter((entry) => entry.commandId !== commandId);
  return { outbox: remaining, found: remaining.length !== outbox.length };
}

/** Marks the given ids as sent at `atMs`. */
export function outboxMarkSent(outbox: Outbox, commandIds: readonly string[], atMs: number): Outbox {
  if (commandIds.length === 0) return outbox;
  const ids = new Set(commandIds);
  return outbox.map((entry) => (ids.has(entry.commandId) ? { ...entry, sentAtMs: atMs } : entry));
}

/** After a (re)connect: every waiting command, oldest first, to be sent again with its own id. */
export function outboxToResend(outbox: Outbox): readonly OutboxEntry[] {
  return outbox;
}

/**
 * While connected: commands sent at least `afterMs` ago and still unanswered (a frame can be
 * dropped by a rate limit without an answer). Resending with the same id is always safe.
 */
export function outboxOverdue(outbox: Outbox, nowMs: number, afterMs: number): readonly OutboxEntry[] {
  return outbox.filter((entry) => entry.sentAtMs !== null && nowMs - entry.sentAtMs >= afterMs);
}

/** Whether a command of this type is already waiting (used so a device never joins twice at once). */
export function outboxHasType(outbox: Outbox, type: SessionCommand['type']): boolean {
  return outbox.some((entry) => entry.command.type === type);
}
