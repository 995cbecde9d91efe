/**
 * Reading the access audit for its owner: "who has looked at what I share". Read-only on purpose.
 *
 * Audit rows are written only through `SharedAccessAudit.record` and never changed or deleted by
 * any route. The one path that touches existing rows is deleting an account
 * (`src/server/store/person-deletion.ts`): the rows of the person who leaves, as owner, go with
 * them, and where they were the viewer, the row stays for its owner with a stand-in in their
 * place. `access-log-immutability.test.ts` checks both the interfaces and the source for this.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../store/schema.ts';

/** One look at something the owner shares, with the viewer's name and the relationship's kind. */
export interface AccessLogRow {
  readonly atMs: number;
  readonly viewerId: string;
  /** Null once the viewer's identity is gone. */
  readonly viewerName: string | null;
  readonly relationshipId: string;
  /** Null once the relationship is gone. */
  readonly relationshipKind: string | null;
  readonly subject: string;
  readonly subjectId: string;
}

/** A page of the owner's log. */
export interface AccessLogWindow {
  readonly limit: number;
  readonly offset: number;
  /** Only rows at or before this instant (a listing that does not shift while paging). */
  readonly untilMs: number;
}

/** Reads the access log; there is nothing here that writes. */
export interface AccessLogStore {
  /** Rows where `ownerId` is the owner, newest first, in a fixed order so pages never overlap. */
  listForOwner(ownerId: string, window: AccessLogWindow): Promise<AccessLogRow[]>;
}

/** `AccessLogStore` over the Kysely database. */
export class KyselyAccessLogStore implements AccessLogStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async listForOwner(ownerId: string, window: AccessLogWindow): Promise<AccessLogRow[]> {
    const rows = await this.db
      .selectFrom('shared_access_audit')
      .leftJoin('identities', 'identities.id', 'shared_access_audit.viewer_id')
      .leftJoin('relationships', 'relationships.id', 'shared_access_audit.relationship_id')
      .select([
        'shared_access_audit.at_ms',
        'shared_access_audit.viewer_id',
        'shared_access_audit.relationship_id',
        'shared_access_audit.subject',
        'shared_access_audit.subject_id',
        'identities.display_name as viewer_name',
        'relationships.kind as relationship_kind',
      ])
      .where('shared_access_audit.owner_id', '=', ownerId)
      .where('shared_access_audit.at_ms', '<=', window.untilMs)
      .orderBy('shared_access_audit.at_ms', 'desc')
      .orderBy('shared_access_audit.viewer_id', 'asc')
      .orderBy('shared_access_audit.relationship_id', 'asc')
      .orderBy('shared_access_audit.subject', 'asc')
      .orderBy('shared_access_audit.subject_id', 'asc')
      .limit(window.limit)
      .offset(window.offset)
      .execute();
    return rows.map((row) => ({
      atMs: row.at_ms,
      viewerId: row.viewer_id,
      viewerName: row.viewer_name,
      relationshipId: row.relationship_id,
      relationshipKind: row.relationship_kind,
      subject: row.subject,
      subjectId: row.subject_id,
    }));
  }
}
