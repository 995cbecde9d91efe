/**
 * Where a repair stands for the person looking at it: which step of five, whether anyone has
 * stepped away, and in the turns, whether they are speaking, holding space, saying they heard, or
 * waiting. The stage itself comes from core (`repairStage`), so this screen and the rules never
 * disagree; this only reads it from one person's side.
 */
import type { RepairStage, RepairState, RepairTurn } from '../../core/repair/index.ts';
import {
  repairFloorIsFree,
  repairMembersYetToSpeak,
  repairOpenTurn,
  repairTurnAwaitingAcknowledgement,
} from '../../core/repair/index.ts';

/** The five steps of a repair, in order, as headings. */
export const REPAIR_STEP_TITLES: readonly { readonly stage: RepairStage; readonly title: string }[] = [
  { stage: 'settling', title: 'Settle on your own' },
  { stage: 'agreeingTime', title: 'Agree a time to come back' },
  { stage: 'comingBack', title: 'Come back together' },
  { stage: 'turns', title: 'Take turns' },
  { stage: 'nextStep', title: 'Choose one small next step' },
];

/** A short word for where each repair stands, for lists. */
export const REPAIR_STAGE_SHORT: Readonly<Record<RepairStage, string>> = {
  notStarted: 'Not started',
  settling: 'Settling on your own',
  agreeingTime: 'Choosing a time to come back',
  comingBack: 'Coming back together',
  turns: 'Taking turns',
  nextStep: 'Choosing a next step',
  completed: 'Complete',
  setAside: 'Resting for now',
};

/** "Step 2 of 5: Agree a time to come back"; a closed repair gets its own heading. */
export function repairStepHeading(stage: RepairStage): string {
  if (stage === 'completed') return 'You found your way back';
  if (stage === 'setAside') return 'Resting for now';
  const index = REPAIR_STEP_TITLES.findIndex((step) => step.stage === stage);
  const step = REPAIR_STEP_TITLES[index];
  if (step === undefined) return 'Getting ready';
  return `Step ${String(index + 1)} of ${String(REPAIR_STEP_TITLES.length)}: ${step.title}`;
}

/** Who has stepped away, from my side: nobody, me, or someone else (never who: R-V3). */
export type RepairPause = 'none' | 'me' | 'someoneElse';

/** Whether anyone has stepped away, and whether it was me. */
export function repairPauseFor(state: RepairState, meId: string): RepairPause {
  if (meId in state.away) return 'me';
  return Object.keys(state.away).length > 0 ? 'someoneElse' : 'none';
}

/** Where the turns stand for me. */
export type RepairTurnsMoment =
  /** My turn is open: I write, and I end it. */
  | { readonly kind: 'speaking'; readonly turn: RepairTurn }
  /** Someone else's turn is open: I hold space and cannot write. */
  | { readonly kind: 'holding'; readonly turn: RepairTurn }
  /** Someone's turn has ended and I have not yet said I heard it. */
  | { readonly kind: 'acknowledging'; readonly turn: RepairTurn }
  /** The last turn has ended; others still to say they heard it. */
  | { readonly kind: 'waitingForAcknowledgement'; readonly turn: RepairTurn; readonly waitingFor: readonly string[] }
  /** Nobody is speaking: I may take my turn, or wait for those yet to speak. */
  | { readonly kind: 'floorFree'; readonly mayTakeTurn: boolean; readonly yetToSpeak: readonly string[] };

/** The turns from `meId`'s side. */
export function repairTurnsMomentFor(state: RepairState, meId: string): RepairTurnsMoment {
  const open = repairOpenTurn(state);
  if (open) return open.speakerId === meId ? { kind: 'speaking', turn: open } : { kind: 'holding', turn: open };
  const last = state.turns.at(-1);
  if (last !== undefined && !repairFloorIsFree(state)) {
    const waitingFor = repairTurnAwaitingAcknowledgement(state, last);
    if (waitingFor.includes(meId)) return { kind: 'acknowledging', turn: last };
    return { kind: 'waitingForAcknowledgement', turn: last, waitingFor };
  }
  const yetToSpeak = repairMembersYetToSpeak(state);
  return { kind: 'floorFree', mayTakeTurn: yetToSpeak.includes(meId), yetToSpeak };
}

/** The turns that have ended, oldest first: what was said, for everyone in the repair to read again. */
export function repairEndedTurns(state: RepairState): RepairTurn[] {
  return state.turns.filter((turn) => turn.endedAtMs !== null);
}

/** The suggested time to come back, from my side. */
export interface ReturnProposalForMe {
  readonly proposalId: string;
  readonly returnAtMs: number;
  readonly proposedBy: string;
  readonly byMe: boolean;
  readonly iAgreed: boolean;
  /** Members who have not yet accepted it. */
  readonly waitingFor: readonly string[];
}

/** The time waiting for answers, or null. */
export function returnProposalFor(state: RepairState, meId: string): ReturnProposalForMe | null {
  const proposal = state.returnProposal;
  if (proposal === null) return null;
  return {
    proposalId: proposal.proposalId,
    returnAtMs: proposal.value,
    proposedBy: proposal.proposedBy,
    byMe: proposal.proposedBy === meId,
    iAgreed: proposal.agreedBy.includes(meId),
    waitingFor: state.memberIds.filter((id) => !proposal.agreedBy.includes(id)),
  };
}

/** The next step waiting for agreement, from my side. */
export interface NextStepProposalForMe {
  readonly proposalId: string;
  readonly text: string;
  readonly proposedBy: string;
  readonly byMe: boolean;
  readonly iAgreed: boolean;
  readonly waitingFor: readonly string[];
}

/** The suggested next step, or null. */
export function nextStepProposalFor(state: RepairState, meId: string): NextStepProposalForMe | null {
  const proposal = state.nextStepProposal;
  if (proposal === null) return null;
  return {
    proposalId: proposal.proposalId,
    text: proposal.value,
    proposedBy: proposal.proposedBy,
    byMe: proposal.proposedBy === meId,
    iAgreed: proposal.agreedBy.includes(meId),
    waitingFor: state.memberIds.filter((id) => !proposal.agreedBy.includes(id)),
  };
}

/** Coming back at the agreed time, from my side. */
export interface ComingBackForMe {
  readonly returnAtMs: number;
  readonly timeHasCome: boolean;
  readonly meHere: boolean;
  readonly waitingFor: readonly string[];
}

/** The agreed time and who has arrived, or null when no time is agreed yet. */
export function comingBackFor(state: RepairState, meId: string, nowMs: number): ComingBackForMe | null {
  const agreed = state.agreedReturn;
  if (agreed === null) return null;
  return {
    returnAtMs: agreed.returnAtMs,
    timeHasCome: nowMs >= agreed.returnAtMs,
    meHere: meId in state.arrived,
    waitingFor: state.memberIds.filter((id) => !(id in state.arrived)),
  };
}
