/**
 * `repairDecide(state, envelope, now)`: every rule of a repair, numbered in SPEC.md. It reads no
 * clock and touches no I/O; the server hands it the time and the relationship's members, and
 * appends what it returns.
 */
import { practiceById } from '../practices/catalogue.ts';
import type { ServerTimeMs } from '../time/instant.ts';
import type { RepairCommand } from './repair-commands.ts';
import {
  decideAcceptReturnTime,
  decideMarkHere,
  decideProposeReturnTime,
  REPAIR_CLOCK_TOLERANCE_MS,
} from './repair-decide-return.ts';
import {
  decideAcknowledgeTurn,
  decideAgreeNextStep,
  decideBeginTurn,
  decideEndTurn,
  decideProposeNextStep,
  decideSaveTurnWords,
} from './repair-decide-talk.ts';
import { repairIsMember, repairIsPaused } from './repair-queries.ts';
import {
  REPAIR_REJECTION_CODES as R,
  repairAccepted,
  repairRejection,
  type RepairDecision,
} from './repair-rejection.ts';
import type { RepairState } from './repair-state.ts';

/** How far back a rupture may be dated: a year is generous, and catches a time that could not be meant. */
export const REPAIR_RUPTURE_LOOKBACK_MAX_MS = 365 * 24 * 60 * 60 * 1000;

/** A command with the context the decider needs, established by the server. */
export interface RepairCommandEnvelope {
  /** Made by the client; it names proposals, so a retried command keeps its proposal's id. */
  readonly commandId: string;
  /** Who is acting, from the signed-in connection (never from the payload). */
  readonly actorId: string;
  readonly repairId: string;
  /** The relationship's members as the server knows them; they become the repair's members on start. */
  readonly relationshipMemberIds: readonly string[];
  readonly command: RepairCommand;
}

/** Commands that move the repair on together, and so wait while anyone has stepped away (R10). */
const TOGETHER_COMMANDS: ReadonlySet<RepairCommand['type']> = new Set([
  'proposeReturnTime',
  'acceptReturnTime',
  'markHere',
  'beginTurn',
  'endTurn',
  'acknowledgeTurn',
  'proposeNextStep',
  'agreeNextStep',
]);

/** R1: start a repair for a relationship, on its own or from a pause or a flooding notice. */
function decideStart(
  state: RepairState,
  envelope: RepairCommandEnvelope,
  command: Extract<RepairCommand, { type: 'startRepair' }>,
  nowMs: ServerTimeMs,
): RepairDecision {
  if (state.status !== 'none') {
    return repairRejection(
      R.repairExists,
      'This repair has already begun. Open it from your list to carry on.',
    );
  }
  const memberIds = [...new Set(envelope.relationshipMemberIds)];
  if (!memberIds.includes(envelope.actorId)) {
    return repairRejection(
      R.notMember,
      'Only the people in this relationship can start a repair for it.',
    );
  }
  if (memberIds.length < 2) {
    return repairRejection(
      R.needsTwo,
      'A repair is between two or more people. Link up with the other person first, then start it.',
    );
  }
  const ruptureAtMs = command.ruptureAtMs ?? nowMs;
  if (ruptureAtMs > nowMs + REPAIR_CLOCK_TOLERANCE_MS) {
    return repairRejection(
      R.ruptureTimeInvalid,
      'That time is later than now. Choose a moment that has passed, or leave the time out.',
    );
  }
  if (ruptureAtMs < nowMs - REPAIR_RUPTURE_LOOKBACK_MAX_MS) {
    return repairRejection(
      R.ruptureTimeInvalid,
      'Choose a moment within the last year, or leave the time out.',
    );
  }
  return repairAccepted({
    type: 'repairStarted',
    repairId: envelope.repairId,
    memberIds,
    startedBy: envelope.actorId,
    startedFrom: command.startedFrom,
    // A device's clock a little ahead of the server's still means "just now".
    ruptureAtMs: Math.min(ruptureAtMs, nowMs),
    sessionId: command.sessionId ?? null,
    atMs: nowMs,
  });
}

