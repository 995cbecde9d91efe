/**
 * `/account/sign-in`: a passkey first (one button; the passkey knows whose it is), a password as
 * the fallback on the same page, and a recovery code for someone who lost both. The server's
 * sentence is shown as it comes, and nothing typed is ever cleared by a failed try.
 */
import { useState } from 'preact/hooks';
import { AppLink } from '../components/app-link.tsx';
import { navigate } from '../router.ts';
import { Disclosure, FormMessage, PasswordField, SignInNameField, TextField } from '../account/account-fields.tsx';
import { PasskeyButton, signInNameProblem } from '../account/account-intro.tsx';
import { signInWithPasskey, signInWithPassword, signInWithRecoveryCode } from '../account/account-api.ts';
import { ACCOUNT_PATH, CREATE_ACCOUNT_PATH, accountNextPathOf, accountPathWithNext } from '../account/account-routes.ts';
import { PASSKEYS_UNAVAILABLE } from '../account/account-words.ts';
import { accountNoticeLeave, accountNoticeTake, identityRefresh, signedInAccount, useIdentity } from '../account/identity-store.ts';
import { passkeysSupported } from '../account/passkey-ceremony.ts';
import { failureWords } from '../account/use-guarded-action.ts';
import '../session/session-forms.css';
import '../account/account.css';

type Way = 'passkey' | 'password' | 'recovery';

/** The screen. */
export default function AccountSignInScreen() {
  const identity = useIdentity();
  const supported = passkeysSupported();
  const next = accountNextPathOf(window.location.search, '/');
  const [notice] = useState(accountNoticeTake);
  const [passwordOpen, setPasswordOpen] = useState(!supported);
  const [recoveryOpen, setRecoveryOpen] = useState(false);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState<Way | null>(null);
  const [error, setError] = useState<{ way: Way; text: string } | null>(null);
  const [problems, setProblems] = useState<{ name?: string; password?: string; code?: string }>({});

  const signIn = (way: Way, attempt: () => Promise<void>) => {
    setBusy(way);
    setError(null);
    attempt()
      .then(() => identityRefresh())
      .then(
        () => {
          if (way === 'recovery') {
            accountNoticeLeave(
              'You signed in with a recovery code, so that code will not work again. If your passkey or password is lost, add a new one below, so you have a way in again.',
            );
            navigate(next === '/' ? ACCOUNT_PATH : next);
            return;
          }
          navigate(next);
        },
        (caught: unknown) => {
          setBusy(null);
          setError({ way, text: failureWords(caught) });
        },
      );
  };

  const nameChecked = (): boolean => {
    const problem = signInNameProblem(name);
    setProblems((before) => ({ ...before, name: problem ?? undefined }));
    if (problem !== null) document.getElementById(recoveryOpen && !passwordOpen ? 'recovery-name' : 'sign-in-name')?.focus();
    return problem === null;
  };

  const account = signedInAccount(identity);
  if (account !== null) {
    return (
      <section class="screen account" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in</h1>
        {notice !== null && <p class="notice">{notice}</p>}
        <p>
          You are signed in as <strong>{account.displayName}</strong> on this device.
        </p>
        <div class="button-row">
          <AppLink class="button" href={ACCOUNT_PATH}>
            Your account
          </AppLink>
          <AppLink class="button quiet" href="/">
            Back to the start
          </AppLink>
        </div>
      </section>
    );
  }

  const nameField = (id: string) => (
    <SignInNameField
      id={id}
      value={name}
      problem={problems.name}
      onInput={(value) => {
        setName(value);
        if (problems.name !== undefined) setProblems((before) => ({ ...before, name: undefined }));
      }}
    />
  );

  return (
    <section class="screen account" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      {notice !== null && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <p>Welcome back. Signing in brings your sessions, relationships and reflections to this device.</p>

      <div class="card account-main-way">
        {supported ? (
          <>
            <PasskeyButton
              type="button"
              busy={busy === 'passkey'}
              disabled={busy !== null}
              onClick={() => {
                signIn('passkey', signInWithPasskey);
              }}
            >
              Sign in with a passkey
            </PasskeyButton>
            <p class="hint">Your device asks for its screen lock, fingerprint or face. You don’t need to type anything.</p>
            <FormMessage error={error?.way === 'passkey' ? error.text : null} />
          </>
        ) : (
          <p>{PASSKEYS_UNAVAILABLE}</p>
        )}
      </div>

      <div class="account-other-ways">
        <Disclosure id="sign-in-password" label="Use a password instead" open={passwordOpen} onToggle={setPasswordOpen}>
          <form
            class="account-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (!nameChecked()) return;
              if (password === '') {
                setProblems((before) => ({ ...before, password: 'Type your password.' }));
                document.getElementById('sign-in-current-password')?.focus();
                return;
              }
              signIn('password', () => signInWithPassword(name, password));
            }}
          >
            {nameField('sign-in-name')}
            <PasswordField
              id="sign-in-current-password"
              label="Password"
              autoComplete="current-password"
              value={password}
              problem={problems.password}
              onInput={(value) => {
                setPassword(value);
                if (problems.password !== undefined) setProblems((before) => ({ ...before, password: undefined }));
              }}
            />
            <FormMessage error={error?.way === 'password' ? error.text : null} />
            <div class="button-row">
              <button type="submit" disabled={busy !== null}>
                {busy === 'password' ? 'Signing in…' : 'Sign in with my password'}
              </button>
            </div>
          </form>
        </Disclosure>

        <Disclosure id="sign-in-recovery" label="Lost your passkey and password?" open={recoveryOpen} onToggle={setRecoveryOpen}>
          <p>
            Use one of the recovery codes you saved when you made your account. Each code works once. Once you are in, you can add a
            new passkey or set a new password.
          </p>
          <form
            class="account-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (!nameChecked()) return;
              if (code.trim() === '') {
                setProblems((before) => ({ ...before, code: 'Type one of your recovery codes.' }));
                document.getElementById('recovery-code')?.focus();
                return;
              }
              signIn('recovery', () => signInWithRecoveryCode(name, code));
            }}
          >
            {passwordOpen ? (
              <p class="hint">Using the sign-in name typed above.</p>
            ) : (
              nameField('recovery-name')
            )}
            <TextField
              id="recovery-code"
              label="Recovery code"
              value={code}
              autoComplete="one-time-code"
              verbatim
              maxLength={64}
              problem={problems.code}
              hint="Spaces and dashes are fine."
              onInput={(value) => {
                setCode(value);
                if (problems.code !== undefined) setProblems((before) => ({ ...before, code: undefined }));
              }}
            />
            <FormMessage error={error?.way === 'recovery' ? error.text : null} />
            <div class="button-row">
              <button type="submit" disabled={busy !== null}>
                {busy === 'recovery' ? 'Signing in…' : 'Sign in with a recovery code'}
              </button>
            </div>
          </form>
          <p class="hint">No codes left either? You can still practise here without an account, and create a new one whenever you like.</p>
        </Disclosure>
      </div>

      <div class="card">
        <h2>New here?</h2>
        <p>
          You don’t need an account to practise. An account keeps your history and lets you come back to it from any device.
        </p>
        <AppLink class="button secondary" href={accountPathWithNext(CREATE_ACCOUNT_PATH, next)}>
          Create an account
        </AppLink>
      </div>
    </section>
  );
}
