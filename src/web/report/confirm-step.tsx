/**
 * A plain "are you sure" in place: the question (focused, so a screen reader reads it at once),
 * the action, and a way out that changes nothing. Escape is the way out too.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** What the confirm step shows and does. */
export interface ConfirmStepProps {
  readonly id: string;
  readonly question: ComponentChildren;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
  readonly busy: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** The confirm step. */
export function ConfirmStep(props: ConfirmStepProps) {
  const question = useRef<HTMLDivElement>(null);
  useEffect(() => {
    question.current?.focus();
  }, []);
  return (
    <div
      class="confirm-step"
      role="group"
      aria-labelledby={props.id}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !props.busy) props.onCancel();
      }}
    >
      <div id={props.id} class="confirm-step-question" tabIndex={-1} ref={question}>
        {props.question}
      </div>
      <div class="button-row">
        <button type="button" class="danger" disabled={props.busy} onClick={props.onConfirm}>
          {props.busy ? 'Deleting…' : props.confirmLabel}
        </button>
        <button type="button" class="quiet" disabled={props.busy} onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
      </div>
    </div>
  );
}
