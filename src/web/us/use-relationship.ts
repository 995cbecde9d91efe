/**
 * One relationship while its screen is open: read on arrival and again whenever the page comes
 * back into view (someone may have joined or left meanwhile).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { RelationshipView } from '../../core/protocol/between-us-api.ts';
import { ApiError } from '../api/http.ts';
import { relationshipFetch } from './us-api.ts';

/** The relationship as loaded so far. */
export type RelationshipLoad =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: ApiError }
  | { readonly kind: 'ready'; readonly relationship: RelationshipView };

/** Whether a failure means "not yours (any more)" rather than "try again". */
export function relationshipIsGone(error: ApiError): boolean {
  return error.status === 403 || error.status === 404;
}

/** The relationship and a way to read it again. */
export function useRelationship(relationshipId: string) {
  const [load, setLoad] = useState<RelationshipLoad>({ kind: 'loading' });
  const refresh = useCallback(async () => {
    try {
      const relationship = await relationshipFetch(relationshipId);
      setLoad({ kind: 'ready', relationship });
    } catch (error) {
      const apiError =
        error instanceof ApiError
          ? error
          : new ApiError(0, 'unknown', 'Something went wrong. Please try again.');
      // Keep what is on screen through a passing connection problem.
      setLoad((before) =>
        before.kind === 'ready' && apiError.status === 0
          ? before
          : { kind: 'failed', error: apiError },
      );
    }
  }, [relationshipId]);
  useEffect(() => {
    void refresh();
    const lookNow = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', lookNow);
    return () => {
      document.removeEventListener('visibilitychange', lookNow);
    };
  }, [refresh]);
  return { load, refresh };
}
