/**
 * "What you won't do": one clear checkbox per boundary, each with a line saying what Attune then
 * never does. Used before starting or joining a session, and during one to change them.
 */
import type { Boundaries, BoundaryKind } from '../../core/boundaries/boundary.ts';
import { BOUNDARY_KINDS } from '../../core/boundaries/boundary.ts';
import './session-forms.css';

/** The words for each boundary: the choice, and what the app promises in return. */
export const BOUNDARY_WORDS: Readonly<Record<BoundaryKind, { label: string; promise: string }>> = {
  touch: {
    label: 'No touch',
    promise: 'Attune will never offer a touch practice while you are in the session, or ask you for touch.',
  },
  camera: {
    label: 'No camera',
    promise: 'Attune will never ask you to turn on your camera.',
  },
  sharePhysiology: {
    label: 'No sharing of body signals (like heart rate or breathing)',
    promise: 'If you connect a sensor, its readings stay on your device: nobody else sees them and Attune keeps none of them.',
  },
  shareCheckIns: {
    label: 'No sharing of my check-ins',
    promise: 'Your check-ins stay with you. Attune will never offer to share them.',
  },
};

/** Props of the boundaries form. */
export interface BoundariesFormProps {
  readonly value: Boundaries;
  readonly onChange: (next: Boundaries) => void;
  /** Prefix for element ids, when the form appears more than once on a page. */
  readonly idPrefix?: string;
  readonly disabled?: boolean;
}

/** The boundaries fieldset. */
export function BoundariesForm(props: BoundariesFormProps) {
  const prefix = props.idPrefix ?? 'boundary';
  return (
    <fieldset class="boundaries-form">
      <legend>What you won't do</legend>
      <p class="hint" id={`${prefix}-intro`}>
        Tick anything you'd rather not do in this session. You don't have to give a reason, and nobody is told which
        boxes you ticked. You can change this later.
      </p>
      <ul class="boundary-list">
        {BOUNDARY_KINDS.map((kind) => {
          const id = `${prefix}-${kind}`;
          return (
            <li key={kind} class="boundary-item">
              <input
                type="checkbox"
                id={id}
                checked={props.value[kind]}
                disabled={props.disabled}
                aria-describedby={`${id}-promise`}
                onChange={(event) => {
                  props.onChange({ ...props.value, [kind]: event.currentTarget.checked });
                }}
              />
              <span>
                <label for={id}>{BOUNDARY_WORDS[kind].label}</label>
                <span class="hint boundary-promise" id={`${id}-promise`}>
                  {BOUNDARY_WORDS[kind].promise}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
