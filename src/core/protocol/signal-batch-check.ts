/**
 * The signals batch, checked by hand. Every device sends one a second, so on a node serving
 * thousands of people this is the most frequent message by far, and a general schema check per
 * batch cost more than passing it on. This applies exactly the rules of `signalBatchSchema`
 * (a property test holds the two equal), and builds the same output with defaults filled in.
 *
 * It says only yes or no: a batch it refuses is checked again by the schema, whose issue names
 * what was wrong, so the device still gets a precise error.
 */
import {
  BREATHING_RATE_RANGE_BPM,
  HEART_RATE_RANGE_BPM,
  RR_RANGE_MS,
  SIGNAL_BATCH_MAX_SAMPLES,
  SIGNAL_SAMPLE_MAX_RR,
  SIGNAL_SOURCES,
  type SignalBatch,
  type SignalSample,
  type SignalSource,
} from './signals.ts';

type JsonObject = Record<string, unknown>;

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumberIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/** Null, a number in range, or absent (null); `undefined` when the value breaks the rule. */
function nullableNumberIn(value: unknown, min: number, max: number): number | null | undefined {
  if (value === undefined || value === null) return null;
  return isNumberIn(value, min, max) ? value : undefined;
}

function rrListOf(value: unknown): number[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > SIGNAL_SAMPLE_MAX_RR) return undefined;
  for (const rr of value) if (!isNumberIn(rr, RR_RANGE_MS[0], RR_RANGE_MS[1])) return undefined;
  return value as number[];
}

function isSource(value: unknown): value is SignalSource {
  return typeof value === 'string' && (SIGNAL_SOURCES as readonly string[]).includes(value);
}

function sampleOf(value: unknown): SignalSample | null {
  if (!isPlainObject(value)) return null;
  for (const key in value) {
    switch (key) {
      case 'atMs':
      case 'source':
      case 'heartRateBpm':
      case 'rrMs':
      case 'breathingRateBpm':
      case 'breathPhase':
        continue;
      default:
        return null;
    }
  }
  const { atMs, source } = value;
  if (typeof atMs !== 'number' || !Number.isSafeInteger(atMs) || atMs < 0 || !isSource(source)) return null;
  const heartRateBpm = nullableNumberIn(value.heartRateBpm, HEART_RATE_RANGE_BPM[0], HEART_RATE_RANGE_BPM[1]);
  const rrMs = rrListOf(value.rrMs);
  const breathingRateBpm = nullableNumberIn(value.breathingRateBpm, BREATHING_RATE_RANGE_BPM[0], BREATHING_RATE_RANGE_BPM[1]);
  // Below 1, never 1 itself: a whole breath has passed and the next one is at 0.
  const breathPhase = value.breathPhase === 1 ? undefined : nullableNumberIn(value.breathPhase, 0, 1);
  if (heartRateBpm === undefined || rrMs === undefined || breathingRateBpm === undefined || breathPhase === undefined) return null;
  return { atMs, source, heartRateBpm, rrMs, breathingRateBpm, breathPhase };
}

/** The batch with defaults filled in, or null when `signalBatchSchema` would refuse it. */
export function signalBatchQuickParse(value: unknown): SignalBatch | null {
  if (!isPlainObject(value)) return null;
  for (const key in value) if (key !== 'type' && key !== 'samples') return null;
  const { type, samples } = value;
  if (type !== 'signals' || !Array.isArray(samples)) return null;
  if (samples.length < 1 || samples.length > SIGNAL_BATCH_MAX_SAMPLES) return null;
  const parsed: SignalSample[] = [];
  for (const raw of samples) {
    const sample = sampleOf(raw);
    if (sample === null) return null;
    parsed.push(sample);
  }
  return { type: 'signals', samples: parsed };
}
