/**
 * The HTTP contract of accounts (issue 6): request bodies as zod schemas, answers as types. The
 * server parses with these and the browser builds its requests from them, so both sides agree.
 *
 * Passkey ceremonies are two steps: `.../options` returns WebAuthn options with a `challengeId`,
 * and `.../verify` sends the browser's answer with that id. A challenge works once and expires.
 * WebAuthn JSON (options and answers) is passed through as opaque objects here and checked by
 * @simplewebauthn/server, which knows its shape.
 */
import { z } from 'zod';
import { displayNameSchema } from './commands.ts';

/** Longest sign-in name, in characters. */
export const SIGN_IN_NAME_MAX_LENGTH = 64;
/** Longest password accepted, in characters (long passphrases are welcome; this only bounds work). */
export const PASSWORD_INPUT_MAX_LENGTH = 1024;

/** A sign-in name as typed; the server normalises it (NFC, trimmed, lower case). */
export const signInNameSchema = z
  .string()
  .trim()
  .min(3, 'A sign-in name needs at least 3 characters.')
  .max(SIGN_IN_NAME_MAX_LENGTH, `A sign-in name can be at most ${SIGN_IN_NAME_MAX_LENGTH} characters.`)
  .regex(/^[\p{L}\p{N}._@+-]+$/u, 'A sign-in name can use letters, digits and . _ @ + - (no spaces).');

/** A password as typed: never trimmed; policy (length, common list) is checked in core/accounts. */
export const passwordInputSchema = z.string().max(PASSWORD_INPUT_MAX_LENGTH, `A password can be at most ${PASSWORD_INPUT_MAX_LENGTH} characters.`);

/** A recovery code as typed (spaces and dashes allowed; core/accounts normalises it). */
export const recoveryCodeInputSchema = z.string().min(1, 'Type one of your recovery codes.').max(64);

/** WebAuthn JSON from or for the browser, checked by @simplewebauthn/server. */
export const webAuthnJsonSchema = z.record(z.string(), z.unknown());

/** POST /api/account/register/password */
export const registerWithPasswordBody = z.strictObject({
  signInName: signInNameSchema,
  displayName: displayNameSchema,
  password: passwordInputSchema,
});

/** POST /api/account/register/passkey/options */
export const registerPasskeyOptionsBody = z.strictObject({
  signInName: signInNameSchema,
  displayName: displayNameSchema,
});

/** POST .../passkey/verify (register, login, add, reauthenticate) */
export const passkeyVerifyBody = z.strictObject({
  challengeId: z.string().min(1).max(100),
  response: webAuthnJsonSchema,
});

/** POST /api/account/login/password */
export const loginWithPasswordBody = z.strictObject({
  signInName: signInNameSchema,
  password: passwordInputSchema,
});

/** POST /api/account/login/recovery */
export const loginWithRecoveryCodeBody = z.strictObject({
  signInName: signInNameSchema,
  code: recoveryCodeInputSchema,
});

/** POST /api/account/reauthenticate/password */
export const reauthenticateWithPasswordBody = z.strictObject({ password: passwordInputSchema });

/** PUT /api/account/password (needs a recent re-authentication) */
export const setPasswordBody = z.strictObject({ newPassword: passwordInputSchema });

/** POST /api/account/passkeys/options (add a passkey; needs a recent re-authentication) */
export const addPasskeyOptionsBody = z.strictObject({
  name: z.string().trim().min(1, 'Give this passkey a name you will recognise.').max(60),
});

/** One passkey as its owner sees it. */
export interface PasskeyView {
  readonly id: string;
  readonly name: string;
  readonly createdAtMs: number;
  readonly lastUsedAtMs: number | null;
}

/** Kinds of account. */
export type AccountRole = 'person' | 'practitioner' | 'operator';

/** GET /api/account: the signed-in account, for its own settings page. */
export interface AccountView {
  readonly id: string;
  readonly displayName: string;
  readonly signInName: string;
  readonly role: AccountRole;
  readonly hasPassword: boolean;
  readonly passkeys: readonly PasskeyView[];
  readonly recoveryCodesLeft: number;
  /** Until when credential changes are allowed without proving it is you again; null: not now. */
  readonly reauthenticatedUntilMs: number | null;
}

/** Answer of a registration: the account, and recovery codes shown this once. */
export interface RegisteredAnswer {
  readonly account: AccountView;
  readonly recoveryCodes: readonly string[];
}

/** Answer of POST /api/account/recovery-codes (new set; the old ones stop working). */
export interface RecoveryCodesAnswer {
  readonly recoveryCodes: readonly string[];
}

/** Answer of any `.../passkey/options` route. */
export interface PasskeyOptionsAnswer {
  readonly challengeId: string;
  /** PublicKeyCredentialCreationOptionsJSON or PublicKeyCredentialRequestOptionsJSON. */
  readonly options: Record<string, unknown>;
}

/**
 * Error codes of the account routes (beyond the shared ones). Sign-in failures all share
 * `sign_in_failed`, whatever went wrong, so answers never tell whether an account exists.
 */
export const ACCOUNT_ERROR_CODES = {
  signInFailed: 'sign_in_failed',
  signInThrottled: 'sign_in_throttled',
  nameTaken: 'sign_in_name_taken',
  weakPassword: 'weak_password',
  reauthenticationNeeded: 'reauthentication_needed',
  lastWayIn: 'last_way_in',
  passkeyFailed: 'passkey_failed',
  accountDisabled: 'account_disabled',
} as const;

/** The body of GET /api/account/export: everything a person owns, in one download. */
export interface AccountExport {
  readonly format: 'attune-export';
  readonly version: 1;
  readonly exportedAtMs: number;
  readonly person: { readonly id: string; readonly displayName: string; readonly kind: 'guest' | 'account' };
  readonly account: Omit<AccountView, 'reauthenticatedUntilMs'> | null;
  /** Table-shaped sections (sessions, relationships, records, ...), each an array of plain objects. */
  readonly sections: Readonly<Record<string, readonly Record<string, unknown>[]>>;
  /** This person's own body signals, one CSV text per session, keyed by session id. */
  readonly signalsCsv: Readonly<Record<string, string>>;
}
