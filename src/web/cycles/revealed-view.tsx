/**
 * After both chose to look: the pattern named as the shared problem, the loop drawn, both sides
 * in full, and then naming the cycle and planning for it together. When the reveal came from this
 * person's own tap, focus moves to the pattern so a screen reader starts there.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CycleMapCommand, CyclePerson } from '../../core/cycles/index.ts';
import { LearnLink } from '../learn/learn-link.tsx';
import { linkClick } from '../router.ts';
import { repairPath } from '../us/us-routes.ts';
import type { CycleCommandOutcome, ReceivedCycleMap } from './cycle-api.ts';
import { LoopDiagram } from './loop-diagram.tsx';
import { NameAndPlan } from './name-and-plan.tsx';
import { PatternSection } from './pattern-section.tsx';
import { SideSummary } from './side-summary.tsx';

/**
 * Mapping again, later: loops change as people do. A fresh map puts this one away for both, so
 * it asks first and says so plainly.
 */
function MapAgain(props: {
  readonly otherName: string;
  readonly onStartAgain: () => Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <section class="map-again" aria-labelledby="map-again-title">
      <h2 id="map-again-title">Mapping it again</h2>
      <p class="hint">
        Loops change as you do. Whenever you both want to, you can start a fresh map, each filling
        in a new side.
      </p>
      {asking ? (
        <div class="button-row" role="group" aria-label="Start a fresh map?">
          <p>Start a fresh map with {props.otherName}? This one is put away for both of you.</p>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void props.onStartAgain().finally(() => {
                setBusy(false);
              });
            }}
          >
            Yes, start a fresh map
          </button>
          <button
            type="button"
            class="quiet"
            disabled={busy}
            onClick={() => {
              setAsking(false);
            }}
          >
            Keep this one
          </button>
        </div>
      ) : (
        <button
          type="button"
          class="quiet"
          onClick={() => {
            setAsking(true);
          }}
        >
          Start a fresh map…
        </button>
      )}
    </section>
  );
}

/**
 * The view. `focusOnArrival` is true when this person had chosen to look: the panel they were
 * waiting in (and the button that had focus) is gone, so focus goes to what replaced it.
 */
export function RevealedView(props: {
  readonly relationshipId: string;
  readonly map: ReceivedCycleMap;
  readonly me: CyclePerson;
  readonly you: CyclePerson;
  readonly focusOnArrival: boolean;
  readonly send: (command: CycleMapCommand) => Promise<CycleCommandOutcome>;
  /** Opens a fresh map with the same person; this one is then put away. */
  readonly onStartAgain: () => Promise<void>;
}) {
  const { me, you, map } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (props.focusOnArrival) heading.current?.focus();
    // Only on arrival: later polls must not pull focus away from what the person is doing.
  }, []);
  const repair = repairPath(props.relationshipId);
  return (
    <div class="screen">
      <PatternSection me={me} you={you} headingId="pattern-title" headingRef={heading} />
      <section class="card" aria-labelledby="loop-title">
        <h2 id="loop-title">The loop</h2>
        <p class="hint">
          Follow the arrows round. Each step sets off the next; there is no first step to argue
          about.
        </p>
        <LoopDiagram me={me} you={you} />
      </section>
      <section class="card" aria-labelledby="sides-title">
        <h2 id="sides-title">Both sides</h2>
        <p class="hint">As each of you wrote them, alone. Take your time with the other side.</p>
        <details class="side-details tone-first" open>
          <summary>Your side</summary>
          <SideSummary side={me.side} name={null} tone="first" />
        </details>
        <details class="side-details tone-second" open>
          <summary>{you.name}’s side</summary>
          <SideSummary side={you.side} name={you.name} tone="second" />
        </details>
      </section>
      <NameAndPlan name={map.name} plan={map.plan} send={props.send} />
      <section class="card" aria-labelledby="after-title">
        <h2 id="after-title">If it has already happened</h2>
        <p>
          Loops still come round, for everyone. Coming back to each other afterwards matters more
          than never getting caught.
        </p>
        <p>
          <a
            href={repair}
            onClick={(event) => {
              linkClick(event, repair);
            }}
          >
            Start a repair
          </a>{' '}
          · <LearnLink cardId="repair" label="What is repair?" />
        </p>
      </section>
      <MapAgain otherName={you.name} onStartAgain={props.onStartAgain} />
    </div>
  );
}
