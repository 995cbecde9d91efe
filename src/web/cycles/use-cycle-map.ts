/**
 * The cycle map while its screen is open: read once, then looked at again every few seconds while
 * the page is visible and at once when it comes back into view, so a partner's "done" and the
 * reveal reach both people without a reload. Commands answer with the map as it is after them.
 * A reply that left before a newer one is dropped, so a slow poll never undoes a tap.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CycleMapCommand } from '../../core/cycles/index.ts';
import { ApiError } from '../api/http.ts';
import {
  cycleCommandSend,
  cycleMapFetch,
  type CycleCommandOutcome,
  type ReceivedCycleMap,
} from './cycle-api.ts';

/** How often an open, visible map is looked at again. */
export const CYCLE_POLL_INTERVAL_MS = 4_000;

/** The map as loaded so far. */
export type CycleMapLoad =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: ApiError }
  | { readonly kind: 'ready'; readonly map: ReceivedCycleMap | null };

const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError
    ? error
    : new ApiError(0, 'unknown', 'Something went wrong. Please try again.');

/** The map, a way to send a command, and a way to look again now. */
export function useCycleMap(relationshipId: string) {
  const [load, setLoad] = useState<CycleMapLoad>({ kind: 'loading' });
  const started = useRef(0);
  const applied = useRef(0);
  const fetching = useRef(false);

  /** Applies a reply if nothing newer has been applied since it left. */
  const apply = useCallback((startedAt: number, next: CycleMapLoad) => {
    if (startedAt <= applied.current) return;
    applied.current = startedAt;
    // A failed look after a good one keeps the map on screen; the next poll will try again.
    setLoad((before) =>
      next.kind === 'failed' && before.kind === 'ready' && next.error.status === 0 ? before : next,
    );
  }, []);

  const refresh = useCallback(async () => {
    if (fetching.current) return;
    fetching.current = true;
    started.current += 1;
    const startedAt = started.current;
    try {
      apply(startedAt, { kind: 'ready', map: await cycleMapFetch(relationshipId) });
    } catch (error) {
      apply(startedAt, { kind: 'failed', error: asApiError(error) });
    } finally {
      fetching.current = false;
    }
  }, [relationshipId, apply]);

  const send = useCallback(
    async (command: CycleMapCommand): Promise<CycleCommandOutcome> => {
      started.current += 1;
      const startedAt = started.current;
      try {
        const reply = await cycleCommandSend(relationshipId, command);
        apply(startedAt, { kind: 'ready', map: reply.map });
        return reply.outcome;
      } catch (error) {
        const apiError = asApiError(error);
        return { ok: false, code: apiError.code, message: apiError.message };
      }
    },
    [relationshipId, apply],
  );

  useEffect(() => {
    void refresh();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const schedule = () => {
      timer = setTimeout(() => {
        if (document.visibilityState === 'visible') void refresh();
        schedule();
      }, CYCLE_POLL_INTERVAL_MS);
    };
    schedule();
    const lookNow = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', lookNow);
    window.addEventListener('focus', lookNow);
    return () => {
      if (timer !== null) clearTimeout(timer);
      document.removeEventListener('visibilitychange', lookNow);
      window.removeEventListener('focus', lookNow);
    };
  }, [refresh]);

  return { load, send, refresh };
}
