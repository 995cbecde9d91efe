/**
 * The two answers a suggestion in a repair can get: agree to it, or open a form to suggest
 * something else. Used for the time to come back and for the next step, so both read and
 * behave the same way.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** Agree (unless already agreed), or open `renderChange` to suggest another. */
export function ProposalAnswer(props: {
  agreed: boolean;
  busy: boolean;
  agreeLabel: string;
  onAgree: () => void;
  changeLabel: string;
  keepLabel: string;
  renderChange: (close: () => void) => ComponentChildren;
}) {
  const [changing, setChanging] = useState(false);
  return (
    <>
      <div class="button-row">
        {!props.agreed && (
          <button type="button" disabled={props.busy} onClick={props.onAgree}>
            {props.agreeLabel}
          </button>
        )}
        <button
          type="button"
          class="quiet"
          aria-expanded={changing}
          onClick={() => {
            setChanging((open) => !open);
          }}
        >
          {changing ? props.keepLabel : props.changeLabel}
        </button>
      </div>
      {changing &&
        props.renderChange(() => {
          setChanging(false);
        })}
    </>
  );
}
