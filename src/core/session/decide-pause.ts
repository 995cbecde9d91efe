/**
 * Pause and resume (SS12–SS14). Anyone present pauses everyone at once and is never asked why;
 * each pause is held by the person who made it, and only they release it.
 */
import { REJECTION_CODES as R } from '../protocol/rejection-codes.ts';
import type { ServerTimeMs } from '../time/instant.ts';
import type { SessionEvent } from './events.ts';
import { accepted, rejection, type Decision } from './rejection.ts';
import type { SessionState } from './state.ts';

/** SS12: anyone present may pause at any time; a second pause from the same person changes nothing. */
export function decidePause(
  state: SessionState,
  me: string,
  sayItWasMe: boolean,
  nowMs: ServerTimeMs,
): Decision {
  if (me in state.pauseHolds) return accepted();
  return accepted({ type: 'sessionPaused', participantId: me, saidItWasThem: sayItWasMe, atMs: nowMs });
}

/**
 * SS13: the person holding a pause releases it; the session moves again when no hold is left.
 * A pause whose holder has left the session may be released by anyone present, so nobody is
 * stranded, and a departure never reveals who paused by resuming in the same breath.
 */
export function decideResume(state: SessionState, me: string, nowMs: ServerTimeMs): Decision {
  const { pausedSinceMs } = state;
  if (pausedSinceMs === null) {
    return rejection(R.notPaused, 'Nothing is paused right now.');
  }
  const releasable =
    me in state.pauseHolds
      ? [me]
      : Object.keys(state.pauseHolds).filter((holder) => state.participants[holder]?.present !== true);
  if (releasable.length === 0) {
    return rejection(
      R.notYourPause,
      'Someone else paused, and they will resume when they are ready. You can take this time for yourself.',
    );
  }
  const events: SessionEvent[] = [];
  let holds = state.pauseHolds;
  for (const holder of releasable) {
    const { [holder]: released, ...rest } = holds;
    const resumesSession = Object.keys(rest).length === 0;
    events.push({
      type: 'sessionResumed',
      participantId: holder,
      saidItWasThem: released?.saidItWasThem ?? false,
      resumesSession,
      // Clocks of different nodes may disagree slightly; a schedule never moves backwards.
      pausedForMs: resumesSession ? Math.max(0, nowMs - pausedSinceMs) : 0,
      atMs: nowMs,
    });
    holds = rest;
  }
  return accepted(...events);
}
