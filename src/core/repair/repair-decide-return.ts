/**
 * Coming back together (R5–R7 in SPEC.md): once everyone has settled, one person suggests a time,
 * the others accept it or suggest another, and each says "I'm here" when that time has come.
 * Nobody can be hurried: nothing here is possible before everyone has settled.
 */
import type { ServerTimeMs } from '../time/instant.ts';
import type { RepairEvent } from './repair-events.ts';
import { repairStage } from './repair-queries.ts';
import {
  REPAIR_REJECTION_CODES as R,
  repairAccepted,
  repairRejection,
  type RepairDecision,
} from './repair-rejection.ts';
import type { RepairState } from './repair-state.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** How far in the past a suggested time may lie and still mean "now" (devices' clocks differ a little). */
export const REPAIR_CLOCK_TOLERANCE_MS = MINUTE_MS;
/** The latest time to come back that can be suggested: plans further out are easy to remake later. */
export const REPAIR_RETURN_TIME_LATEST_MS = 14 * DAY_MS;

const STILL_SETTLING =
  'Everyone settles first, at their own pace. You can choose a time together once each of you has said you are settled enough.';
const TALK_STARTED = 'You are already back together, so there is no time left to agree.';

/** Turns a command down when the stage leaves no time to agree, or returns null. */
function returnTimeStageCheck(state: RepairState): RepairDecision | null {
  const stage = repairStage(state);
  if (stage === 'settling') return repairRejection(R.stillSettling, STILL_SETTLING);
  if (stage === 'turns' || stage === 'nextStep')
    return repairRejection(R.talkStarted, TALK_STARTED);
  return null;
}

/** R5: suggest a time to come back; a new suggestion replaces one still waiting for an answer. */
export function decideProposeReturnTime(
  state: RepairState,
  me: string,
  proposalId: string,
  returnAtMs: number,
  nowMs: ServerTimeMs,
): RepairDecision {
  const stageRejection = returnTimeStageCheck(state);
  if (stageRejection) return stageRejection;
  if (returnAtMs < nowMs - REPAIR_CLOCK_TOLERANCE_MS) {
    return repairRejection(
      R.returnTimeInvalid,
      'That time has already passed. Choose now, or a time later on.',
    );
  }
  if (returnAtMs > nowMs + REPAIR_RETURN_TIME_LATEST_MS) {
    return repairRejection(
      R.returnTimeInvalid,
      'Choose a time within the next two weeks. You can always agree another one later.',
    );
  }
  return repairAccepted({
    type: 'returnTimeProposed',
    proposalId,
    personId: me,
    // "Now" from a device whose clock runs a little behind still means now.
    returnAtMs: Math.max(returnAtMs, nowMs),
    atMs: nowMs,
  });
}

/** R6: accept the suggested time; once everyone has, it is agreed. */
export function decideAcceptReturnTime(
  state: RepairState,
  me: string,
  proposalId: string,
  nowMs: ServerTimeMs,
): RepairDecision {
  const stageRejection = returnTimeStageCheck(state);
  if (stageRejection) return stageRejection;
  const proposal = state.returnProposal;
  if (!proposal)
    return repairRejection(
      R.noProposal,
      'There is no time waiting for an answer. You can suggest one.',
    );
  if (proposal.proposalId !== proposalId) {
    return repairRejection(
      R.proposalMovedOn,
      'The suggested time changed a moment ago. Look at the new one, and accept it if it suits you.',
    );
  }
  if (proposal.proposedBy === me) {
    return repairRejection(
      R.ownProposal,
      'You suggested this time, so it already has your yes. The others can accept it or suggest another.',
    );
  }
  if (proposal.agreedBy.includes(me)) return repairAccepted();
  const events: RepairEvent[] = [
    { type: 'returnTimeAccepted', proposalId, personId: me, atMs: nowMs },
  ];
  const agreedBy = [...proposal.agreedBy, me];
  if (state.memberIds.every((id) => agreedBy.includes(id))) {
    events.push({ type: 'returnTimeAgreed', proposalId, returnAtMs: proposal.value, atMs: nowMs });
  }
  return repairAccepted(...events);
}

/** R7: "I'm here", once the agreed time has come. */
export function decideMarkHere(
  state: RepairState,
  me: string,
  nowMs: ServerTimeMs,
): RepairDecision {
  const stage = repairStage(state);
  if (stage === 'settling') return repairRejection(R.stillSettling, STILL_SETTLING);
  if (stage === 'turns' || stage === 'nextStep') return repairAccepted();
  const agreed = state.agreedReturn;
  if (!agreed) {
    return repairRejection(
      R.timeNotAgreed,
      'Agree a time to come back first. Then you can each say you are here.',
    );
  }
  if (nowMs < agreed.returnAtMs) {
    return repairRejection(
      R.tooEarly,
      'The time you agreed has not come yet. If you are all ready sooner, suggest an earlier time.',
    );
  }
  if (me in state.arrived) return repairAccepted();
  return repairAccepted({ type: 'arrived', personId: me, atMs: nowMs });
}
