/**
 * Bodies in the session, with no UI inside: this person's own readings (from their sensors) and
 * the samples others share, and what the live panel shows from them.
 *
 * Sending: own readings become samples in server time and go out in one small batch about once
 * a second, and only while this person's current boundaries allow sharing body signals. That is
 * checked at every send, so changing the boundary stops sending at once; what was read while
 * sharing was off is dropped, never sent later.
 *
 * Showing: for each person who shares, the latest heart rate (with its source), breathing rate
 * and phase, each only while fresh; coherence from beat-to-beat intervals once there are 64 s of
 * them; the pair's synchrony every 5 s, or "not enough signal" with the reason.
 *
 * Other people's boundaries stay with them (this device only learns the ones that change which
 * practices are offered), so whether someone shares is known here only by their samples
 * arriving: the server passes them on only while that person's boundaries allow it, checked at
 * send time. When anyone's boundaries change, or they leave, everything kept of them is
 * forgotten at once; if they still share, their next sample brings them back within a second.
 *
 * Flooding: this person's own heart rate feeds a detector that gently offers a pause when it
 * stays well above their own resting rate. Only they see the offer. Their resting rate is kept
 * on this device between sessions.
 *
 * Everything from outside (clocks, sending, storage) comes in through `BodySignalsEnvironment`.
 */
import type { Boundaries } from '../../core/boundaries/boundary.ts';
import { pacerBreathsPerMinAt } from '../../core/pacer/index.ts';
import {
  floodingBaseline,
  floodingDismiss,
  floodingObserve,
  floodingOffer,
  floodingStart,
} from '../../core/physiology/flooding.ts';
import {
  SIGNAL_BATCH_MAX_SAMPLES,
  type SignalSample,
  type SignalsMessage,
} from '../../core/protocol/signals.ts';
import { sessionPresentParticipants } from '../../core/session/queries.ts';
import type { SessionState } from '../../core/session/state.ts';
import { serverTimeMs } from '../../core/time/instant.ts';
import type { SensorReading } from '../sensors/sensor.ts';
import type { SensedBreath } from './breath-follower.ts';
import type { BodyView, PairSynchrony, PersonBody } from './body-view.ts';
import { CoherenceCache } from './coherence-cache.ts';
import { PairSynchronyWatch } from './pair-synchrony.ts';
import { sampleFromReading } from './reading-sample.ts';
import {
  breathingRateNow,
  breathPhaseNow,
  heartRateNow,
  historyWith,
  sensedBreathNow,
  type SignalHistory,
} from './signal-history.ts';
import type { BodyAnalysis } from './body-analysis.ts';

/** Samples older than this when a batch goes out are not sent: they are no longer live. */
export const SEND_MAX_AGE_MS = 10_000;
/** Batches one send may carry at most (after a throttled background tab, say). */
const SEND_MAX_BATCHES = 3;
/** How long a breath reading stays fresh enough for the pacer to follow it. */
export const FOLLOW_FRESH_MS = 3000;
/** Someone whose samples stopped is listed ("no reading right now") for this long, then not. */
export const PERSON_SHOWN_FOR_MS = 60_000;
/** The resting rate is written to the device at most this often. */
const BASELINE_SAVE_EVERY_MS = 60_000;

/** The outside world of the model. */
export interface BodySignalsEnvironment {
  /** This device's clock (`Date.now()`). */
  now(): number;
  /** Server time at an instant of this device's clock. */
  serverAt(localMs: number): number;
  /** Whether this device's clock is in step with the session's yet (before that, times are guesses). */
  clockInStep(): boolean;
  /** Sends a batch of this person's samples; false when they could not go out (offline). */
  sendSignals(samples: readonly SignalSample[]): boolean;
  /** Works out synchrony and coherence (in a worker, in the browser). */
  readonly analysis: BodyAnalysis;
  /** This person's resting heart rate as kept on the device, and how to keep a new one. */
  readonly baseline: { load(): number | null; save(bpm: number, atLocalMs: number): void };
}

/** Who is where: the session as this person sees it. */
export interface BodySignalsContext {
  readonly state: SessionState;
  readonly me: string | null;
}

/**
 * Whether `participantId` may share body signals now: present, and their boundaries allow it.
 * Only meaningful for this person themself: others' boundaries on this kind are not sent here.
 */
export function sharingAllowed(state: SessionState, participantId: string | null): boolean {
  if (participantId === null) return false;
  const person = state.participants[participantId];
  return person?.present === true && !person.boundaries.sharePhysiology;
}

/** The model of bodies in one session. */
export class BodySignals {
  private context: BodySignalsContext | null = null;
  private readonly histories = new Map<string, SignalHistory>();
  /**
   * My samples as they went out. What others' devices work out about me (coherence, the pair's
   * synchrony) uses exactly these; so does mine, while I share, so every screen agrees.
   */
  private sent: SignalHistory = [];
  /** Each present person's boundaries as last seen, to notice a change. */
  private readonly boundariesSeen = new Map<string, Boundaries>();
  private outgoing: SignalSample[] = [];
  private chosenPartner: string | null = null;
  private readonly synchrony: PairSynchronyWatch;
  private readonly coherence: CoherenceCache;
  private flooding: ReturnType<typeof floodingStart>;
  private savedBaseline: { bpm: number; atLocalMs: number } | null = null;

