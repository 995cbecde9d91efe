import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { practiceById } from '../practices/index.ts';
import { CAST, sessionScriptArbitrary, type SessionStep } from '../testing/session-arbitraries.ts';
import { SessionHarness } from '../testing/session-harness.ts';
import type { SessionEvent } from './events.ts';
import { practiceElapsedMs, sessionIsPaused, sessionRunningPractice } from './queries.ts';
import { SESSION_INITIAL_STATE, sessionEvolve, sessionFold, type SessionState } from './state.ts';
import { sessionEventForViewer } from './visibility.ts';

/** Plays a script, calling `check` with the state before and after each step and what it added. */
function play(
  steps: readonly SessionStep[],
  prelude: (harness: SessionHarness) => void,
  check: (
    before: SessionState,
    after: SessionState,
    step: SessionStep,
    added: readonly SessionEvent[],
    harness: SessionHarness,
  ) => void,
): SessionHarness {
  // Two start inside so two-person practices (touch) are reachable; the third may join later.
  const harness = SessionHarness.withPeople(CAST.slice(0, 2));
  prelude(harness);
  for (const step of steps) {
    const before = harness.state;
    const logLength = harness.log.length;
    if (step.kind === 'wait') harness.advance(step.ms);
    else harness.send(step.who, step.command);
    check(before, harness.state, step, harness.log.slice(logLength), harness);
  }
  return harness;
}

const noPrelude = (): void => undefined;

/** Starting points that put the session where the interesting rules bite. */
const PRELUDES: readonly ((harness: SessionHarness) => void)[] = [
  noPrelude,
  (harness) => {
    harness.startPractice('share-and-hold');
    harness.send('ben', { type: 'pause' });
  },
  (harness) => {
    harness.startPractice('breath-sync');
    harness.send('ana', { type: 'pause', sayItWasMe: true });
  },
  (harness) => {
    harness.startPractice('touch', { consent: true });
    harness.send('ana', { type: 'pause' });
  },
];

test('[SS19] no practice that needs consent ever runs without every participant’s current consent', () => {
  fc.assert(
    fc.property(sessionScriptArbitrary, fc.boolean(), (steps, startTouch) => {
      // Random scripts rarely reach a running touch practice on their own, so half start inside one.
      play(
        steps,
        startTouch
          ? (harness) => {
              harness.startPractice('touch', { consent: true });
            }
          : noPrelude,
        (_before, after) => {
          const run = sessionRunningPractice(after);
          if (!run) return;
          for (const consent of practiceById(run.practiceId)?.consentsRequired ?? []) {
            for (const id of run.participantIds) {
              assert.ok(
                after.participants[id]?.present,
                `${id} left but ${run.practiceId} kept running`,
              );
              assert.ok(
                run.consents[consent].includes(id),
                `${run.practiceId} runs without ${id}'s ${consent} consent`,
              );
            }
          }
        },
      );
    }),
  );
});

test('[SS14] while paused nothing advances until its holder resumes (or, once the holder has left, anyone present)', () => {
  fc.assert(
    fc.property(sessionScriptArbitrary, fc.constantFrom(...PRELUDES), (steps, prelude) => {
      play(steps, prelude, (before, after, step, added, harness) => {
        if (!sessionIsPaused(before)) return;
        for (const event of added) {
          assert.notEqual(event.type, 'practiceStarted', 'a practice started while paused');
          assert.notEqual(event.type, 'turnAdvanced', 'a turn moved while paused');
          assert.ok(
            !(event.type === 'practiceEnded' && event.outcome === 'completed'),
            'a practice completed while paused',
          );
        }
        const orphanedHold = Object.keys(before.pauseHolds).some((holder) => before.participants[holder]?.present !== true);
        const released =
          step.kind === 'command' &&
          step.command.type === 'resume' &&
          (step.who in before.pauseHolds || orphanedHold);
        const ended = after.status === 'ended';
        if (!released && !ended)
          assert.ok(sessionIsPaused(after), 'the pause lifted without its holder');
        const runBefore = sessionRunningPractice(before);
        const runAfter = sessionRunningPractice(after);
        if (runBefore && runAfter && sessionIsPaused(after) && runBefore.runId === runAfter.runId) {
          const beforeNow = step.kind === 'wait' ? harness.nowMs - step.ms : harness.nowMs;
          assert.equal(
            practiceElapsedMs(after, runAfter, harness.nowMs),
            practiceElapsedMs(before, runBefore, beforeNow as typeof harness.nowMs),
            'practice time moved while paused',
          );
        }
      });
    }),
  );
});

test('[SS1] folding the log always gives the same state, however the log is split', () => {
  fc.assert(
    fc.property(sessionScriptArbitrary, fc.nat(), (steps, cut) => {
      const harness = play(steps, noPrelude, () => undefined);
      const whole = sessionFold(harness.log);
      assert.deepEqual(whole, harness.state);
      const at = harness.log.length === 0 ? 0 : cut % harness.log.length;
      const split = sessionFold(harness.log.slice(at), sessionFold(harness.log.slice(0, at)));
      assert.deepEqual(split, whole);
      assert.deepEqual(harness.log.reduce(sessionEvolve, SESSION_INITIAL_STATE), whole);
    }),
  );
});

test('[V1] [V3] a private check-in, and boundaries others need not know, never reach anyone but their owner', () => {
  fc.assert(
    fc.property(sessionScriptArbitrary, (steps) => {
      const harness = play(steps, noPrelude, () => undefined);
      for (const event of harness.log) {
        for (const viewer of CAST) {
          const seen = sessionEventForViewer(event, viewer);
          if (
            event.type === 'checkedIn' &&
            event.visibility === 'private' &&
            event.participantId !== viewer
          ) {
            assert.deepEqual(seen, { type: 'hidden' });
          }
          if (event.type === 'checkedIn' && event.participantId !== viewer && seen.type === 'checkedIn') {
            assert.equal(seen.note, '', 'a note written for oneself reached someone else');
            assert.deepEqual(seen.tags, []);
          }
          if ((event.type === 'participantJoined' || event.type === 'boundariesSet') && event.participantId !== viewer) {
            const seenBoundaries = seen.type === event.type ? seen.boundaries : null;
            assert.equal(seenBoundaries?.camera, false, 'a camera boundary reached someone else');
            assert.equal(seenBoundaries.shareCheckIns, false);
            assert.equal(seenBoundaries.sharePhysiology, false);
            assert.equal(seenBoundaries.touch, event.boundaries.touch, 'touch must reach others, or touch would be offered');
          }
          if (
            event.type === 'sessionPaused' &&
            !event.saidItWasThem &&
            event.participantId !== viewer
          ) {
            assert.equal(seen.type === 'sessionPaused' && seen.participantId, null);
          }
        }
      }
    }),
  );
});

test('[V2] every viewer folding their own view agrees with the server on whether the session is paused', () => {
  fc.assert(
    fc.property(sessionScriptArbitrary, (steps) => {
      const harness = play(steps, noPrelude, () => undefined);
      for (const viewer of CAST) {
        let view = SESSION_INITIAL_STATE;
        let server = SESSION_INITIAL_STATE;
        for (const event of harness.log) {
          server = sessionEvolve(server, event);
          const seen = sessionEventForViewer(event, viewer);
          if (seen.type !== 'hidden') view = sessionEvolve(view, seen);
          assert.equal(sessionIsPaused(view), sessionIsPaused(server));
          assert.equal(Object.keys(view.pauseHolds).length, Object.keys(server.pauseHolds).length);
          assert.deepEqual(view.practice, server.practice);
        }
      }
    }),
  );
});
