import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { RepairEvent, RepairEventType } from './repair-events.ts';
import { RepairHarness } from './repair-harness.test-support.ts';
import { repairAllSettled, repairIsPaused, repairOpenTurn } from './repair-queries.ts';
import { repairFold, type RepairState } from './repair-state.ts';
import { repairTimeToRepairMs } from './repair-summary.ts';
import { repairEventForViewer } from './repair-visibility.ts';

const MEMBERS = ['ana', 'ben'];

/**
 * A step in a scripted repair. Ids and turn numbers are resolved against the state when the step
 * is played ("the current suggestion", "the open turn"), so random scripts reach every stage
 * instead of stalling on ids nobody could guess; a few stale ones are kept on purpose.
 */
type RepairStep =
  | { readonly kind: 'wait'; readonly ms: number }
  | {
      readonly kind: 'command';
      readonly who: string;
      readonly pick: number;
      readonly variant: number;
    };

const stepArbitrary: fc.Arbitrary<RepairStep> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      ms: fc.integer({ min: 0, max: 3_600_000 }),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('command' as const),
      // Mostly members; now and then someone from outside the repair.
      who: fc.oneof(
        { arbitrary: fc.constantFrom(...MEMBERS), weight: 9 },
        { arbitrary: fc.constant('cal'), weight: 1 },
      ),
      pick: fc.integer({ min: 0, max: 15 }),
      variant: fc.integer({ min: 0, max: 3 }),
    }),
    weight: 8,
  },
);

/** The raw command a step stands for, given where the repair is now. */
function commandFor(
  state: RepairState,
  pick: number,
  variant: number,
  nowMs: number,
): Record<string, unknown> {
  const currentTurn = state.turns.length === 0 ? 0 : state.turns.length - 1;
  const turnIndex = variant === 3 ? currentTurn + 1 : currentTurn;
  const returnId =
    variant === 3 ? 'command-stale-id' : (state.returnProposal?.proposalId ?? 'command-none-yet');
  const stepId =
    variant === 3 ? 'command-stale-id' : (state.nextStepProposal?.proposalId ?? 'command-none-yet');
  switch (pick) {
    case 0:
      return { type: 'markSettled', ...(variant === 1 ? { practiceId: 'grounding' } : {}) };
    case 1:
      return {
        type: 'proposeReturnTime',
        returnAtMs: nowMs + [0, 600_000, 3_600_000, -5_000_000][variant]!,
      };
    case 2:
      return { type: 'acceptReturnTime', proposalId: returnId };
    case 3:
      return { type: 'markHere' };
    case 4:
      return { type: 'beginTurn' };
    case 5:
      return {
        type: 'saveTurnWords',
        turnIndex,
        felt: `felt ${String(variant)}`,
        needed: 'needed',
      };
    case 6:
      return {
        type: 'endTurn',
        turnIndex,
        ...(variant === 0 ? {} : { felt: `felt at end ${String(variant)}` }),
      };
    case 7:
      return { type: 'acknowledgeTurn', turnIndex, words: variant === 0 ? '' : 'I heard you.' };
    case 8:
      return { type: 'proposeNextStep', text: `Step ${String(variant)}.` };
    case 9:
      return { type: 'agreeNextStep', proposalId: stepId };
    case 10:
      return { type: 'stepAway' };
    case 11:
    case 12:
      return { type: 'stepBack' };
    case 13:
      return variant === 0 ? { type: 'setAside' } : { type: 'markHere' };
    case 14:
      return { type: 'setHistoryChoice', keep: variant % 2 === 0 };
    default:
      return { type: 'acknowledgeTurn', turnIndex: currentTurn };
  }
}

/** Starting points: a fresh repair, and ones already further along, so deep rules are reached. */
const PRELUDES: readonly ((harness: RepairHarness) => void)[] = [
  (harness) => harness.start(),
  (harness) => harness.start().settleAll(),
  (harness) => harness.start().settleAll().agreeTime().arriveAll(),
  (harness) => harness.start().settleAll().agreeTime().arriveAll().turn('ana'),
  (harness) => {
    harness.start().settleAll().agreeTime().arriveAll().allTurns();
  },
  (harness) => {
    harness.start().settleAll().agreeTime().arriveAll().allTurns();
    harness.accept('ana', { type: 'proposeNextStep', text: 'A walk on Sunday.' });
  },
];

/** Plays a script, calling `check` with the state before and after each step and what it added. */
function play(
  prelude: number,
  steps: readonly RepairStep[],
  check: (
    before: RepairState,
    after: RepairState,
    added: readonly RepairEvent[],
    who: string,
  ) => void,
): RepairHarness {
  const harness = new RepairHarness(MEMBERS);
  PRELUDES[prelude]!(harness);
  for (const step of steps) {
    if (step.kind === 'wait') {
      harness.advance(step.ms);
      continue;
    }
    const before = harness.state;
    const logLength = harness.log.length;
    harness.send(step.who, commandFor(before, step.pick, step.variant, harness.nowMs));
    check(before, harness.state, harness.log.slice(logLength), step.who);
  }
  return harness;
}

