/**
 * What to say when the browser's passkey step does not complete. The browser reports a cancelled
 * prompt, a timeout and "no passkey here" all as one error, so the words cover each without
 * guessing, and always say that nothing has changed and what can be done next.
 */

/** What a failed passkey step looked like (an Error, or a WebAuthnError with its `code`). */
export interface PasskeyFailure {
  readonly name?: string;
  readonly code?: string;
}

/** Which ceremony failed: making a passkey, or using one. */
export type PasskeyStep = 'create' | 'use';

/** A plain sentence for a passkey step that did not complete. */
export function passkeyProblemWords(failure: PasskeyFailure, step: PasskeyStep): string {
  switch (failure.code) {
    case 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED':
      return 'This device already holds a passkey for this account, so there is nothing more to add here. You can use it to sign in.';
    case 'ERROR_INVALID_DOMAIN':
    case 'ERROR_INVALID_RP_ID':
      return 'Passkeys cannot be used at this web address. A password works instead; whoever runs this Attune can make passkeys work by serving it over https.';
    case 'ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT':
    case 'ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT':
    case 'ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG':
      return 'This device or security key cannot keep a passkey of the kind Attune uses. Another device, or a password, will work.';
    case 'ERROR_CEREMONY_ABORTED':
      return 'The passkey step was stopped before it finished. Nothing has changed; you can try again when you are ready.';
    default:
      break;
  }
  if (failure.name === 'NotAllowedError') {
    return step === 'create'
      ? 'The passkey was not made: the request was closed or timed out. Nothing has changed; you can try again, or use a password instead.'
      : 'No passkey was used: the request was closed, timed out, or this device has no passkey for Attune. You can try again, or use a password instead.';
  }
  if (failure.name === 'SecurityError') {
    return 'Passkeys cannot be used at this web address. A password works instead.';
  }
  return step === 'create'
    ? 'The passkey could not be made this time. Nothing has changed; you can try again, or use a password instead.'
    : 'The passkey could not be used this time. You can try again, or use a password instead.';
}
