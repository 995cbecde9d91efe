/**
 * The part every sensor shares: its current status, the people listening, and the clock and
 * timers it runs on. Timers are passed in so a sensor's retries and schedules can be tested
 * without waiting (tests give a fake clock; the browser gives `browserTiming`).
 */
import type { SensorListener, SensorReading, SensorStatus } from './sensor.ts';

/** Time as a sensor sees it: this device's clock and one-shot timers that can be cancelled. */
export interface SensorTiming {
  /** This device's `Date.now()`. */
  now(): number;
  /** Runs `run` after `ms`; returns how to cancel it. */
  after(ms: number, run: () => void): () => void;
}

/** The browser's own clock and timers. */
export const browserTiming: SensorTiming = {
  now: () => Date.now(),
  after: (ms, run) => {
    const id = globalThis.setTimeout(run, ms);
    return () => {
      globalThis.clearTimeout(id);
    };
  },
};

/** Keeps one sensor's status and passes readings and status changes to its listeners. */
export class SensorHub {
  private current: SensorStatus = { kind: 'off' };
  private readonly listeners = new Set<SensorListener>();

  status(): SensorStatus {
    return this.current;
  }

  /** Changes the status and tells the listeners, unless nothing changed. */
  setStatus(next: SensorStatus): void {
    if (statusEquals(this.current, next)) return;
    this.current = next;
    for (const listener of [...this.listeners]) listener.status(next);
  }

  reading(reading: SensorReading): void {
    for (const listener of [...this.listeners]) listener.reading(reading);
  }

  listen(listener: SensorListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

function statusEquals(a: SensorStatus, b: SensorStatus): boolean {
  if (a.kind !== b.kind) return false;
  const messageOf = (status: SensorStatus) => ('message' in status ? status.message : '');
  return messageOf(a) === messageOf(b);
}