  constructor(private readonly env: BodySignalsEnvironment) {
    this.synchrony = new PairSynchronyWatch(env.analysis);
    this.coherence = new CoherenceCache(env.analysis);
    const known = env.baseline.load();
    this.flooding = floodingStart(known === null ? {} : { knownRestingBpm: known });
    if (known !== null) this.savedBaseline = { bpm: known, atLocalMs: Number.NEGATIVE_INFINITY };
  }

  /**
   * The session as it is now; call on every change. Forgets all of anyone who left or whose
   * boundaries changed (they may have stopped sharing).
   */
  setContext(context: BodySignalsContext): void {
    this.context = context;
    for (const [id, boundaries] of [...this.boundariesSeen]) {
      const person = context.state.participants[id];
      // My own readings stay on my screen whatever I share; only sending depends on it.
      if (id === context.me && person?.present === true) continue;
      if (person?.present === true && person.boundaries === boundaries) continue;
      this.forget(id);
    }
    for (const person of Object.values(context.state.participants)) {
      if (person.present) this.boundariesSeen.set(person.id, person.boundaries);
    }
  }

  /** One reading from this person's own sensor. */
  addOwnReading(reading: SensorReading): void {
    const sample = sampleFromReading(reading, (localMs) => this.env.serverAt(localMs));
    if (sample === null) return;
    const me = this.context?.me ?? null;
    if (me !== null)
      this.histories.set(me, historyWith(this.histories.get(me) ?? [], [sample], this.serverNow()));
    if (sample.heartRateBpm !== null)
      this.flooding = floodingObserve(this.flooding, reading.atLocalMs, sample.heartRateBpm);
    this.outgoing.push(sample);
  }

  /** A batch of someone else's samples, as the server passed it on. */
  receive(message: SignalsMessage): void {
    const context = this.context;
    // My own samples arrive here too when another of my devices reads them (a strap on the phone,
    // the session on a laptop); the server never echoes a device's own.
    if (context === null) return;
    if (context.state.participants[message.participantId]?.present !== true) return;
    this.histories.set(
      message.participantId,
      historyWith(
        this.histories.get(message.participantId) ?? [],
        message.samples,
        this.serverNow(),
      ),
    );
  }

  /**
   * Sends what was read since the last send, if this person's boundaries allow it right now;
   * otherwise drops it. Returns how many samples went out.
   */
  flush(): number {
    const queued = this.outgoing;
    this.outgoing = [];
    const context = this.context;
    if (context === null || !sharingAllowed(context.state, context.me)) return 0;
    // Stamped before the clock was in step, a reading's time could be far off: not sent.
    if (!this.env.clockInStep()) return 0;
    const oldest = this.serverNow() - SEND_MAX_AGE_MS;
    const live = queued
      .filter((sample) => sample.atMs >= oldest)
      .slice(-SIGNAL_BATCH_MAX_SAMPLES * SEND_MAX_BATCHES);
    let sent = 0;
    for (let start = 0; start < live.length; start += SIGNAL_BATCH_MAX_SAMPLES) {
      const batch = live.slice(start, start + SIGNAL_BATCH_MAX_SAMPLES);
      if (!this.env.sendSignals(batch)) break;
      sent += batch.length;
      this.sent = historyWith(this.sent, batch, this.serverNow());
    }
    return sent;
  }

  /** Chooses whose heart rate mine is compared with, when several people share. */
  choosePartner(participantId: string): void {
    this.chosenPartner = participantId;
  }

  /** Puts the gentle offer away (any choice made on it does this too). */
  dismissFlooding(): void {
    this.flooding = floodingDismiss(this.flooding, this.env.now());
  }

  /** Where `participantId` is in their breath at server time `nowMs`, or null without a fresh reading. */
  breathPhaseAt(participantId: string, nowMs: number): number | null {
    if (!this.mayShow(participantId)) return null;
    return breathPhaseNow(this.histories.get(participantId) ?? [], nowMs);
  }

  /** The breath for the pacer to follow: read within the last 3 s, from someone who shares. */
  sensedBreath(participantId: string, nowMs: number): SensedBreath | null {
    const context = this.context;
    if (context === null) return null;
    // My own breath is followed only while I share it (everyone else's device cannot see it).
    if (participantId === context.me && !sharingAllowed(context.state, participantId)) return null;
    if (!this.mayShow(participantId)) return null;
    return sensedBreathNow(this.histories.get(participantId) ?? [], nowMs, FOLLOW_FRESH_MS);
  }

