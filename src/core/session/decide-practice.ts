/**
 * Practice lifecycle rules (SS6–SS11, SS15–SS16, SS19): propose, ready, consent, start, turns,
 * end, and what happens to a practice when people or boundaries change.
 */
import { boundariesExclude, type ConsentKind } from '../boundaries/boundary.ts';
import {
  practiceById,
  practiceDurationCheck,
  practiceParametersParse,
  type PracticeDefinition,
} from '../practices/index.ts';
import type { SessionCommand } from '../protocol/commands.ts';
import { REJECTION_CODES as R } from '../protocol/rejection-codes.ts';
import type { ServerTimeMs } from '../time/instant.ts';
import type { PracticeEndReason, SessionEvent } from './events.ts';
import { practiceRolesResolve } from './practice-roles.ts';
import { practiceSchedulesAt } from './practice-schedules.ts';
import {
  practiceElapsedMs,
  sessionIsPaused,
  sessionIsPresent,
  sessionPresentParticipants,
  sessionRunningPractice,
} from './queries.ts';
import { accepted, rejection, type Decision } from './rejection.ts';
import type { SessionState } from './state.ts';

/** The short, visible count-in before a practice begins, so every device starts together. */
export const PRACTICE_LEAD_IN_MS = 5000;
/** How close to its planned length a practice must be to count as completed. */
export const PRACTICE_COMPLETION_TOLERANCE_MS = 2000;

type ProposeCommand = Extract<SessionCommand, { type: 'proposePractice' }>;

/**
 * The catalogue entry of a recorded practice. A log can outlive a catalogue entry (a newer
 * version removed it); such a practice counts as needing every safeguard: touch consent included,
 * so withdrawing consent still stops it and leaving still ends it.
 */
function definitionOf(practiceId: string): Pick<PracticeDefinition<unknown>, 'title' | 'consentsRequired' | 'excludedBy' | 'minParticipants' | 'maxParticipants' | 'id' | 'roles'> & { readonly known: boolean } {
  const definition = practiceById(practiceId);
  if (definition) return { ...definition, known: true };
  return { id: 'touch', title: 'This practice', consentsRequired: ['touch'], excludedBy: ['touch'], minParticipants: 99, maxParticipants: 0, roles: [], known: false };
}

function ended(runId: string, outcome: 'completed' | 'stopped', reason: PracticeEndReason, atMs: ServerTimeMs): SessionEvent {
  return { type: 'practiceEnded', runId, outcome, reason, atMs };
}

/** SS6: anyone present proposes a practice that fits everyone present and nobody's boundaries rule out. */
export function decidePropose(
  state: SessionState,
  runId: string,
  me: string,
  command: ProposeCommand,
  nowMs: ServerTimeMs,
): Decision {
  if (sessionRunningPractice(state)) {
    return rejection(R.practiceBusy, 'A practice is already under way. End it before choosing the next one.');
  }
  const definition = practiceById(command.practiceId);
  if (!definition) {
    return rejection(R.practiceUnknown, 'That practice is not one Attune knows. Pick one from the list.');
  }
  const present = sessionPresentParticipants(state);
  if (present.some((person) => boundariesExclude(person.boundaries, definition.excludedBy))) {
    return rejection(
      R.practiceNotOffered,
      'This practice is not available in this session, because of the boundaries people have set. Pick another one.',
    );
  }
  if (present.length > definition.maxParticipants) {
    return rejection(
      R.practiceNotOffered,
      `"${definition.title}" is for at most ${definition.maxParticipants} ${definition.maxParticipants === 1 ? 'person' : 'people'}. Pick another one, or do it on your own.`,
    );
  }
  const parameters = practiceParametersParse(definition.id, command.parameters);
  if (!parameters.ok) return rejection(R.practiceInvalid, parameters.message);
  const durationMs = command.durationMs ?? definition.defaultDurationMs;
  const duration = practiceDurationCheck(definition, durationMs);
  if (!duration.ok) return rejection(R.practiceInvalid, duration.message);
  const roleProblem = practiceRolesResolve(definition, command.roles, state, present.map((p) => p.id));
  if (!roleProblem.ok && Object.keys(command.roles).length > 0) {
    return rejection(R.rolesInvalid, roleProblem.message);
  }
  const replaced: SessionEvent[] = state.practice
    ? [{ type: 'proposalWithdrawn', runId: state.practice.runId, reason: 'withdrawn' }]
    : [];
  return accepted(...replaced, {
    type: 'practiceProposed',
    runId,
    practiceId: definition.id,
    parameters: parameters.parameters,
    durationMs,
    roles: command.roles,
    proposedBy: me,
    atMs: nowMs,
  });
}

