/**
 * fast-check arbitraries for live sessions: people, raw commands and whole scripts of steps
 * (a command from someone, or time passing). Shared by every layer's property tests.
 */
import fc from 'fast-check';
import { BOUNDARY_KINDS, type Boundaries } from '../boundaries/boundary.ts';
import { PRACTICE_IDS } from '../practices/index.ts';
import { NERVOUS_SYSTEM_STATES } from '../states/nervous-system-state.ts';

/** The small cast every scripted session draws from. */
export const CAST = ['ana', 'ben', 'cal'] as const;

/** A step in a scripted session. */
export type SessionStep =
  | { readonly kind: 'command'; readonly who: string; readonly command: Readonly<Record<string, unknown>> }
  | { readonly kind: 'wait'; readonly ms: number };

/** Any set of boundaries, biased towards open ones. */
export const boundariesArbitrary: fc.Arbitrary<Boundaries> = fc.record(
  Object.fromEntries(BOUNDARY_KINDS.map((kind) => [kind, fc.boolean()])) as Record<
    (typeof BOUNDARY_KINDS)[number],
    fc.Arbitrary<boolean>
  >,
);

/** Any well-formed session command, with settings mostly left to their defaults. */
export const sessionCommandArbitrary: fc.Arbitrary<Readonly<Record<string, unknown>>> = fc.oneof(
  fc.record({ type: fc.constant('join'), displayName: fc.constantFrom('Ana', 'Ben', 'Cal'), boundaries: boundariesArbitrary }),
  fc.constant({ type: 'leave' }),
  fc.record({ type: fc.constant('setBoundaries'), boundaries: boundariesArbitrary }),
  fc.record({
    type: fc.constant('checkIn'),
    state: fc.constantFrom(...NERVOUS_SYSTEM_STATES),
    intensity: fc.integer({ min: 0, max: 10 }),
    visibility: fc.constantFrom('private', 'shared'),
    moment: fc.constantFrom('before', 'after', 'any'),
  }),
  { arbitrary: fc.record({ type: fc.constant('proposePractice'), practiceId: fc.constantFrom(...PRACTICE_IDS) }), weight: 3 },
  fc.constant({ type: 'withdrawProposal' }),
  { arbitrary: fc.record({ type: fc.constant('setReady'), ready: fc.boolean() }), weight: 4 },
  { arbitrary: fc.constant({ type: 'giveConsent', consent: 'touch' }), weight: 3 },
  fc.constant({ type: 'withdrawConsent', consent: 'touch' }),
  { arbitrary: fc.constant({ type: 'startPractice' }), weight: 3 },
  { arbitrary: fc.record({ type: fc.constant('pause'), sayItWasMe: fc.boolean() }), weight: 2 },
  { arbitrary: fc.constant({ type: 'resume' }), weight: 2 },
  fc.record({ type: fc.constant('advanceTurn'), fromTurnIndex: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ type: fc.constant('endPractice'), outcome: fc.constantFrom('completed', 'stopped') }),
  { arbitrary: fc.constant({ type: 'endSession' }), weight: 1 },
);

/** One step: mostly commands from the cast, sometimes time passing (up to five minutes). */
export const sessionStepArbitrary: fc.Arbitrary<SessionStep> = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constant('command' as const), who: fc.constantFrom(...CAST), command: sessionCommandArbitrary }),
    weight: 5,
  },
  { arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 300_000 }) }), weight: 1 },
);

/** A script of steps after everyone in the cast has joined with open boundaries. */
export const sessionScriptArbitrary: fc.Arbitrary<SessionStep[]> = fc.array(sessionStepArbitrary, { maxLength: 60 });
