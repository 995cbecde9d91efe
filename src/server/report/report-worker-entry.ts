/**
 * The worker side of `ReportBuilder`: builds reports (or a session's progress summary, which
 * needs the report's synchrony) off the main thread, one at a time.
 */
import { parentPort } from 'node:worker_threads';
import { buildSessionReport, type SessionReportInput } from '../../core/report/build-session-report.ts';
import { sessionBodySummary } from '../../core/report/session-body-summary.ts';

parentPort?.on('message', (request: { id: number; input: SessionReportInput; want: 'report' | 'summary' }) => {
  try {
    const report = buildSessionReport(request.input);
    const value = request.want === 'summary' ? sessionBodySummary(report, request.input.rows) : report;
    parentPort?.postMessage({ id: request.id, ok: true, value });
  } catch (error) {
    parentPort?.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
