/**
 * The state of one repair, and `repairEvolve`, which folds one event into it. Folding the whole log
 * from `REPAIR_INITIAL_STATE` always yields the same state, and no event ever removes words that
 * were said (R11 in SPEC.md): stepping away, changing the time or setting the repair aside keep
 * everything.
 */
import type { RepairOrigin } from './repair-commands.ts';
import type { RepairEvent, TurnWords } from './repair-events.ts';

/** A proposal others are asked to agree to: a time to come back, or a next step. */
export interface RepairProposal<T> {
  readonly proposalId: string;
  readonly proposedBy: string;
  readonly value: T;
  /** Who has agreed so far; the proposer counts as agreeing. */
  readonly agreedBy: readonly string[];
  readonly atMs: number;
}

/** One person's turn: what they said, and who acknowledged hearing it. */
export interface RepairTurn {
  readonly turnIndex: number;
  readonly speakerId: string;
  readonly beganAtMs: number;
  /** The latest words: saved drafts while the turn is open, the final words once it ended. */
  readonly words: TurnWords;
  readonly endedAtMs: number | null;
  readonly acknowledgements: Readonly<
    Record<string, { readonly words: string; readonly atMs: number }>
  >;
}

/** Everything a repair remembers. */
export interface RepairState {
  readonly status: 'none' | 'open' | 'completed' | 'setAside';
  readonly repairId: string;
  readonly memberIds: readonly string[];
  readonly startedBy: string;
  readonly startedFrom: RepairOrigin;
  readonly ruptureAtMs: number;
  readonly startedAtMs: number;
  readonly sessionId: string | null;
  readonly settled: Readonly<
    Record<string, { readonly practiceId: string | null; readonly atMs: number }>
  >;
  readonly returnProposal: RepairProposal<number> | null;
  /** The time everyone agreed to come back, and when they agreed it. */
  readonly agreedReturn: { readonly returnAtMs: number; readonly agreedAtMs: number } | null;
  /** Who has arrived for the agreed time, and when. */
  readonly arrived: Readonly<Record<string, number>>;
  readonly turns: readonly RepairTurn[];
  readonly nextStepProposal: RepairProposal<string> | null;
  readonly nextStep: string | null;
  /** Who has stepped away right now, and since when. */
  readonly away: Readonly<Record<string, number>>;
  readonly completedAtMs: number | null;
  readonly setAsideAtMs: number | null;
  readonly historyChoices: Readonly<Record<string, boolean>>;
}

/** A repair that has not been started. */
export const REPAIR_INITIAL_STATE: RepairState = {
  status: 'none',
  repairId: '',
  memberIds: [],
  startedBy: '',
  startedFrom: 'self',
  ruptureAtMs: 0,
  startedAtMs: 0,
  sessionId: null,
  settled: {},
  returnProposal: null,
  agreedReturn: null,
  arrived: {},
  turns: [],
  nextStepProposal: null,
  nextStep: null,
  away: {},
  completedAtMs: null,
  setAsideAtMs: null,
  historyChoices: {},
};

/** Adds a person to an agreement list once. */
function withAgreement<T>(
  proposal: RepairProposal<T> | null,
  proposalId: string,
  personId: string,
): RepairProposal<T> | null {
  if (proposal?.proposalId !== proposalId || proposal.agreedBy.includes(personId)) return proposal;
  return { ...proposal, agreedBy: [...proposal.agreedBy, personId] };
}

/** Applies `update` to the turn numbered `turnIndex`, leaving the others as they are. */
function withTurn(
  turns: readonly RepairTurn[],
  turnIndex: number,
  update: (turn: RepairTurn) => RepairTurn,
): RepairTurn[] {
  return turns.map((turn) => (turn.turnIndex === turnIndex ? update(turn) : turn));
}

/** Everything in `record` except `key`. */
function without<V>(record: Readonly<Record<string, V>>, key: string): Record<string, V> {
  return Object.fromEntries(Object.entries(record).filter(([entryKey]) => entryKey !== key));
}

