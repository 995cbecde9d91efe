/**
 * Who a simulated person is (core/physiology/pair-simulation.ts): resting heart rate, breathing,
 * and how strongly their heart rate moves with each breath and with the ~0.1 Hz slow wave. The
 * defaults are ordinary adults at rest: resting heart rate 60–80 bpm and breathing 12–20 a minute
 * (typical adult ranges), a breath-by-breath swing of a few bpm at ordinary breathing rates
 * (respiratory sinus arrhythmia; Hirsch & Bishop 1981), and a slow wave of a couple of bpm.
 */

/** Who a simulated person is. Every field has a plausible default for an adult at rest. */
export interface SimulatedPersonProfile {
  /** Mean heart rate at rest. */
  readonly restingHeartRateBpm: number;
  /** Usual breathing rate. */
  readonly breathsPerMin: number;
  /** Half the heart-rate swing with each breath, at 12 breaths a minute (it grows as breathing slows). */
  readonly rsaAmplitudeBpm: number;
  /** Amplitude of the ~0.1 Hz slow wave. */
  readonly slowWaveAmplitudeBpm: number;
  /** Typical size (standard deviation) of the slow drift of heart rate. */
  readonly heartRateDriftBpm: number;
  /** How much the breathing rate wanders: standard deviation of its logarithm (0.08 ≈ 8 %). */
  readonly breathingWander: number;
  /** When coupled, how many seconds this person follows the other (used for b only). */
  readonly followLagSec: number;
}

/** The defaults for person a and person b: two ordinary, different adults at rest. */
export const SIMULATED_PERSON_DEFAULTS: {
  readonly a: SimulatedPersonProfile;
  readonly b: SimulatedPersonProfile;
} = {
  a: {
    restingHeartRateBpm: 68,
    breathsPerMin: 12,
    rsaAmplitudeBpm: 4,
    slowWaveAmplitudeBpm: 2,
    heartRateDriftBpm: 2.5,
    breathingWander: 0.08,
    followLagSec: 2,
  },
  b: {
    restingHeartRateBpm: 75,
    breathsPerMin: 14,
    rsaAmplitudeBpm: 3.5,
    slowWaveAmplitudeBpm: 2,
    heartRateDriftBpm: 2.5,
    breathingWander: 0.08,
    followLagSec: 2,
  },
};

/** The longest a follower may trail the other person, in seconds. */
export const SIMULATED_FOLLOW_LAG_MAX_SEC = 5;

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** A whole profile from defaults and what was given, each field held to a plausible range. */
export function simulatedPersonProfile(
  defaults: SimulatedPersonProfile,
  given: Partial<SimulatedPersonProfile> | undefined,
): SimulatedPersonProfile {
  const merged = { ...defaults, ...given };
  for (const [key, value] of Object.entries(merged)) {
    if (!Number.isFinite(value))
      throw new RangeError(`simulated person: ${key} must be a finite number`);
  }
  return {
    restingHeartRateBpm: clamp(merged.restingHeartRateBpm, 45, 120),
    breathsPerMin: clamp(merged.breathsPerMin, 4, 30),
    rsaAmplitudeBpm: clamp(merged.rsaAmplitudeBpm, 0, 15),
    slowWaveAmplitudeBpm: clamp(merged.slowWaveAmplitudeBpm, 0, 10),
    heartRateDriftBpm: clamp(merged.heartRateDriftBpm, 0, 10),
    breathingWander: clamp(merged.breathingWander, 0, 0.4),
    followLagSec: clamp(merged.followLagSec, 0, SIMULATED_FOLLOW_LAG_MAX_SEC),
  };
}

/** Standard deviation of a person's slow heart-rate component (slow wave + drift), for rescaling. */
export function simulatedSlowSpread(profile: SimulatedPersonProfile): number {
  return Math.sqrt(profile.slowWaveAmplitudeBpm ** 2 / 2 + profile.heartRateDriftBpm ** 2);
}
