/**
 * Failed sign-ins, kept just long enough to throttle guessing per sign-in name and per address.
 * Names are stored as typed (normalised), whether or not such an account exists, so throttling
 * behaves the same for real and made-up names.
 */
import type { Kysely } from 'kysely';
import type { LoginFailureRecord } from '../../core/accounts/index.ts';
import type { DatabaseSchema } from './schema.ts';

/** One failed attempt. */
export interface LoginFailure {
  signInName: string;
  address: string;
  atMs: number;
  /** The attempt came from a device that had signed in to that account before. */
  trustedDevice: boolean;
}

/** Storage of failed sign-ins. */
export interface LoginFailureStore {
  record(failure: LoginFailure): Promise<void>;
  /** Failures under this normalised name at or after `sinceMs`, oldest first. */
  forSignInName(signInName: string, sinceMs: number): Promise<LoginFailureRecord[]>;
  /** Failures from this address at or after `sinceMs`, oldest first. */
  fromAddress(address: string, sinceMs: number): Promise<LoginFailureRecord[]>;
  /** Forgets the failures under this name (after a successful sign-in). */
  clearSignInName(signInName: string): Promise<void>;
  /** Forgets failures older than `beforeMs`; returns how many. */
  deleteBefore(beforeMs: number): Promise<number>;
}

/** Most failures read per question: more than any throttle window needs. */
const FAILURES_READ_MAX = 1000;

/** `LoginFailureStore` over the Kysely database. */
export class KyselyLoginFailureStore implements LoginFailureStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async record(failure: LoginFailure): Promise<void> {
    await this.db
      .insertInto('login_failures')
      .values({
        sign_in_name: failure.signInName,
        address: failure.address,
        at_ms: failure.atMs,
        trusted_device: failure.trustedDevice ? 1 : 0,
      })
      .execute();
  }

  async forSignInName(signInName: string, sinceMs: number): Promise<LoginFailureRecord[]> {
    const rows = await this.db
      .selectFrom('login_failures')
      .select(['at_ms', 'trusted_device'])
      .where('sign_in_name', '=', signInName)
      .where('at_ms', '>=', sinceMs)
      .orderBy('at_ms', 'desc')
      .limit(FAILURES_READ_MAX)
      .execute();
    return rows.reverse().map(recordFromRow);
  }

  async fromAddress(address: string, sinceMs: number): Promise<LoginFailureRecord[]> {
    const rows = await this.db
      .selectFrom('login_failures')
      .select(['at_ms', 'trusted_device'])
      .where('address', '=', address)
      .where('at_ms', '>=', sinceMs)
      .orderBy('at_ms', 'desc')
      .limit(FAILURES_READ_MAX)
      .execute();
    return rows.reverse().map(recordFromRow);
  }

  async clearSignInName(signInName: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('sign_in_name', '=', signInName).execute();
  }

  async deleteBefore(beforeMs: number): Promise<number> {
    const result = await this.db.deleteFrom('login_failures').where('at_ms', '<', beforeMs).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function recordFromRow(row: { at_ms: number; trusted_device: number }): LoginFailureRecord {
  return { atMs: row.at_ms, trustedDevice: row.trusted_device === 1 };
}
