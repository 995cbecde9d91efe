/**
 * The audit of reads of other people's shared data (DESIGN, Security): one row each time someone
 * is shown a record another person shared with them. Nothing of the record itself is copied here.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.ts';

/** One read of someone else's shared thing. */
export interface SharedAccess {
  readonly atMs: number;
  readonly viewerId: string;
  readonly ownerId: string;
  readonly relationshipId: string;
  /** What was read, e.g. `record`. */
  readonly subject: string;
  readonly subjectId: string;
}

/** Storage of the access audit. */
export interface SharedAccessAudit {
  record(accesses: readonly SharedAccess[]): Promise<void>;
  /** Reads of `ownerId`'s shared things, oldest first. */
  listForOwner(ownerId: string): Promise<SharedAccess[]>;
}

/** Rows per INSERT, well under SQLite's bound-parameter limit. */
const INSERT_CHUNK = 100;

/** `SharedAccessAudit` over the Kysely database. */
export class KyselySharedAccessAudit implements SharedAccessAudit {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async record(accesses: readonly SharedAccess[]): Promise<void> {
    const rows = accesses.map((access) => ({
      at_ms: access.atMs,
      viewer_id: access.viewerId,
      owner_id: access.ownerId,
      relationship_id: access.relationshipId,
      subject: access.subject,
      subject_id: access.subjectId,
    }));
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      await this.db.insertInto('shared_access_audit').values(rows.slice(start, start + INSERT_CHUNK)).execute();
    }
  }

  async listForOwner(ownerId: string): Promise<SharedAccess[]> {
    const rows = await this.db.selectFrom('shared_access_audit').selectAll().where('owner_id', '=', ownerId).orderBy('at_ms', 'asc').execute();
    return rows.map((row) => ({
      atMs: row.at_ms,
      viewerId: row.viewer_id,
      ownerId: row.owner_id,
      relationshipId: row.relationship_id,
      subject: row.subject,
      subjectId: row.subject_id,
    }));
  }
}
