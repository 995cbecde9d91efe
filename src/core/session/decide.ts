/**
 * `sessionDecide(state, command, now)`: every rule of a live session, numbered in SPEC.md.
 * It reads no clock and touches no I/O; the server hands it the time and appends what it returns.
 */
import { boundariesExclude } from '../boundaries/boundary.ts';
import type { SessionCommand } from '../protocol/commands.ts';
import { REJECTION_CODES as R } from '../protocol/rejection-codes.ts';
import type { ServerTimeMs } from '../time/instant.ts';
import { decidePause, decideResume } from './decide-pause.ts';
import {
  decideAdvanceTurn,
  decideEndPractice,
  decideGiveConsent,
  decidePropose,
  decideSetReady,
  decideStart,
  decideWithdrawConsent,
  decideWithdrawProposal,
  practiceFallout,
} from './decide-practice.ts';
import type { IdentityKind, SessionEvent } from './events.ts';
import { accepted, rejection, type Decision } from './rejection.ts';
import { sessionIsPresent, sessionPresentParticipants } from './queries.ts';
import { sessionEvolve, type SessionState } from './state.ts';

/** Who is acting, as established by the server from the connection (never from the payload). */
export interface SessionActor {
  readonly participantId: string;
  readonly kind: IdentityKind;
}

/** A command with the context the decider needs. */
export interface SessionCommandEnvelope {
  readonly commandId: string;
  readonly actor: SessionActor;
  readonly sessionId: string;
  readonly command: SessionCommand;
}

/** Decides the outcome of one command against the current state at server time `nowMs`. */
export function sessionDecide(
  state: SessionState,
  envelope: SessionCommandEnvelope,
  nowMs: ServerTimeMs,
): Decision {
  const { command, actor } = envelope;
  const me = actor.participantId;

  if (command.type === 'createSession') {
    if (state.status !== 'none') {
      return rejection(R.sessionExists, 'This session already exists. Join it with your invite link instead.');
    }
    return accepted({
      type: 'sessionCreated',
      sessionId: envelope.sessionId,
      hostId: me,
      maxParticipants: command.maxParticipants,
      atMs: nowMs,
    });
  }
  if (state.status === 'none') {
    return rejection(R.sessionNotFound, 'This session could not be found. Check the link, or start a new session.');
  }
  if (state.status === 'ended') {
    return rejection(R.sessionEnded, 'This session has ended. You can start a new one whenever you like.');
  }

  if (command.type === 'join') {
    if (sessionIsPresent(state, me)) {
      return rejection(R.alreadyPresent, 'You are already in this session.');
    }
    if (sessionPresentParticipants(state).length >= state.maxParticipants) {
      return rejection(
        R.sessionFull,
        `This session is full (${state.maxParticipants} people). Ask the host to start another one.`,
      );
    }
    const joined: SessionEvent = {
      type: 'participantJoined',
      participantId: me,
      displayName: command.displayName,
      kind: actor.kind,
      boundaries: command.boundaries,
      atMs: nowMs,
    };
    return accepted(joined, ...practiceFallout(sessionEvolve(state, joined), nowMs));
  }

  if (!sessionIsPresent(state, me)) {
    return rejection(R.notPresent, 'Join the session first; then you can take part.');
  }

  switch (command.type) {
    case 'leave': {
      // A pause this person holds stays: the session remains still until someone present resumes it (SS13).
      const left: SessionEvent = { type: 'participantLeft', participantId: me, atMs: nowMs };
      return accepted(left, ...practiceFallout(sessionEvolve(state, left), nowMs));
    }
    case 'setBoundaries': {
      const set: SessionEvent = { type: 'boundariesSet', participantId: me, boundaries: command.boundaries };
      return accepted(set, ...practiceFallout(sessionEvolve(state, set), nowMs));
    }
    case 'checkIn': {
      const myBoundaries = state.participants[me]?.boundaries;
      if (command.visibility === 'shared' && myBoundaries && boundariesExclude(myBoundaries, ['shareCheckIns'])) {
        return rejection(
          R.boundaryBlocks,
          'This check-in was not saved yet: you chose to keep check-ins to yourself in this session. Save it as private, or change that boundary first.',
        );
      }
      // "Before" belongs to the practice waiting or under way; "after" to the one that just ended.
      const runId =
        command.moment === 'before'
          ? (state.practice?.runId ?? null)
          : command.moment === 'after'
            ? (state.lastPractice?.runId ?? null)
            : null;
      return accepted({
        type: 'checkedIn',
        checkInId: envelope.commandId,
        participantId: me,
        state: command.state,
        intensity: command.intensity,
        tags: command.tags,
        note: command.note,
        visibility: command.visibility,
        moment: command.moment,
        runId,
        atMs: nowMs,
      });
    }
    case 'proposePractice':
      return decidePropose(state, envelope.commandId, me, command, nowMs);
    case 'withdrawProposal':
      return decideWithdrawProposal(state);
    case 'setReady':
      return decideSetReady(state, me, command.ready);
    case 'giveConsent':
      return decideGiveConsent(state, me, command.consent);
    case 'withdrawConsent':
      return decideWithdrawConsent(state, me, command.consent, nowMs);
    case 'startPractice':
      return decideStart(state, nowMs);
    case 'pause':
      return decidePause(state, me, command.sayItWasMe, nowMs);
    case 'resume':
      return decideResume(state, me, nowMs);
    case 'advanceTurn':
      return decideAdvanceTurn(state, me, command.fromTurnIndex, nowMs);
    case 'endPractice':
      return decideEndPractice(state, me, command.outcome, nowMs);
    case 'shareBodyNotice': {
      const myBoundaries = state.participants[me]?.boundaries;
      // Telling others what your heart is doing is sharing physiology.
      if (myBoundaries && boundariesExclude(myBoundaries, ['sharePhysiology'])) {
        return rejection(R.boundaryBlocks, 'This was not shared: you chose to keep your body signals to yourself in this session.');
      }
      return accepted({ type: 'bodyNoticeShared', participantId: me, notice: command.notice, atMs: nowMs });
    }
    case 'endSession': {
      const hostPresent = sessionIsPresent(state, state.hostId);
      if (hostPresent && state.hostId !== me) {
        return rejection(R.notHost, 'Only the person who started the session can end it for everyone. You can leave at any time.');
      }
      const endPractice: SessionEvent[] =
        state.practice?.status === 'running'
          ? [{ type: 'practiceEnded', runId: state.practice.runId, outcome: 'stopped', reason: 'sessionEnded', atMs: nowMs }]
          : state.practice
            ? [{ type: 'proposalWithdrawn', runId: state.practice.runId, reason: 'sessionEnded' }]
            : [];
      return accepted(...endPractice, { type: 'sessionEnded', atMs: nowMs });
    }
  }
}
