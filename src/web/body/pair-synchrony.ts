/**
 * Keeps the pair's synchrony up to date: at each shared 5-second mark it prepares both heart
 * rates and has them scored (perhaps in a worker), one at a time, and keeps the trend. A pair
 * chosen meanwhile starts its own trend; a late answer about another pair is dropped.
 */
import type { SynchronyScore } from '../../core/signals/index.ts';
import type { BodyAnalysis } from './body-analysis.ts';
import type { PairSynchrony } from './body-view.ts';
import {
  SYNCHRONY_SAMPLE_RATE_HZ,
  SYNCHRONY_TRACKER_EMPTY,
  SYNCHRONY_WAIT_FOR_LATE_MS,
  synchronyDirection,
  synchronyFromScore,
  synchronyIsDue,
  synchronyMarkAt,
  synchronyPrepare,
  synchronyRecorded,
  type SynchronyInputs,
  type SynchronyTracker,
} from './synchrony-tracker.ts';

/** What one look at the pair needs: the inputs without the mark, and the pacer's rate at a mark. */
export type PairSynchronyInputs = Omit<SynchronyInputs, 'markMs' | 'pacerHz'> & {
  /** Server time now. */
  readonly nowMs: number;
  /** The shared pacer's rate (Hz) at a server instant during a paced practice, else undefined. */
  readonly pacerHzAt: (atMs: number) => number | undefined;
};

/** The pair's synchrony over time. */
export class PairSynchronyWatch {
  private tracker: SynchronyTracker = SYNCHRONY_TRACKER_EMPTY;
  private currentPair: string | null = null;
  private scoring = false;

  constructor(private readonly analysis: BodyAnalysis) {}

  /** The pair's synchrony now; starts working it out again when a new mark has come. */
  look(inputs: PairSynchronyInputs): Extract<PairSynchrony, { kind: 'pair' }> {
    const pairKey = `${inputs.me}|${inputs.partner}`;
    this.currentPair = pairKey;
    const markMs = synchronyMarkAt(inputs.nowMs);
    if (!this.scoring && synchronyIsDue(this.tracker, pairKey, markMs)) {
      const pacerHz = inputs.pacerHzAt(markMs);
      this.workOut(pairKey, inputs.nowMs, {
        me: inputs.me,
        partner: inputs.partner,
        partnerName: inputs.partnerName,
        mine: inputs.mine,
        theirs: inputs.theirs,
        markMs,
        ...(pacerHz === undefined ? {} : { pacerHz }),
      });
    }
    const tracked = this.tracker.pairKey === pairKey ? this.tracker : SYNCHRONY_TRACKER_EMPTY;
    return {
      kind: 'pair',
      partnerId: inputs.partner,
      partnerName: inputs.partnerName,
      now: tracked.now ?? { kind: 'not-enough', reason: 'Looking at both heart rates…' },
      trend: tracked.trend,
      direction: synchronyDirection(tracked.trend),
    };
  }

  /** Forgets the pair's trend if `participantId` is in it. */
  forget(participantId: string): void {
    if (this.tracker.pairKey?.split('|').includes(participantId) === true)
      this.tracker = SYNCHRONY_TRACKER_EMPTY;
    if (this.currentPair?.split('|').includes(participantId) === true) this.currentPair = null;
  }

  /** Prepares the pair's heart rates and has them scored (perhaps later, in a worker). */
  private workOut(pairKey: string, nowMs: number, inputs: SynchronyInputs): void {
    const { markMs } = inputs;
    const prepared = synchronyPrepare(inputs);
    // A sample up to the mark may still be on its way: look again on the next tick.
    if (
      prepared.kind === 'ready' &&
      !prepared.reachesMark &&
      nowMs - markMs < SYNCHRONY_WAIT_FOR_LATE_MS
    )
      return;
    if (prepared.kind !== 'ready') {
      this.tracker = synchronyRecorded(this.tracker, pairKey, markMs, prepared);
      return;
    }
    const record = (result: SynchronyScore | null) => {
      if (this.currentPair !== pairKey) return;
      this.tracker = synchronyRecorded(
        this.tracker,
        pairKey,
        markMs,
        synchronyFromScore(result, prepared.meFirst),
      );
    };
    const options = {
      sampleRateHz: SYNCHRONY_SAMPLE_RATE_HZ,
      ...(prepared.pacerHz === undefined ? {} : { pacerHz: prepared.pacerHz }),
    };
    const answer = this.analysis.synchrony(prepared.first, prepared.second, options);
    if (!(answer instanceof Promise)) {
      record(answer);
      return;
    }
    this.scoring = true;
    answer
      .then(record, () => {
        record(null);
      })
      .finally(() => {
        this.scoring = false;
      });
  }
}
