/**
 * The report's calls to the server: read it, download its beat-to-beat intervals, forget the
 * viewer's own body data, and delete the whole session. Failures are `ApiError`s with a sentence.
 */
import { ApiError, apiCall } from '../api/http.ts';
import { sessionReportSchema, type ReceivedReport } from './report-schema.ts';

const base = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;

/** The report as this person may see it. */
export function reportFetch(sessionId: string): Promise<ReceivedReport> {
  return apiCall(`${base(sessionId)}/report`, sessionReportSchema);
}

/** Where the CSV of beat-to-beat intervals is downloaded from. */
export function rrCsvUrl(sessionId: string): string {
  return `${base(sessionId)}/report/rr.csv`;
}

interface ErrorBody {
  readonly error?: { readonly code?: string; readonly message?: string };
}

/** A DELETE that answers 204; throws `ApiError` with the server's sentence otherwise. */
async function deleteCall(path: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { method: 'DELETE', credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'offline', 'Attune could not be reached. Check your connection and try again.');
  }
  if (response.ok) return;
  const body: unknown = await response.json().catch(() => ({}));
  const error = (body as ErrorBody).error;
  throw new ApiError(response.status, error?.code ?? 'unknown', error?.message ?? 'Something went wrong. Please try again.');
}

/** Deletes the viewer's own stored samples from this session. */
export function mySignalsForget(sessionId: string): Promise<void> {
  return deleteCall(`${base(sessionId)}/signals/mine`);
}

/** Deletes the whole session for everyone (host only, once it has ended). */
export function sessionDelete(sessionId: string): Promise<void> {
  return deleteCall(base(sessionId));
}
