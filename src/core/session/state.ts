/**
 * The state of a live session, and `sessionEvolve`, which folds one event into it. Folding the
 * whole log from `SESSION_INITIAL_STATE` always yields the same state (SS-L1).
 */
import type { Boundaries, ConsentKind } from '../boundaries/boundary.ts';
import type { PacerSchedule } from '../pacer/schedule.ts';
import type { ServerTimeMs } from '../time/instant.ts';
import type { CheckInRecord, IdentityKind, SessionEvent } from './events.ts';
import type { TempoSchedule } from '../pacer/tempo.ts';

/** A person who has joined the session at some point. */
export interface Participant {
  readonly id: string;
  readonly displayName: string;
  readonly kind: IdentityKind;
  readonly present: boolean;
  readonly boundaries: Boundaries;
}

/** A practice someone put forward that has not started yet. */
export interface PracticeProposal {
  readonly status: 'proposed';
  readonly runId: string;
  readonly practiceId: string;
  readonly parameters: unknown;
  readonly durationMs: number;
  readonly roles: Readonly<Record<string, string>>;
  readonly proposedBy: string;
  readonly ready: readonly string[];
  readonly consents: Readonly<Record<ConsentKind, readonly string[]>>;
}

/** A practice under way (including its short lead-in). */
export interface PracticeRun extends Omit<PracticeProposal, 'status'> {
  readonly status: 'running';
  readonly participantIds: readonly string[];
  readonly startsAtMs: ServerTimeMs;
  /** Time the session stood still since the practice started; schedules shift by it. */
  readonly pausedTotalMs: number;
  readonly pacer: PacerSchedule | null;
  readonly tempo: TempoSchedule | null;
  readonly turnSharers: readonly string[];
  readonly turnLengthMs: number;
  readonly turnIndex: number;
  /** When the current turn's timer began, before pause shifts. */
  readonly turnStartedAtMs: ServerTimeMs;
  /** `pausedTotalMs` at the moment the current turn began. */
  readonly turnPausedBaseMs: number;
}

/** One person's pause: when it began and whether they chose to say it was them. */
export interface PauseHold {
  readonly sinceMs: ServerTimeMs;
  readonly saidItWasThem: boolean;
}

/** The most recent practice that ended, kept for the after-practice check-in. */
export interface PracticeEnded {
  readonly runId: string;
  readonly practiceId: string;
  readonly outcome: 'completed' | 'stopped';
}

/** The folded state of one session. */
export interface SessionState {
  readonly status: 'none' | 'open' | 'ended';
  readonly sessionId: string;
  readonly hostId: string;
  readonly maxParticipants: number;
  readonly participants: Readonly<Record<string, Participant>>;
  /** Ids in the order people first joined. */
  readonly joinOrder: readonly string[];
  readonly practice: PracticeProposal | PracticeRun | null;
  readonly lastPractice: PracticeEnded | null;
  /** Everyone currently holding the session paused. */
  readonly pauseHolds: Readonly<Record<string, PauseHold>>;
  /** When the session as a whole stood still; null while it runs. */
  readonly pausedSinceMs: ServerTimeMs | null;
  /**
   * Each person's most recent check-in, and most recent shared one. Only the latest matter to
   * the rules; the full history lives in the log, so the state stays small however long a
   * session runs.
   */
  readonly latestCheckIns: Readonly<Record<string, CheckInRecord>>;
  readonly latestSharedCheckIns: Readonly<Record<string, CheckInRecord>>;
}

/** The state before any event: no session yet. */
export const SESSION_INITIAL_STATE: SessionState = {
  status: 'none',
  sessionId: '',
  hostId: '',
  maxParticipants: 0,
  participants: {},
  joinOrder: [],
  practice: null,
  lastPractice: null,
  pauseHolds: {},
  pausedSinceMs: null,
  latestCheckIns: {},
  latestSharedCheckIns: {},
};

const ANONYMOUS_HOLD_PREFIX = 'anonymous-pause-';

const NO_CONSENTS: Readonly<Record<ConsentKind, readonly string[]>> = { touch: [] };

function without(list: readonly string[], id: string): readonly string[] {
  return list.filter((item) => item !== id);
}

function withAdded(list: readonly string[], id: string): readonly string[] {
  return list.includes(id) ? list : [...list, id];
}

function withParticipant(state: SessionState, participant: Participant): SessionState {
  return { ...state, participants: { ...state.participants, [participant.id]: participant } };
}

function practiceEndedFrom(
  practice: PracticeProposal | PracticeRun,
  outcome: 'completed' | 'stopped',
): PracticeEnded {
  return { runId: practice.runId, practiceId: practice.practiceId, outcome };
}

