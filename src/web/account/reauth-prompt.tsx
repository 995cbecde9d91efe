/**
 * "First, confirm it is you": shown inline where a change to how someone signs in was asked for,
 * when the server wants a fresh proof. A passkey first when the account has one and this browser
 * can use it, else (or also) the password. Once confirmed, the caller runs the change again.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView } from '../../core/protocol/account-api.ts';
import { FormMessage, PasswordField } from './account-fields.tsx';
import { reauthenticateWithPasskey, reauthenticateWithPassword } from './account-api.ts';
import { passkeysSupported } from './passkey-ceremony.ts';
import { failureWords } from './use-guarded-action.ts';

/** The prompt. `idBase` keeps ids unique when several sections could ask. */
export function ReauthPrompt(props: {
  readonly idBase: string;
  readonly account: Pick<AccountView, 'hasPassword' | 'passkeys' | 'signInName'>;
  readonly onConfirmed: () => void;
  readonly onDeclined: () => void;
}) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const canPasskey = props.account.passkeys.length > 0 && passkeysSupported();
  useEffect(() => {
    title.current?.focus();
  }, []);

  const confirm = (proof: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    proof().then(
      () => {
        setBusy(false);
        props.onConfirmed();
      },
      (caught: unknown) => {
        setBusy(false);
        setError(failureWords(caught));
      },
    );
  };

  return (
    <div
      class="account-reauth"
      role="group"
      aria-labelledby={`${props.idBase}-reauth-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) props.onDeclined();
      }}
    >
      <h3 id={`${props.idBase}-reauth-title`} tabIndex={-1} ref={title}>
        First, confirm it is you
      </h3>
      <p class="hint">
        Changes to how you sign in ask for this, so no one else can make them from a device you left signed in. Afterwards the
        change goes ahead by itself.
      </p>
      {canPasskey && (
        <div class="button-row">
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              confirm(reauthenticateWithPasskey);
            }}
          >
            Confirm with a passkey
          </button>
        </div>
      )}
      {props.account.hasPassword && (
        <form
          class="account-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (password === '') {
              setError('Type your password to confirm it is you.');
              return;
            }
            confirm(() => reauthenticateWithPassword(password));
          }}
        >
          <input type="text" class="account-hidden-username" autoComplete="username" value={props.account.signInName} readOnly hidden />
          <PasswordField
            id={`${props.idBase}-reauth-password`}
            label={canPasskey ? 'Or your current password' : 'Your current password'}
            autoComplete="current-password"
            value={password}
            onInput={setPassword}
          />
          <div class="button-row">
            <button type="submit" class={canPasskey ? 'secondary' : undefined} disabled={busy}>
              {busy ? 'Confirming…' : 'Confirm with my password'}
            </button>
          </div>
        </form>
      )}
      {!canPasskey && !props.account.hasPassword && (
        <p>
          This browser cannot use passkeys, and this account has no password. Confirm from a device where your passkey works, or
          sign in again with a recovery code.
        </p>
      )}
      <FormMessage error={error} />
      <div class="button-row">
        <button type="button" class="quiet" disabled={busy} onClick={props.onDeclined}>
          Not now
        </button>
      </div>
    </div>
  );
}
