/**
 * A command the session turns down: a stable code for programs and a sentence a person can act
 * on. Sentences never blame and never ask why someone paused or said no.
 */
import type { RejectionCode } from '../protocol/rejection-codes.ts';
import type { SessionEvent } from './events.ts';

/** The outcome of a command: the events it adds, or why it was turned down. */
export type Decision =
  | { readonly ok: true; readonly events: readonly SessionEvent[] }
  | { readonly ok: false; readonly code: RejectionCode; readonly message: string };

/** A decision that turns the command down. */
export function rejection(code: RejectionCode, message: string): Decision {
  return { ok: false, code, message };
}

/** A decision that accepts the command, adding `events` (possibly none). */
export function accepted(...events: SessionEvent[]): Decision {
  return { ok: true, events };
}
