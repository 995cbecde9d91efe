/**
 * Two simulated people with plausible heart rate and breathing, and a coupling you can set: the
 * simulated sensor in the browser (each device simulates the same pair from a shared seed and
 * start time and sends its own half), demos, tests and `attune simulate`.
 *
 * The model, integrated in fixed 50 ms steps from time 0 so the result never depends on how the
 * time is cut into calls:
 * - Breathing: a phase advancing at the breathing rate; the rate wanders slowly around the
 *   person's own (an Ornstein–Uhlenbeck process on its logarithm, τ = 40 s).
 * - Heart rate = resting rate + respiratory sinus arrhythmia (lowest at the start of an in-breath,
 *   highest at the turn to the out-breath; larger when breathing is slow, as around the ~6/min
 *   resonance — Hirsch & Bishop 1981; Lehrer & Gevirtz 2014) + a ~0.1 Hz slow wave (the Mayer
 *   wave of the baroreflex — Julien 2006) + a slow drift (OU, τ = 25 s) + small fast noise
 *   (OU, τ = 2 s).
 *   The noise processes are drawn at 4 Hz (exact OU updates) and held between draws.
 * - Beats by integrate-and-fire (a phase advancing at heart rate / 60, a beat each time it
 *   passes 1, its instant interpolated inside the step), so RR intervals are real intervals that
 *   add up to the elapsed time.
 * - Coupling c ∈ [0, 1] makes b follow a with a lag (b's `followLagSec`, 2 s by default): b's
 *   slow heart-rate component becomes c·a's (lagged, rescaled to b's size) + √(1 − c²)·b's own;
 *   b's breathing rate moves to a's lagged rate in proportion to c (on a log scale), and b's breath
 *   phase is pulled towards a's lagged phase (a Kuramoto term of strength c·0.15 cycles/s). At
 *   c = 0 the two are independent; a never depends on b or on c.
 * Random draws come from two seeded streams (one per person) drawn in the same order whatever the
 * coupling, so changing c changes only the blend.
 */
import { SeededRandom, seedMix } from './seeded-random.ts';
import {
  SIMULATED_FOLLOW_LAG_MAX_SEC,
  SIMULATED_PERSON_DEFAULTS,
  simulatedPersonProfile,
  simulatedSlowSpread,
  type SimulatedPersonProfile,
} from './simulated-person.ts';

export { SIMULATED_PERSON_DEFAULTS, type SimulatedPersonProfile } from './simulated-person.ts';

/** What a simulation is built from. */
export interface PairSimulationOptions {
  readonly seed: number;
  /** 0 = independent, 1 = strongly coupled. */
  readonly coupling: number;
  readonly a?: Partial<SimulatedPersonProfile>;
  readonly b?: Partial<SimulatedPersonProfile>;
}

/** One person's reading at a whole second, shaped like a sensor sample. */
export interface SimulatedReading {
  /** Seconds since the simulation began. */
  readonly atSec: number;
  /**
   * What a strap would show: from the beats that ended in the second just gone (or the last beat
   * if none did), so it trails the breath phase by about half a second, as a real strap's does.
   */
  readonly heartRateBpm: number;
  /** Every beat-to-beat interval that ended in (atSec − 1, atSec], oldest first. */
  readonly rrMs: readonly number[];
  readonly breathingRateBpm: number;
  /** [0, 1): 0 = start of an in-breath, 0.5 = the turn to the out-breath. */
  readonly breathPhase: number;
}

/** A simulation at some moment. Treat as opaque; advance it with `pairSimulationAdvance`. */
export interface PairSimulation {
  readonly atSec: number;
}

/** The most one call may advance, so a wrong unit (ms for s) fails loudly instead of hanging. */
export const PAIR_SIMULATION_MAX_ADVANCE_SEC = 86_400;

const STEPS_PER_SEC = 20;
const STEP_SEC = 1 / STEPS_PER_SEC;
const LAG_BUFFER_LENGTH = SIMULATED_FOLLOW_LAG_MAX_SEC * STEPS_PER_SEC + 1;
/** Strength of the pull of b's breath phase towards a's at full coupling, in cycles per second. */
const BREATH_PHASE_PULL = 0.15;
const SLOW_WAVE_HZ = 0.1;
/** Standard deviation of the fast heart-rate noise, bpm. */
const FAST_NOISE_BPM = 0.8;
const HEART_RATE_LIMITS_BPM: readonly [number, number] = [40, 190];
const BREATHING_LIMITS_BPM: readonly [number, number] = [3, 40];