  /** What to show now; also steps the synchrony (every 5 s) and keeps the resting rate. */
  view(): BodyView {
    const context = this.context;
    const nowMs = this.serverNow();
    this.keepBaseline();
    const offer = floodingOffer(this.flooding);
    const flooding =
      offer === null
        ? null
        : {
            sinceMs: offer.sinceMs,
            baselineBpm: offer.baselineBpm,
            heartRateBpm: offer.heartRateBpm,
          };
    if (context === null || context.me === null) {
      return {
        sharing: false,
        people: [],
        synchrony: { kind: 'no-pair', reason: '' },
        partners: [],
        flooding,
      };
    }
    const { state, me } = context;
    const present = sessionPresentParticipants(state);
    const people: PersonBody[] = [];
    for (const person of present) {
      const history = this.histories.get(person.id);
      if (history === undefined || history.length === 0 || !this.mayShow(person.id)) continue;
      people.push({
        participantId: person.id,
        name: person.displayName,
        isMe: person.id === me,
        heart: heartRateNow(history, nowMs),
        breathingRateBpm: breathingRateNow(history, nowMs),
        breathPhaseKnown: breathPhaseNow(history, nowMs) !== null,
        coherence: this.coherence.get(person.id, this.analysedHistory(person.id, history), nowMs),
      });
    }
    // My own readings first, then everyone else in the order they joined.
    people.sort((x, y) => Number(y.isMe) - Number(x.isMe));
    const partners = present
      .filter((person) => person.id !== me && this.mayShow(person.id))
      .map((person) => ({ id: person.id, name: person.displayName }));
    return {
      sharing: sharingAllowed(state, me),
      people,
      synchrony: this.pairSynchrony(partners, nowMs),
      partners,
      flooding,
    };
  }

  /** Keeps the resting rate on the device before the screen goes. */
  dispose(): void {
    this.keepBaseline(true);
  }

  // ---------------------------------------------------------------------------------------------

  private serverNow(): number {
    return this.env.serverAt(this.env.now());
  }

  /** The history the numbers worked out about a person come from: for me while I share, what I sent. */
  private analysedHistory(participantId: string, history: SignalHistory): SignalHistory {
    const context = this.context;
    const mine = context !== null && participantId === context.me;
    return mine && sharingAllowed(context.state, participantId) ? this.sent : history;
  }

  /**
   * Present, and with a sample within the last minute: me always (my own screen), anyone else
   * only while their samples arrive, which the server allows only while they share.
   */
  private mayShow(participantId: string): boolean {
    const context = this.context;
    if (context === null || context.state.participants[participantId]?.present !== true)
      return false;
    const latest = this.histories.get(participantId)?.at(-1);
    return latest !== undefined && this.serverNow() - latest.atMs <= PERSON_SHOWN_FOR_MS;
  }

  private forget(participantId: string): void {
    this.histories.delete(participantId);
    this.coherence.forget(participantId);
    this.boundariesSeen.delete(participantId);
    this.synchrony.forget(participantId);
  }

  private pairSynchrony(
    partners: readonly { id: string; name: string }[],
    nowMs: number,
  ): PairSynchrony {
    const context = this.context;
    if (context === null || context.me === null) return { kind: 'no-pair', reason: '' };
    if (sessionPresentParticipants(context.state).length < 2) {
      return {
        kind: 'no-pair',
        reason:
          'When someone else is here and shares a heart rate, how your two hearts move together shows here.',
      };
    }
    if (partners.length === 0)
      return {
        kind: 'no-pair',
        reason: 'Nobody else here is sharing body signals right now, and that is fine.',
      };
    const partner =
      partners.find((candidate) => candidate.id === this.chosenPartner) ??
      partners.find(
        (candidate) => heartRateNow(this.histories.get(candidate.id) ?? [], nowMs) !== null,
      ) ??
      partners[0];
    if (partner === undefined) return { kind: 'no-pair', reason: '' };
    return this.synchrony.look({
      me: context.me,
      partner: partner.id,
      partnerName: partner.name,
      mine: this.analysedHistory(context.me, this.histories.get(context.me) ?? []),
      theirs: this.histories.get(partner.id) ?? [],
      nowMs,
      pacerHzAt: (atMs) => this.pacerHzAt(atMs),
    });
  }

  /** The shared pacer's rate while a paced practice breathes, so pacing together is not counted as synchrony. */
  private pacerHzAt(atMs: number): number | undefined {
    const practice = this.context?.state.practice;
    if (
      practice?.status !== 'running' ||
      practice.pacer === null ||
      atMs < practice.pacer.startAtMs
    )
      return undefined;
    const perMin = pacerBreathsPerMinAt(practice.pacer, serverTimeMs(atMs));
    return perMin > 0 ? perMin / 60 : undefined;
  }

  private keepBaseline(force = false): void {
    const bpm = floodingBaseline(this.flooding);
    if (bpm === null) return;
    const localNow = this.env.now();
    const last = this.savedBaseline;
    const due =
      last === null ||
      (Math.abs(last.bpm - bpm) >= 0.5 &&
        (force || localNow - last.atLocalMs >= BASELINE_SAVE_EVERY_MS));
    if (!due) return;
    this.env.baseline.save(bpm, localNow);
    this.savedBaseline = { bpm, atLocalMs: localNow };
  }
}
