/**
 * `/setup#<token>`: the first run of a new Attune. Whoever holds the setup link (the server logs
 * it, and `attune setup-link` prints a fresh one) makes the operator account, with a passkey or a
 * password, and saves their recovery codes; then the operator's page opens. The link works once:
 * afterwards this page only says that setup is done.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { RegisteredAnswer } from '../../core/protocol/account-api.ts';
import { DISPLAY_NAME_MAX_CHARS } from '../../core/protocol/commands.ts';
import { OPERATOR_PAGE_PATH } from '../../core/protocol/operator-api.ts';
import { AppLink } from '../components/app-link.tsx';
import { navigate } from '../router.ts';
import { Disclosure, FormMessage, PasswordField, SignInNameField, TextField } from '../account/account-fields.tsx';
import { PasskeyButton, displayNameProblem, signInNameProblem } from '../account/account-intro.tsx';
import { SIGN_IN_PATH, accountPathWithNext } from '../account/account-routes.ts';
import { PASSKEYS_UNAVAILABLE, PASSKEY_EXPLAINED, PASSWORD_HINT } from '../account/account-words.ts';
import { identityRefresh } from '../account/identity-store.ts';
import { passkeysSupported } from '../account/passkey-ceremony.ts';
import { RecoveryCodes } from '../account/recovery-codes.tsx';
import { failureWords } from '../account/use-guarded-action.ts';
import { setupLinkCheck, setupStatus, setupWithPasskey, setupWithPassword } from '../operator/operator-api.ts';
import '../session/session-forms.css';
import '../account/account.css';
import '../operator/operator.css';

type Way = 'passkey' | 'password';
type Problems = { displayName?: string; signInName?: string; password?: string };
type Stage =
  | { readonly kind: 'checking' }
  | { readonly kind: 'no_link' }
  | { readonly kind: 'link_refused'; readonly message: string }
  | { readonly kind: 'done' }
  | { readonly kind: 'unreachable'; readonly message: string }
  | { readonly kind: 'ready' };

function Frame(props: { readonly children: ComponentChildren }) {
  return (
    <section class="screen account operator" aria-labelledby="setup-title">
      <h1 id="setup-title">Set up this Attune</h1>
      {props.children}
    </section>
  );
}

/** What the operator does, said before anything else. */
function WhatTheOperatorDoes() {
  return (
    <div class="card operator-about">
      <p>
        You are making the <strong>operator account</strong>: the one that looks after this Attune. From it you choose the crisis
        resources everyone sees behind “Need help now?”, mark practitioners, switch accounts off and on, and make backups.
      </p>
      <p class="hint">
        The operator never sees what people do here: no sessions, check-ins, body signals, records or reflections. If you also
        want to practise, make a separate, ordinary account for that.
      </p>
    </div>
  );
}