/** Folds one event into the state. */
export function repairEvolve(state: RepairState, event: RepairEvent): RepairState {
  switch (event.type) {
    case 'repairStarted':
      return {
        ...REPAIR_INITIAL_STATE,
        status: 'open',
        repairId: event.repairId,
        memberIds: event.memberIds,
        startedBy: event.startedBy,
        startedFrom: event.startedFrom,
        ruptureAtMs: event.ruptureAtMs,
        startedAtMs: event.atMs,
        sessionId: event.sessionId,
      };
    case 'settled':
      return {
        ...state,
        settled: {
          ...state.settled,
          [event.personId]: { practiceId: event.practiceId, atMs: event.atMs },
        },
      };
    case 'returnTimeProposed':
      return {
        ...state,
        returnProposal: {
          proposalId: event.proposalId,
          proposedBy: event.personId,
          value: event.returnAtMs,
          agreedBy: [event.personId],
          atMs: event.atMs,
        },
      };
    case 'returnTimeAccepted':
      return {
        ...state,
        returnProposal: withAgreement(state.returnProposal, event.proposalId, event.personId),
      };
    case 'returnTimeAgreed':
      // Arrivals belonged to the earlier time; everyone arrives afresh for the new one.
      return {
        ...state,
        returnProposal: null,
        agreedReturn: { returnAtMs: event.returnAtMs, agreedAtMs: event.atMs },
        arrived: {},
      };
    case 'arrived':
      return { ...state, arrived: { ...state.arrived, [event.personId]: event.atMs } };
    case 'turnBegan':
      return {
        ...state,
        turns: [
          ...state.turns,
          {
            turnIndex: event.turnIndex,
            speakerId: event.speakerId,
            beganAtMs: event.atMs,
            words: { felt: '', needed: '' },
            endedAtMs: null,
            acknowledgements: {},
          },
        ],
      };
    case 'turnWordsSaved':
      return {
        ...state,
        turns: withTurn(state.turns, event.turnIndex, (turn) => ({
          ...turn,
          words: { felt: event.felt, needed: event.needed },
        })),
      };
    case 'turnEnded':
      return {
        ...state,
        turns: withTurn(state.turns, event.turnIndex, (turn) => ({
          ...turn,
          words: { felt: event.felt, needed: event.needed },
          endedAtMs: event.atMs,
        })),
      };
    case 'turnAcknowledged':
      return {
        ...state,
        turns: withTurn(state.turns, event.turnIndex, (turn) => ({
          ...turn,
          acknowledgements: {
            ...turn.acknowledgements,
            [event.personId]: { words: event.words, atMs: event.atMs },
          },
        })),
      };
    case 'nextStepProposed':
      return {
        ...state,
        nextStepProposal: {
          proposalId: event.proposalId,
          proposedBy: event.personId,
          value: event.text,
          agreedBy: [event.personId],
          atMs: event.atMs,
        },
      };
    case 'nextStepAccepted':
      return {
        ...state,
        nextStepProposal: withAgreement(state.nextStepProposal, event.proposalId, event.personId),
      };
    case 'repairCompleted':
      return { ...state, status: 'completed', nextStep: event.nextStep, completedAtMs: event.atMs };
    case 'steppedAway':
      return { ...state, away: { ...state.away, [event.personId]: event.atMs } };
    case 'steppedBack':
      return { ...state, away: without(state.away, event.personId) };
    case 'repairSetAside':
      return { ...state, status: 'setAside', setAsideAtMs: event.atMs };
    case 'historyChoiceSet':
      return {
        ...state,
        historyChoices: { ...state.historyChoices, [event.personId]: event.keep },
      };
  }
}

/** The state after every event in `events`, in order. */
export function repairFold(
  events: readonly RepairEvent[],
  from: RepairState = REPAIR_INITIAL_STATE,
): RepairState {
  return events.reduce(repairEvolve, from);
}
