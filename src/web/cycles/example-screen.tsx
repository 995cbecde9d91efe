/**
 * `/learn/example`: the worked example of a cycle map, Noor and Eli, to explore before mapping
 * one's own. One step at a time (with Back and Next, and focus moved to each step's title), or
 * the whole walk on one page for those who would rather read it through. No server is needed.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { WORKED_EXAMPLE_WALKTHROUGH, type WalkthroughStep } from '../../core/cycles/index.ts';
import { LEARN_PATH } from '../learn/learn-routes.ts';
import { linkClick } from '../router.ts';
import { ExamplePart } from './example-part.tsx';
import './cycle.css';
import './example.css';

const STEP_COUNT = WORKED_EXAMPLE_WALKTHROUGH.length;

function StepView(props: {
  readonly step: WalkthroughStep;
  readonly headingRef?: { current: HTMLHeadingElement | null };
}) {
  const { step } = props;
  return (
    <section class="example-step screen" aria-labelledby={`step-${step.id}`}>
      <h2 id={`step-${step.id}`} tabIndex={-1} ref={props.headingRef}>
        {step.title}
      </h2>
      <p>{step.body}</p>
      <ExamplePart focus={step.focus} headingId={`step-${step.id}-part`} />
    </section>
  );
}

function StepDots(props: { readonly index: number }) {
  return (
    <ol class="step-dots" aria-hidden="true">
      {WORKED_EXAMPLE_WALKTHROUGH.map((step, at) => (
        <li
          key={step.id}
          class={
            at === props.index
              ? 'step-dot step-dot-now'
              : at < props.index
                ? 'step-dot step-dot-seen'
                : 'step-dot'
          }
        />
      ))}
    </ol>
  );
}

/** The screen. */
export default function CycleExampleScreen() {
  const [index, setIndex] = useState(0);
  const [whole, setWhole] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    // Focus follows the person's own Back or Next, never the first arrival.
    if (!moved.current) return;
    heading.current?.focus();
  }, [index]);
  const step = WORKED_EXAMPLE_WALKTHROUGH[index] ?? WORKED_EXAMPLE_WALKTHROUGH[0];
  const go = (next: number) => {
    moved.current = true;
    setIndex(Math.max(0, Math.min(STEP_COUNT - 1, next)));
  };

  return (
    <section class="screen cycle-example" aria-labelledby="example-title">
      <p class="back-link">
        <a
          href={LEARN_PATH}
          onClick={(event) => {
            linkClick(event, LEARN_PATH);
          }}
        >
          ← Learn
        </a>
      </p>
      <h1 id="example-title">A worked example: Noor and Eli</h1>
      <p class="hint">
        Noor and Eli are made up. Walk through how they mapped the loop they get caught in, before
        you map your own. Nothing here is sent anywhere.
      </p>
      <div class="button-row">
        <button
          type="button"
          class="quiet"
          aria-pressed={whole}
          onClick={() => {
            setWhole((shown) => !shown);
          }}
        >
          {whole ? 'Show one step at a time' : 'Show it all on one page'}
        </button>
      </div>
      {whole ? (
        WORKED_EXAMPLE_WALKTHROUGH.map((each) => <StepView key={each.id} step={each} />)
      ) : step === undefined ? null : (
        <>
          <p class="step-count">
            Step {index + 1} of {STEP_COUNT}
          </p>
          <StepDots index={index} />
          <StepView key={step.id} step={step} headingRef={heading} />
          <nav class="button-row example-nav" aria-label="Steps of the example">
            <button
              type="button"
              class="secondary"
              disabled={index === 0}
              onClick={() => {
                go(index - 1);
              }}
            >
              Back
            </button>
            {index < STEP_COUNT - 1 && (
              <button
                type="button"
                onClick={() => {
                  go(index + 1);
                }}
              >
                Next: {WORKED_EXAMPLE_WALKTHROUGH[index + 1]?.title}
              </button>
            )}
          </nav>
        </>
      )}
    </section>
  );
}