/** The screen; `token` is what follows `#` in the setup link. */
export default function SetupScreen(props: { readonly token: string }) {
  const { token } = props;
  const supported = passkeysSupported();
  const [stage, setStage] = useState<Stage>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);
  const [displayName, setDisplayName] = useState('');
  const [signInName, setSignInName] = useState('');
  const [password, setPassword] = useState('');
  const [passwordOpen, setPasswordOpen] = useState(!supported);
  const [busy, setBusy] = useState<Way | null>(null);
  const [error, setError] = useState<{ way: Way; text: string } | null>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [registered, setRegistered] = useState<RegisteredAnswer | null>(null);

  useEffect(() => {
    let live = true;
    const check = async (): Promise<Stage> => {
      const status = await setupStatus();
      if (!status.needed) return { kind: 'done' };
      if (token === '') return { kind: 'no_link' };
      try {
        await setupLinkCheck(token);
        return { kind: 'ready' };
      } catch (caught) {
        return { kind: 'link_refused', message: failureWords(caught) };
      }
    };
    check().then(
      (next) => {
        if (live) setStage(next);
      },
      (caught: unknown) => {
        if (live) setStage({ kind: 'unreachable', message: failureWords(caught) });
      },
    );
    return () => {
      live = false;
    };
  }, [token, attempt]);

  if (registered !== null) {
    return (
      <section class="screen account operator" aria-label="The operator account is ready">
        <RecoveryCodes
          codes={registered.recoveryCodes}
          signInName={registered.account.signInName}
          headingLevel={1}
          title="The operator account is ready: save your recovery codes"
          onSaved={() => {
            navigate(OPERATOR_PAGE_PATH, { replace: true });
          }}
        />
      </section>
    );
  }

  switch (stage.kind) {
    case 'checking':
      return (
        <Frame>
          <p class="loading" aria-live="polite">
            Checking the setup link…
          </p>
        </Frame>
      );
    case 'unreachable':
      return (
        <Frame>
          <p role="alert">{stage.message}</p>
          <div class="button-row">
            <button type="button" onClick={() => { setAttempt((n) => n + 1); }}>
              Try again
            </button>
          </div>
        </Frame>
      );
    case 'done':
      return (
        <Frame>
          <p>This Attune already has its operator account, so there is nothing left to set up.</p>
          <div class="button-row">
            <AppLink class="button" href={accountPathWithNext(SIGN_IN_PATH, OPERATOR_PAGE_PATH)}>
              Sign in as the operator
            </AppLink>
            <AppLink class="button secondary" href="/">
              Go to the start
            </AppLink>
          </div>
        </Frame>
      );
    case 'no_link':
    case 'link_refused':
      return (
        <Frame>
          {stage.kind === 'link_refused' ? (
            <p role="alert">{stage.message}</p>
          ) : (
            <p>This page needs the whole setup link, including the part after the # sign.</p>
          )}
          <div class="card">
            <p>The server writes a setup link to its log when it starts. For a fresh one, run this where Attune runs:</p>
            <pre class="operator-command">
              <code>npx attune setup-link</code>
            </pre>
            <p class="hint">A new link replaces any earlier one and works for 24 hours.</p>
          </div>
        </Frame>
      );
    case 'ready':
      break;
  }

  const namesChecked = (): boolean => {
    const found: Problems = {
      displayName: displayNameProblem(displayName) ?? undefined,
      signInName: signInNameProblem(signInName) ?? undefined,
    };
    setProblems((before) => ({ ...before, ...found }));
    const first = found.displayName !== undefined ? 'setup-display-name' : found.signInName !== undefined ? 'setup-sign-in-name' : null;
    if (first !== null) document.getElementById(first)?.focus();
    return first === null;
  };

  const create = (way: Way) => {
    if (!namesChecked()) return;
    if (way === 'password' && password === '') {
      setProblems((before) => ({ ...before, password: 'Choose a password. ' + PASSWORD_HINT }));
      document.getElementById('setup-new-password')?.focus();
      return;
    }
    const details = { signInName: signInName.trim(), displayName: displayName.trim() };
    setBusy(way);
    setError(null);
    const made = way === 'passkey' ? setupWithPasskey(token, details) : setupWithPassword(token, details, password);
    made.then(
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
    <Frame>
      <WhatTheOperatorDoes />
      <form
        class="account-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          create(passwordOpen || !supported ? 'password' : 'passkey');
        }}
      >
        <TextField
          id="setup-display-name"
          label="Your name"
          hint="How the operator account is shown, for example “Sam (operator)”."
          autoComplete="nickname"
          maxLength={DISPLAY_NAME_MAX_CHARS}
          value={displayName}
          problem={problems.displayName}
          onInput={(value) => {
            setDisplayName(value);
            clearProblem('displayName');
          }}
        />
        <SignInNameField
          id="setup-sign-in-name"
          hint="What you type to sign in as the operator. Letters, digits and . _ @ + - with no spaces."
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
                onClick={passwordOpen ? () => { create('passkey'); } : undefined}
              >
                Create with a passkey
              </PasskeyButton>
              <FormMessage error={error?.way === 'passkey' ? error.text : null} />
            </>
          ) : (
            <p>{PASSKEYS_UNAVAILABLE}</p>
          )}
        </div>
        <Disclosure id="setup-password" label="Use a password instead" open={passwordOpen} onToggle={setPasswordOpen}>
          <div class="account-form">
            <PasswordField
              id="setup-new-password"
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
    </Frame>
  );
}
