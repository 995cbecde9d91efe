/** Changing what you won't do during a session; a practice that no longer fits is set aside, and nobody is asked why. */
import { useState } from 'preact/hooks';
import type { Boundaries } from '../../core/boundaries/boundary.ts';
import { BoundariesForm } from './boundaries-form.tsx';
import { useCommand, type SendCommand } from './use-command.ts';

/** A folded-away editor for this person's boundaries. */
export function BoundariesEditor(props: { current: Boundaries; send: SendCommand }) {
  const [draft, setDraft] = useState<Boundaries>(props.current);
  const [saved, setSaved] = useState(false);
  const { run, busy, error } = useCommand(props.send);
  return (
    <details class="card boundaries-editor">
      <summary>What you won't do</summary>
      <BoundariesForm idPrefix="session-boundary" value={draft} onChange={(next) => { setDraft(next); setSaved(false); }} />
      <div class="button-row">
        <button
          type="button"
          class="secondary"
          disabled={busy}
          onClick={() => {
            void run({ type: 'setBoundaries', boundaries: draft }).then((outcome) => {
              setSaved(outcome.ok);
            });
          }}
        >
          Save what I won't do
        </button>
      </div>
      <p class="hint" role="status">
        {saved ? 'Saved. Practices are offered with this in mind from now on.' : ''}
      </p>
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
