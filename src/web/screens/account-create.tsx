/**
 * `/account/create`: a name others see, a sign-in name, and a passkey (the main button) or a
 * password (disclosed on the same page). A guest keeps the same identity and everything done so
 * far. Then the recovery codes, shown this once, and an explicit "I have saved them".
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RegisteredAnswer } from '../../core/protocol/account-api.ts';
import { DISPLAY_NAME_MAX_CHARS } from '../../core/protocol/commands.ts';
import { AppLink } from '../components/app-link.tsx';
import { navigate } from '../router.ts';
import { Disclosure, FormMessage, PasswordField, SignInNameField, TextField } from '../account/account-fields.tsx';
import { PasskeyButton, displayNameProblem, signInNameProblem } from '../account/account-intro.tsx';
import { accountRegisterWithPasskey, accountRegisterWithPassword } from '../account/account-api.ts';
import { ACCOUNT_PATH, SIGN_IN_PATH, accountNextPathOf, accountPathWithNext } from '../account/account-routes.ts';
import { PASSKEYS_UNAVAILABLE, PASSKEY_EXPLAINED, PASSWORD_HINT } from '../account/account-words.ts';
import { guestIdentity, identityRefresh, signedInAccount, useIdentity } from '../account/identity-store.ts';
import { passkeysSupported } from '../account/passkey-ceremony.ts';
import { RecoveryCodes } from '../account/recovery-codes.tsx';
import { failureWords } from '../account/use-guarded-action.ts';
import '../session/session-forms.css';
import '../account/account.css';

type Way = 'passkey' | 'password';
type Problems = { displayName?: string; signInName?: string; password?: string };

/** The screen. */
export default function AccountCreateScreen() {
  const identity = useIdentity();
  const supported = passkeysSupported();
  const next = accountNextPathOf(window.location.search, ACCOUNT_PATH);
  const guest = guestIdentity(identity);
  const [displayName, setDisplayName] = useState('');
  const [signInName, setSignInName] = useState('');
  const [password, setPassword] = useState('');
  const [passwordOpen, setPasswordOpen] = useState(!supported);
  const [busy, setBusy] = useState<Way | null>(null);
  const [error, setError] = useState<{ way: Way; text: string } | null>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [registered, setRegistered] = useState<RegisteredAnswer | null>(null);
  const nameTouched = useRef(false);

  // A guest's name is already known: offer it, unless they have started typing another.
  useEffect(() => {
    if (guest !== null && !nameTouched.current) setDisplayName(guest.displayName);
  }, [guest?.displayName]);

  if (registered !== null) {
    return (
      <section class="screen account" aria-label="Your account is ready">
        <RecoveryCodes
          codes={registered.recoveryCodes}
          signInName={registered.account.signInName}
          headingLevel={1}
          title="Your account is ready: save your recovery codes"
          onSaved={() => {
            navigate(next);
          }}
        />
      </section>
    );
  }

  const account = signedInAccount(identity);
  if (account !== null) {
    return (
      <section class="screen account" aria-labelledby="create-title">
        <h1 id="create-title">Create an account</h1>
        <p>
          You are signed in as <strong>{account.displayName}</strong>. To create a different account, sign out first from your
          account page.
        </p>
        <div class="button-row">
          <AppLink class="button" href={ACCOUNT_PATH}>
            Your account
          </AppLink>
        </div>
      </section>
    );
  }

  /** Checks the two names; focuses the first with a problem. */
  const namesChecked = (): boolean => {
    const found: Problems = {
      displayName: displayNameProblem(displayName) ?? undefined,
      signInName: signInNameProblem(signInName) ?? undefined,
    };
    setProblems((before) => ({ ...before, ...found }));
    const first = found.displayName !== undefined ? 'create-display-name' : found.signInName !== undefined ? 'create-sign-in-name' : null;
    if (first !== null) document.getElementById(first)?.focus();
    return first === null;
  };

  const create = (way: Way) => {
    if (!namesChecked()) return;
    if (way === 'password' && password === '') {
      setProblems((before) => ({ ...before, password: 'Choose a password. ' + PASSWORD_HINT }));
      document.getElementById('create-new-password')?.focus();
      return;
    }
    const details = { signInName: signInName.trim(), displayName: displayName.trim() };
    setBusy(way);
    setError(null);
    const attempt = way === 'passkey' ? accountRegisterWithPasskey(details) : accountRegisterWithPassword(details, password);
    attempt.then(
      (answer) => {
        setBusy(null);
        setRegistered(answer);
        void identityRefresh();
      },
      (caught: unknown) => {
        setBusy(null);
        setError({ way, text: failureWords(caught) });
      },
    );
  };

  const clearProblem = (field: keyof Problems) => {
    if (problems[field] !== undefined) setProblems((before) => ({ ...before, [field]: undefined }));
  };

  return (
    <section class="screen account" aria-labelledby="create-title">
      <h1 id="create-title">Create an account</h1>
      {guest !== null ? (
        <p class="notice">
          You have been practising here as <strong>{guest.displayName}</strong>. Creating an account keeps everything you have done
          so far, on this device and any other you sign in on.
        </p>
      ) : (
        <p>An account keeps your sessions, relationships and reflections, and lets you come back to them from any device.</p>
      )}
      <form
        class="account-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          create(passwordOpen || !supported ? 'password' : 'passkey');
        }}
      >
        <TextField
          id="create-display-name"
          label="Your name"
          hint="The name the people you practise with see. A first name or a nickname is plenty."
          autoComplete="nickname"
          maxLength={DISPLAY_NAME_MAX_CHARS}
          value={displayName}
          problem={problems.displayName}
          onInput={(value) => {
            nameTouched.current = true;
            setDisplayName(value);
            clearProblem('displayName');
          }}
        />
        <SignInNameField
          id="create-sign-in-name"
          hint="What you type to sign in, kept apart from your name. Letters, digits and . _ @ + - with no spaces."
          value={signInName}
          problem={problems.signInName}
          onInput={(value) => {
            setSignInName(value);
            clearProblem('signInName');
          }}
        />

        <div class="card account-main-way">
          {supported ? (
            <>
              <p class="hint">{PASSKEY_EXPLAINED}</p>
              <PasskeyButton
                type={passwordOpen ? 'button' : 'submit'}
                busy={busy === 'passkey'}
                disabled={busy !== null}
                onClick={
                  passwordOpen
                    ? () => {
                        create('passkey');
                      }
                    : undefined
                }
              >
                Create with a passkey
              </PasskeyButton>
              <FormMessage error={error?.way === 'passkey' ? error.text : null} />
            </>
          ) : (
            <p>{PASSKEYS_UNAVAILABLE}</p>
          )}
        </div>

        <Disclosure id="create-password" label="Use a password instead" open={passwordOpen} onToggle={setPasswordOpen}>
          <div class="account-form">
            <PasswordField
              id="create-new-password"
              label="Password"
              autoComplete="new-password"
              hint={PASSWORD_HINT}
              value={password}
              problem={problems.password}
              onInput={(value) => {
                setPassword(value);
                clearProblem('password');
              }}
            />
            <FormMessage error={error?.way === 'password' ? error.text : null} />
            <div class="button-row">
              <button type="submit" class={supported ? 'secondary' : undefined} disabled={busy !== null}>
                {busy === 'password' ? 'Creating…' : 'Create with a password'}
              </button>
            </div>
          </div>
        </Disclosure>
      </form>
      <p>
        Already have an account? <AppLink href={accountPathWithNext(SIGN_IN_PATH, next === ACCOUNT_PATH ? null : next)}>Sign in</AppLink>
      </p>
    </section>
  );
}
