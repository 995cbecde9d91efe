/**
 * Who may enter which session: the host by creating it, everyone else by accepting an invite.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.ts';

/** Storage of admissions. */
export interface AdmissionStore {
  /** Records that `identityId` may enter `sessionId`; admitting twice changes nothing. */
  admit(sessionId: string, identityId: string, atMs: number): Promise<void>;
  /** Whether `identityId` has been admitted to `sessionId`. */
  isAdmitted(sessionId: string, identityId: string): Promise<boolean>;
}

/** `AdmissionStore` over the Kysely database. */
export class KyselyAdmissionStore implements AdmissionStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async admit(sessionId: string, identityId: string, atMs: number): Promise<void> {
    await this.db
      .insertInto('session_admissions')
      .values({ session_id: sessionId, identity_id: identityId, admitted_at_ms: atMs })
      .onConflict((conflict) => conflict.columns(['session_id', 'identity_id']).doNothing())
      .execute();
  }

  async isAdmitted(sessionId: string, identityId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('session_admissions')
      .select('identity_id')
      .where('session_id', '=', sessionId)
      .where('identity_id', '=', identityId)
      .executeTakeFirst();
    return row !== undefined;
  }
}

/** `AdmissionStore` in memory, for hub tests. */
export class MemoryAdmissionStore implements AdmissionStore {
  private readonly admitted = new Set<string>();

  admit(sessionId: string, identityId: string): Promise<void> {
    this.admitted.add(`${sessionId}\u0000${identityId}`);
    return Promise.resolve();
  }

  isAdmitted(sessionId: string, identityId: string): Promise<boolean> {
    return Promise.resolve(this.admitted.has(`${sessionId}\u0000${identityId}`));
  }
}
