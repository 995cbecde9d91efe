/**
 * One picture on the progress page: its heading, the sentence saying what it shows, then the chart
 * with its key, or the same numbers as a table when the person asked for tables.
 */
import { ProgressChart } from './progress-chart.tsx';
import type { ProgressChartData } from './progress-series.ts';
import type { ProgressTable } from './progress-table-rows.ts';

/** The key under a chart: a swatch in the chart's own colour and pattern beside each series' words. */
function ChartKey(props: { data: ProgressChartData }) {
  const shape = props.data.kind === 'lines' ? 'line' : 'bar';
  return (
    <ul class="progress-key">
      {props.data.series.map((series) => (
        <li key={series.label}>
          <span class={`progress-swatch progress-swatch--${shape} progress-style-${String((series.styleIndex % 5) + 1)}`} aria-hidden="true" />
          {series.label}
        </li>
      ))}
    </ul>
  );
}

/** A table of a chart's numbers, scrollable sideways on a narrow screen (and by keyboard). */
export function ProgressTableView(props: { table: ProgressTable }) {
  const { table } = props;
  return (
    <div class="progress-table-scroll" role="region" aria-label={`${table.caption}, as a table`} tabIndex={0}>
      <table class="progress-table">
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{table.rowHeading}</th>
            {table.columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.head}>
              <th scope="row">{row.head}</th>
              {row.cells.map((cell, index) => (
                <td key={table.columns[index] ?? index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What one figure shows. */
export interface ProgressFigureProps {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly chart: ProgressChartData | null;
  readonly table: ProgressTable;
  readonly showTable: boolean;
}

/** The figure; with nothing to draw it shows only its sentence, which already says so. */
export function ProgressFigure(props: ProgressFigureProps) {
  const headingId = `progress-${props.id}-title`;
  return (
    <section class="progress-figure" aria-labelledby={headingId}>
      <h3 id={headingId}>{props.title}</h3>
      <p class="progress-figure-summary">{props.summary}</p>
      {props.chart !== null && props.showTable && <ProgressTableView table={props.table} />}
      {props.chart !== null && !props.showTable && (
        <>
          <ProgressChart data={props.chart} label={`${props.title}. ${props.summary}`} />
          <ChartKey data={props.chart} />
        </>
      )}
    </section>
  );
}
