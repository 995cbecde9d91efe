/**
 * The HTTP contract of the instance (issue 6, "The instance"): first-run setup, which makes the
 * operator account, and the operator's own routes: crisis resources, accounts (switch off, switch
 * on, mark practitioners) and backups. Request bodies are zod schemas the server parses with and
 * the browser builds from; answers are types.
 *
 * The operator looks after the instance, never after people's content: no answer here carries a
 * session, check-in, signal, record, cycle map or reflection, and backups are never downloadable
 * over HTTP (they stay on the server's disk).
 */
import { z } from 'zod';
import { passkeyVerifyBody, registerPasskeyOptionsBody, registerWithPasswordBody, type AccountRole } from './account-api.ts';

/** The first-run page; the setup link is `<PUBLIC_ORIGIN>/setup#<token>`. */
export const SETUP_PAGE_PATH = '/setup';
/** The operator's page. */
export const OPERATOR_PAGE_PATH = '/operator';
/** How long a setup link works, in hours. */
export const SETUP_LINK_TTL_HOURS = 24;

/** A setup token as it appears after `#` in the link (256 random bits, base64url). */
export const setupTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This setup link is not complete. Copy the whole link, including everything after #.');

/** POST /api/setup/check */
export const setupCheckBody = z.strictObject({ token: setupTokenSchema });

/** POST /api/setup/password: the operator account, with a password. */
export const setupWithPasswordBody = z.strictObject({ ...registerWithPasswordBody.shape, token: setupTokenSchema });

/** POST /api/setup/passkey/options */
export const setupPasskeyOptionsBody = z.strictObject({ ...registerPasskeyOptionsBody.shape, token: setupTokenSchema });

/** POST /api/setup/passkey/verify */
export const setupPasskeyVerifyBody = z.strictObject({ ...passkeyVerifyBody.shape, token: setupTokenSchema });

/** GET /api/setup: whether this instance still needs its operator account. */
export interface SetupStatus {
  readonly needed: boolean;
}

/** The roles an operator can give from the accounts table (operator is made by setup only). */
export const ASSIGNABLE_ROLES = ['person', 'practitioner'] as const;

/** PUT /api/operator/accounts/:identityId/role */
export const setRoleBody = z.strictObject({ role: z.enum(ASSIGNABLE_ROLES) });

/** One account as the operator sees it: who it is and its state, never anything it holds. */
export interface OperatorAccountView {
  readonly id: string;
  readonly signInName: string;
  readonly displayName: string;
  readonly role: AccountRole;
  readonly createdAtMs: number;
  /** When it was switched off; null: it can be used. */
  readonly disabledAtMs: number | null;
  /** True for the operator looking at the list. */
  readonly isYou: boolean;
}

/** GET /api/operator/accounts */
export interface OperatorAccountsAnswer {
  readonly accounts: readonly OperatorAccountView[];
  /** True when there were more accounts than one answer lists (the oldest come first). */
  readonly truncated: boolean;
}

/** One crisis resource (checked on the server with the help-resources schema). */
export interface HelpResourceView {
  readonly name: string;
  readonly description: string;
  readonly phone?: string;
  readonly text?: string;
  readonly url?: string;
}

/** What "Need help now?" shows. */
export interface HelpResourcesView {
  readonly intro: string;
  readonly resources: readonly HelpResourceView[];
}

/** Where the crisis resources shown right now come from. */
export type HelpResourcesSource = 'operator' | 'file' | 'default';

/** GET, PUT and DELETE /api/operator/help-resources */
export interface OperatorHelpAnswer {
  readonly help: HelpResourcesView;
  readonly source: HelpResourcesSource;
  /** When the operator last saved them; null unless `source` is 'operator'. */
  readonly updatedAtMs: number | null;
}

/** One backup file on the server's disk. */
export interface BackupView {
  readonly fileName: string;
  /** Its full path on the server, where the operator fetches it from. */
  readonly path: string;
  readonly sizeBytes: number;
  readonly createdAtMs: number;
}

/** GET /api/operator/backups */
export interface BackupsAnswer {
  readonly database: 'sqlite' | 'postgres';
  /** The folder backups go to, on the server's disk. */
  readonly directory: string;
  /** Whether this server can make a backup itself. */
  readonly canBackUp: boolean;
  /** When it cannot: how to back up instead. */
  readonly howTo: string | null;
  /** Newest first. */
  readonly backups: readonly BackupView[];
}

/** Error codes of setup and the operator routes (beyond the shared ones). */
export const OPERATOR_ERROR_CODES = {
  setupLinkInvalid: 'setup_link_invalid',
  setupDone: 'setup_done',
  notYourself: 'not_yourself',
  operatorRoleFixed: 'operator_role_fixed',
  backupUnavailable: 'backup_unavailable',
} as const;
