/**
 * Each person's coherence, worked out again every 5 s, perhaps in a worker: until a fresh answer
 * comes, the last one shows (at most a few seconds old). Someone forgotten meanwhile (they left,
 * or changed their boundaries) stays forgotten: a late answer about them is dropped.
 */
import type { HrvCoherence } from '../../core/signals/index.ts';
import type { BodyAnalysis } from './body-analysis.ts';
import { coherenceFromResult, coherencePrepare, type CoherenceNow } from './coherence-now.ts';
import type { SignalHistory } from './signal-history.ts';

/** How often each person's coherence is worked out again. */
export const COHERENCE_EVERY_MS = 5000;

const READING: CoherenceNow = { kind: 'waiting', reason: 'Reading the rhythm…' };

/** Coherence per person. */
export class CoherenceCache {
  private readonly cache = new Map<string, { atMs: number; value: CoherenceNow }>();
  private readonly asked = new Set<string>();
  private readonly forgotten = new Map<string, number>();
  private generation = 0;

  constructor(private readonly analysis: BodyAnalysis) {}

  /** `participantId`'s coherence at server time `nowMs`, from their history. */
  get(participantId: string, history: SignalHistory, nowMs: number): CoherenceNow {
    const cached = this.cache.get(participantId);
    const shown = cached?.value ?? READING;
    const fresh =
      cached !== undefined && nowMs - cached.atMs < COHERENCE_EVERY_MS && nowMs >= cached.atMs;
    if (fresh || this.asked.has(participantId)) return shown;
    const prepared = coherencePrepare(history, nowMs);
    if (prepared.kind !== 'ready') {
      this.cache.set(participantId, { atMs: nowMs, value: prepared });
      return prepared;
    }
    const askedIn = this.generation;
    const record = (result: HrvCoherence | null) => {
      if ((this.forgotten.get(participantId) ?? -1) >= askedIn) return;
      this.cache.set(participantId, { atMs: nowMs, value: coherenceFromResult(result) });
    };
    const answer = this.analysis.coherence(prepared.rrMs);
    if (!(answer instanceof Promise)) {
      record(answer);
      return this.cache.get(participantId)?.value ?? shown;
    }
    this.asked.add(participantId);
    answer
      .then(record, () => {
        record(null);
      })
      .finally(() => {
        this.asked.delete(participantId);
      });
    return shown;
  }

  /** Drops everything about `participantId`, including any answer still on its way. */
  forget(participantId: string): void {
    this.cache.delete(participantId);
    this.forgotten.set(participantId, this.generation);
    this.generation += 1;
  }
}
