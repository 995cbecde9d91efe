/**
 * Turns and the next step (R8–R9 in SPEC.md). One person at a time says what they felt and what
 * they needed while the others hold space; only the speaker writes, and only the speaker ends the
 * turn. Each listener then says they heard it. When everyone has been heard, they choose one small
 * next step together, and agreeing it completes the repair.
 */
import type { ServerTimeMs } from '../time/instant.ts';
import type { RepairEvent, TurnWords } from './repair-events.ts';
import {
  repairFloorIsFree,
  repairMembersYetToSpeak,
  repairOpenTurn,
  repairStage,
  type RepairStage,
} from './repair-queries.ts';
import {
  REPAIR_REJECTION_CODES as R,
  repairAccepted,
  repairRejection,
  type RepairDecision,
} from './repair-rejection.ts';
import type { RepairState } from './repair-state.ts';

const BEFORE_TALK: readonly RepairStage[] = ['settling', 'agreeingTime', 'comingBack'];
const NOT_TALKING_YET = 'The turns begin once everyone has settled and said they are here.';
const HOLDING_SPACE =
  'Right now you are holding space while someone else shares. Your own turn comes after.';

/** R8: take the next turn to share. */
export function decideBeginTurn(
  state: RepairState,
  me: string,
  nowMs: ServerTimeMs,
): RepairDecision {
  if (BEFORE_TALK.includes(repairStage(state)))
    return repairRejection(R.notTalkingYet, NOT_TALKING_YET);
  const open = repairOpenTurn(state);
  if (open?.speakerId === me) return repairAccepted();
  if (open) {
    return repairRejection(
      R.floorTaken,
      'Someone else is sharing right now. Your turn can come once they have finished and been heard.',
    );
  }
  if (!repairMembersYetToSpeak(state).includes(me)) {
    return repairRejection(
      R.alreadySpoke,
      'You have had your turn. Now you can listen, and then choose a next step together.',
    );
  }
  if (!repairFloorIsFree(state)) {
    return repairRejection(
      R.acknowledgementsPending,
      'Before the next turn, each person listening says they heard the last one.',
    );
  }
  return repairAccepted({
    type: 'turnBegan',
    turnIndex: state.turns.length,
    speakerId: me,
    atMs: nowMs,
  });
}

/** Checks that `me` is speaking in the open turn `turnIndex`; returns the rejection otherwise. */
function speakerCheck(state: RepairState, me: string, turnIndex: number): RepairDecision | null {
  const open = repairOpenTurn(state);
  if (!open) {
    if (turnIndex < state.turns.length) {
      return repairRejection(
        R.turnMovedOn,
        'That turn has already ended, so these words were not added to it. They are still on your screen.',
      );
    }
    return repairRejection(
      R.noOpenTurn,
      'There is no turn under way. Begin your turn first, then write.',
    );
  }
  if (open.speakerId !== me) return repairRejection(R.holdingSpace, HOLDING_SPACE);
  if (open.turnIndex !== turnIndex) {
    return repairRejection(
      R.turnMovedOn,
      'That turn has already ended, so these words were not added to it. They are still on your screen.',
    );
  }
  return null;
}

/** R8: the speaker saves their words so far; they stay theirs until the turn ends. */
export function decideSaveTurnWords(
  state: RepairState,
  me: string,
  turnIndex: number,
  words: TurnWords,
  nowMs: ServerTimeMs,
): RepairDecision {
  const rejected = speakerCheck(state, me, turnIndex);
  if (rejected) return rejected;
  return repairAccepted({
    type: 'turnWordsSaved',
    turnIndex,
    speakerId: me,
    ...words,
    atMs: nowMs,
  });
}

/** R8: the speaker ends their turn, handing their words to the others. */
export function decideEndTurn(
  state: RepairState,
  me: string,
  turnIndex: number,
  words: Partial<TurnWords>,
  nowMs: ServerTimeMs,
): RepairDecision {
  const rejected = speakerCheck(state, me, turnIndex);
  if (rejected) return rejected;
  const open = repairOpenTurn(state);
  const saved = open?.words ?? { felt: '', needed: '' };
  return repairAccepted({
    type: 'turnEnded',
    turnIndex,
    speakerId: me,
    felt: words.felt ?? saved.felt,
    needed: words.needed ?? saved.needed,
    atMs: nowMs,
  });
}

/** R8: a listener says they heard the turn, in a word or in their own words. */
export function decideAcknowledgeTurn(
  state: RepairState,
  me: string,
  turnIndex: number,
  words: string,
  nowMs: ServerTimeMs,
): RepairDecision {
  const turn = state.turns[turnIndex];
  if (!turn) return repairRejection(R.noOpenTurn, 'There is no turn to acknowledge yet.');
  if (turn.speakerId === me) {
    return repairRejection(
      R.ownTurn,
      'This was your own turn. The others will say what they heard.',
    );
  }
  if (turn.endedAtMs === null) {
    return repairRejection(
      R.turnStillOpen,
      'Their turn is still going. You can say what you heard once they end it.',
    );
  }
  if (me in turn.acknowledgements) return repairAccepted();
  return repairAccepted({ type: 'turnAcknowledged', turnIndex, personId: me, words, atMs: nowMs });
}

/** Turns a next-step command down before everyone has been heard, or returns null. */
function nextStepStageCheck(state: RepairState): RepairDecision | null {
  const stage = repairStage(state);
  if (BEFORE_TALK.includes(stage)) return repairRejection(R.notTalkingYet, NOT_TALKING_YET);
  if (stage === 'turns') {
    return repairRejection(
      R.turnsUnfinished,
      'Choose a next step once everyone has had a turn and been heard.',
    );
  }
  return null;
}

/** R9: suggest one small next step, or change the one suggested (an edit is a new suggestion). */
export function decideProposeNextStep(
  state: RepairState,
  me: string,
  proposalId: string,
  text: string,
  nowMs: ServerTimeMs,
): RepairDecision {
  const rejected = nextStepStageCheck(state);
  if (rejected) return rejected;
  return repairAccepted({ type: 'nextStepProposed', proposalId, personId: me, text, atMs: nowMs });
}

/** R9: agree the suggested next step; once everyone has, the repair is complete. */
export function decideAgreeNextStep(
  state: RepairState,
  me: string,
  proposalId: string,
  nowMs: ServerTimeMs,
): RepairDecision {
  const rejected = nextStepStageCheck(state);
  if (rejected) return rejected;
  const proposal = state.nextStepProposal;
  if (!proposal)
    return repairRejection(
      R.noProposal,
      'There is no next step waiting for an answer. You can suggest one.',
    );
  if (proposal.proposalId !== proposalId) {
    return repairRejection(
      R.proposalMovedOn,
      'The next step changed a moment ago. Read the new wording, and agree to it if it suits you.',
    );
  }
  if (proposal.proposedBy === me) {
    return repairRejection(
      R.ownProposal,
      'You suggested this step, so it already has your yes. The others can agree to it or change it.',
    );
  }
  if (proposal.agreedBy.includes(me)) return repairAccepted();
  const events: RepairEvent[] = [
    { type: 'nextStepAccepted', proposalId, personId: me, atMs: nowMs },
  ];
  const agreedBy = [...proposal.agreedBy, me];
  if (state.memberIds.every((id) => agreedBy.includes(id))) {
    events.push({ type: 'repairCompleted', proposalId, nextStep: proposal.value, atMs: nowMs });
  }
  return repairAccepted(...events);
}
