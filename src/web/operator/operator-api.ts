/**
 * Calls for first-run setup and the operator's page (`src/core/protocol/operator-api.ts`). Replies
 * are checked against the contract's shapes; failures are `ApiError`s with a sentence to show.
 * Nothing here can fetch a backup file: backups never travel over HTTP.
 */
import { z } from 'zod';
import type { RegisteredAnswer } from '../../core/protocol/account-api.ts';
import type {
  BackupsAnswer,
  BackupView,
  HelpResourcesView,
  OperatorAccountsAnswer,
  OperatorAccountView,
  OperatorHelpAnswer,
  SetupStatus,
} from '../../core/protocol/operator-api.ts';
import { apiCall } from '../api/http.ts';
import { accountViewSchema } from '../account/account-api.ts';
import { passkeyCreate } from '../account/passkey-ceremony.ts';

const setupStatusSchema = z.object({ needed: z.boolean() }) satisfies z.ZodType<SetupStatus>;

const registeredSchema = z.object({ account: accountViewSchema, recoveryCodes: z.array(z.string()) }) satisfies z.ZodType<RegisteredAnswer>;

const passkeyOptionsSchema = z.object({ challengeId: z.string(), options: z.record(z.string(), z.unknown()) });

const operatorAccountSchema = z.object({
  id: z.string(),
  signInName: z.string(),
  displayName: z.string(),
  role: z.enum(['person', 'practitioner', 'operator']),
  createdAtMs: z.number(),
  disabledAtMs: z.number().nullable(),
  isYou: z.boolean(),
}) satisfies z.ZodType<OperatorAccountView>;

const accountsSchema = z.object({ accounts: z.array(operatorAccountSchema), truncated: z.boolean() }) satisfies z.ZodType<OperatorAccountsAnswer>;

const helpSchema = z.object({
  intro: z.string(),
  resources: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      phone: z.string().optional(),
      text: z.string().optional(),
      url: z.string().optional(),
    }),
  ),
}) satisfies z.ZodType<HelpResourcesView>;

const helpAnswerSchema = z.object({
  help: helpSchema,
  source: z.enum(['operator', 'file', 'default']),
  updatedAtMs: z.number().nullable(),
}) satisfies z.ZodType<OperatorHelpAnswer>;

const backupSchema = z.object({ fileName: z.string(), path: z.string(), sizeBytes: z.number(), createdAtMs: z.number() }) satisfies z.ZodType<BackupView>;

const backupsSchema = z.object({
  database: z.enum(['sqlite', 'postgres']),
  directory: z.string(),
  canBackUp: z.boolean(),
  howTo: z.string().nullable(),
  backups: z.array(backupSchema),
}) satisfies z.ZodType<BackupsAnswer>;

/** Who is making the operator account. */
export interface OperatorDetails {
  readonly signInName: string;
  readonly displayName: string;
}

/** Whether this instance still needs its operator account. */
export function setupStatus(): Promise<SetupStatus> {
  return apiCall('/api/setup', setupStatusSchema);
}

/** Checks that the setup link still works (throws `setup_link_invalid` or `setup_done`). */
export async function setupLinkCheck(token: string): Promise<void> {
  await apiCall('/api/setup/check', setupStatusSchema, { method: 'POST', body: { token } });
}

/** Makes the operator account with a password. */
export function setupWithPassword(token: string, details: OperatorDetails, password: string): Promise<RegisteredAnswer> {
  return apiCall('/api/setup/password', registeredSchema, { method: 'POST', body: { token, ...details, password } });
}

/** Makes the operator account with a passkey made on this device. */
export async function setupWithPasskey(token: string, details: OperatorDetails): Promise<RegisteredAnswer> {
  const { challengeId, options } = await apiCall('/api/setup/passkey/options', passkeyOptionsSchema, { method: 'POST', body: { token, ...details } });
  const response = await passkeyCreate(options);
  return apiCall('/api/setup/passkey/verify', registeredSchema, { method: 'POST', body: { token, challengeId, response } });
}

/** The crisis resources as "Need help now?" shows them, and where they come from. */
export function operatorHelpFetch(): Promise<OperatorHelpAnswer> {
  return apiCall('/api/operator/help-resources', helpAnswerSchema);
}

/** Saves the crisis resources for everyone. */
export function operatorHelpSave(help: HelpResourcesView): Promise<OperatorHelpAnswer> {
  return apiCall('/api/operator/help-resources', helpAnswerSchema, { method: 'PUT', body: help });
}

/** Goes back to the resources the server was configured with (or the defaults). */
export function operatorHelpReset(): Promise<OperatorHelpAnswer> {
  return apiCall('/api/operator/help-resources', helpAnswerSchema, { method: 'DELETE' });
}

/** The accounts, oldest first: names, role, dates; never anything they keep. */
export function operatorAccountsFetch(): Promise<OperatorAccountsAnswer> {
  return apiCall('/api/operator/accounts', accountsSchema);
}

/** Switches an account off (it is signed out everywhere) or on again. */
export function operatorAccountSwitch(identityId: string, on: boolean): Promise<OperatorAccountView> {
  return apiCall(`/api/operator/accounts/${encodeURIComponent(identityId)}/${on ? 'enable' : 'disable'}`, operatorAccountSchema, { method: 'POST', body: {} });
}

/** Marks an account as a practitioner, or back to a person. */
export function operatorAccountRole(identityId: string, role: 'person' | 'practitioner'): Promise<OperatorAccountView> {
  return apiCall(`/api/operator/accounts/${encodeURIComponent(identityId)}/role`, operatorAccountSchema, { method: 'PUT', body: { role } });
}

/** The backups on the server's disk, and whether this server can make one. */
export function operatorBackupsFetch(): Promise<BackupsAnswer> {
  return apiCall('/api/operator/backups', backupsSchema);
}

/** Makes a backup now, on the server's disk; answers where it went. */
export function operatorBackupMake(): Promise<BackupView> {
  return apiCall('/api/operator/backups', backupSchema, { method: 'POST', body: {} });
}