/** R3: "I'm settled enough", with the solo practice used if the person wants to say. */
function decideMarkSettled(
  state: RepairState,
  me: string,
  practiceId: string | undefined,
  nowMs: ServerTimeMs,
): RepairDecision {
  if (practiceId !== undefined && practiceById(practiceId)?.solo !== true) {
    return repairRejection(
      R.practiceNotSolo,
      'Choose one of the practices you can do on your own, or leave the practice out.',
    );
  }
  if (me in state.settled) return repairAccepted();
  return repairAccepted({
    type: 'settled',
    personId: me,
    practiceId: practiceId ?? null,
    atMs: nowMs,
  });
}

/** The sentence for a together-step while someone has stepped away, different for the one who did. */
function pausedRejection(state: RepairState, me: string): RepairDecision {
  return me in state.away
    ? repairRejection(
        R.someoneAway,
        'You stepped away. Step back in whenever you are ready, and carry on from where you were.',
      )
    : repairRejection(
        R.someoneAway,
        'Someone has stepped away for now. Everything said is kept, and you can carry on together once they step back in.',
      );
}

/** Decides the outcome of one command against the current state at server time `nowMs`. */
export function repairDecide(
  state: RepairState,
  envelope: RepairCommandEnvelope,
  nowMs: ServerTimeMs,
): RepairDecision {
  const { command, actorId: me } = envelope;
  if (command.type === 'startRepair') return decideStart(state, envelope, command, nowMs);
  if (state.status === 'none') {
    return repairRejection(
      R.repairNotFound,
      'This repair could not be found. You can start one whenever you like.',
    );
  }
  if (!repairIsMember(state, me)) {
    return repairRejection(R.notMember, 'Only the people in this repair can see it or add to it.');
  }
  // R12: a person's own history is theirs to choose at any time, even after the repair closed.
  if (command.type === 'setHistoryChoice') {
    if (state.historyChoices[me] === command.keep) return repairAccepted();
    return repairAccepted({
      type: 'historyChoiceSet',
      personId: me,
      keep: command.keep,
      atMs: nowMs,
    });
  }
  if (state.status === 'completed') {
    return repairRejection(
      R.repairClosed,
      'This repair is complete. You can start a new one whenever you need to.',
    );
  }
  if (state.status === 'setAside') {
    return repairRejection(
      R.repairClosed,
      'This repair was set aside, with everything said kept. You can start a new one whenever you like.',
    );
  }
  if (TOGETHER_COMMANDS.has(command.type) && repairIsPaused(state))
    return pausedRejection(state, me);

  switch (command.type) {
    case 'markSettled':
      return decideMarkSettled(state, me, command.practiceId, nowMs);
    case 'proposeReturnTime':
      return decideProposeReturnTime(state, me, envelope.commandId, command.returnAtMs, nowMs);
    case 'acceptReturnTime':
      return decideAcceptReturnTime(state, me, command.proposalId, nowMs);
    case 'markHere':
      return decideMarkHere(state, me, nowMs);
    case 'beginTurn':
      return decideBeginTurn(state, me, nowMs);
    case 'saveTurnWords':
      return decideSaveTurnWords(
        state,
        me,
        command.turnIndex,
        { felt: command.felt, needed: command.needed },
        nowMs,
      );
    case 'endTurn':
      return decideEndTurn(
        state,
        me,
        command.turnIndex,
        { felt: command.felt, needed: command.needed },
        nowMs,
      );
    case 'acknowledgeTurn':
      return decideAcknowledgeTurn(state, me, command.turnIndex, command.words, nowMs);
    case 'proposeNextStep':
      return decideProposeNextStep(state, me, envelope.commandId, command.text, nowMs);
    case 'agreeNextStep':
      return decideAgreeNextStep(state, me, command.proposalId, nowMs);
    case 'stepAway':
      // R10: no reason asked, and stepping away twice changes nothing.
      if (me in state.away) return repairAccepted();
      return repairAccepted({ type: 'steppedAway', personId: me, atMs: nowMs });
    case 'stepBack': {
      const awaySinceMs = state.away[me];
      if (awaySinceMs === undefined) {
        return repairRejection(R.notAway, 'You have not stepped away, so you are already here.');
      }
      return repairAccepted({
        type: 'steppedBack',
        personId: me,
        awayForMs: nowMs - awaySinceMs,
        atMs: nowMs,
      });
    }
    case 'setAside':
      return repairAccepted({ type: 'repairSetAside', personId: me, atMs: nowMs });
  }
}
