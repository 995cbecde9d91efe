/**
 * Fakes shared by the body-signals tests: a session of named people, a device clock moved by
 * hand, a send that records, storage in memory, and a heart rate that wanders without repeating.
 */
import type { Boundaries } from '../../core/boundaries/boundary.ts';
import type { SignalSample } from '../../core/protocol/signals.ts';
import type { SessionEvent } from '../../core/session/events.ts';
import { sessionFold, type SessionState } from '../../core/session/state.ts';
import type { ServerTimeMs } from '../../core/time/instant.ts';
import type { SensorReading } from '../sensors/sensor.ts';
import { BodySignals } from './body-signals.ts';
import { analysisHere, type BodyAnalysis } from './body-analysis.ts';

export const at = (ms: number) => ms as ServerTimeMs;
export const open: Boundaries = {
  touch: false,
  camera: false,
  sharePhysiology: false,
  shareCheckIns: false,
};
export const noSharing: Boundaries = { ...open, sharePhysiology: true };
/** The server's clock runs this far ahead of the device's. */
export const OFFSET_MS = 1500;
export const START_MS = 1_700_000_000_000;

export function sessionWith(
  people: readonly (readonly [string, string, Boundaries])[],
): SessionState {
  const events: SessionEvent[] = [
    { type: 'sessionCreated', sessionId: 's', hostId: 'a', maxParticipants: 8, atMs: at(1) },
  ];
  for (const [id, name, boundaries] of people)
    events.push({
      type: 'participantJoined',
      participantId: id,
      displayName: name,
      kind: 'guest',
      boundaries,
      atMs: at(2),
    });
  return sessionFold(events);
}

export function withBoundaries(
  state: SessionState,
  participantId: string,
  boundaries: Boundaries,
): SessionState {
  return sessionFold([{ type: 'boundariesSet', participantId, boundaries }], state);
}

/** A fake world: a device clock moved by hand, a send that records, a storage in memory. */
export function fakeWorld(
  options: {
    online?: boolean;
    knownRestingBpm?: number | null;
    scorer?: BodyAnalysis['synchrony'];
  } = {},
) {
  const world = {
    localMs: START_MS,
    online: options.online ?? true,
    clockInStep: true,
    sent: [] as SignalSample[][],
    saved: [] as number[],
    stored: options.knownRestingBpm ?? null,
  };
  const model = new BodySignals({
    now: () => world.localMs,
    serverAt: (localMs) => localMs + OFFSET_MS,
    clockInStep: () => world.clockInStep,
    analysis: {
      ...analysisHere,
      ...(options.scorer === undefined ? {} : { synchrony: options.scorer }),
    },
    sendSignals: (samples) => {
      if (!world.online) return false;
      world.sent.push([...samples]);
      return true;
    },
    baseline: {
      load: () => world.stored,
      save: (bpm) => {
        world.saved.push(bpm);
        world.stored = bpm;
      },
    },
  });
  return { world, model, serverNow: () => world.localMs + OFFSET_MS };
}

export function reading(atLocalMs: number, fields: Partial<SensorReading> = {}): SensorReading {
  return {
    atLocalMs,
    source: 'simulated',
    heartRateBpm: 70,
    rrMs: [],
    breathingRateBpm: null,
    breathPhase: null,
    ...fields,
  };
}

export function sample(atMs: number, fields: Partial<SignalSample> = {}): SignalSample {
  return {
    atMs,
    source: 'simulated',
    heartRateBpm: 70,
    rrMs: [],
    breathingRateBpm: null,
    breathPhase: null,
    ...fields,
  };
}

/** A heart rate that wanders without repeating, so only real coupling correlates. */
export function wanderingHeartRate(seconds: number): number {
  return (
    72 +
    6 * Math.sin((2 * Math.PI * seconds) / 23) +
    4 * Math.sin((2 * Math.PI * seconds) / 61 + 1) +
    3 * Math.sin((2 * Math.PI * seconds) / 9.7 + 2)
  );
}

/** Another wandering heart rate, unrelated to the first: what a partner's own body adds. */
export function ownWander(seconds: number): number {
  return (
    5 * Math.sin((2 * Math.PI * seconds) / 17 + 0.5) +
    4 * Math.sin((2 * Math.PI * seconds) / 41 + 2.2)
  );
}