/** Steps between draws of the noise processes (4 Hz). */
const STEPS_PER_NOISE_UPDATE = 5;

/** Exact factors for one noise update of a unit-variance Ornstein–Uhlenbeck process with time constant τ. */
function ouFactors(tauSec: number): { readonly keep: number; readonly kick: number } {
  const keep = Math.exp(-(STEPS_PER_NOISE_UPDATE * STEP_SEC) / tauSec);
  return { keep, kick: Math.sqrt(1 - keep * keep) };
}
const BREATH_WANDER_OU = ouFactors(40);
const DRIFT_OU = ouFactors(25);
const FAST_OU = ouFactors(2);
const SLOW_WAVE_FREQUENCY_OU = ouFactors(30);

/** One person's moving parts. Mutable only inside an advance, on a private copy. */
interface PersonDynamics {
  randomState: number;
  breathPhase: number;
  breathWander: number;
  slowWavePhase: number;
  slowWaveFrequencyWander: number;
  drift: number;
  fastNoise: number;
  beatPhase: number;
  lastBeatMs: number;
  lastRrMs: number;
  /** Values after coupling, kept for the reading. */
  breathingRateBpm: number;
}

interface SimulationCore {
  readonly coupling: number;
  readonly a: SimulatedPersonProfile;
  readonly b: SimulatedPersonProfile;
  /** Whole 50 ms steps integrated so far (always a whole number of seconds). */
  readonly steps: number;
  readonly personA: Readonly<PersonDynamics>;
  readonly personB: Readonly<PersonDynamics>;
  /** a's breath phase, log breathing rate and slow heart-rate component, per step, for b to follow. */
  readonly lagPhase: Float64Array;
  readonly lagLogRate: Float64Array;
  readonly lagSlow: Float64Array;
}

const CORE = Symbol('pairSimulationCore');

interface PairSimulationWithCore extends PairSimulation {
  readonly [CORE]: SimulationCore;
}

function dynamicsStart(randomState: number, profile: SimulatedPersonProfile): PersonDynamics {
  const random = new SeededRandom(randomState);
  const breathPhase = random.next();
  const breathWander = random.gaussian();
  const slowWavePhase = random.next();
  const slowWaveFrequencyWander = random.gaussian();
  const drift = random.gaussian();
  const fastNoise = random.gaussian();
  const beatPhase = random.next();
  const rrMs = 60_000 / profile.restingHeartRateBpm;
  return {
    randomState: random.state,
    breathPhase,
    breathWander,
    slowWavePhase,
    slowWaveFrequencyWander,
    drift,
    fastNoise,
    beatPhase,
    // As if the previous beat fell a fraction of an interval before time 0, so the first RR is whole.
    lastBeatMs: -beatPhase * rrMs,
    lastRrMs: rrMs,
    breathingRateBpm: profile.breathsPerMin,
  };
}

/** Starts a simulation at time 0. */
export function pairSimulationStart(options: PairSimulationOptions): PairSimulation {
  if (!Number.isFinite(options.seed))
    throw new RangeError('simulation seed must be a finite number');
  if (!Number.isFinite(options.coupling))
    throw new RangeError('simulation coupling must be a number from 0 to 1');
  const a = simulatedPersonProfile(SIMULATED_PERSON_DEFAULTS.a, options.a);
  const b = simulatedPersonProfile(SIMULATED_PERSON_DEFAULTS.b, options.b);
  const personA = dynamicsStart(seedMix(options.seed, 1), a);
  const personB = dynamicsStart(seedMix(options.seed, 2), b);
  const core: SimulationCore = {
    coupling: clamp(options.coupling, 0, 1),
    a,
    b,
    steps: 0,
    personA,
    personB,
    // Until a has a history, b follows where a began.
    lagPhase: new Float64Array(LAG_BUFFER_LENGTH).fill(personA.breathPhase),
    lagLogRate: new Float64Array(LAG_BUFFER_LENGTH).fill(
      Math.log(a.breathsPerMin) + a.breathingWander * personA.breathWander,
    ),
    lagSlow: new Float64Array(LAG_BUFFER_LENGTH).fill(slowComponent(a, personA)),
  };
  const sim: PairSimulationWithCore = { atSec: 0, [CORE]: core };
  return sim;
}

