/**
 * "Check in": opens the shared check-in form in place; private unless the person ticks sharing
 * (and never offered when their boundaries keep check-ins to themselves).
 */
import { useRef, useState } from 'preact/hooks';
import type { CheckInSubmission } from '../components/check-in-form.tsx';
import { CheckInForm } from '../components/check-in-form.tsx';
import { useCommand, type SendCommand } from './use-command.ts';

/** Sends a check-in at `moment`; resolves true when the session recorded it. */
export async function sendCheckIn(
  run: ReturnType<typeof useCommand>['run'],
  checkIn: CheckInSubmission,
  moment: 'before' | 'after' | 'any',
): Promise<boolean> {
  const outcome = await run({
    type: 'checkIn',
    state: checkIn.state,
    intensity: checkIn.intensity,
    tags: checkIn.tags,
    note: checkIn.note,
    visibility: checkIn.visibility,
    moment,
  });
  return outcome.ok;
}

/** The check-in button and form. */
export function CheckInPanel(props: { send: SendCommand; allowShare: boolean }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const { run, error } = useCommand(props.send);
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <section class="card" aria-labelledby="check-in-title">
      <h2 id="check-in-title">Your check-in</h2>
      {!open && (
        <>
          <p class="hint">
            {saved ? 'Saved. Check in again whenever something shifts.' : 'Notice how you are. It stays private unless you choose to share it.'}
          </p>
          <div class="button-row">
            <button
              type="button"
              class="secondary"
              ref={buttonRef}
              onClick={() => {
                setOpen(true);
                setSaved(false);
              }}
            >
              Check in
            </button>
          </div>
        </>
      )}
      {open && (
        <>
          <CheckInForm
            allowShare={props.allowShare}
            compact
            submitLabel="Save check-in"
            onSubmit={async (checkIn) => {
              if (await sendCheckIn(run, checkIn, 'any')) {
                setSaved(true);
                setOpen(false);
              }
            }}
          />
          <div class="button-row">
            <button type="button" class="quiet" onClick={() => { setOpen(false); }}>
              Not now
            </button>
          </div>
        </>
      )}
      {error !== null && <p class="error" role="alert">{error}</p>}
    </section>
  );
}
