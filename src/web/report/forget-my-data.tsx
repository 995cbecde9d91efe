/**
 * "Forget my body data from this session": deletes this person's stored heart rate, breathing and
 * beat-to-beat intervals for this session, after a plain confirm, and says clearly that it is done.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/http.ts';
import { ConfirmStep } from './confirm-step.tsx';
import { mySignalsForget } from './report-api.ts';

type Step = 'idle' | 'confirming' | 'busy' | 'done';

/** The control. `onForgotten` reloads the report so the person's lines disappear. */
export function ForgetMyData(props: { sessionId: string; hasData: boolean; onForgotten: () => void }) {
  const [step, setStep] = useState<Step>('idle');
  const [error, setError] = useState<string | null>(null);
  // After "keep it", focus goes back to the button that opened the question; once done, to the result.
  const trigger = useRef<HTMLButtonElement>(null);
  const result = useRef<HTMLParagraphElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (step === 'done') result.current?.focus();
    if (step !== 'idle' || !refocus.current) return;
    refocus.current = false;
    trigger.current?.focus();
  }, [step]);

  if (step === 'done') {
    return (
      <p class="notice report-result" role="status" tabIndex={-1} ref={result}>
        Done. Your body data from this session has been deleted. It no longer appears in this report, for you or for anyone else.
        Your check-ins are still here.
      </p>
    );
  }
  if (!props.hasData) return <p class="hint">There is no body data of yours stored for this session.</p>;

  const forget = () => {
    setStep('busy');
    setError(null);
    mySignalsForget(props.sessionId).then(
      () => {
        setStep('done');
        props.onForgotten();
      },
      (caught: unknown) => {
        setStep('confirming');
        setError(caught instanceof ApiError ? caught.message : 'Something went wrong. Please try again.');
      },
    );
  };

  return (
    <div class="report-action">
      {step === 'idle' ? (
        <button type="button" class="secondary" ref={trigger} onClick={() => { setStep('confirming'); }}>
          Forget my body data from this session
        </button>
      ) : (
        <ConfirmStep
          id="forget-question"
          question={
            <p>
              Delete your heart rate, breathing and beat-to-beat intervals from this session? They go for everyone who can see this
              report. Your check-ins stay. This cannot be undone.
            </p>
          }
          confirmLabel="Yes, forget my body data"
          cancelLabel="Keep it"
          busy={step === 'busy'}
          onConfirm={forget}
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
