/**
 * A reading from this person's own sensor as the sample that goes on the wire: stamped in server
 * time, and every value checked against what the wire accepts, so one odd reading never gets a
 * whole batch turned down.
 */
import {
  BREATHING_RATE_RANGE_BPM,
  HEART_RATE_RANGE_BPM,
  RR_RANGE_MS,
  SIGNAL_SAMPLE_MAX_RR,
  type SignalSample,
} from '../../core/protocol/signals.ts';
import type { SensorReading } from '../sensors/sensor.ts';

function within(value: number | null, [low, high]: readonly [number, number]): number | null {
  return value !== null && Number.isFinite(value) && value >= low && value <= high ? value : null;
}

/** A sensor reading as a wire sample in server time, or null when it says nothing usable. */
export function sampleFromReading(
  reading: SensorReading,
  serverAt: (localMs: number) => number,
): SignalSample | null {
  const atMs = Math.round(serverAt(reading.atLocalMs));
  const phase = reading.breathPhase;
  const sample: SignalSample = {
    atMs: Math.max(0, atMs),
    source: reading.source,
    heartRateBpm: within(reading.heartRateBpm, HEART_RATE_RANGE_BPM),
    rrMs: reading.rrMs
      .filter((ms) => Number.isFinite(ms) && ms >= RR_RANGE_MS[0] && ms <= RR_RANGE_MS[1])
      .slice(-SIGNAL_SAMPLE_MAX_RR),
    breathingRateBpm: within(reading.breathingRateBpm, BREATHING_RATE_RANGE_BPM),
    breathPhase: phase !== null && Number.isFinite(phase) && phase >= 0 && phase < 1 ? phase : null,
  };
  const saysSomething =
    sample.heartRateBpm !== null ||
    sample.rrMs.length > 0 ||
    sample.breathingRateBpm !== null ||
    sample.breathPhase !== null;
  return saysSomething ? sample : null;
}
