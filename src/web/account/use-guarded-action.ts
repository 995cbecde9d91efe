/**
 * Running an account change that may first need "confirm it is you": the action runs; if the
 * server answers `reauthentication_needed`, the form asks (inline, where the person already is),
 * and once they have confirmed, the same action runs again by itself. Other failures are shown
 * as the server wrote them. Nothing typed is cleared along the way.
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import { ACCOUNT_ERROR_CODES } from '../../core/protocol/account-api.ts';
import { ApiError } from '../api/http.ts';
import { accountMessageOf } from './account-words.ts';

/** A sentence for any failure: the server's own, or a calm general one. */
export function failureWords(caught: unknown): string {
  return caught instanceof ApiError ? accountMessageOf(caught) : 'Something went wrong. Please try again.';
}

/** Whether a failure asks the person to confirm it is them first. */
export function needsProof(caught: unknown): boolean {
  return caught instanceof ApiError && caught.code === ACCOUNT_ERROR_CODES.reauthenticationNeeded;
}

/** One guarded action's state and controls. */
export interface GuardedAction {
  readonly busy: boolean;
  readonly error: string | null;
  /** True while the "confirm it is you" step is showing. */
  readonly askingProof: boolean;
  /** Runs `action`; `onDone` after it succeeds (also after a retry). */
  readonly run: (action: () => Promise<void>, onDone?: () => void) => void;
  /** The person confirmed it is them: run the waiting action again. */
  readonly proofGiven: () => void;
  /** The person chose not to confirm: drop the waiting action. */
  readonly proofDeclined: () => void;
  /** Forgets a shown error (for example when the form is closed). */
  readonly errorClear: () => void;
}

/** The hook. */
export function useGuardedAction(): GuardedAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [askingProof, setAskingProof] = useState(false);
  const waiting = useRef<{ action: () => Promise<void>; onDone: (() => void) | undefined } | null>(null);

  const run = useCallback((action: () => Promise<void>, onDone?: () => void) => {
    setBusy(true);
    setError(null);
    action().then(
      () => {
        setBusy(false);
        waiting.current = null;
        onDone?.();
      },
      (caught: unknown) => {
        setBusy(false);
        if (needsProof(caught)) {
          waiting.current = { action, onDone };
          setAskingProof(true);
          return;
        }
        setError(failureWords(caught));
      },
    );
  }, []);

  const proofGiven = useCallback(() => {
    setAskingProof(false);
    const next = waiting.current;
    if (next !== null) run(next.action, next.onDone);
  }, [run]);

  const proofDeclined = useCallback(() => {
    setAskingProof(false);
    waiting.current = null;
  }, []);

  const errorClear = useCallback(() => {
    setError(null);
  }, []);

  return { busy, error, askingProof, run, proofGiven, proofDeclined, errorClear };
}
