/**
 * The facts a session records, in the order they happened. Every rule lives in `decide`; events
 * only carry what was decided, with every derived value (schedules, pause lengths) already
 * computed, so folding them never needs a clock.
 */
import type { Boundaries, ConsentKind } from '../boundaries/boundary.ts';
import type { BodyNotice } from '../protocol/commands.ts';
import type { PacerSchedule } from '../pacer/schedule.ts';
import type { TempoSchedule } from '../pacer/tempo.ts';
import type { NervousSystemState } from '../states/nervous-system-state.ts';
import type { ServerTimeMs } from '../time/instant.ts';

/** Whether a participant signed in with an account or joined from an invite as a guest. */
export type IdentityKind = 'account' | 'guest';

/** Why a practice ended. */
export type PracticeEndReason =
  | 'completed'
  | 'stopped'
  | 'consentWithdrawn'
  | 'participantLeft'
  | 'boundaries'
  | 'sessionEnded';

/** Why a proposal that never started was set aside. */
export type ProposalWithdrawnReason = 'withdrawn' | 'boundaries' | 'participantLeft' | 'sessionEnded';

/** A check-in as recorded. */
export interface CheckInRecord {
  readonly checkInId: string;
  readonly participantId: string;
  readonly state: NervousSystemState;
  readonly intensity: number;
  readonly tags: readonly string[];
  readonly note: string;
  readonly visibility: 'private' | 'shared';
  readonly moment: 'before' | 'after' | 'any';
  /** The practice this check-in was made around, if any. */
  readonly runId: string | null;
  readonly atMs: ServerTimeMs;
}

/** Every event a session log can hold. */
export type SessionEvent =
  | { readonly type: 'sessionCreated'; readonly sessionId: string; readonly hostId: string; readonly maxParticipants: number; readonly atMs: ServerTimeMs }
  | { readonly type: 'participantJoined'; readonly participantId: string; readonly displayName: string; readonly kind: IdentityKind; readonly boundaries: Boundaries; readonly atMs: ServerTimeMs }
  | { readonly type: 'participantLeft'; readonly participantId: string; readonly atMs: ServerTimeMs }
  | { readonly type: 'boundariesSet'; readonly participantId: string; readonly boundaries: Boundaries }
  | ({ readonly type: 'checkedIn' } & CheckInRecord)
  | {
      readonly type: 'practiceProposed';
      readonly runId: string;
      readonly practiceId: string;
      readonly parameters: unknown;
      readonly durationMs: number;
      readonly roles: Readonly<Record<string, string>>;
      readonly proposedBy: string;
      readonly atMs: ServerTimeMs;
    }
  | { readonly type: 'proposalWithdrawn'; readonly runId: string; readonly reason: ProposalWithdrawnReason }
  | { readonly type: 'readinessSet'; readonly runId: string; readonly participantId: string; readonly ready: boolean }
  | { readonly type: 'consentGiven'; readonly runId: string; readonly participantId: string; readonly consent: ConsentKind }
  | { readonly type: 'consentWithdrawn'; readonly runId: string; readonly participantId: string; readonly consent: ConsentKind }
  | {
      readonly type: 'practiceStarted';
      readonly runId: string;
      readonly participantIds: readonly string[];
      /** Everyone's role, filled in where nobody chose. */
      readonly roles: Readonly<Record<string, string>>;
      /** The instant the practice proper begins, after a short lead-in everyone can see. */
      readonly startsAtMs: ServerTimeMs;
      readonly durationMs: number;
      readonly pacer: PacerSchedule | null;
      readonly tempo: TempoSchedule | null;
      /** "One shares, one holds": who shares in each turn, in order. Empty for other practices. */
      readonly turnSharers: readonly string[];
      readonly turnLengthMs: number;
      readonly atMs: ServerTimeMs;
    }
  | {
      readonly type: 'sessionPaused';
      /** Who paused. Other people only learn it when the pauser chose to say. */
      readonly participantId: string | null;
      readonly saidItWasThem: boolean;
      readonly atMs: ServerTimeMs;
    }
  | {
      readonly type: 'sessionResumed';
      readonly participantId: string | null;
      /** Copied from the pause it releases: people learn who resumed only if they learned who paused. */
      readonly saidItWasThem: boolean;
      /** True when this was the last pause holding the session. */
      readonly resumesSession: boolean;
      /** How long the whole session stood still, when this resume ends the pause. */
      readonly pausedForMs: number;
      readonly atMs: ServerTimeMs;
    }
  | { readonly type: 'turnAdvanced'; readonly runId: string; readonly turnIndex: number; readonly atMs: ServerTimeMs }
  | { readonly type: 'practiceEnded'; readonly runId: string; readonly outcome: 'completed' | 'stopped'; readonly reason: PracticeEndReason; readonly atMs: ServerTimeMs }
  | { readonly type: 'sessionEnded'; readonly atMs: ServerTimeMs }
  /** Someone chose to tell the others what their body noticed (SS21); it changes no state. */
  | { readonly type: 'bodyNoticeShared'; readonly participantId: string; readonly notice: BodyNotice; readonly atMs: ServerTimeMs };

/** The `type` of any session event. */
export type SessionEventType = SessionEvent['type'];
