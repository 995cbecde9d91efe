/**
 * The form that makes an account: a name others see, a sign-in name, and a passkey (the main
 * button) or a password (disclosed below it). Both "create an account" and the first-run operator
 * setup use it, so the two never drift apart in wording, checks or keyboard behaviour.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RegisteredAnswer } from '../../core/protocol/account-api.ts';
import { DISPLAY_NAME_MAX_CHARS } from '../../core/protocol/commands.ts';
import { Disclosure, FormMessage, PasswordField, SignInNameField, TextField } from './account-fields.tsx';
import { PasskeyButton, displayNameProblem, signInNameProblem } from './account-intro.tsx';
import { PASSKEYS_UNAVAILABLE, PASSKEY_EXPLAINED, PASSWORD_HINT } from './account-words.ts';
import { passkeysSupported } from './passkey-ceremony.ts';
import { failureWords } from './use-guarded-action.ts';

/** How the account is made. */
export type CreateWay = 'passkey' | 'password';

/** The two names, trimmed, as the server takes them. */
export interface CreateDetails {
  readonly signInName: string;
  readonly displayName: string;
}

type Problems = { displayName?: string; signInName?: string; password?: string };

/** What differs between the places that make an account. */
export interface CreateCredentialsFormProps {
  /** Prefix of the field ids, so two forms never share ids and tests can find fields. */
  readonly idPrefix: string;
  readonly displayNameHint: string;
  readonly signInNameHint: string;
  /** A name to offer until the person starts typing another (a guest's name, say). */
  readonly suggestedDisplayName?: string | null;
  /** Makes the account; rejects with something `failureWords` can put into a sentence. */
  readonly register: (way: CreateWay, details: CreateDetails, password: string) => Promise<RegisteredAnswer>;
  readonly onRegistered: (answer: RegisteredAnswer) => void;
}

/** The create form; it keeps its own fields, problems and busy state. */
export function CreateCredentialsForm(props: CreateCredentialsFormProps) {
  const { idPrefix } = props;
  const supported = passkeysSupported();
  const [displayName, setDisplayName] = useState('');
  const [signInName, setSignInName] = useState('');
  const [password, setPassword] = useState('');
  const [passwordOpen, setPasswordOpen] = useState(!supported);
  const [busy, setBusy] = useState<CreateWay | null>(null);
  const [error, setError] = useState<{ way: CreateWay; text: string } | null>(null);
  const [problems, setProblems] = useState<Problems>({});
  const nameTouched = useRef(false);
  const displayNameId = `${idPrefix}-display-name`;
  const signInNameId = `${idPrefix}-sign-in-name`;
  const passwordId = `${idPrefix}-new-password`;

  useEffect(() => {
    const suggested = props.suggestedDisplayName ?? null;
    if (suggested !== null && !nameTouched.current) setDisplayName(suggested);
  }, [props.suggestedDisplayName]);

  /** Checks the two names; focuses the first with a problem. */
  const namesChecked = (): boolean => {
    const found: Problems = {
      displayName: displayNameProblem(displayName) ?? undefined,
      signInName: signInNameProblem(signInName) ?? undefined,
    };
    setProblems((before) => ({ ...before, ...found }));
    const first = found.displayName !== undefined ? displayNameId : found.signInName !== undefined ? signInNameId : null;
    if (first !== null) document.getElementById(first)?.focus();
    return first === null;
  };

  const create = (way: CreateWay) => {
    if (!namesChecked()) return;
    if (way === 'password' && password === '') {
      setProblems((before) => ({ ...before, password: 'Choose a password. ' + PASSWORD_HINT }));
      document.getElementById(passwordId)?.focus();
      return;
    }
    setBusy(way);
    setError(null);
    props.register(way, { signInName: signInName.trim(), displayName: displayName.trim() }, password).then(
      (answer) => {
        setBusy(null);
        props.onRegistered(answer);
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
    <form
      class="account-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        create(passwordOpen || !supported ? 'password' : 'passkey');
      }}
    >
      <TextField
        id={displayNameId}
        label="Your name"
        hint={props.displayNameHint}
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
        id={signInNameId}
        hint={props.signInNameHint}
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
      <Disclosure id={`${idPrefix}-password`} label="Use a password instead" open={passwordOpen} onToggle={setPasswordOpen}>
        <div class="account-form">
          <PasswordField
            id={passwordId}
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
  );
}
