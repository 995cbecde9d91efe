/**
 * After a solo practice: a kind word, a short check-in that stays on this device, and, when
 * there was a check-in before, the two side by side.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browserStorage, checkInAdd, checkInBeforeThisVisit } from '../local/check-ins.ts';
import type { LocalCheckIn } from '../local/check-ins.ts';
import { linkClick } from '../router.ts';
import { CheckInForm } from './check-in-form.tsx';
import { CheckInCompare, CheckInSummary } from './check-in-summary.tsx';
import './solo-practice.css';

/** The end of a solo practice. */
export function AfterPractice(props: { practiceId: string; stoppedEarly: boolean; onAgain: () => void }) {
  const { practiceId, stoppedEarly, onAgain } = props;
  // The check-in to compare with is fixed as the practice ends.
  const [before] = useState<LocalCheckIn | undefined>(() => checkInBeforeThisVisit(Date.now()));
  const [after, setAfter] = useState<{ checkIn: LocalCheckIn; stored: boolean } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <div class="after-practice">
      <h2 class="after-practice-heading" ref={headingRef} tabIndex={-1}>
        Well done for taking this time.
      </h2>
      <p>
        {stoppedEarly
          ? 'You stopped when you chose to. Listening to yourself is part of the practice.'
          : 'Let yourself land for a moment before moving on.'}
      </p>

      {after === null ? (
        <div class="card">
          <CheckInForm
            heading="How are you now?"
            submitLabel="Save check-in"
            allowShare={false}
            compact
            onSubmit={(submission) => {
              setAfter(checkInAdd(browserStorage(), submission, { nowMs: Date.now(), moment: 'after', practiceId }));
            }}
          />
          <p class="hint">Optional, and it stays on this device.</p>
        </div>
      ) : before !== undefined ? (
        <CheckInCompare before={before} after={after.checkIn} />
      ) : (
        <div class="card">
          <h2>How you are now</h2>
          <CheckInSummary checkIn={after.checkIn} />
          <p class="hint">{after.stored ? 'Saved on this device only.' : 'Kept until you close this page.'}</p>
        </div>
      )}

      <div class="button-row">
        <button type="button" class="secondary" onClick={onAgain}>
          Do it again
        </button>
        <a
          class="button quiet"
          href="/"
          onClick={(event) => {
            linkClick(event, '/');
          }}
        >
          Back to the start
        </a>
      </div>
    </div>
  );
}
