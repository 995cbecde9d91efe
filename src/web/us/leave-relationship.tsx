/**
 * Leaving a relationship, after a plain confirm that says what happens: every sharing with these
 * people stops at once, their side of anything stops reaching you, and your own entries stay
 * yours. The question takes focus so a screen reader reads it first; Escape or "Stay" changes
 * nothing and puts focus back on the button that asked.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/http.ts';
import { relationshipLeave } from './us-api.ts';

type Step = 'idle' | 'confirming' | 'busy';

/** The control. `others` names the other members ("Bo", "Bo and Cy"). */
export function LeaveRelationship(props: {
  readonly relationshipId: string;
  readonly others: string;
  readonly onLeft: () => void;
}) {
  const [step, setStep] = useState<Step>('idle');
  const [error, setError] = useState<string | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const question = useRef<HTMLDivElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (step === 'confirming') question.current?.focus();
    if (step === 'idle' && refocus.current) {
      refocus.current = false;
      trigger.current?.focus();
    }
  }, [step]);

  const cancel = () => {
    refocus.current = true;
    setError(null);
    setStep('idle');
  };
  const leave = () => {
    setStep('busy');
    setError(null);
    relationshipLeave(props.relationshipId).then(props.onLeft, (caught: unknown) => {
      setStep('confirming');
      setError(
        caught instanceof ApiError ? caught.message : 'Something went wrong. Please try again.',
      );
    });
  };

  if (step === 'idle') {
    return (
      <button
        type="button"
        class="quiet"
        ref={trigger}
        onClick={() => {
          setStep('confirming');
        }}
      >
        Leave this relationship
      </button>
    );
  }
  return (
    <div
      class="confirm-leave"
      role="group"
      aria-labelledby="leave-question"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && step !== 'busy') cancel();
      }}
    >
      <div id="leave-question" class="confirm-leave-question" tabIndex={-1} ref={question}>
        <p>
          <strong>Leave this relationship?</strong>
        </p>
        <ul>
          <li>
            All sharing stops at once: nothing you shared here reaches {props.others} any more, and
            nothing of theirs reaches you.
          </li>
          <li>Your cycle map with {props.others} is put away for both of you.</li>
          <li>Your own check-ins and reflections stay with you.</li>
          <li>To be linked again later, one of you sends a new invite.</li>
        </ul>
      </div>
      <div class="button-row">
        <button type="button" class="danger" disabled={step === 'busy'} onClick={leave}>
          {step === 'busy' ? 'Leaving…' : 'Yes, leave'}
        </button>
        <button type="button" class="quiet" disabled={step === 'busy'} onClick={cancel}>
          Stay
        </button>
      </div>
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