function slowComponent(profile: SimulatedPersonProfile, person: Readonly<PersonDynamics>): number {
  return (
    profile.slowWaveAmplitudeBpm * Math.sin(2 * Math.PI * person.slowWavePhase) +
    profile.heartRateDriftBpm * person.drift
  );
}

/** What the other person's lagged signals ask of a follower; null for the leader. */
interface Following {
  readonly coupling: number;
  readonly slowScale: number;
  readonly phase: number;
  readonly logRate: number;
  readonly slow: number;
}

/**
 * Moves one person on by one step and fires a beat if one falls due. Returns the beat's instant
 * (ms since the start) or NaN, and the slow component it used.
 */
function personStep(
  profile: SimulatedPersonProfile,
  person: PersonDynamics,
  random: SeededRandom,
  stepIndex: number,
  following: Following | null,
): { beatMs: number; slow: number; logRate: number } {
  // The noises advance first and in a fixed order, whatever the coupling; they are slow next to
  // a step, so drawing them at 4 Hz keeps them smooth at a fifth of the cost.
  if (stepIndex % STEPS_PER_NOISE_UPDATE === 0) {
    person.breathWander =
      person.breathWander * BREATH_WANDER_OU.keep + BREATH_WANDER_OU.kick * random.gaussian();
    person.slowWaveFrequencyWander =
      person.slowWaveFrequencyWander * SLOW_WAVE_FREQUENCY_OU.keep +
      SLOW_WAVE_FREQUENCY_OU.kick * random.gaussian();
    person.drift = person.drift * DRIFT_OU.keep + DRIFT_OU.kick * random.gaussian();
    person.fastNoise = person.fastNoise * FAST_OU.keep + FAST_OU.kick * random.gaussian();
  }

  const ownLogRate =
    Math.log(profile.breathsPerMin) + profile.breathingWander * person.breathWander;
  const coupling = following?.coupling ?? 0;
  const logRate = following
    ? (1 - coupling) * ownLogRate + coupling * following.logRate
    : ownLogRate;
  const breathingRateBpm = clamp(
    Math.exp(logRate),
    BREATHING_LIMITS_BPM[0],
    BREATHING_LIMITS_BPM[1],
  );
  let breathAdvance = (breathingRateBpm / 60) * STEP_SEC;
  if (following && coupling > 0) {
    breathAdvance +=
      coupling *
      BREATH_PHASE_PULL *
      Math.sin(2 * Math.PI * (following.phase - person.breathPhase)) *
      STEP_SEC;
  }
  person.breathPhase = wrapUnit(person.breathPhase + breathAdvance);
  person.breathingRateBpm = breathingRateBpm;

  person.slowWavePhase = wrapUnit(
    person.slowWavePhase + SLOW_WAVE_HZ * (1 + 0.1 * person.slowWaveFrequencyWander) * STEP_SEC,
  );
  const ownSlow = slowComponent(profile, person);
  const slow = following
    ? coupling * following.slowScale * following.slow + Math.sqrt(1 - coupling * coupling) * ownSlow
    : ownSlow;

  const rsaGain = clamp(12 / breathingRateBpm, 0.5, 2.5);
  const rsa = -profile.rsaAmplitudeBpm * rsaGain * Math.cos(2 * Math.PI * person.breathPhase);
  const heartRateBpm = clamp(
    profile.restingHeartRateBpm + rsa + slow + FAST_NOISE_BPM * person.fastNoise,
    HEART_RATE_LIMITS_BPM[0],
    HEART_RATE_LIMITS_BPM[1],
  );

  const before = person.beatPhase;
  const after = before + (heartRateBpm / 60) * STEP_SEC;
  let beatMs = NaN;
  if (after >= 1) {
    // At most 190 bpm, so at most one beat in 50 ms; interpolate where in the step it fell.
    const fraction = (1 - before) / (after - before);
    beatMs = (stepIndex + fraction) * STEP_SEC * 1000;
    person.beatPhase = after - 1;
  } else {
    person.beatPhase = after;
  }
  return { beatMs, slow, logRate };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function wrapUnit(value: number): number {
  return value - Math.floor(value);
}

function dynamicsCopy(person: Readonly<PersonDynamics>): PersonDynamics {
  return { ...person };
}

/** Rounds to `digits` decimals. */
function rounded(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Collects one person's beats during a second and turns them into a reading. */
class ReadingCollector {
  readonly readings: SimulatedReading[] = [];
  private rrMs: number[] = [];

  beat(person: PersonDynamics, beatMs: number): void {
    // Intervals between beat instants rounded to whole ms, so they add up exactly to the elapsed time.
    const rr = Math.round(beatMs) - Math.round(person.lastBeatMs);
    person.lastBeatMs = beatMs;
    person.lastRrMs = rr;
    this.rrMs.push(rr);
  }

  close(atSec: number, person: PersonDynamics): void {
    const meanRr =
      this.rrMs.length > 0
        ? this.rrMs.reduce((sum, rr) => sum + rr, 0) / this.rrMs.length
        : person.lastRrMs;
    const phase = rounded(person.breathPhase, 3);
    this.readings.push({
      atSec,
      heartRateBpm: rounded(60_000 / meanRr, 1),
      rrMs: this.rrMs,
      breathingRateBpm: rounded(person.breathingRateBpm, 1),
      breathPhase: phase >= 1 ? 0 : phase,
    });
    this.rrMs = [];
  }
}

/** Readings for both people at each whole second in (sim.atSec, toSec]; deterministic in (options, time). */
export function pairSimulationAdvance(
  sim: PairSimulation,
  toSec: number,
): { sim: PairSimulation; a: SimulatedReading[]; b: SimulatedReading[] } {
  const core = (sim as Partial<PairSimulationWithCore>)[CORE];
  if (!core)
    throw new TypeError('pairSimulationAdvance needs a simulation made by pairSimulationStart');
  if (Number.isNaN(toSec)) throw new RangeError('pairSimulationAdvance: toSec must be a number');
  if (!(toSec > sim.atSec)) return { sim, a: [], b: [] };
  if (toSec - sim.atSec > PAIR_SIMULATION_MAX_ADVANCE_SEC) {
    throw new RangeError(
      `pairSimulationAdvance: at most ${PAIR_SIMULATION_MAX_ADVANCE_SEC} s in one call (was it given milliseconds?)`,
    );
  }

  const targetSteps = Math.floor(toSec) * STEPS_PER_SEC;
  const personA = dynamicsCopy(core.personA);
  const personB = dynamicsCopy(core.personB);
  const randomA = new SeededRandom(personA.randomState);
  const randomB = new SeededRandom(personB.randomState);
  const lagPhase = core.lagPhase.slice();
  const lagLogRate = core.lagLogRate.slice();
  const lagSlow = core.lagSlow.slice();
  const lagSteps = Math.round(core.b.followLagSec * STEPS_PER_SEC);
  const slowScale = simulatedSlowSpread(core.b) / Math.max(1e-9, simulatedSlowSpread(core.a));
  const readingsA = new ReadingCollector();
  const readingsB = new ReadingCollector();

  for (let step = core.steps; step < targetSteps; step += 1) {
    const leader = personStep(core.a, personA, randomA, step, null);
    const written = (step + 1) % LAG_BUFFER_LENGTH;
    lagPhase[written] = personA.breathPhase;
    lagLogRate[written] = leader.logRate;
    lagSlow[written] = leader.slow;
    const read = (step + 1 - lagSteps + LAG_BUFFER_LENGTH) % LAG_BUFFER_LENGTH;
    const follower = personStep(core.b, personB, randomB, step, {
      coupling: core.coupling,
      slowScale,
      phase: lagPhase[read] ?? 0,
      logRate: lagLogRate[read] ?? 0,
      slow: lagSlow[read] ?? 0,
    });
    if (!Number.isNaN(leader.beatMs)) readingsA.beat(personA, leader.beatMs);
    if (!Number.isNaN(follower.beatMs)) readingsB.beat(personB, follower.beatMs);
    if ((step + 1) % STEPS_PER_SEC === 0) {
      const atSec = (step + 1) / STEPS_PER_SEC;
      readingsA.close(atSec, personA);
      readingsB.close(atSec, personB);
    }
  }

  personA.randomState = randomA.state;
  personB.randomState = randomB.state;
  const next: PairSimulationWithCore = {
    atSec: toSec,
    [CORE]: {
      ...core,
      steps: Math.max(core.steps, targetSteps),
      personA,
      personB,
      lagPhase,
      lagLogRate,
      lagSlow,
    },
  };
  return { sim: next, a: readingsA.readings, b: readingsB.readings };
}
