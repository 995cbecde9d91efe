/**
 * Small shared parts of the account screens: the passkey button (the main way), the line shown
 * when someone is already signed in, and a check of a typed sign-in name with the shared rules.
 */
import type { ComponentChildren } from 'preact';
import { signInNameSchema } from '../../core/protocol/account-api.ts';
import { displayNameSchema } from '../../core/protocol/commands.ts';

/** The first problem with a typed sign-in name (the same words the server would use), or null. */
export function signInNameProblem(name: string): string | null {
  const parsed = signInNameSchema.safeParse(name);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Check your sign-in name.');
}

/** The first problem with a typed display name, or null. */
export function displayNameProblem(name: string): string | null {
  const parsed = displayNameSchema.safeParse(name);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Check your name.');
}

/** The main passkey button, with a key drawn beside the words. */
export function PasskeyButton(props: {
  readonly busy: boolean;
  readonly disabled: boolean;
  readonly type: 'button' | 'submit';
  readonly onClick?: () => void;
  readonly children: ComponentChildren;
}) {
  return (
    <button type={props.type} class="account-passkey-button" disabled={props.disabled} onClick={props.onClick}>
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <circle cx="8" cy="12" r="4" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="M12 12h9m-3 0v3m-3-3v2" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      </svg>
      {props.busy ? 'Waiting for your device…' : props.children}
    </button>
  );
}
