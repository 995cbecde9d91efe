/**
 * How the two heart rates moved together over the session: the trend, or when there was too
 * little signal, a kind sentence saying so and no number at all.
 */
import { useMemo } from 'preact/hooks';
import type { SessionReport } from '../../core/report/session-report.ts';
import { ChartKey } from './chart-key.tsx';
import { synchronyChartData, type PhaseBand } from './chart-series.ts';
import { scoreText, synchronyChartSummary } from './metric-words.ts';
import { namesList, personLabel } from './report-people.ts';
import { ReportTableView } from './report-table.tsx';
import { synchronyTable } from './report-table-rows.ts';
import {
  SYNCHRONY_EXPLANATION,
  SYNCHRONY_NOT_A_GRADE,
  SYNCHRONY_PACER_NOTE,
  SYNCHRONY_TREND_NOTE,
  synchronyLagWords,
  synchronyMissingWords,
  synchronyOverallWords,
} from './synchrony-words.ts';
import { TimeChart } from './time-chart.tsx';

const SCORE_RANGE: readonly [number, number] = [0, 1];

/** The synchrony section. */
export function SynchronySection(props: { report: SessionReport; bands: readonly PhaseBand[]; phases: string | null; showTable: boolean }) {
  const { report, showTable } = props;
  const synchrony = report.synchrony;
  const data = useMemo(() => synchronyChartData(report), [report]);
  const table = useMemo(() => (showTable ? synchronyTable(report) : null), [report, showTable]);
  const missing = synchronyMissingWords(synchrony);
  const overall = synchronyOverallWords(synchrony);
  const lag = synchrony.kind === 'scored' ? synchronyLagWords(report, synchrony) : null;
  const summary = synchronyChartSummary(report);
  const paced = report.practices.some((practice) => practice.pacerBreathsPerMin !== null);
  const pair =
    synchrony.kind === 'scored' && report.people.length > 2
      ? `Between ${namesList(synchrony.participantIds.map((id) => personLabel(report, id).replace(/^You$/, 'you')))}.`
      : null;

  return (
    <section class="card report-section" aria-labelledby="report-synchrony-title">
      <h2 id="report-synchrony-title">Moving together</h2>
      <p>{SYNCHRONY_EXPLANATION}</p>
      {pair !== null && <p>{pair}</p>}
      {overall !== null && <p class="report-synchrony-overall">{overall}</p>}
      {lag !== null && <p>{lag}</p>}
      {missing !== null && <p class="notice">{missing}</p>}
      {data !== null && summary !== null && (
        <>
          <p class="report-figure-summary">
            {summary} {SYNCHRONY_TREND_NOTE}
          </p>
          {table !== null ? (
            <ReportTableView table={table} caption="Synchrony, from 0 to 1, by time into the session" format={scoreText} />
          ) : (
            <>
              <TimeChart data={data} bands={props.bands} unit="score, 0 to 1" yRange={SCORE_RANGE} label={`Synchrony over the session. ${summary}`} />
              <ChartKey lines={[]} phases={props.phases} />
            </>
          )}
        </>
      )}
      {paced && <p class="hint">{SYNCHRONY_PACER_NOTE}</p>}
      <p class="hint">{SYNCHRONY_NOT_A_GRADE}</p>
    </section>
  );
}
