/** What happens to the data: the CSV download, forgetting one's own body data, and (for the host) deleting the session. */
import type { ReceivedReport } from './report-schema.ts';
import { DeleteSession } from './delete-session.tsx';
import { ForgetMyData } from './forget-my-data.tsx';
import { rrCsvUrl } from './report-api.ts';
import { othersOf, reportHasRr, viewerHasSignals } from './report-people.ts';

/** The section. */
export function YourDataSection(props: { report: ReceivedReport; onForgotten: () => void; onDeleted: () => void }) {
  const { report } = props;
  const isHost = report.hostId === report.viewerId;
  const ended = report.endedAtMs !== null;
  return (
    <section class="card report-section" aria-labelledby="report-data-title">
      <h2 id="report-data-title">Your data</h2>
      <p class="hint">
        Heart rate and breathing are kept in a lighter, downsampled form only for this report, and are deleted with the session.
      </p>
      {reportHasRr(report) && (
        <div class="report-action">
          <a class="button secondary" href={rrCsvUrl(report.sessionId)} download>
            Download beat-to-beat intervals (CSV)
          </a>
          <p class="hint">The time between heartbeats, in milliseconds, for your own records. It holds only what you can see here.</p>
        </div>
      )}
      <ForgetMyData sessionId={report.sessionId} hasData={viewerHasSignals(report)} onForgotten={props.onForgotten} />
      {isHost && ended && (
        <DeleteSession sessionId={report.sessionId} others={othersOf(report).map((person) => person.displayName)} onDeleted={props.onDeleted} />
      )}
      {isHost && !ended && <p class="hint">Once the session has ended, you can delete it for everyone from here.</p>}
    </section>
  );
}