/** SS7: anyone present may set a waiting proposal aside. */
export function decideWithdrawProposal(state: SessionState): Decision {
  if (state.practice?.status !== 'proposed') {
    return rejection(R.noPractice, 'There is no practice waiting to start.');
  }
  return accepted({ type: 'proposalWithdrawn', runId: state.practice.runId, reason: 'withdrawn' });
}

/** SS8: each person says ready or not ready for the waiting proposal, and may change their mind. */
export function decideSetReady(state: SessionState, me: string, ready: boolean): Decision {
  if (state.practice?.status !== 'proposed') {
    return rejection(R.noPractice, 'There is no practice waiting to start, so there is nothing to be ready for yet.');
  }
  return accepted({ type: 'readinessSet', runId: state.practice.runId, participantId: me, ready });
}

/** SS9: consent is given for one waiting proposal that needs it, and only by someone whose boundaries allow it. */
export function decideGiveConsent(state: SessionState, me: string, consent: ConsentKind): Decision {
  const practice = state.practice;
  if (practice?.status !== 'proposed') {
    return rejection(R.noPractice, 'Consent is given for a practice before it starts. There is none waiting now.');
  }
  if (!definitionOf(practice.practiceId).consentsRequired.includes(consent)) {
    return rejection(R.consentNotNeeded, 'This practice does not ask for that consent.');
  }
  const myBoundaries = state.participants[me]?.boundaries;
  if (myBoundaries && boundariesExclude(myBoundaries, [consent])) {
    return rejection(R.boundaryBlocks, 'Your boundaries say no to this, and Attune respects that.');
  }
  return accepted({ type: 'consentGiven', runId: practice.runId, participantId: me, consent });
}

/** SS10: consent can be withdrawn at any moment; a running practice that needs it stops at once, for everyone. */
export function decideWithdrawConsent(
  state: SessionState,
  me: string,
  consent: ConsentKind,
  nowMs: ServerTimeMs,
): Decision {
  const practice = state.practice;
  if (!practice?.consents[consent].includes(me)) return accepted();
  const withdrawn: SessionEvent = { type: 'consentWithdrawn', runId: practice.runId, participantId: me, consent };
  if (practice.status === 'running' && definitionOf(practice.practiceId).consentsRequired.includes(consent)) {
    return accepted(withdrawn, ended(practice.runId, 'stopped', 'consentWithdrawn', nowMs));
  }
  return accepted(withdrawn);
}

/** SS11: a practice starts only when everyone present is ready and has given every consent it needs. */
export function decideStart(state: SessionState, nowMs: ServerTimeMs): Decision {
  const practice = state.practice;
  if (practice?.status !== 'proposed') {
    return rejection(R.noPractice, 'Choose a practice first; then everyone says when they are ready.');
  }
  if (sessionIsPaused(state)) {
    return rejection(R.paused, 'The session is paused. It can start once whoever paused is ready to go on.');
  }
  const definition = practiceById(practice.practiceId);
  if (!definition) return rejection(R.practiceUnknown, 'That practice is no longer available. Choose another one.');
  const present = sessionPresentParticipants(state);
  if (present.length < definition.minParticipants || present.length > definition.maxParticipants) {
    const range =
      definition.minParticipants === definition.maxParticipants
        ? `exactly ${definition.minParticipants}`
        : `${definition.minParticipants} to ${definition.maxParticipants}`;
    return rejection(R.practiceNotOffered, `"${definition.title}" is for ${range} people; ${present.length} are here now.`);
  }
  if (present.some((person) => boundariesExclude(person.boundaries, definition.excludedBy))) {
    return rejection(R.practiceNotOffered, 'This practice is no longer available because of the boundaries people have set.');
  }
  const waitingFor = present.filter((person) => !practice.ready.includes(person.id));
  if (waitingFor.length > 0) {
    return rejection(
      R.notAllReady,
      `Waiting until everyone says they are ready (${waitingFor.length} still to go). Nothing starts before that.`,
    );
  }
  for (const consent of definition.consentsRequired) {
    if (present.some((person) => !practice.consents[consent].includes(person.id))) {
      return rejection(R.consentMissing, 'This practice starts only when everyone has said yes to it. Anyone can still say no.');
    }
  }
  const participantIds = present.map((person) => person.id);
  const roles = practiceRolesResolve(definition, practice.roles, state, participantIds);
  if (!roles.ok) return rejection(R.rolesInvalid, roles.message);
  const startsAtMs = (nowMs + PRACTICE_LEAD_IN_MS) as ServerTimeMs;
  const schedules = practiceSchedulesAt(definition.id, practice.parameters, startsAtMs, roles.roles, participantIds);
  return accepted({
    type: 'practiceStarted',
    runId: practice.runId,
    participantIds,
    roles: roles.roles,
    startsAtMs,
    durationMs: schedules.durationMs ?? practice.durationMs,
    pacer: schedules.pacer,
    tempo: schedules.tempo,
    turnSharers: schedules.turnSharers,
    turnLengthMs: schedules.turnLengthMs,
    atMs: nowMs,
  });
}

