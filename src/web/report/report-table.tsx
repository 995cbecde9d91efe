/**
 * A chart's numbers as a table: one row per stretch of the session, a column per person, and the
 * practice last, where it can wrap, so the numbers stay in view on a phone.
 */
import type { ReportTable, TableRow } from './report-table-rows.ts';
import { offsetClock } from './report-time.ts';

function timeWords(row: TableRow): string {
  return `${offsetClock(row.fromMs)} to ${offsetClock(row.toMs)}`;
}

/** The table, scrollable sideways on a narrow screen (and reachable by keyboard to do so). */
export function ReportTableView(props: { table: ReportTable; caption: string; format: (value: number) => string }) {
  const { table } = props;
  return (
    <div class="report-table-scroll" role="region" aria-label={props.caption} tabIndex={0}>
      <table class="report-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time in</th>
            {table.columns.map((column) => (
              <th scope="col" key={column} class="report-table-number">
                {column}
              </th>
            ))}
            <th scope="col" class="report-table-practice">
              Practice
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.fromMs}>
              <th scope="row">{timeWords(row)}</th>
              {row.values.map((value, index) => (
                <td key={table.columns[index] ?? index} class="report-table-number">
                  {value === null ? <span class="report-table-none">no reading</span> : props.format(value)}
                </td>
              ))}
              <td class="report-table-practice">{row.practice ?? <span class="report-table-none">No practice</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
