/** Leaving (with a gentle confirm), and ending the session for everyone (host, or anyone when the host has gone). */
import { useState } from 'preact/hooks';
import { sessionIsPresent } from '../../core/session/queries.ts';
import type { SessionState } from '../../core/session/state.ts';
import { useCommand, type SendCommand } from './use-command.ts';

/** The leave and end controls. */
export function LeaveControls(props: { state: SessionState; me: string | null; send: SendCommand; onLeft: () => void }) {
  const { state, me } = props;
  const [confirming, setConfirming] = useState<'leave' | 'end' | null>(null);
  const { run, busy, error } = useCommand(props.send);
  const mayEnd = me !== null && (state.hostId === me || !sessionIsPresent(state, state.hostId));

  return (
    <section class="card leave" aria-labelledby="leave-title">
      <h2 id="leave-title" class="visually-hidden">
        Leaving
      </h2>
      {confirming === null && (
        <div class="button-row">
          <button type="button" class="quiet" onClick={() => { setConfirming('leave'); }}>
            Leave
          </button>
          {mayEnd && (
            <button type="button" class="quiet" onClick={() => { setConfirming('end'); }}>
              End the session for everyone
            </button>
          )}
        </div>
      )}
      {confirming === 'leave' && (
        <div role="group" aria-labelledby="leave-question">
          <p id="leave-question">
            Leave this session? The others will see that you left. You can come back with your link while it lasts.
          </p>
          <div class="button-row">
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                void run({ type: 'leave' }).then((outcome) => {
                  if (outcome.ok) props.onLeft();
                });
              }}
            >
              Yes, leave now
            </button>
            <button type="button" class="quiet" onClick={() => { setConfirming(null); }}>
              Stay
            </button>
          </div>
        </div>
      )}
      {confirming === 'end' && (
        <div role="group" aria-labelledby="end-question">
          <p id="end-question">End the session for everyone? Any practice stops, and nobody can rejoin this session.</p>
          <div class="button-row">
            <button type="button" disabled={busy} onClick={() => void run({ type: 'endSession' })}>
              Yes, end it
            </button>
            <button type="button" class="quiet" onClick={() => { setConfirming(null); }}>
              Keep going
            </button>
          </div>
        </div>
      )}
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
