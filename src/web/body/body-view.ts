/**
 * What the session screen shows about bodies, as plain values: each sharing person's readings,
 * the pair's synchrony, and the private offer of a pause. The body-signals model makes it.
 */
import type { SignalSource } from '../../core/protocol/signals.ts';
import type { CoherenceNow } from './coherence-now.ts';
import type { SynchronyNow, SynchronyTrendPoint } from './synchrony-tracker.ts';

/** One person's live body signals, as the panel shows them. */
export interface PersonBody {
  readonly participantId: string;
  readonly name: string;
  readonly isMe: boolean;
  /** Fresh heart rate and its source, or null ("no signal right now"). */
  readonly heart: { readonly bpm: number; readonly source: SignalSource } | null;
  readonly breathingRateBpm: number | null;
  /** Whether a fresh breath phase is arriving (the panel then draws it). */
  readonly breathPhaseKnown: boolean;
  readonly coherence: CoherenceNow;
}

/** The pair's synchrony for the panel. */
export type PairSynchrony =
  | {
      readonly kind: 'pair';
      readonly partnerId: string;
      readonly partnerName: string;
      readonly now: SynchronyNow;
      readonly trend: readonly SynchronyTrendPoint[];
      readonly direction: 'rising' | 'falling' | 'steady' | null;
    }
  | { readonly kind: 'no-pair'; readonly reason: string };

/** The gentle offer, when this person's heart rate has stayed well above their resting rate. */
export interface FloodingOfferNow {
  readonly sinceMs: number;
  readonly baselineBpm: number;
  readonly heartRateBpm: number;
}

/** Everything the session screen shows about bodies. */
export interface BodyView {
  /** This person's own boundaries allow sharing body signals. */
  readonly sharing: boolean;
  /** People with signals to show, in the order they joined; me included when I have readings. */
  readonly people: readonly PersonBody[];
  readonly synchrony: PairSynchrony;
  /** Others a synchrony can be worked out with (a choice when there are several). */
  readonly partners: readonly { readonly id: string; readonly name: string }[];
  readonly flooding: FloodingOfferNow | null;
}
