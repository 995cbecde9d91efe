/**
 * Settings: set a password (a second way in, for devices where passkeys do not work) or change
 * it. The only guidance is the length and a tip; paste is welcome. May first ask "confirm it is
 * you", then saves by itself.
 */
import { useState } from 'preact/hooks';
import type { AccountView } from '../../core/protocol/account-api.ts';
import { Disclosure, FormMessage, PasswordField } from './account-fields.tsx';
import { passwordSet } from './account-api.ts';
import { PASSWORD_HINT } from './account-words.ts';
import { ReauthPrompt } from './reauth-prompt.tsx';
import { useGuardedAction } from './use-guarded-action.ts';

/** The section. */
export function PasswordSection(props: { readonly account: AccountView; readonly onChanged: () => void }) {
  const { account } = props;
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const saving = useGuardedAction();

  const save = (event: Event) => {
    event.preventDefault();
    if (password === '') {
      setProblem(`Type the new password. ${PASSWORD_HINT}`);
      document.getElementById('new-password')?.focus();
      return;
    }
    setStatus(null);
    const hadPassword = account.hasPassword;
    saving.run(
      () => passwordSet(password),
      () => {
        setPassword('');
        setOpen(false);
        setStatus(hadPassword ? 'Your new password is saved.' : 'Your password is saved. You can sign in with it from now on.');
        props.onChanged();
      },
    );
  };

  return (
    <section class="card account-section" aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <p>
        {account.hasPassword
          ? 'You can sign in with your password as well as with a passkey.'
          : 'You have no password: you sign in with a passkey. A password gives you a second way in, for devices where passkeys do not work.'}
      </p>
      <Disclosure
        id="password-form"
        label={account.hasPassword ? 'Change your password' : 'Set a password'}
        open={open}
        onToggle={(next) => {
          setOpen(next);
          if (!next) saving.proofDeclined();
        }}
      >
        <form class="account-form" noValidate onSubmit={save}>
          <input type="text" class="account-hidden-username" autoComplete="username" value={account.signInName} readOnly hidden />
          <PasswordField
            id="new-password"
            label={account.hasPassword ? 'New password' : 'Password'}
            autoComplete="new-password"
            hint={PASSWORD_HINT}
            value={password}
            problem={problem}
            onInput={(value) => {
              setPassword(value);
              setProblem(null);
            }}
          />
          <div class="button-row">
            <button type="submit" disabled={saving.busy || saving.askingProof}>
              {saving.busy ? 'Saving…' : 'Save the password'}
            </button>
          </div>
        </form>
        {saving.askingProof && (
          <ReauthPrompt idBase="password" account={account} onConfirmed={saving.proofGiven} onDeclined={saving.proofDeclined} />
        )}
      </Disclosure>
      <FormMessage error={saving.error} status={status} />
    </section>
  );
}
