/** Why a report could not be shown, in plain sentences, and whether trying again could help. */
import { ApiError } from '../api/http.ts';

/** A problem as the report screen shows it. */
export interface ReportProblem {
  readonly title: string;
  readonly message: string;
  readonly canRetry: boolean;
}

/** The problem for a failed report request. */
export function reportProblem(error: unknown): ReportProblem {
  const status = error instanceof ApiError ? error.status : -1;
  if (status === 401) {
    return {
      title: "This report can't be opened here",
      message: 'A report opens on the device you took part from. If you joined with an invite link, open the report on that device.',
      canRetry: false,
    };
  }
  if (status === 403) {
    return {
      title: "This report can't be opened here",
      message: 'Only the people who were in this session can see its report.',
      canRetry: false,
    };
  }
  if (status === 404) {
    return {
      title: 'This session could not be found',
      message: 'It may have been deleted, or the link may be incomplete.',
      canRetry: false,
    };
  }
  if (status === 0) {
    return {
      title: "The report can't be loaded right now",
      message: 'Attune could not be reached. Check your connection, then try again.',
      canRetry: true,
    };
  }
  return {
    title: "The report can't be loaded right now",
    message: error instanceof ApiError ? error.message : 'Something went wrong. Please try again.',
    canRetry: true,
  };
}
