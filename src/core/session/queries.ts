/**
 * Read-only questions about a session state, shared by the decider, the server and the client.
 */
import type { ServerTimeMs } from '../time/instant.ts';
import type { Participant, PracticeRun, SessionState } from './state.ts';

/** The people in the session right now, in the order they first joined. */
export function sessionPresentParticipants(state: SessionState): Participant[] {
  return state.joinOrder
    .map((id) => state.participants[id])
    .filter((participant): participant is Participant => participant?.present === true);
}

/** Whether this person is in the session right now. */
export function sessionIsPresent(state: SessionState, participantId: string): boolean {
  return state.participants[participantId]?.present === true;
}

/**
 * Whether this person's body signals may reach the others now: they are in an open session and
 * their boundaries do not rule out sharing physiology. Checked for every batch as it is passed
 * on, so a boundary set a moment ago stops the very next one (DESIGN, boundaries).
 */
export function sessionSharesPhysiology(state: SessionState, participantId: string): boolean {
  const participant = state.participants[participantId];
  return state.status === 'open' && participant?.present === true && !participant.boundaries.sharePhysiology;
}

/** Whether this person may receive others' live body signals: present in an open session. */
export function sessionMaySeeSignals(state: SessionState, participantId: string): boolean {
  return state.status === 'open' && sessionIsPresent(state, participantId);
}

/** Whether anyone is holding the session paused. */
export function sessionIsPaused(state: SessionState): boolean {
  return state.pausedSinceMs !== null;
}

/** The running practice, if one is under way. */
export function sessionRunningPractice(state: SessionState): PracticeRun | null {
  return state.practice?.status === 'running' ? state.practice : null;
}

/**
 * How much of a running practice has passed at `nowMs`, not counting the lead-in or any time the
 * session stood still.
 */
export function practiceElapsedMs(state: SessionState, run: PracticeRun, nowMs: ServerTimeMs): number {
  const effectiveNow = state.pausedSinceMs ?? nowMs;
  return Math.max(0, effectiveNow - run.startsAtMs - run.pausedTotalMs);
}

/** How much of the current "one shares, one holds" turn has passed at `nowMs`. */
export function practiceTurnElapsedMs(state: SessionState, run: PracticeRun, nowMs: ServerTimeMs): number {
  const effectiveNow = state.pausedSinceMs ?? nowMs;
  const pausedDuringTurn = run.pausedTotalMs - run.turnPausedBaseMs;
  return Math.max(0, effectiveNow - run.turnStartedAtMs - pausedDuringTurn);
}
