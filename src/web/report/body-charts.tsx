/**
 * Heart rate and breathing over the session, one chart each, with the practices shaded; or, on
 * request, the same as tables. A sentence above each says what the picture shows.
 */
import { useMemo } from 'preact/hooks';
import type { SessionReport } from '../../core/report/session-report.ts';
import { ChartKey } from './chart-key.tsx';
import { metricChartData, type PhaseBand, type SignalMetric } from './chart-series.ts';
import { METRIC_WORDS, metricChartSummary, metricValueText } from './metric-words.ts';
import { ReportTableView } from './report-table.tsx';
import { metricTable } from './report-table-rows.ts';
import { TimeChart } from './time-chart.tsx';

/** One metric: its heading, its summary, and the chart or the table. */
export function MetricFigure(props: {
  report: SessionReport;
  metric: SignalMetric;
  bands: readonly PhaseBand[];
  phases: string | null;
  showTable: boolean;
}) {
  const { report, metric, showTable } = props;
  const words = METRIC_WORDS[metric];
  const data = useMemo(() => metricChartData(report, metric), [report, metric]);
  const table = useMemo(() => (showTable ? metricTable(report, metric) : null), [report, metric, showTable]);
  const summary = metricChartSummary(metric, data);
  const headingId = `report-${metric}-title`;
  return (
    <section class="report-figure" aria-labelledby={headingId}>
      <h3 id={headingId}>{words.title}</h3>
      <p class="report-figure-summary">{summary}</p>
      {data.lines.length > 0 && table !== null && (
        <ReportTableView
          table={table}
          caption={`${words.title}: each person's average in ${words.unit}, by time into the session`}
          format={(value) => metricValueText(metric, value)}
        />
      )}
      {data.lines.length > 0 && table === null && (
        <>
          <TimeChart data={data} bands={props.bands} unit={words.unit} label={`${words.title} over the session. ${summary}`} />
          <ChartKey lines={data.lines} phases={props.phases} />
        </>
      )}
    </section>
  );
}
