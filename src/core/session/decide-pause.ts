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

/** SS13: only the person holding a pause releases it; the session moves again when no hold is left. */
export function decideResume(state: SessionState, me: string, nowMs: ServerTimeMs): Decision {
  if (state.pausedSinceMs === null) {
    return rejection(R.notPaused, 'Nothing is paused right now.');
  }
  if (!(me in state.pauseHolds)) {
    return rejection(
      R.notYourPause,
      'Someone else paused, and they will resume when they are ready. You can take this time for yourself.',
    );
  }
  return accepted(resumeEvent(state, me, nowMs));
}

function resumeEvent(state: SessionState, holder: string, nowMs: ServerTimeMs): SessionEvent {
  const remaining = Object.keys(state.pauseHolds).filter((id) => id !== holder);
  const resumesSession = remaining.length === 0;
  return {
    type: 'sessionResumed',
    participantId: holder,
    saidItWasThem: state.pauseHolds[holder]?.saidItWasThem ?? false,
    resumesSession,
    pausedForMs: resumesSession && state.pausedSinceMs !== null ? nowMs - state.pausedSinceMs : 0,
    atMs: nowMs,
  };
}

/** SS3: when someone leaves, the pause they held goes with them; the session moves again if it was the last. */
export function sessionResumeEventsOnLeaving(
  state: SessionState,
  leaver: string,
  nowMs: ServerTimeMs,
): SessionEvent[] {
  return leaver in state.pauseHolds ? [resumeEvent(state, leaver, nowMs)] : [];
}
