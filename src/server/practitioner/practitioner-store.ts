/**
 * Storage for practitioner mode: the account roles of a relationship's members, the live sessions
 * a practitioner and a client were in together, and the practitioner's private notes.
 *
 * Private notes, a product decision: a note is the practitioner's own working words about their
 * practice with a client, like a paper notebook kept beside the session. Only its author reads,
 * changes or deletes it; every query here is scoped to the author's id. The client never sees
 * them: not through any route, not in their data export, not in the access log (a note is not
 * something the client shared, so writing one is not a look at their data). The client is told,
 * on their access-log page, that practitioners may keep notes of their own. The notes belong in
 * the practitioner's own data export, and go when the practitioner deletes their account.
 */
import type { Kysely } from 'kysely';
import type { AccountRole } from '../../core/protocol/account-api.ts';
import type { DatabaseSchema, PractitionerNotesTable } from '../store/schema.ts';

/** A private note as stored. */
export interface PractitionerNote {
  readonly id: string;
  readonly practitionerId: string;
  readonly clientId: string;
  readonly text: string;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
}

/** A live session started from a relationship that two people both joined. */
export interface SessionTogether {
  readonly sessionId: string;
  readonly relationshipId: string;
  /** When it was opened from the relationship. */
  readonly startedAtMs: number;
  /** The later of the two people's first joins. */
  readonly joinedAtMs: number;
}

/** Storage of practitioner mode. */
export interface PractitionerStore {
  /** The account roles of those of `personIds` who have an account (guests are missing from the map). */
  rolesOf(personIds: readonly string[]): Promise<Map<string, AccountRole>>;
  /** Sessions started from the relationship that both people joined, newest first, at most `limit`. */
  sessionsTogether(relationshipId: string, personIds: readonly [string, string], limit: number): Promise<SessionTogether[]>;
  /** The author's notes about one client, newest first. */
  notesOf(practitionerId: string, clientId: string): Promise<PractitionerNote[]>;
  noteCreate(note: PractitionerNote): Promise<PractitionerNote>;
  /** Changes the text of the author's own note; null when there is no such note of theirs. */
  noteUpdate(noteId: string, practitionerId: string, text: string, nowMs: number): Promise<PractitionerNote | null>;
  /** Deletes the author's own note; false when there is no such note of theirs. */
  noteDelete(noteId: string, practitionerId: string): Promise<boolean>;
}

/** `PractitionerStore` over the Kysely database. */
export class KyselyPractitionerStore implements PractitionerStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async rolesOf(personIds: readonly string[]): Promise<Map<string, AccountRole>> {
    if (personIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('accounts').select(['identity_id', 'role']).where('identity_id', 'in', [...personIds]).execute();
    return new Map(rows.map((row) => [row.identity_id, row.role]));
  }

  async sessionsTogether(relationshipId: string, personIds: readonly [string, string], limit: number): Promise<SessionTogether[]> {
    const rows = await this.db
      .selectFrom('relationship_sessions')
      .innerJoin('session_events', 'session_events.session_id', 'relationship_sessions.session_id')
      .select(['relationship_sessions.session_id', 'relationship_sessions.relationship_id', 'relationship_sessions.created_at_ms'])
      .select((eb) => eb.fn.max<number>('session_events.at_ms').as('joined_at_ms'))
      .where('relationship_sessions.relationship_id', '=', relationshipId)
      .where('session_events.type', '=', 'participantJoined')
      .where('session_events.actor_id', 'in', [...personIds])
      .groupBy(['relationship_sessions.session_id', 'relationship_sessions.relationship_id', 'relationship_sessions.created_at_ms'])
      .having((eb) => eb.fn.count('session_events.actor_id').distinct(), '=', 2)
      .orderBy('relationship_sessions.created_at_ms', 'desc')
      .orderBy('relationship_sessions.session_id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      sessionId: row.session_id,
      relationshipId: row.relationship_id,
      startedAtMs: row.created_at_ms,
      joinedAtMs: row.joined_at_ms,
    }));
  }

  async notesOf(practitionerId: string, clientId: string): Promise<PractitionerNote[]> {
    const rows = await this.db
      .selectFrom('practitioner_notes')
      .selectAll()
      .where('practitioner_id', '=', practitionerId)
      .where('client_id', '=', clientId)
      .orderBy('created_at_ms', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(noteFromRow);
  }

  async noteCreate(note: PractitionerNote): Promise<PractitionerNote> {
    await this.db
      .insertInto('practitioner_notes')
      .values({
        id: note.id,
        practitioner_id: note.practitionerId,
        client_id: note.clientId,
        text: note.text,
        created_at_ms: note.createdAtMs,
        updated_at_ms: note.updatedAtMs,
      })
      .execute();
    return { ...note };
  }

  async noteUpdate(noteId: string, practitionerId: string, text: string, nowMs: number): Promise<PractitionerNote | null> {
    const updated = await this.db
      .updateTable('practitioner_notes')
      .set({ text, updated_at_ms: nowMs })
      .where('id', '=', noteId)
      .where('practitioner_id', '=', practitionerId)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) return null;
    const row = await this.db.selectFrom('practitioner_notes').selectAll().where('id', '=', noteId).where('practitioner_id', '=', practitionerId).executeTakeFirst();
    return row === undefined ? null : noteFromRow(row);
  }

  async noteDelete(noteId: string, practitionerId: string): Promise<boolean> {
    const deleted = await this.db.deleteFrom('practitioner_notes').where('id', '=', noteId).where('practitioner_id', '=', practitionerId).executeTakeFirst();
    return deleted.numDeletedRows > 0n;
  }
}

function noteFromRow(row: PractitionerNotesTable): PractitionerNote {
  return {
    id: row.id,
    practitionerId: row.practitioner_id,
    clientId: row.client_id,
    text: row.text,
    createdAtMs: row.created_at_ms,
    updatedAtMs: row.updated_at_ms,
  };
}
