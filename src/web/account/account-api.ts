/**
 * Account calls to the server (`src/core/protocol/account-api.ts`): creating an account (a guest
 * who does this keeps their identity), signing in and out, the account's own view, confirming it
 * is you, and changing the ways in. Passkey calls run both steps: options from the server, the
 * browser's ceremony, then verify. Replies are checked against the contract's shapes; failures
 * are `ApiError`s with a sentence a person can read.
 */
import { z } from 'zod';
import type {
  AccountView,
  PasskeyOptionsAnswer,
  PasskeyView,
  RecoveryCodesAnswer,
  RegisteredAnswer,
} from '../../core/protocol/account-api.ts';
import { ApiError, apiCall } from '../api/http.ts';
import { passkeyCreate, passkeyUse } from './passkey-ceremony.ts';

const passkeySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAtMs: z.number(),
  lastUsedAtMs: z.number().nullable(),
}) satisfies z.ZodType<PasskeyView>;

/** The signed-in account as the server sends it. */
export const accountViewSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  signInName: z.string(),
  role: z.enum(['person', 'practitioner', 'operator']),
  hasPassword: z.boolean(),
  passkeys: z.array(passkeySchema),
  recoveryCodesLeft: z.number(),
  reauthenticatedUntilMs: z.number().nullable(),
}) satisfies z.ZodType<AccountView>;

const registeredSchema = z.object({
  account: accountViewSchema,
  recoveryCodes: z.array(z.string()),
}) satisfies z.ZodType<RegisteredAnswer>;

const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) }) satisfies z.ZodType<RecoveryCodesAnswer>;

const passkeyOptionsSchema = z.object({
  challengeId: z.string(),
  options: z.record(z.string(), z.unknown()),
}) satisfies z.ZodType<PasskeyOptionsAnswer>;

/** Answers whose body this page does not need (sign-in, sign-out, removals). */
const anything = z.unknown();

const ACCOUNT = '/api/account';

/** The signed-in account, or null when this device is not signed in to one (a guest, or no one). */
export async function accountFetch(): Promise<AccountView | null> {
  try {
    return await apiCall(ACCOUNT, accountViewSchema);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return null;
    throw error;
  }
}

/** Who is creating an account. */
export interface NewAccount {
  readonly signInName: string;
  readonly displayName: string;
}

/** Creates an account with a password; answers the account and its recovery codes (shown once). */
export function accountRegisterWithPassword(details: NewAccount, password: string): Promise<RegisteredAnswer> {
  return apiCall(`${ACCOUNT}/register/password`, registeredSchema, {
    method: 'POST',
    body: { signInName: details.signInName, displayName: details.displayName, password },
  });
}

async function passkeyCreated(optionsPath: string, optionsBody: object, verifyPath: string) {
  const { challengeId, options } = await apiCall(optionsPath, passkeyOptionsSchema, { method: 'POST', body: optionsBody });
  const response = await passkeyCreate(options);
  return { verifyPath, body: { challengeId, response } };
}

async function passkeyUsed(optionsPath: string, verifyPath: string) {
  const { challengeId, options } = await apiCall(optionsPath, passkeyOptionsSchema, { method: 'POST', body: {} });
  const response = await passkeyUse(options);
  return { verifyPath, body: { challengeId, response } };
}

/** Creates an account with a passkey made on this device. */
export async function accountRegisterWithPasskey(details: NewAccount): Promise<RegisteredAnswer> {
  const made = await passkeyCreated(
    `${ACCOUNT}/register/passkey/options`,
    { signInName: details.signInName, displayName: details.displayName },
    `${ACCOUNT}/register/passkey/verify`,
  );
  return apiCall(made.verifyPath, registeredSchema, { method: 'POST', body: made.body });
}

/** Signs in with a passkey on this device (no name needed: the passkey knows whose it is). */
export async function signInWithPasskey(): Promise<void> {
  const used = await passkeyUsed(`${ACCOUNT}/login/passkey/options`, `${ACCOUNT}/login/passkey/verify`);
  await apiCall(used.verifyPath, anything, { method: 'POST', body: used.body });
}

/** Signs in with a sign-in name and password. */
export async function signInWithPassword(signInName: string, password: string): Promise<void> {
  await apiCall(`${ACCOUNT}/login/password`, anything, { method: 'POST', body: { signInName, password } });
}

/** Signs in with a sign-in name and one recovery code (which then stops working). */
export async function signInWithRecoveryCode(signInName: string, code: string): Promise<void> {
  await apiCall(`${ACCOUNT}/login/recovery`, anything, { method: 'POST', body: { signInName, code } });
}

/** Signs this device out. */
export async function signOut(): Promise<void> {
  await apiCall(`${ACCOUNT}/logout`, anything, { method: 'POST', body: {} });
}

/** Signs out every device signed in to this account, this one included. */
export async function signOutEverywhere(): Promise<void> {
  await apiCall(`${ACCOUNT}/logout-everywhere`, anything, { method: 'POST', body: {} });
}

/** Confirms it is you with your password, for the next few minutes of changes. */
export async function reauthenticateWithPassword(password: string): Promise<void> {
  await apiCall(`${ACCOUNT}/reauthenticate/password`, anything, { method: 'POST', body: { password } });
}

/** Confirms it is you with a passkey on this device. */
export async function reauthenticateWithPasskey(): Promise<void> {
  const used = await passkeyUsed(`${ACCOUNT}/reauthenticate/passkey/options`, `${ACCOUNT}/reauthenticate/passkey/verify`);
  await apiCall(used.verifyPath, anything, { method: 'POST', body: used.body });
}

/** Sets or changes the password (needs a recent confirmation). */
export async function passwordSet(newPassword: string): Promise<void> {
  await apiCall(`${ACCOUNT}/password`, anything, { method: 'PUT', body: { newPassword } });
}

/** Adds a passkey made on this device, called `name` (needs a recent confirmation). */
export async function passkeyAdd(name: string): Promise<void> {
  const made = await passkeyCreated(`${ACCOUNT}/passkeys/options`, { name }, `${ACCOUNT}/passkeys/verify`);
  await apiCall(made.verifyPath, anything, { method: 'POST', body: made.body });
}

/** Removes a passkey (needs a recent confirmation; the last way in cannot be removed). */
export async function passkeyRemove(passkeyId: string): Promise<void> {
  await apiCall(`${ACCOUNT}/passkeys/${encodeURIComponent(passkeyId)}`, anything, { method: 'DELETE' });
}

/** A new set of recovery codes; the old ones stop working (needs a recent confirmation). */
export async function recoveryCodesRenew(): Promise<readonly string[]> {
  const answer = await apiCall(`${ACCOUNT}/recovery-codes`, recoveryCodesSchema, { method: 'POST', body: {} });
  return answer.recoveryCodes;
}

/** Deletes the account (or a guest's data) for good (an account needs a recent confirmation). */
export async function accountDelete(): Promise<void> {
  await apiCall(ACCOUNT, anything, { method: 'DELETE' });
}

/** Where "Download my data" points: one JSON file with everything this person owns. */
export const ACCOUNT_EXPORT_URL = `${ACCOUNT}/export`;
