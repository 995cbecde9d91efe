/**
 * The account routes' errors, with the codes of the HTTP contract and sentences a person can act
 * on. Sign-in failures share one code and one sentence, whatever went wrong, so an answer never
 * tells whether an account exists or which part was wrong.
 */
import { ACCOUNT_ERROR_CODES as CODES } from '../../core/protocol/account-api.ts';
import { HttpError } from '../http/errors.ts';

/** Every failed sign-in reads exactly this. */
export const SIGN_IN_FAILED_MESSAGE = 'That did not work. Check the name and password, or use a passkey or a recovery code.';

/** Too many sign-in attempts for now; the route adds a Retry-After header from `retryAfterSeconds`. */
export class SignInThrottledError extends HttpError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, CODES.signInThrottled, `There have been too many attempts to sign in. Please wait ${minutesText(retryAfterSeconds)} and try again.`);
  }
}

function minutesText(seconds: number): string {
  if (seconds < 60) return seconds <= 1 ? 'a second' : `${String(seconds)} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? 'a minute' : `${String(minutes)} minutes`;
}

/** Errors of the account routes. */
export const accountErrors = {
  signInFailed: () => new HttpError(401, CODES.signInFailed, SIGN_IN_FAILED_MESSAGE),
  /** A wrong password while confirming it is you (already signed in, so nothing is revealed). */
  reauthenticationFailed: () =>
    new HttpError(401, CODES.signInFailed, 'That password did not work. Try it again, or confirm with a passkey instead.'),
  signInThrottled: (retryAfterSeconds: number) => new SignInThrottledError(retryAfterSeconds),
  nameTaken: () => new HttpError(409, CODES.nameTaken, 'Someone already uses that sign-in name. Please choose another one.'),
  weakPassword: (messages: readonly string[]) => new HttpError(400, CODES.weakPassword, messages.join(' ')),
  reauthenticationNeeded: () =>
    new HttpError(403, CODES.reauthenticationNeeded, 'To change how you sign in, please confirm it is you first, with your password or a passkey.'),
  lastWayIn: () =>
    new HttpError(409, CODES.lastWayIn, 'This is your only way to sign in, so it stays. Add a password or another passkey first, then remove this one.'),
  passkeyFailed: () =>
    new HttpError(400, CODES.passkeyFailed, 'The passkey step did not go through, or took too long. Please start it again.'),
  noPasskeyYet: () =>
    new HttpError(400, CODES.passkeyFailed, 'There is no passkey on this account yet. Please confirm with your password instead.'),
  passkeyAlreadyAdded: () =>
    new HttpError(400, CODES.passkeyFailed, 'This passkey is already registered. You can use it to sign in as it is.'),
  accountDisabled: () =>
    new HttpError(403, CODES.accountDisabled, 'This account is switched off, so it cannot be signed in to. If you think this is a mistake, please contact whoever runs this Attune.'),
  notSignedIn: () => new HttpError(401, 'not_signed_in', 'Please sign in to your account first.'),
  passkeyNotFound: () => new HttpError(404, 'not_found', 'That passkey is not on your account. It may have been removed already.'),
} as const;