/** Folds one event into the state. Pure and total: unknown shapes leave the state as it was. */
export function sessionEvolve(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'sessionCreated':
      return {
        ...SESSION_INITIAL_STATE,
        status: 'open',
        sessionId: event.sessionId,
        hostId: event.hostId,
        maxParticipants: event.maxParticipants,
      };
    case 'participantJoined': {
      const next = withParticipant(state, {
        id: event.participantId,
        displayName: event.displayName,
        kind: event.kind,
        present: true,
        boundaries: event.boundaries,
      });
      return { ...next, joinOrder: withAdded(state.joinOrder, event.participantId) };
    }
    case 'participantLeft': {
      const participant = state.participants[event.participantId];
      if (!participant) return state;
      // The pause this person held is released by the `sessionResumed` event that follows.
      const practice =
        state.practice?.status === 'proposed'
          ? {
              ...state.practice,
              ready: without(state.practice.ready, event.participantId),
              consents: { touch: without(state.practice.consents.touch, event.participantId) },
            }
          : state.practice;
      return {
        ...withParticipant(state, { ...participant, present: false }),
        practice,
      };
    }
    case 'boundariesSet': {
      const participant = state.participants[event.participantId];
      if (!participant) return state;
      return withParticipant(state, { ...participant, boundaries: event.boundaries });
    }
    case 'checkedIn': {
      const { type: _type, ...record } = event;
      return {
        ...state,
        latestCheckIns: { ...state.latestCheckIns, [record.participantId]: record },
        latestSharedCheckIns:
          record.visibility === 'shared'
            ? { ...state.latestSharedCheckIns, [record.participantId]: record }
            : state.latestSharedCheckIns,
      };
    }
    case 'practiceProposed':
      return {
        ...state,
        practice: {
          status: 'proposed',
          runId: event.runId,
          practiceId: event.practiceId,
          parameters: event.parameters,
          durationMs: event.durationMs,
          roles: event.roles,
          proposedBy: event.proposedBy,
          ready: [],
          consents: NO_CONSENTS,
        },
      };
    case 'proposalWithdrawn':
      return state.practice?.runId === event.runId ? { ...state, practice: null } : state;
    case 'readinessSet': {
      const practice = state.practice;
      if (practice?.status !== 'proposed' || practice.runId !== event.runId) return state;
      const ready = event.ready
        ? withAdded(practice.ready, event.participantId)
        : without(practice.ready, event.participantId);
      return { ...state, practice: { ...practice, ready } };
    }
    case 'consentGiven':
    case 'consentWithdrawn': {
      const practice = state.practice;
      if (practice?.runId !== event.runId) return state;
      const current = practice.consents[event.consent];
      const updated =
        event.type === 'consentGiven'
          ? withAdded(current, event.participantId)
          : without(current, event.participantId);
      const consents = { ...practice.consents, [event.consent]: updated };
      return { ...state, practice: { ...practice, consents } };
    }
    case 'practiceStarted': {
      const practice = state.practice;
      if (practice?.status !== 'proposed' || practice.runId !== event.runId) return state;
      return {
        ...state,
        practice: {
          ...practice,
          status: 'running',
          participantIds: event.participantIds,
          roles: event.roles,
          startsAtMs: event.startsAtMs,
          durationMs: event.durationMs,
          pausedTotalMs: 0,
          pacer: event.pacer,
          tempo: event.tempo,
          turnSharers: event.turnSharers,
          turnLengthMs: event.turnLengthMs,
          turnIndex: 0,
          turnStartedAtMs: event.startsAtMs,
          turnPausedBaseMs: 0,
        },
      };
    }
    case 'sessionPaused': {
      // A viewer who is not told who paused still counts the hold, under an anonymous key.
      const holder = event.participantId ?? `${ANONYMOUS_HOLD_PREFIX}${event.atMs}-${Object.keys(state.pauseHolds).length}`;
      return {
        ...state,
        pauseHolds: { ...state.pauseHolds, [holder]: { sinceMs: event.atMs, saidItWasThem: event.saidItWasThem } },
        pausedSinceMs: state.pausedSinceMs ?? event.atMs,
      };
    }
    case 'sessionResumed': {
      const holder =
        event.participantId ??
        Object.keys(state.pauseHolds).find((key) => key.startsWith(ANONYMOUS_HOLD_PREFIX)) ??
        '';
      const { [holder]: _released, ...pauseHolds } = state.pauseHolds;
      if (!event.resumesSession) return { ...state, pauseHolds };
      const practice =
        state.practice?.status === 'running'
          ? sessionPracticeShiftedBy(state.practice, event.pausedForMs)
          : state.practice;
      return { ...state, pauseHolds: {}, pausedSinceMs: null, practice };
    }
    case 'turnAdvanced': {
      const practice = state.practice;
      if (practice?.status !== 'running' || practice.runId !== event.runId) return state;
      return {
        ...state,
        practice: {
          ...practice,
          turnIndex: event.turnIndex,
          turnStartedAtMs: event.atMs,
          turnPausedBaseMs: practice.pausedTotalMs,
        },
      };
    }
    case 'practiceEnded': {
      const practice = state.practice;
      if (practice?.runId !== event.runId) return state;
      return { ...state, practice: null, lastPractice: practiceEndedFrom(practice, event.outcome) };
    }
    case 'bodyNoticeShared':
      return state;
    case 'sessionEnded': {
      const lastPractice =
        state.practice?.status === 'running'
          ? practiceEndedFrom(state.practice, 'stopped')
          : state.lastPractice;
      return { ...state, status: 'ended', practice: null, lastPractice, pauseHolds: {}, pausedSinceMs: null };
    }
  }
}

/**
 * A running practice after the session stood still for `pausedForMs`: its schedules move later
 * by exactly that much, so every device picks the breath up where it was left.
 */
function sessionPracticeShiftedBy(practice: PracticeRun, pausedForMs: number): PracticeRun {
  const shift = (at: ServerTimeMs): ServerTimeMs => (at + pausedForMs) as ServerTimeMs;
  return {
    ...practice,
    pausedTotalMs: practice.pausedTotalMs + pausedForMs,
    pacer: practice.pacer ? { ...practice.pacer, startAtMs: shift(practice.pacer.startAtMs) } : null,
    tempo: practice.tempo ? { ...practice.tempo, startAtMs: shift(practice.tempo.startAtMs) } : null,
  };
}

/** Folds a whole log. */
export function sessionFold(events: readonly SessionEvent[], from: SessionState = SESSION_INITIAL_STATE): SessionState {
  return events.reduce(sessionEvolve, from);
}
