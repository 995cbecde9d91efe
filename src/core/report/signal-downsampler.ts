/**
 * What the server keeps of a body-signal stream: one row per person per second, the heart and
 * breathing rates of that second, and every beat-to-beat interval (RR) so the report and the
 * CSV lose no beat. Samples arrive up to four a second, so this keeps a quarter of the rows at
 * most while keeping everything HRV needs.
 */
import type { SignalSample } from '../protocol/signals.ts';
import type { ReportSignalRow } from './session-report.ts';

/** Width of one stored row, in ms. */
export const SIGNAL_STORE_BUCKET_MS = 1000;

interface Bucket {
  readonly participantId: string;
  readonly startMs: number;
  atMs: number;
  source: SignalSample['source'];
  heartRateSum: number;
  heartRateCount: number;
  breathingRateBpm: number | null;
  breathPhase: number | null;
  rrMs: number[];
}

function bucketStart(atMs: number): number {
  return Math.floor(atMs / SIGNAL_STORE_BUCKET_MS) * SIGNAL_STORE_BUCKET_MS;
}

function bucketToRow(bucket: Bucket): ReportSignalRow {
  return {
    participantId: bucket.participantId,
    atMs: bucket.atMs,
    source: bucket.source,
    heartRateBpm: bucket.heartRateCount > 0 ? Math.round((bucket.heartRateSum / bucket.heartRateCount) * 10) / 10 : null,
    breathingRateBpm: bucket.breathingRateBpm,
    breathPhase: bucket.breathPhase,
    rrMs: bucket.rrMs,
  };
}

/**
 * Merges the samples of one session into per-second rows. Mutable on purpose: the server feeds
 * it thousands of samples a second and an immutable copy per sample would be waste.
 */
export class SignalDownsampler {
  private readonly open = new Map<string, Bucket>();
  private ready: ReportSignalRow[] = [];

  /** Adds one person's sample; a sample for a later second closes that person's open row. */
  add(participantId: string, sample: SignalSample): void {
    const startMs = bucketStart(sample.atMs);
    let bucket = this.open.get(participantId);
    if (bucket && bucket.startMs !== startMs) {
      this.ready.push(bucketToRow(bucket));
      bucket = undefined;
    }
    if (!bucket) {
      bucket = {
        participantId,
        startMs,
        atMs: sample.atMs,
        source: sample.source,
        heartRateSum: 0,
        heartRateCount: 0,
        breathingRateBpm: null,
        breathPhase: null,
        rrMs: [],
      };
      this.open.set(participantId, bucket);
    }
    bucket.atMs = Math.max(bucket.atMs, sample.atMs);
    bucket.source = sample.source;
    if (sample.heartRateBpm !== null) {
      bucket.heartRateSum += sample.heartRateBpm;
      bucket.heartRateCount += 1;
    }
    if (sample.breathingRateBpm !== null) bucket.breathingRateBpm = sample.breathingRateBpm;
    if (sample.breathPhase !== null) bucket.breathPhase = sample.breathPhase;
    bucket.rrMs.push(...sample.rrMs);
  }

  /**
   * Rows ready to store: every closed row, and open rows whose second ended before
   * `closeBeforeMs` (a person whose sensor went quiet still gets their last second kept).
   */
  take(closeBeforeMs: number): ReportSignalRow[] {
    for (const [participantId, bucket] of this.open) {
      if (bucket.startMs + SIGNAL_STORE_BUCKET_MS <= closeBeforeMs) {
        this.ready.push(bucketToRow(bucket));
        this.open.delete(participantId);
      }
    }
    const rows = this.ready;
    this.ready = [];
    return rows;
  }

  /** Whether anything is waiting, open or closed. */
  isEmpty(): boolean {
    return this.open.size === 0 && this.ready.length === 0;
  }

  /** Drops one person's rows that are not stored yet (they asked to forget their signals). */
  forget(participantId: string): void {
    this.open.delete(participantId);
    this.ready = this.ready.filter((row) => row.participantId !== participantId);
  }
}