const scriptArbitrary = fc.tuple(
  fc.integer({ min: 0, max: PRELUDES.length - 1 }),
  fc.array(stepArbitrary, { maxLength: 80, size: 'medium' }),
);

/** Events that move the repair on together. */
const TOGETHER_EVENTS: ReadonlySet<RepairEventType> = new Set<RepairEventType>([
  'returnTimeProposed',
  'returnTimeAccepted',
  'returnTimeAgreed',
  'arrived',
  'turnBegan',
  'turnEnded',
  'turnAcknowledged',
  'nextStepProposed',
  'nextStepAccepted',
  'repairCompleted',
]);

test('[R4] nothing happens together before everyone has settled', () => {
  fc.assert(
    fc.property(scriptArbitrary, ([prelude, steps]) => {
      play(prelude, steps, (before, _after, added) => {
        if (!repairAllSettled(before)) {
          assert.deepEqual(
            added.filter((event) => TOGETHER_EVENTS.has(event.type)),
            [],
          );
        }
      });
    }),
  );
});

test('[R10] while anyone has stepped away, nothing moves on together', () => {
  fc.assert(
    fc.property(scriptArbitrary, ([prelude, steps]) => {
      play(prelude, steps, (before, _after, added) => {
        if (repairIsPaused(before)) {
          assert.deepEqual(
            added.filter((event) => TOGETHER_EVENTS.has(event.type)),
            [],
          );
        }
      });
    }),
  );
});

test('[R8] only the speaker of the open turn ever writes into it or ends it', () => {
  fc.assert(
    fc.property(scriptArbitrary, ([prelude, steps]) => {
      play(prelude, steps, (before, _after, added, who) => {
        for (const event of added) {
          if (event.type === 'turnWordsSaved' || event.type === 'turnEnded') {
            const open = repairOpenTurn(before);
            assert.equal(event.speakerId, who);
            assert.equal(open?.speakerId, who);
            assert.equal(open.turnIndex, event.turnIndex);
          }
        }
      });
    }),
  );
});

test('[R11] nothing said is lost: ended turns, acknowledgements and an agreed step never change', () => {
  fc.assert(
    fc.property(scriptArbitrary, ([prelude, steps]) => {
      play(prelude, steps, (before, after) => {
        for (const turn of before.turns) {
          if (turn.endedAtMs === null) continue;
          const later = after.turns[turn.turnIndex];
          assert.deepEqual(later?.words, turn.words);
          for (const [personId, acknowledgement] of Object.entries(turn.acknowledgements)) {
            assert.deepEqual(later.acknowledgements[personId], acknowledgement);
          }
        }
        // A draft is never lost either: it only ever changes by its speaker saving newer words.
        assert.ok(after.turns.length >= before.turns.length);
        if (before.nextStep !== null) assert.equal(after.nextStep, before.nextStep);
      });
    }),
  );
});

test('[R1] [R14] people outside the repair change nothing; time-to-repair is never negative', () => {
  fc.assert(
    fc.property(scriptArbitrary, ([prelude, steps]) => {
      const harness = play(prelude, steps, (_before, _after, added, who) => {
        if (!MEMBERS.includes(who)) assert.deepEqual(added, []);
      });
      assert.deepEqual(repairFold(harness.log), harness.state);
      const timeToRepair = repairTimeToRepairMs(harness.log);
      if (harness.state.status === 'completed')
        assert.ok(timeToRepair !== null && timeToRepair >= 0);
      else assert.equal(timeToRepair, null);
    }),
  );
});

test('[R-V1] [R-V2] outsiders receive nothing, and drafts reach only their speaker', () => {
  fc.assert(
    fc.property(scriptArbitrary, ([prelude, steps]) => {
      const harness = play(prelude, steps, () => undefined);
      for (const event of harness.log) {
        assert.equal(repairEventForViewer(harness.state.memberIds, event, 'cal'), null);
        for (const viewer of MEMBERS) {
          const seen = repairEventForViewer(harness.state.memberIds, event, viewer);
          if (event.type === 'turnWordsSaved' && event.speakerId !== viewer)
            assert.deepEqual(seen, { type: 'hidden' });
          else assert.notEqual(seen, null);
        }
      }
    }),
  );
});

test('scripts do reach every stage (a guard against a property that never bites)', () => {
  const reached = new Set<string>();
  fc.assert(
    fc.property(scriptArbitrary, ([prelude, steps]) => {
      const harness = play(prelude, steps, () => undefined);
      for (const event of harness.log) reached.add(event.type);
      reached.add(harness.state.status);
    }),
    { numRuns: 300 },
  );
  for (const type of [
    'returnTimeAgreed',
    'turnEnded',
    'turnAcknowledged',
    'repairCompleted',
    'repairSetAside',
    'steppedBack',
  ]) {
    assert.ok(reached.has(type), `no script reached ${type}`);
  }
});
