/**
 * "Delete this session for everyone", for the host once the session has ended: a confirm that
 * says plainly what goes, then the whole session is deleted on the server.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/http.ts';
import { ConfirmStep } from './confirm-step.tsx';
import { namesList } from './report-people.ts';
import { sessionDelete } from './report-api.ts';

type Step = 'idle' | 'confirming' | 'busy';

/** The control. `others` are the other people's names; `onDeleted` leaves the report. */
export function DeleteSession(props: { sessionId: string; others: readonly string[]; onDeleted: () => void }) {
  const [step, setStep] = useState<Step>('idle');
  const [error, setError] = useState<string | null>(null);
  // After "keep it", focus goes back to the button that opened the question, not to the page top.
  const trigger = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (step !== 'idle' || !refocus.current) return;
    refocus.current = false;
    trigger.current?.focus();
  }, [step]);
  const everyone = props.others.length === 0 ? 'you' : `you and ${namesList(props.others)}`;

  const remove = () => {
    setStep('busy');
    setError(null);
    sessionDelete(props.sessionId).then(props.onDeleted, (caught: unknown) => {
      setStep('confirming');
      setError(caught instanceof ApiError ? caught.message : 'Something went wrong. Please try again.');
    });
  };

  return (
    <div class="report-action">
      {step === 'idle' ? (
        <button type="button" class="quiet" ref={trigger} onClick={() => { setStep('confirming'); }}>
          Delete this session for everyone
        </button>
      ) : (
        <ConfirmStep
          id="delete-session-question"
          question={
            <>
              <p>Delete this whole session for {everyone}? This removes:</p>
              <ul>
                <li>who took part, and the practices you did</li>
                <li>every check-in, shared or not</li>
                <li>all heart rate, breathing and beat-to-beat data</li>
                <li>this report, for everyone</li>
              </ul>
              <p>This cannot be undone. Any CSV file already downloaded stays where it was saved.</p>
            </>
          }
          confirmLabel="Yes, delete it for everyone"
          cancelLabel="Keep the session"
          busy={step === 'busy'}
          onConfirm={remove}
          onCancel={() => {
            refocus.current = true;
            setStep('idle');
            setError(null);
          }}
        />
      )}
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
