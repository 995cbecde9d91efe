/**
 * After a practice: a short check-in, and your before and after side by side. Optional: "Skip"
 * is as easy as answering.
 */
import { useEffect, useRef } from 'preact/hooks';
import { practiceById } from '../../core/practices/index.ts';
import type { PracticeEnded } from '../../core/session/state.ts';
import { CheckInForm } from '../components/check-in-form.tsx';
import { CheckInCompare, CheckInSummary } from '../components/check-in-summary.tsx';
import type { ViewerLogEntry } from '../net/viewer-log.ts';
import { sendCheckIn } from './check-in-panel.tsx';
import { myCheckInAround } from './my-check-ins.ts';
import { useCommand, type SendCommand } from './use-command.ts';

/** The after-practice card. */
export function AfterPracticePanel(props: {
  ended: PracticeEnded;
  me: string;
  log: readonly ViewerLogEntry[];
  send: SendCommand;
  allowShare: boolean;
  onDone: () => void;
}) {
  const { ended, me, log } = props;
  const title = practiceById(ended.practiceId)?.title ?? 'The practice';
  const before = myCheckInAround(log, me, ended.runId, 'before');
  const after = myCheckInAround(log, me, ended.runId, 'after');
  const { run, error } = useCommand(props.send);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section class="card after" aria-labelledby="after-title">
      <h2 id="after-title" ref={headingRef} tabIndex={-1}>
        {ended.outcome === 'completed' ? `${title} has finished` : `${title} has stopped`}
      </h2>
      <p>
        {ended.outcome === 'completed'
          ? 'Take a breath before moving on. Notice how you are now; whatever you find is fine.'
          : 'Stopping is always fine. Take whatever time you need.'}
      </p>
      {after ? (
        before ? (
          <CheckInCompare before={before} after={after} />
        ) : (
          <div>
            <h3>After</h3>
            <CheckInSummary checkIn={after} />
          </div>
        )
      ) : (
        <>
          {before && (
            <div class="before-summary">
              <h3>Before</h3>
              <CheckInSummary checkIn={before} />
            </div>
          )}
          <CheckInForm
            allowShare={props.allowShare}
            compact
            heading="How are you now?"
            submitLabel="Save my after check-in"
            onSubmit={async (checkIn) => {
              await sendCheckIn(run, checkIn, 'after');
            }}
          />
        </>
      )}
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="button-row">
        <button type="button" class="quiet" onClick={props.onDone}>
          {after ? 'Done' : 'Skip'}
        </button>
      </div>
    </section>
  );
}
