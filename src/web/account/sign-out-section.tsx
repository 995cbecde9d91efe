/**
 * Settings: sign out on this device, or everywhere (every device signed in to this account, this
 * one included: for a phone that is lost, or a computer that was shared).
 */
import { useState } from 'preact/hooks';
import { navigate } from '../router.ts';
import { FormMessage } from './account-fields.tsx';
import { signOut, signOutEverywhere } from './account-api.ts';
import { SIGN_IN_PATH } from './account-routes.ts';
import { accountNoticeLeave, identityRefresh } from './identity-store.ts';
import { failureWords } from './use-guarded-action.ts';

type Which = 'here' | 'everywhere';

/** The section. */
export function SignOutSection() {
  const [busy, setBusy] = useState<Which | null>(null);
  const [error, setError] = useState<string | null>(null);

  const leave = (which: Which) => {
    setBusy(which);
    setError(null);
    (which === 'here' ? signOut() : signOutEverywhere())
      .then(() => identityRefresh())
      .then(
        () => {
          accountNoticeLeave(
            which === 'here'
              ? 'You are signed out on this device.'
              : 'You are signed out on every device, this one included.',
          );
          navigate(SIGN_IN_PATH);
        },
        (caught: unknown) => {
          setBusy(null);
          setError(failureWords(caught));
        },
      );
  };

  return (
    <section class="card account-section" aria-labelledby="sign-out-heading">
      <h2 id="sign-out-heading">Signing out</h2>
      <div class="button-row">
        <button
          type="button"
          class="secondary"
          disabled={busy !== null}
          onClick={() => {
            leave('here');
          }}
        >
          {busy === 'here' ? 'Signing out…' : 'Sign out'}
        </button>
        <button
          type="button"
          class="quiet"
          disabled={busy !== null}
          aria-describedby="sign-out-everywhere-hint"
          onClick={() => {
            leave('everywhere');
          }}
        >
          {busy === 'everywhere' ? 'Signing out…' : 'Sign out everywhere'}
        </button>
      </div>
      <p class="hint" id="sign-out-everywhere-hint">
        “Sign out everywhere” signs out every phone, computer and browser where this account is signed in, this one included. Useful
        for a lost phone or a shared computer.
      </p>
      <FormMessage error={error} />
    </section>
  );
}