/** SS15: the turn in "one shares, one holds" moves on when a participant says so, never while paused. */
export function decideAdvanceTurn(state: SessionState, me: string, fromTurnIndex: number, nowMs: ServerTimeMs): Decision {
  const run = sessionRunningPractice(state);
  if (!run || run.turnSharers.length === 0) {
    return rejection(R.noTurns, 'There are no turns to move on: this practice does not take turns.');
  }
  if (!run.participantIds.includes(me)) {
    return rejection(R.notPresent, 'Only the people in this practice move its turns on.');
  }
  if (sessionIsPaused(state)) {
    return rejection(R.paused, 'The session is paused; turns wait until it goes on.');
  }
  if (fromTurnIndex !== run.turnIndex) {
    return rejection(R.turnMovedOn, 'The turn has already moved on.');
  }
  const next = run.turnIndex + 1;
  if (next >= run.turnSharers.length) {
    return accepted(ended(run.runId, 'completed', 'completed', nowMs));
  }
  return accepted({ type: 'turnAdvanced', runId: run.runId, turnIndex: next, atMs: nowMs });
}

/** SS16: anyone present stops a practice at any time; it completes only once its time is up and the session is moving. */
export function decideEndPractice(
  state: SessionState,
  me: string,
  outcome: 'completed' | 'stopped',
  nowMs: ServerTimeMs,
): Decision {
  const run = sessionRunningPractice(state);
  if (!run) return rejection(R.noPractice, 'No practice is under way.');
  if (!sessionIsPresent(state, me)) return rejection(R.notPresent, 'Join the session first.');
  if (outcome === 'stopped') return accepted(ended(run.runId, 'stopped', 'stopped', nowMs));
  if (sessionIsPaused(state)) {
    return rejection(R.paused, 'The session is paused; the practice finishes after it goes on, or you can stop it now.');
  }
  const remainingMs = run.durationMs - practiceElapsedMs(state, run, nowMs);
  if (remainingMs > PRACTICE_COMPLETION_TOLERANCE_MS) {
    const seconds = Math.ceil(remainingMs / 1000);
    return rejection(R.tooEarly, `There are ${seconds} seconds to go. To finish now, choose stop; that is always fine.`);
  }
  return accepted(ended(run.runId, 'completed', 'completed', nowMs));
}

/**
 * SS2–SS4, SS19: after people join, leave or change their boundaries, a waiting proposal that
 * someone's boundaries now rule out is set aside, and a running practice stops if one of its
 * people left a practice that needs consent, too few remain, or a boundary now rules it out.
 */
export function practiceFallout(state: SessionState, nowMs: ServerTimeMs): SessionEvent[] {
  const practice = state.practice;
  if (!practice) return [];
  const definition = definitionOf(practice.practiceId);
  if (!definition.known) {
    return practice.status === 'running'
      ? [ended(practice.runId, 'stopped', 'stopped', nowMs)]
      : [{ type: 'proposalWithdrawn', runId: practice.runId, reason: 'withdrawn' }];
  }
  if (practice.status === 'proposed') {
    const excluded = sessionPresentParticipants(state).some((person) =>
      boundariesExclude(person.boundaries, definition.excludedBy),
    );
    return excluded ? [{ type: 'proposalWithdrawn', runId: practice.runId, reason: 'boundaries' }] : [];
  }
  const stillHere = practice.participantIds.filter((id) => sessionIsPresent(state, id));
  const someoneLeft = stillHere.length < practice.participantIds.length;
  if (someoneLeft && (definition.consentsRequired.length > 0 || stillHere.length < definition.minParticipants)) {
    return [ended(practice.runId, 'stopped', 'participantLeft', nowMs)];
  }
  const excluded = stillHere.some((id) => {
    const boundaries = state.participants[id]?.boundaries;
    return boundaries !== undefined && boundariesExclude(boundaries, definition.excludedBy);
  });
  return excluded ? [ended(practice.runId, 'stopped', 'boundaries', nowMs)] : [];
}
