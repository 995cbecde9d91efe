/**
 * A person's data rights over the database (issue 6): export everything they own, and delete it.
 * The composition root wires one `KyselyPersonData`; the routes use the interface.
 */
import type { Kysely } from 'kysely';
import type { AccountExport } from '../../core/protocol/account-api.ts';
import { personDeleteEverywhere, type PersonDeletion } from './person-deletion.ts';
import { personExport } from './person-export.ts';
import { personSessionsFind, type PersonSessions } from './person-sessions.ts';
import type { DatabaseSchema } from './schema.ts';

/** Export and deletion of one person's data. */
export interface PersonDataRights {
  /** Everything `personId` owns, stamped `nowMs`; null when there is no such person. */
  exportOf(personId: string, nowMs: number): Promise<AccountExport | null>;
  /** Their live sessions, and the shared open ones they are still present in (to leave first). */
  sessionsOf(personId: string): Promise<PersonSessions>;
  /** Deletes them everywhere in one transaction at server time `nowMs` (person-deletion.ts). */
  deleteEverywhere(personId: string, nowMs: number): Promise<PersonDeletion>;
}

/** `PersonDataRights` over the Kysely database (SQLite or Postgres). */
export class KyselyPersonData implements PersonDataRights {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  exportOf(personId: string, nowMs: number): Promise<AccountExport | null> {
    return personExport(this.db, personId, nowMs);
  }

  sessionsOf(personId: string): Promise<PersonSessions> {
    return personSessionsFind(this.db, personId);
  }

  deleteEverywhere(personId: string, nowMs: number): Promise<PersonDeletion> {
    return personDeleteEverywhere(this.db, personId, nowMs);
  }
}
