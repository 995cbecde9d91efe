/**
 * The session report, afterwards: a summary sentence, how each person felt before and after,
 * heart rate and breathing over time with the practices shaded, how the two heart rates moved
 * together, and what can be done with the data. Pictures first; a table on request.
 * Loaded on demand, so the charting library is never part of the first page.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { linkClick } from '../router.ts';
import { MetricFigure } from '../report/body-charts.tsx';
import { phaseBands } from '../report/chart-series.ts';
import { CheckInsSection } from '../report/check-ins-section.tsx';
import { phasesSentence } from '../report/metric-words.ts';
import { reportFetch } from '../report/report-api.ts';
import { othersOf, namesList, reportHasSignals } from '../report/report-people.ts';
import { reportProblem, type ReportProblem } from '../report/report-problems.ts';
import type { ReceivedReport } from '../report/report-schema.ts';
import { reportSummarySentence } from '../report/report-summary.ts';
import { SynchronySection } from '../report/synchrony-section.tsx';
import { YourDataSection } from '../report/your-data-section.tsx';
import '../report/report.css';

type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly problem: ReportProblem }
  | { readonly kind: 'ready'; readonly report: ReceivedReport }
  | { readonly kind: 'deleted' };

function BackToStart() {
  return (
    <div class="button-row">
      <a class="button quiet" href="/" onClick={(event) => { linkClick(event, '/'); }}>
        Back to the start
      </a>
    </div>
  );
}

/** "Saturday 21 November, 14:00 to 14:24", in this device's time zone. */
function whenWords(report: ReceivedReport): string {
  const start = new Date(report.startedAtMs);
  const day = start.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
  const time = (date: Date) => date.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
  const end = report.endedAtMs === null ? 'still open' : time(new Date(report.endedAtMs));
  return `${day}, ${time(start)} to ${end}`;
}

function ReportBody(props: { report: ReceivedReport; onForgotten: () => void; onDeleted: () => void }) {
  const { report } = props;
  const [showTables, setShowTables] = useState(false);
  const bands = useMemo(() => phaseBands(report), [report]);
  const phases = phasesSentence(bands);
  const others = othersOf(report).map((person) => person.displayName);
  const hasSignals = reportHasSignals(report);
  return (
    <section class="screen report" aria-labelledby="report-title">
      <h1 id="report-title">Looking back on your session</h1>
      <p class="report-when">
        {whenWords(report)}
        {others.length > 0 && `, with ${namesList(others)}`}
      </p>
      <p class="report-summary">{reportSummarySentence(report)}</p>

      <CheckInsSection report={report} />

      {hasSignals ? (
        <section class="card report-section" aria-labelledby="report-bodies-title">
          <div class="report-section-top">
            <h2 id="report-bodies-title">Your bodies over time</h2>
            <button type="button" class="quiet report-view-toggle" onClick={() => { setShowTables((shown) => !shown); }}>
              {showTables ? 'Show as pictures' : 'Show as a table'}
            </button>
          </div>
          <MetricFigure report={report} metric="heartRateBpm" bands={bands} phases={phases} showTable={showTables} />
          <MetricFigure report={report} metric="breathingRateBpm" bands={bands} phases={phases} showTable={showTables} />
          <p class="hint">These numbers are for noticing, not for judging how anyone did.</p>
        </section>
      ) : (
        <section class="card report-section" aria-labelledby="report-bodies-title">
          <h2 id="report-bodies-title">Your bodies over time</h2>
          <p>No heart rate or breathing was shared in this session, so there are no charts. That is completely fine: the check-ins above tell their own story.</p>
        </section>
      )}

      {hasSignals && <SynchronySection report={report} bands={bands} phases={phases} showTable={showTables} />}

      <YourDataSection report={report} onForgotten={props.onForgotten} onDeleted={props.onDeleted} />
      <BackToStart />
    </section>
  );
}

/** The report screen. */
export default function ReportScreen(props: { sessionId: string }) {
  const { sessionId } = props;
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    reportFetch(sessionId).then(
      (report) => {
        if (current) setLoaded({ kind: 'ready', report });
      },
      (error: unknown) => {
        // A failed refresh after "forget" keeps the report on screen; only a first load shows the problem.
        if (current) setLoaded((before) => (before.kind === 'ready' ? before : { kind: 'failed', problem: reportProblem(error) }));
      },
    );
    return () => {
      current = false;
    };
  }, [sessionId, attempt]);

  const reload = useCallback(() => { setAttempt((count) => count + 1); }, []);
  const deleted = useCallback(() => { setLoaded({ kind: 'deleted' }); }, []);

  if (loaded.kind === 'loading') {
    return (
      <section class="screen report" aria-labelledby="report-title">
        <h1 id="report-title">Looking back on your session</h1>
        <p class="loading" role="status">Gathering the report…</p>
      </section>
    );
  }
  if (loaded.kind === 'failed') {
    return (
      <section class="screen report" aria-labelledby="report-title">
        <h1 id="report-title">{loaded.problem.title}</h1>
        <p role="alert">{loaded.problem.message}</p>
        {loaded.problem.canRetry && (
          <div class="button-row">
            <button type="button" onClick={() => { setLoaded({ kind: 'loading' }); reload(); }}>
              Try again
            </button>
          </div>
        )}
        <BackToStart />
      </section>
    );
  }
  if (loaded.kind === 'deleted') {
    return (
      <section class="screen report" aria-labelledby="report-title">
        <h1 id="report-title">The session has been deleted</h1>
        <p role="status">
          Everything from it is gone, for everyone: who took part, the practices, the check-ins and all heart rate and breathing data.
        </p>
        <BackToStart />
      </section>
    );
  }
  return <ReportBody report={loaded.report} onForgotten={reload} onDeleted={deleted} />;
}
