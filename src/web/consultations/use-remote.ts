/**
 * Loads something from the server for a consultation screen and keeps it fresh: again every
 * `refreshMs` while the page is visible and whenever it becomes visible again, so a change the
 * other person made shows up without a reload. A failed refresh keeps what was shown.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/http.ts';

/** Where loading stands. */
export type Remote<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: ApiError }
  | { readonly kind: 'ready'; readonly value: T };

/** The loaded value, a way to load again, and a way to put a fresher value in place. */
export interface UseRemote<T> {
  readonly remote: Remote<T>;
  /** Shows "loading" and loads again (after a failure). */
  readonly reload: () => void;
  /** Loads again, keeping what is shown until the answer arrives. */
  readonly refresh: () => void;
  readonly set: (value: T) => void;
}

function apiErrorOf(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unknown', 'Something went wrong. Please try again.');
}

/** Loads with `load` now, after `key` changes, and every `refreshMs` (0: never) while visible. */
export function useRemote<T>(load: () => Promise<T>, key: string, refreshMs = 0): UseRemote<T> {
  const [remote, setRemote] = useState<Remote<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let alive = true;
    const fetchNow = (quiet: boolean) => {
      loadRef.current().then(
        (value) => {
          if (alive) setRemote({ kind: 'ready', value });
        },
        (error: unknown) => {
          if (alive && !quiet) setRemote({ kind: 'failed', error: apiErrorOf(error) });
        },
      );
    };
    fetchNow(false);
    const onVisible = () => {
      if (document.visibilityState === 'visible') fetchNow(true);
    };
    document.addEventListener('visibilitychange', onVisible);
    const timer = refreshMs > 0 ? window.setInterval(onVisible, refreshMs) : undefined;
    return () => {
      alive = false;
      document.removeEventListener('visibilitychange', onVisible);
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [key, attempt, refreshMs]);

  const reload = useCallback(() => {
    setRemote({ kind: 'loading' });
    setAttempt((count) => count + 1);
  }, []);
  const refresh = useCallback(() => {
    setAttempt((count) => count + 1);
  }, []);
  const set = useCallback((value: T) => {
    setRemote({ kind: 'ready', value });
  }, []);
  return { remote, reload, refresh, set };
}

/** The current time on this device, moving on every `everyMs`, for "is the room open yet". */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => {
      setNow(Date.now());
    }, everyMs);
    return () => {
      window.clearInterval(timer);
    };
  }, [everyMs]);
  return now;
}
