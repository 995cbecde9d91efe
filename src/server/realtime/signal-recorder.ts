/**
 * Keeps the downsampled copy of body signals for session reports. Samples are merged into one
 * row per person per second in memory and written in one batch every couple of seconds, so a
 * busy node makes a handful of writes a second rather than one per sample.
 *
 * Samples are a stream, not a record: a row still in memory when the process dies is lost,
 * and that is accepted (at most `flushIntervalMs` plus a second of readings). A database that
 * refuses writes keeps rows waiting up to a bound, then the oldest are let go with a warning.
 */
import { SignalDownsampler, SIGNAL_STORE_BUCKET_MS } from '../../core/report/signal-downsampler.ts';
import type { SignalSample } from '../../core/protocol/signals.ts';
import type { Logger } from '../log/logger.ts';
import type { SignalStore, StoredSignalRow } from '../store/signal-store.ts';

/** How the recorder paces itself. */
export interface SignalRecorderOptions {
  readonly flushIntervalMs: number;
  /** Rows kept waiting while the database refuses writes, before the oldest are dropped. */
  readonly maxWaitingRows: number;
}

/** Rows per write: a few milliseconds of inserts each. */
export const SIGNAL_WRITE_SLICE_ROWS = 1000;

/** Write every two seconds; while the database is away, keep about 20 s of 10,000 people's rows. */
export const DEFAULT_SIGNAL_RECORDER_OPTIONS: SignalRecorderOptions = {
  flushIntervalMs: 2000,
  maxWaitingRows: 200_000,
};

function rowForgotten(row: StoredSignalRow, sessionId: string, participantId: string | undefined): boolean {
  return row.sessionId === sessionId && (participantId === undefined || row.participantId === participantId);
}

/** The node's recorder of body signals. */
export class SignalRecorder {
  private readonly sessions = new Map<string, SignalDownsampler>();
  private waiting: StoredSignalRow[] = [];
  /** Forgets asked for while a write was under way: a failed write must not bring those rows back. */
  private forgottenDuringWrite: { sessionId: string; participantId?: string }[] = [];
  private flushing: Promise<void> | null = null;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly store: SignalStore,
    private readonly logger: Logger,
    private readonly now: () => number,
    private readonly options: SignalRecorderOptions = DEFAULT_SIGNAL_RECORDER_OPTIONS,
  ) {
    this.timer = setInterval(() => {
      void this.flush();
    }, options.flushIntervalMs);
    this.timer.unref();
  }

  /** Takes one person's samples (already authorised) for the report copy. */
  record(sessionId: string, participantId: string, samples: readonly SignalSample[]): void {
    let downsampler = this.sessions.get(sessionId);
    if (!downsampler) {
      downsampler = new SignalDownsampler();
      this.sessions.set(sessionId, downsampler);
    }
    for (const sample of samples) downsampler.add(participantId, sample);
  }

  /** Drops what is not stored yet for a person (or a whole session): they asked it be forgotten. */
  forget(sessionId: string, participantId?: string): void {
    if (participantId === undefined) this.sessions.delete(sessionId);
    else this.sessions.get(sessionId)?.forget(participantId);
    this.waiting = this.waiting.filter((row) => !rowForgotten(row, sessionId, participantId));
    if (this.flushing) this.forgottenDuringWrite.push(participantId === undefined ? { sessionId } : { sessionId, participantId });
  }

  /**
   * Writes every finished second; with `everything` also the seconds still open (all of them
   * for `true`, or one session's). One flush at a time; a call during a flush waits for it and
   * then flushes again, so when it resolves no earlier write is still under way.
   */
  async flush(everything: boolean | string = false): Promise<void> {
    while (this.flushing) await this.flushing;
    this.flushing = this.writeOnce(this.now() - SIGNAL_STORE_BUCKET_MS, everything);
    try {
      await this.flushing;
    } finally {
      this.flushing = null;
    }
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush(true);
  }

  private async writeOnce(closeBeforeMs: number, everything: boolean | string): Promise<void> {
    this.forgottenDuringWrite = [];
    for (const [sessionId, downsampler] of this.sessions) {
      const closeAll = everything === true || everything === sessionId;
      for (const row of downsampler.take(closeAll ? Number.POSITIVE_INFINITY : closeBeforeMs)) this.waiting.push({ ...row, sessionId });
      if (downsampler.isEmpty()) this.sessions.delete(sessionId);
    }
    if (this.waiting.length === 0) return;
    const rows = this.waiting;
    this.waiting = [];
    // In slices, so the event log's commits take turns with this one on a busy node rather than
    // waiting behind thousands of rows; each slice leaves out anyone forgotten meanwhile.
    let written = 0;
    try {
      for (; written < rows.length; written += SIGNAL_WRITE_SLICE_ROWS) {
        const slice = this.notForgotten(rows.slice(written, written + SIGNAL_WRITE_SLICE_ROWS));
        if (slice.length > 0) await this.store.append(slice);
      }
    } catch (error) {
      this.waiting = this.notForgotten(rows.slice(written)).concat(this.waiting);
      const excess = this.waiting.length - this.options.maxWaitingRows;
      if (excess > 0) this.waiting.splice(0, excess);
      this.logger.warn('signals', 'could not store body signals; will try again', {
        waitingRows: this.waiting.length,
        droppedRows: Math.max(0, excess),
        error: String(error),
      });
    }
  }

  /** `rows` without those of anyone forgotten since this write began. */
  private notForgotten(rows: StoredSignalRow[]): StoredSignalRow[] {
    const forgotten = this.forgottenDuringWrite;
    if (forgotten.length === 0) return rows;
    return rows.filter((row) => !forgotten.some((asked) => rowForgotten(row, asked.sessionId, asked.participantId)));
  }
}
