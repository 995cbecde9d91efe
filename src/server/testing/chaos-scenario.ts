/**
 * fast-check scenarios for the reconnect-under-chaos property: for each person, a script of
 * session commands and network faults with short waits between them. Commands are whatever a
 * person in a live session can send, except the two that end their part in it (`leave`,
 * `endSession`), so every log can be compared up to its last event; `join` is left to the client,
 * which sends it itself when it finds its person not yet in the session.
 */
import fc from 'fast-check';
import type { Boundaries } from '../../core/boundaries/boundary.ts';
import { sessionCommandSchema, type SessionCommand } from '../../core/protocol/commands.ts';
import { boundariesArbitrary, sessionCommandArbitrary } from '../../core/testing/session-arbitraries.ts';
import type { ChaosFault } from './chaos-proxy.ts';

/** One thing a person's script does. */
export type ChaosStep =
  | { readonly kind: 'command'; readonly command: SessionCommand }
  | { readonly kind: 'fault'; readonly fault: ChaosFault };

/** A step and the pause before it. */
export interface TimedChaosStep {
  readonly waitMs: number;
  readonly step: ChaosStep;
}

/** One person: the boundaries they join with and what they do. */
export interface ChaosPersonScript {
  readonly boundaries: Boundaries;
  readonly steps: readonly TimedChaosStep[];
}

/** A whole run: the host first, then one or two guests. */
export interface ChaosScenario {
  readonly people: readonly ChaosPersonScript[];
}

/** How wild the network gets; the property test keeps these small so a run takes a second or two. */
export interface ChaosScenarioLimits {
  readonly maxStepsPerPerson: number;
  readonly maxWaitMs: number;
  readonly maxLatencyMs: number;
  readonly maxOutageMs: number;
}

const ENDING_COMMANDS: ReadonlySet<string> = new Set(['leave', 'endSession', 'join']);

/** A command as the client would hold it: parsed, defaults filled in. */
export const chaosCommandArbitrary: fc.Arbitrary<SessionCommand> = sessionCommandArbitrary
  .filter((raw) => !ENDING_COMMANDS.has(String(raw.type)))
  .map((raw) => sessionCommandSchema.parse(raw));

/** Faults, weighted towards the ones real networks produce most. */
export function chaosFaultArbitrary(limits: ChaosScenarioLimits): fc.Arbitrary<ChaosFault> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant({ kind: 'cut' } as const) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('halfOpen' as const), silent: fc.constantFrom('toServer' as const, 'toClient' as const, 'both' as const) }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('latency' as const),
        direction: fc.constantFrom('toServer' as const, 'toClient' as const),
        ms: fc.integer({ min: 0, max: limits.maxLatencyMs }),
      }),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('loseNextAck' as const), thenCut: fc.boolean() }) },
    { weight: 2, arbitrary: fc.constant({ kind: 'replayNextCommand' } as const) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('outage' as const), ms: fc.integer({ min: 50, max: limits.maxOutageMs }) }) },
  );
}

function personScriptArbitrary(limits: ChaosScenarioLimits): fc.Arbitrary<ChaosPersonScript> {
  const step: fc.Arbitrary<ChaosStep> = fc.oneof(
    { weight: 5, arbitrary: chaosCommandArbitrary.map((command) => ({ kind: 'command' as const, command })) },
    { weight: 3, arbitrary: chaosFaultArbitrary(limits).map((fault) => ({ kind: 'fault' as const, fault })) },
  );
  return fc.record({
    boundaries: boundariesArbitrary,
    steps: fc.array(fc.record({ waitMs: fc.integer({ min: 0, max: limits.maxWaitMs }), step }), {
      minLength: 1,
      maxLength: limits.maxStepsPerPerson,
    }),
  });
}

/** Two or three people, each with a script. */
export function chaosScenarioArbitrary(limits: ChaosScenarioLimits): fc.Arbitrary<ChaosScenario> {
  return fc.array(personScriptArbitrary(limits), { minLength: 2, maxLength: 3 }).map((people) => ({ people }));
}
