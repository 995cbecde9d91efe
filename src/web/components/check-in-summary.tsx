/** A stored check-in, shown briefly; and two of them side by side, before and after. */
import { NERVOUS_SYSTEM_STATE_LABELS } from '../../core/states/nervous-system-state.ts';
import type { CheckInAnswers } from '../local/check-ins.ts';
import './check-in-summary.css';

/** "Today at 14:05", "Yesterday at 09:30" or "3 May at 20:10", in the device's language. */
export function checkInWhen(atMs: number, nowMs: number): string {
  const at = new Date(atMs);
  const now = new Date(nowMs);
  const time = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  if (atMs >= startOfToday) return `Today at ${time}`;
  if (atMs >= startOfToday - 24 * 60 * 60 * 1000) return `Yesterday at ${time}`;
  const day = at.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
  return `${day} at ${time}`;
}

/** The parts of one check-in, without a heading. */
export function CheckInSummary(props: { checkIn: CheckInAnswers }) {
  const { checkIn } = props;
  const label = NERVOUS_SYSTEM_STATE_LABELS[checkIn.state];
  return (
    <dl class="check-in-summary">
      <div>
        <dt>State</dt>
        <dd>
          {label.plain}
          {checkIn.state !== 'mixed' && (
            <span class="check-in-summary-term">
              <span class="check-in-summary-dot"> · </span>
              {label.term}
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt>Strength</dt>
        <dd>{checkIn.intensity} of 10</dd>
      </div>
      {checkIn.tags.length > 0 && (
        <div>
          <dt>Body</dt>
          <dd>{checkIn.tags.join(', ')}</dd>
        </div>
      )}
      {checkIn.note !== '' && (
        <div>
          <dt>Note</dt>
          <dd class="check-in-summary-note">{checkIn.note}</dd>
        </div>
      )}
    </dl>
  );
}

/** One check-in on one or two lines: state and strength, then body words. */
export function CheckInLine(props: { checkIn: CheckInAnswers }) {
  const { checkIn } = props;
  const label = NERVOUS_SYSTEM_STATE_LABELS[checkIn.state];
  return (
    <p class="check-in-line">
      {label.plain}, {checkIn.intensity} of 10
      {checkIn.tags.length > 0 && <span class="check-in-line-tags">{checkIn.tags.join(', ')}</span>}
    </p>
  );
}

/** Before and after a practice, side by side (stacked on a narrow phone). */
export function CheckInCompare(props: { before: CheckInAnswers; after: CheckInAnswers }) {
  return (
    <section class="check-in-compare" aria-labelledby="check-in-compare-heading">
      <h2 id="check-in-compare-heading">Before and after</h2>
      <div class="check-in-compare-grid">
        <div class="card">
          <h3>Before</h3>
          <CheckInSummary checkIn={props.before} />
        </div>
        <div class="card">
          <h3>After</h3>
          <CheckInSummary checkIn={props.after} />
        </div>
      </div>
      <p class="hint">Any change is information, not a score. Staying the same is fine too.</p>
    </section>
  );
}
