/**
 * What a person sees before a solo practice starts: what will happen, how long, and how to stop
 * (DESIGN, trauma-informed rule 2: predictability, choice, dose).
 */
import { useId } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { READY_STEP, durationInWords } from '../../core/practices/index.ts';
import './solo-practice.css';

/** The lengths offered on your own: start short, lengthen only if you choose. */
export const SOLO_LENGTHS_MS: readonly number[] = [1, 2, 3, 5].map((minutes) => minutes * 60_000);

/** The catalogue's steps as they apply alone: the "everyone is ready" step is left out. */
export function soloSteps(steps: readonly string[]): readonly string[] {
  return steps.filter((step) => step !== READY_STEP);
}

/** The offered length closest to `defaultMs` (the catalogue's default). */
export function soloDefaultLength(defaultMs: number): number {
  let best = SOLO_LENGTHS_MS[0] ?? defaultMs;
  for (const length of SOLO_LENGTHS_MS) if (Math.abs(length - defaultMs) < Math.abs(best - defaultMs)) best = length;
  return best;
}

/** How to pause and stop, alone. */
export const SOLO_HOW_TO_STOP =
  'Pause at any moment with the Pause button or the Space key, and carry on whenever you are ready. Stop ends it straight away. Nobody asks why.';

/** The numbered list of what will happen. */
export function PracticeSteps(props: { steps: readonly string[] }) {
  return (
    <ol class="practice-steps">
      {props.steps.map((step) => (
        <li key={step}>{step}</li>
      ))}
    </ol>
  );
}

/** A choice of length, as large radio buttons. */
export function LengthChoice(props: {
  value: number;
  onChange: (ms: number) => void;
  legend?: string;
  describe?: (ms: number) => string | undefined;
  children?: ComponentChildren;
}) {
  const name = useId();
  return (
    <fieldset class="choice-group">
      <legend>{props.legend ?? 'How long'}</legend>
      <p class="hint">Start short. You can always choose a longer one next time.</p>
      <div class="choice-row">
        {SOLO_LENGTHS_MS.map((ms) => {
          const detail = props.describe?.(ms);
          return (
            <label class="choice" key={ms}>
              <input
                type="radio"
                name={name}
                checked={props.value === ms}
                onChange={() => {
                  props.onChange(ms);
                }}
              />
              <span>
                {durationInWords(ms)}
                {detail !== undefined && <span class="choice-detail">{detail}</span>}
              </span>
            </label>
          );
        })}
      </div>
      {props.children}
    </fieldset>
  );
}
