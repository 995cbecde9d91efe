/**
 * A simulated sensor, for trying Attune out without any hardware, for demos and for tests. Every
 * device in a session simulates the same pair (same seed, same start in server time) and passes
 * on only its own person's half, so two devices together show a coupled pair, in step.
 *
 * Each second it advances the pair simulation to the session's age in server time. Joining a
 * session that began long ago means catching up first: that is done in slices, giving the page
 * a turn between them, and only the last few seconds are passed on.
 */
import {
  pairSimulationAdvance,
  pairSimulationStart,
  type PairSimulation,
  type SimulatedReading,
} from '../../core/physiology/pair-simulation.ts';
import { SIGNAL_SAMPLE_MAX_RR } from '../../core/protocol/signals.ts';
import type { Sensor, SensorListener, SensorStatus } from './sensor.ts';
import { browserTiming, SensorHub, type SensorTiming } from './sensor-hub.ts';

/** What the simulated sensor needs to know. */
export interface SimulatedSensorOptions {
  readonly seed: number;
  /** When the simulation began, in server time (the session's start). */
  readonly startAtServerMs: number;
  /** Which half of the pair this device is. */
  readonly role: 'a' | 'b';
  /** 0 = independent, 1 = strongly coupled. */
  readonly coupling: number;
  /** Server time now (this device's clock corrected by its estimated offset). */
  readonly serverNow: () => number;
  readonly timing?: SensorTiming;
}

/** Simulated seconds advanced between two turns of the page while catching up (≈ 8 ms on a laptop). */
export const SIMULATION_CATCH_UP_SLICE_SEC = 30;
/** When catching up, only readings from the last this-many seconds are passed on. */
export const SIMULATION_CATCH_UP_KEEP_SEC = 3;
/** Catching up further than this would keep the page busy too long (a week is ~20 000 slices). */
export const SIMULATION_MAX_AGE_SEC = 7 * 86_400;
/** A tick lands this long after each whole simulated second, so that second is complete. */
const TICK_MARGIN_MS = 30;

/** Two simulated people; this device shows one of them. */
export class SimulatedPairSensor implements Sensor {
  readonly source = 'simulated';
  readonly supported = true;
  private readonly hub = new SensorHub();
  private readonly timing: SensorTiming;
  private run = 0;
  private sim: PairSimulation | null = null;
  private cancelTick: (() => void) | null = null;

  constructor(private readonly options: SimulatedSensorOptions) {
    this.timing = options.timing ?? browserTiming;
  }

  status(): SensorStatus {
    return this.hub.status();
  }

  listen(listener: SensorListener): () => void {
    return this.hub.listen(listener);
  }

  async start(): Promise<void> {
    const kind = this.hub.status().kind;
    if (kind !== 'off' && kind !== 'failed') return;
    this.run += 1;
    const run = this.run;
    // Without a real start (a session still loading) the age would be decades: say so instead.
    if (!(this.options.startAtServerMs > 0)) {
      this.hub.setStatus({ kind: 'failed', message: "The simulation needs the session's start time, which hasn't arrived yet. Try again in a moment." });
      return;
    }
    if (this.ageSec() > SIMULATION_MAX_AGE_SEC) {
      this.hub.setStatus({ kind: 'failed', message: 'This session has been open for over a week, too long to simulate. A new session can use it.' });
      return;
    }
    this.hub.setStatus({ kind: 'starting' });
    try {
      this.sim = pairSimulationStart({ seed: this.options.seed, coupling: this.options.coupling });
    } catch {
      this.hub.setStatus({ kind: 'failed', message: "The simulation couldn't start. Reloading the page usually helps." });
      return;
    }
    await this.tick(run);
  }

  stop(): void {
    this.run += 1;
    this.cancelTick?.();
    this.cancelTick = null;
    this.sim = null;
    this.hub.setStatus({ kind: 'off' });
  }

  /** Seconds since the simulation began, in server time. */
  private ageSec(): number {
    return (this.options.serverNow() - this.options.startAtServerMs) / 1000;
  }

  private async tick(run: number): Promise<void> {
    this.cancelTick = null;
    let sim = this.sim;
    if (run !== this.run || sim === null) return;
    let target = this.ageSec();
    // Catching up: advance in slices, letting the page breathe between them.
    while (target - sim.atSec > SIMULATION_CATCH_UP_SLICE_SEC) {
      sim = pairSimulationAdvance(sim, sim.atSec + SIMULATION_CATCH_UP_SLICE_SEC).sim;
      this.sim = sim;
      await new Promise<void>((resolve) => {
        this.timing.after(0, resolve);
      });
      if (run !== this.run) return;
      target = this.ageSec();
    }
    if (target > sim.atSec) {
      const advanced = pairSimulationAdvance(sim, target);
      this.sim = advanced.sim;
      const mine = this.options.role === 'a' ? advanced.a : advanced.b;
      for (const reading of mine.filter((r) => r.atSec > target - SIMULATION_CATCH_UP_KEEP_SEC)) this.emit(reading);
    }
    if (target < 0) this.hub.setStatus({ kind: 'waiting', message: 'The simulation starts with the session.' });
    // Next tick just after the next whole simulated second (or a second on, before the start).
    const delayMs = target < 0 ? Math.min(1000, -target * 1000) : (Math.floor(target) + 1 - target) * 1000;
    this.cancelTick = this.timing.after(delayMs + TICK_MARGIN_MS, () => {
      void this.tick(run);
    });
  }

  private emit(reading: SimulatedReading): void {
    // From simulated time to this device's clock, through server time.
    const atServerMs = this.options.startAtServerMs + reading.atSec * 1000;
    const atLocalMs = atServerMs - (this.options.serverNow() - this.timing.now());
    this.hub.setStatus({ kind: 'streaming' });
    this.hub.reading({
      atLocalMs: Math.round(atLocalMs),
      source: 'simulated',
      heartRateBpm: reading.heartRateBpm,
      rrMs: reading.rrMs.slice(-SIGNAL_SAMPLE_MAX_RR),
      breathingRateBpm: reading.breathingRateBpm,
      breathPhase: reading.breathPhase,
    });
  }
}
