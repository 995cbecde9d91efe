/**
 * Input checks and JSON encoding shared by every `EventStore` implementation, so they refuse the
 * same inputs.
 */
import type { AppendInput, JsonValue } from './event-store.ts';

/** JSON text of a value; refuses what JSON cannot carry instead of storing "undefined". */
export function toJsonText(value: JsonValue, what: string): string {
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) throw new TypeError(`${what} is not JSON-serialisable`);
  return text;
}

/** Rejects inputs that would corrupt the log (a fractional or negative seq would leave a gap). */
export function checkAppendInput(input: AppendInput): void {
  if (!Number.isSafeInteger(input.expectedLastSeq) || input.expectedLastSeq < 0) {
    throw new RangeError(
      `expectedLastSeq must be a non-negative integer, got ${input.expectedLastSeq}`,
    );
  }
  if (!Number.isSafeInteger(input.atMs)) {
    throw new RangeError(`atMs must be an integer number of milliseconds, got ${input.atMs}`);
  }
  if (input.sessionId === '' || input.commandId === '' || input.actorId === '') {
    throw new TypeError('sessionId, commandId and actorId must be non-empty');
  }
}
