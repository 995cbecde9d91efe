import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { avoidedWordsIn, isSentence } from '../practices/wording-rules.test-support.ts';
import { CycleMapHarness, sideWithMoves } from './cycle-arbitraries.test-support.ts';
import type { CycleMapEvent } from './cycle-map-events.ts';
import { cycleMapFold } from './cycle-map-state.ts';
import { cycleMapEventForViewer, cycleMapViewFor } from './cycle-map-visibility.ts';
import type { CycleMoveId } from './moves.ts';

const PEOPLE = ['ana', 'ben'] as const;
const ACTORS = ['ana', 'ben', 'ana', 'ben', 'zoe'] as const;

/** One step of a script: who acts, and what they send (a draft's text is filled in per step). */
type Step = {
  readonly who: (typeof ACTORS)[number];
  readonly command:
    | { readonly type: 'saveDraft'; readonly picked: readonly CycleMoveId[] }
    | Readonly<Record<string, unknown>>;
};

const stepArb: fc.Arbitrary<Step> = fc.record({
  who: fc.constantFrom(...ACTORS),
  command: fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .constantFrom<CycleMoveId[]>([], ['going-quiet'], ['criticising', 'getting-louder'])
        .map((picked) => ({ type: 'saveDraft' as const, picked })),
    },
    {
      weight: 3,
      arbitrary: fc.constantFrom('markReady', 'agreeToReveal').map((type) => ({ type })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('markNotReady', 'withdrawRevealAgreement')
        .map((type) => ({ type })),
    },
    { weight: 1, arbitrary: fc.constant({ type: 'nameCycle', name: 'Our loop' }) },
    {
      weight: 1,
      arbitrary: fc.constant({
        type: 'savePlan',
        plan: { cuePhrase: 'Pause, love.', practiceId: 'breath-sync' },
      }),
    },
  ),
});

/** The raw command for a step; a draft carries `secret` so a leak is easy to spot. */
function rawOf(step: Step, secret: string): unknown {
  const { command } = step;
  if (command.type !== 'saveDraft') return command;
  const picked = (command as { readonly picked: readonly CycleMoveId[] }).picked;
  return {
    type: 'saveDraft',
    side: sideWithMoves(picked, { setsItOff: secret, storyAboutOther: secret }),
  };
}

/** Long scripts, since opening both sides takes at least four of the right steps in a row. */
const scriptArb = fc.array(stepArb, { minLength: 4, maxLength: 60, size: 'max' });

/**
 * A map opened by ana with ben; half the time both have already saved a side with a move, so
 * the reveal and what follows it are reached often (about half the runs rather than one in six).
 */
function mapToStart(bothSaved: boolean): CycleMapHarness {
  const harness = CycleMapHarness.opened(...PEOPLE);
  if (bothSaved) {
    for (const person of PEOPLE) {
      harness.accept(person, {
        type: 'saveDraft',
        side: sideWithMoves(['going-quiet'], { setsItOff: `secret-of-${person}-start` }),
      });
    }
  }
  return harness;
}

/** What `viewer` has been sent so far, and can see now. */
function seenBy(viewer: string, harness: CycleMapHarness): string {
  const events = harness.log
    .map((event) => cycleMapEventForViewer(event, viewer))
    .filter((event): event is CycleMapEvent => event !== null);
  return JSON.stringify([events, cycleMapViewFor(harness.state, viewer)]);
}

test('[CM11] until both agree to look, neither person can see anything the other wrote', () => {
  fc.assert(
    fc.property(scriptArb, fc.boolean(), (steps, bothSaved) => {
      const harness = mapToStart(bothSaved);
      steps.forEach((step, index) => {
        harness.send(step.who, rawOf(step, `secret-of-${step.who}-${String(index)}`));
        if (harness.state.status === 'revealed') return;
        for (const viewer of PEOPLE) {
          const other = viewer === 'ana' ? 'ben' : 'ana';
          assert.doesNotMatch(
            seenBy(viewer, harness),
            new RegExp(`secret-of-${other}`),
            `step ${String(index)}`,
          );
        }
      });
    }),
  );
});

test('[CM6] sides open only when both are done and both agreed, exactly as last saved, and stay so', () => {
  fc.assert(
    fc.property(scriptArb, fc.boolean(), (steps, bothSaved) => {
      const harness = mapToStart(bothSaved);
      let revealedSides: unknown = null;
      steps.forEach((step, index) => {
        const before = harness.state;
        const decision = harness.send(
          step.who,
          rawOf(step, `secret-of-${step.who}-${String(index)}`),
        );
        if (!decision.ok) {
          assert.ok(isSentence(decision.message), decision.message);
          assert.deepEqual(avoidedWordsIn(decision.message), []);
          assert.deepEqual(harness.state, before, 'a turned-down command changes nothing');
          return;
        }
        if (decision.events.some((event) => event.type === 'sidesRevealed')) {
          assert.equal(before.status, 'drafting');
          for (const person of PEOPLE)
            assert.ok(before.ready.includes(person), `${person} was done`);
          const other = PEOPLE.find((person) => person !== step.who);
          assert.ok(
            other !== undefined && before.revealAgreed.includes(other),
            'the other had agreed',
          );
          assert.deepEqual(harness.state.revealedSides, before.drafts);
          revealedSides = harness.state.revealedSides;
        }
        if (revealedSides !== null) assert.deepEqual(harness.state.revealedSides, revealedSides);
      });
      assert.deepEqual(cycleMapFold(harness.log), harness.state);
    }),
  );
});
