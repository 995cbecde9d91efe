/**
 * The pieces every account form is made of: a labelled text field with its own problem line, a
 * password field that can be shown (paste always works; no composition rules), a live line for
 * the server's answer that never clears what was typed, and a "use something else" disclosure.
 */
import type { ComponentChildren, Ref } from 'preact';
import { useState } from 'preact/hooks';
import { SIGN_IN_NAME_MAX_LENGTH, PASSWORD_INPUT_MAX_LENGTH } from '../../core/protocol/account-api.ts';

/** What a text field needs. */
export interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly hint?: string;
  /** A problem with this field, shown under it and read with it. */
  readonly problem?: string | null;
  readonly autoComplete?: string;
  readonly maxLength?: number;
  /** Plain text for names and codes: no capitalising, correcting or spell-check. */
  readonly verbatim?: boolean;
  readonly inputRef?: Ref<HTMLInputElement>;
}

function describedBy(props: { id: string; hint?: string; problem?: string | null }): string | undefined {
  const ids = [props.problem ? `${props.id}-problem` : null, props.hint === undefined ? null : `${props.id}-hint`].filter(
    (id): id is string => id !== null,
  );
  return ids.length === 0 ? undefined : ids.join(' ');
}

function FieldFoot(props: { id: string; hint?: string; problem?: string | null }) {
  return (
    <>
      {props.problem ? (
        <span class="error account-field-problem" id={`${props.id}-problem`}>
          {props.problem}
        </span>
      ) : null}
      {props.hint !== undefined && (
        <span class="hint account-field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
    </>
  );
}

/** A labelled one-line text field. */
export function TextField(props: FieldProps) {
  return (
    <div class="field account-field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        ref={props.inputRef}
        type="text"
        value={props.value}
        maxLength={props.maxLength}
        autoComplete={props.autoComplete}
        aria-describedby={describedBy(props)}
        aria-invalid={props.problem ? true : undefined}
        {...(props.verbatim === true ? { autoCapitalize: 'none', autoCorrect: 'off', spellcheck: false } : {})}
        onInput={(event) => {
          props.onInput(event.currentTarget.value);
        }}
      />
      <FieldFoot id={props.id} hint={props.hint} problem={props.problem} />
    </div>
  );
}

/** The sign-in name field, as the password manager and the browser expect it. */
export function SignInNameField(props: Omit<FieldProps, 'label' | 'autoComplete' | 'maxLength' | 'verbatim'> & { label?: string }) {
  return (
    <TextField
      {...props}
      label={props.label ?? 'Sign-in name'}
      autoComplete="username"
      maxLength={SIGN_IN_NAME_MAX_LENGTH}
      verbatim
    />
  );
}

/** A password field with a Show/Hide button. Paste works; nothing is checked while typing. */
export function PasswordField(
  props: Omit<FieldProps, 'autoComplete' | 'maxLength' | 'verbatim'> & { readonly autoComplete: 'new-password' | 'current-password' },
) {
  const [shown, setShown] = useState(false);
  // The same element either way (only its type changes), so focus and caret stay put.
  const common = {
    id: props.id,
    ref: props.inputRef,
    value: props.value,
    maxLength: PASSWORD_INPUT_MAX_LENGTH,
    autoComplete: props.autoComplete,
    autoCapitalize: 'none' as const,
    autoCorrect: 'off' as const,
    spellcheck: false,
    'aria-describedby': describedBy(props),
    'aria-invalid': props.problem ? true : undefined,
    onInput: (event: { currentTarget: HTMLInputElement }) => {
      props.onInput(event.currentTarget.value);
    },
  };
  return (
    <div class="field account-field">
      <label for={props.id}>{props.label}</label>
      <div class="account-password">
        {shown ? <input type="text" {...common} /> : <input type="password" {...common} />}
        <button
          type="button"
          class="quiet account-password-toggle"
          aria-controls={props.id}
          onClick={() => {
            setShown((before) => !before);
          }}
        >
          {shown ? 'Hide' : 'Show'}
          <span class="visually-hidden"> password</span>
        </button>
      </div>
      <FieldFoot id={props.id} hint={props.hint} problem={props.problem} />
    </div>
  );
}

/**
 * The line where a form's outcome is said: always in the page (so screen readers hear every
 * change), empty until there is something to say. Errors in the danger colour, news calmly.
 */
export function FormMessage(props: { readonly error?: string | null; readonly status?: string | null; readonly id?: string }) {
  return (
    <div class="account-message" aria-live="polite" aria-atomic="true" id={props.id}>
      {props.error ? (
        <p class="error">{props.error}</p>
      ) : props.status ? (
        <p class="notice">{props.status}</p>
      ) : null}
    </div>
  );
}

/** A button that opens and closes a section just below it. */
export function Disclosure(props: {
  readonly id: string;
  readonly label: string;
  readonly open: boolean;
  readonly onToggle: (open: boolean) => void;
  readonly children: ComponentChildren;
}) {
  return (
    <div class="account-disclosure">
      <button
        type="button"
        class="quiet account-disclosure-button"
        aria-expanded={props.open}
        aria-controls={props.id}
        onClick={() => {
          props.onToggle(!props.open);
        }}
      >
        <svg class="account-disclosure-mark" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M5 3l6 5-6 5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
        {props.label}
      </button>
      <div id={props.id} class="account-disclosure-body" hidden={!props.open}>
        {props.open && props.children}
      </div>
    </div>
  );
}
