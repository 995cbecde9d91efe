/**
 * The facts a repair records, in the order they happened. Every rule lives in `repairDecide`;
 * events carry what was decided, each with the server time it happened, so folding them needs no
 * clock and time-to-repair can be read straight from the log.
 */
import type { RepairOrigin } from './repair-commands.ts';

/** What one person said in their turn: what they felt and what they needed. Either may be empty. */
export interface TurnWords {
  readonly felt: string;
  readonly needed: string;
}

/** Every event a repair log can hold. */
export type RepairEvent =
  | {
      readonly type: 'repairStarted';
      readonly repairId: string;
      /** Everyone in the relationship, starter included, in the relationship's order. */
      readonly memberIds: readonly string[];
      readonly startedBy: string;
      readonly startedFrom: RepairOrigin;
      /** When the rupture happened: at or before `atMs`. */
      readonly ruptureAtMs: number;
      readonly sessionId: string | null;
      readonly atMs: number;
    }
  /** Someone said they are settled enough, naming the solo practice they used if they wished. */
  | {
      readonly type: 'settled';
      readonly personId: string;
      readonly practiceId: string | null;
      readonly atMs: number;
    }
  | {
      readonly type: 'returnTimeProposed';
      readonly proposalId: string;
      readonly personId: string;
      readonly returnAtMs: number;
      readonly atMs: number;
    }
  | {
      readonly type: 'returnTimeAccepted';
      readonly proposalId: string;
      readonly personId: string;
      readonly atMs: number;
    }
  /** Everyone has agreed this time; anyone who had already arrived for an earlier time arrives again. */
  | {
      readonly type: 'returnTimeAgreed';
      readonly proposalId: string;
      readonly returnAtMs: number;
      readonly atMs: number;
    }
  | { readonly type: 'arrived'; readonly personId: string; readonly atMs: number }
  | {
      readonly type: 'turnBegan';
      readonly turnIndex: number;
      readonly speakerId: string;
      readonly atMs: number;
    }
  /** The speaker's words so far: theirs alone until they end the turn (see R-V2 in SPEC.md). */
  | ({
      readonly type: 'turnWordsSaved';
      readonly turnIndex: number;
      readonly speakerId: string;
      readonly atMs: number;
    } & TurnWords)
  | ({
      readonly type: 'turnEnded';
      readonly turnIndex: number;
      readonly speakerId: string;
      readonly atMs: number;
    } & TurnWords)
  | {
      readonly type: 'turnAcknowledged';
      readonly turnIndex: number;
      readonly personId: string;
      /** What they heard, in their words; empty for a plain "I heard you". */
      readonly words: string;
      readonly atMs: number;
    }
  | {
      readonly type: 'nextStepProposed';
      readonly proposalId: string;
      readonly personId: string;
      readonly text: string;
      readonly atMs: number;
    }
  | {
      readonly type: 'nextStepAccepted';
      readonly proposalId: string;
      readonly personId: string;
      readonly atMs: number;
    }
  /** Everyone agreed the next step: the repair is complete. */
  | {
      readonly type: 'repairCompleted';
      readonly proposalId: string;
      readonly nextStep: string;
      readonly atMs: number;
    }
  | { readonly type: 'steppedAway'; readonly personId: string; readonly atMs: number }
  | {
      readonly type: 'steppedBack';
      readonly personId: string;
      readonly awayForMs: number;
      readonly atMs: number;
    }
  /** Someone closed the repair for now; everything said is kept, and a new one can start later. */
  | { readonly type: 'repairSetAside'; readonly personId: string; readonly atMs: number }
  /** Whether this repair appears in the person's own private history: their choice alone. */
  | {
      readonly type: 'historyChoiceSet';
      readonly personId: string;
      readonly keep: boolean;
      readonly atMs: number;
    };

/** The `type` of any repair event. */
export type RepairEventType = RepairEvent['type'];
