/**
 * The session report: what one person may see of a session afterwards. Both people's heart rate
 * and breathing over time with the practices marked, the synchrony trend, and the check-ins
 * before and after. Built from the viewer's own view of the log and the stored samples they may
 * see; nothing in it is computed from anything the viewer was not allowed to see.
 */
import type { SignalSource } from '../protocol/signals.ts';
import type { NervousSystemState } from '../states/nervous-system-state.ts';

/** One stored, downsampled sample (at most one a second per person, RR intervals all kept). */
export interface ReportSignalRow {
  readonly participantId: string;
  readonly atMs: number;
  readonly source: SignalSource;
  readonly heartRateBpm: number | null;
  readonly breathingRateBpm: number | null;
  readonly breathPhase: number | null;
  readonly rrMs: readonly number[];
}

/** A person in the report. */
export interface ReportPerson {
  readonly participantId: string;
  readonly displayName: string;
  readonly isViewer: boolean;
  /** Whether any of their body signals are in this report. */
  readonly hasSignals: boolean;
}

/** One practice as it ran, with its pauses. */
export interface ReportPractice {
  readonly runId: string;
  readonly practiceId: string;
  readonly title: string;
  readonly startedAtMs: number;
  readonly endedAtMs: number | null;
  readonly outcome: string | null;
  /** The pacer's rate while it ran, when the practice had one: synchrony removes this band. */
  readonly pacerBreathsPerMin: number | null;
  readonly pauses: readonly { readonly fromMs: number; readonly toMs: number | null }[];
}

/** A check-in the viewer may see (their own, or someone else's they shared). */
export interface ReportCheckIn {
  readonly participantId: string;
  readonly atMs: number;
  readonly moment: 'before' | 'after' | 'any';
  readonly state: NervousSystemState;
  readonly intensity: number;
}

/** One person's signals over time, on their own sample times. */
export interface ReportSeries {
  readonly participantId: string;
  readonly sources: readonly SignalSource[];
  readonly atMs: readonly number[];
  readonly heartRateBpm: readonly (number | null)[];
  readonly breathingRateBpm: readonly (number | null)[];
  readonly rrCount: number;
}

/** The pair's synchrony over the session, or why there is none. */
export type ReportSynchrony =
  | {
      readonly kind: 'scored';
      readonly participantIds: readonly [string, string];
      /** One point per step; `score` null where that stretch had too little signal. */
      readonly points: readonly { readonly atMs: number; readonly score: number | null; readonly meanPeakR: number | null }[];
      readonly overall: { readonly score: number; readonly meanPeakR: number; readonly lagSec: number; readonly pValue: number } | null;
    }
  | { readonly kind: 'notEnoughSignal'; readonly reason: string };

/** Everything the report screen shows. */
export interface SessionReport {
  readonly sessionId: string;
  readonly viewerId: string;
  /** Who started the session: only they may delete it for everyone. */
  readonly hostId: string | null;
  readonly startedAtMs: number;
  readonly endedAtMs: number | null;
  readonly people: readonly ReportPerson[];
  readonly practices: readonly ReportPractice[];
  readonly checkIns: readonly ReportCheckIn[];
  readonly series: readonly ReportSeries[];
  readonly synchrony: ReportSynchrony;
}
