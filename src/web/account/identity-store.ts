/**
 * Who this device is to the server, shared by the header, home and the account screens, so that
 * signing in or out anywhere shows everywhere at once. Read on first use, when the tab comes back
 * into view (a sign-out elsewhere may have ended this one), and after every sign-in or sign-out.
 */
import { useEffect, useState } from 'preact/hooks';
import { z } from 'zod';
import { ApiError, apiCall } from '../api/http.ts';

const identitySchema = z.object({
  id: z.string(),
  displayName: z.string(),
  kind: z.enum(['guest', 'account']),
});

/** Who this device is: a guest (a name, no sign-in) or an account. */
export type Identity = z.output<typeof identitySchema>;

/** What is known about this device's identity so far. */
export type IdentityState =
  | { readonly status: 'loading' }
  | { readonly status: 'none' }
  | { readonly status: 'unreachable' }
  | { readonly status: 'known'; readonly identity: Identity };

let current: IdentityState = { status: 'loading' };
let inFlight: Promise<IdentityState> | null = null;
let started = false;
const listeners = new Set<(state: IdentityState) => void>();

function publish(state: IdentityState): void {
  current = state;
  for (const listener of listeners) listener(state);
}

/** Asks the server again who this device is, and tells every screen. */
export function identityRefresh(): Promise<IdentityState> {
  inFlight ??= apiCall('/api/identity', identitySchema)
    .then(
      (identity): IdentityState => ({ status: 'known', identity }),
      (error: unknown): IdentityState =>
        error instanceof ApiError && (error.status === 401 || error.status === 403)
          ? { status: 'none' }
          : // Keep what was known through a passing connection problem.
            current.status === 'known'
            ? current
            : { status: 'unreachable' },
    )
    .then((state) => {
      inFlight = null;
      publish(state);
      return state;
    });
  return inFlight;
}

function refreshWhenVisible(): void {
  if (document.visibilityState === 'visible') void identityRefresh();
}

/** This device's identity, kept current. */
export function useIdentity(): IdentityState {
  const [state, setState] = useState<IdentityState>(current);
  useEffect(() => {
    listeners.add(setState);
    setState(current);
    if (!started) {
      started = true;
      document.addEventListener('visibilitychange', refreshWhenVisible);
      void identityRefresh();
    }
    return () => {
      listeners.delete(setState);
    };
  }, []);
  return state;
}

/** The identity when it is an account, else null. */
export function signedInAccount(state: IdentityState): Identity | null {
  return state.status === 'known' && state.identity.kind === 'account' ? state.identity : null;
}

/** The identity when it is a guest, else null. */
export function guestIdentity(state: IdentityState): Identity | null {
  return state.status === 'known' && state.identity.kind === 'guest' ? state.identity : null;
}

let notice: string | null = null;

/** Leaves a sentence for the next account screen to show once ("You are signed out …"). */
export function accountNoticeLeave(sentence: string): void {
  notice = sentence;
}

/** Takes the sentence left for this screen, if any (it is shown once). */
export function accountNoticeTake(): string | null {
  const taken = notice;
  notice = null;
  return taken;
}
