/** Each person's check-ins before and after, side by side, in words. */
import type { ReportCheckIn, SessionReport } from '../../core/report/session-report.ts';
import { checkInWords } from '../session/check-in-words.ts';
import { checkInPairs, type CheckInPair } from './check-in-pairs.ts';
import { personLabel } from './report-people.ts';
import { offsetClock } from './report-time.ts';

function CheckInCell(props: { checkIn: ReportCheckIn | null; startedAtMs: number; emptyWords: string }) {
  if (props.checkIn === null) return <dd class="report-check-in-none">{props.emptyWords}</dd>;
  return (
    <dd>
      {checkInWords(props.checkIn)}
      <span class="report-check-in-when">at {offsetClock(props.checkIn.atMs - props.startedAtMs)} into the session</span>
    </dd>
  );
}

function PersonCheckIns(props: { report: SessionReport; pair: CheckInPair }) {
  const { report, pair } = props;
  // Someone else's check-ins are here only if they chose to share them; say so without guessing why.
  const emptyWords = pair.isViewer ? 'No check-in' : 'None shared';
  return (
    <div class="report-check-in-person">
      <h3>{personLabel(report, pair.participantId)}</h3>
      <dl class="report-check-in-grid">
        <div>
          <dt>Before</dt>
          <CheckInCell checkIn={pair.before} startedAtMs={report.startedAtMs} emptyWords={emptyWords} />
        </div>
        <div>
          <dt>After</dt>
          <CheckInCell checkIn={pair.after} startedAtMs={report.startedAtMs} emptyWords={emptyWords} />
        </div>
      </dl>
    </div>
  );
}

/** The check-ins section. */
export function CheckInsSection(props: { report: SessionReport }) {
  const pairs = checkInPairs(props.report);
  return (
    <section class="card report-section" aria-labelledby="report-check-ins-title">
      <h2 id="report-check-ins-title">How you felt</h2>
      {pairs.map((pair) => (
        <PersonCheckIns key={pair.participantId} report={props.report} pair={pair} />
      ))}
      <p class="hint">Your own check-ins, and any the others chose to share. A change is information, not a score; staying the same is fine too.</p>
    </section>
  );
}
