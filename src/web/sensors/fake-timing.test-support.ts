/**
 * A hand-driven clock for sensor tests: timers run only when the test moves time on, in order,
 * with the promises they start settled before the next one runs.
 */
import type { SensorTiming } from './sensor-hub.ts';

interface PendingTimer {
  readonly atMs: number;
  readonly order: number;
  readonly run: () => void;
  cancelled: boolean;
}

/** Lets every pending promise callback run. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 5; round += 1) {
    await new Promise<void>((resolve) => {
      setImmediate(resolve);
    });
  }
}

/** A clock and timers that move only when `advance` is called. */
export class FakeTiming implements SensorTiming {
  nowMs: number;
  private order = 0;
  private pending: PendingTimer[] = [];

  constructor(startMs = 1_700_000_000_000) {
    this.nowMs = startMs;
  }

  now(): number {
    return this.nowMs;
  }

  after(ms: number, run: () => void): () => void {
    const timer: PendingTimer = { atMs: this.nowMs + Math.max(0, ms), order: this.order, run, cancelled: false };
    this.order += 1;
    this.pending.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }

  /** Timers still waiting to run. */
  pendingCount(): number {
    return this.pending.filter((timer) => !timer.cancelled).length;
  }

  /** Moves time on by `ms`, running each timer that falls due at its own instant. */
  async advance(ms: number): Promise<void> {
    const endMs = this.nowMs + ms;
    for (;;) {
      this.pending = this.pending.filter((timer) => !timer.cancelled);
      const due = this.pending
        .filter((timer) => timer.atMs <= endMs)
        .sort((a, b) => a.atMs - b.atMs || a.order - b.order)[0];
      if (due === undefined) break;
      this.pending = this.pending.filter((timer) => timer !== due);
      this.nowMs = due.atMs;
      due.run();
      await settle();
    }
    this.nowMs = endMs;
    await settle();
  }
}
