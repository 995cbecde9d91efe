/**
 * Relationships: who is in one (and who has left), the invite links that bring someone in, and
 * the live sessions started from one. Leaving is one transaction: the person is out, every record
 * they shared with the relationship stops being shared, their sharing switches are deleted, and
 * their unused invites stop working.
 *
 * Membership changes of one relationship are serialised by a no-op update of its row (the row
 * lock on Postgres, the write lock on SQLite), so two invites accepted at once cannot overfill it.
 */
import type { Kysely, Transaction } from 'kysely';
import type { RelationshipKind } from '../../core/protocol/between-us-api.ts';
import type { DatabaseSchema, RelationshipInvitesTable, RelationshipsTable } from './schema.ts';

/** A relationship as stored. */
export interface Relationship {
  readonly id: string;
  readonly kind: RelationshipKind;
  readonly createdBy: string;
  readonly createdAtMs: number;
}

/** A current member, with the name they go by. */
export interface RelationshipMember {
  readonly personId: string;
  readonly displayName: string;
  readonly joinedAtMs: number;
}

/** An invite as stored (the token itself is never kept). */
export interface RelationshipInvite {
  readonly tokenHash: string;
  readonly relationshipId: string;
  readonly createdBy: string;
  readonly createdAtMs: number;
  readonly expiresAtMs: number;
}

/** What accepting an invite came to. */
export type RelationshipInviteAcceptResult =
  | { readonly kind: 'joined'; readonly relationshipId: string }
  /** Already in it: the invite is left unused for someone else. */
  | { readonly kind: 'alreadyMember'; readonly relationshipId: string }
  | { readonly kind: 'full'; readonly relationshipId: string }
  /** Unknown, expired, used, or withdrawn. */
  | { readonly kind: 'invalid' };

/** Storage of relationships, their members, invites and linked sessions. */
export interface RelationshipStore {
  /** Creates a relationship with its creator as the first member. */
  create(input: { id: string; kind: RelationshipKind; createdBy: string; createdAtMs: number }): Promise<Relationship>;
  /** The relationship if `personId` is in it now; null otherwise (missing or not theirs alike). */
  findForMember(relationshipId: string, personId: string): Promise<Relationship | null>;
  /** The relationships `personId` is in now, oldest first. */
  listForPerson(personId: string): Promise<Relationship[]>;
  /** Current members, in the order they joined. */
  members(relationshipId: string): Promise<RelationshipMember[]>;
  createInvite(invite: RelationshipInvite): Promise<RelationshipInvite>;
  /** The invite if unused, not withdrawn and not expired at `nowMs`. */
  findValidInvite(tokenHash: string, nowMs: number): Promise<RelationshipInvite | null>;
  /** Uses the invite for `personId` (once), unless they are in already or it is full. */
  acceptInvite(tokenHash: string, personId: string, nowMs: number, maxMembers: number): Promise<RelationshipInviteAcceptResult>;
  /**
   * Takes `personId` out, unshares everything they shared with it, deletes their sharing switches
   * and withdraws their unused invites, in one transaction. False when they were not in it.
   */
  leave(relationshipId: string, personId: string, nowMs: number): Promise<boolean>;
  /** Remembers that a live session was started from a relationship. */
  linkSession(link: { sessionId: string; relationshipId: string; createdBy: string; createdAtMs: number }): Promise<void>;
  /** The relationship a live session was started from, if any. */
  sessionRelationship(sessionId: string): Promise<string | null>;
  /** Every live session started from a relationship, oldest first. */
  sessionsOf(relationshipId: string): Promise<string[]>;
}

/** `RelationshipStore` over the Kysely database. */
export class KyselyRelationshipStore implements RelationshipStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async create(input: { id: string; kind: RelationshipKind; createdBy: string; createdAtMs: number }): Promise<Relationship> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('relationships')
        .values({ id: input.id, kind: input.kind, created_by: input.createdBy, created_at_ms: input.createdAtMs })
        .execute();
      await trx
        .insertInto('relationship_members')
        .values({ relationship_id: input.id, person_id: input.createdBy, joined_at_ms: input.createdAtMs, left_at_ms: null })
        .execute();
    });
    return { id: input.id, kind: input.kind, createdBy: input.createdBy, createdAtMs: input.createdAtMs };
  }

  async findForMember(relationshipId: string, personId: string): Promise<Relationship | null> {
    const row = await this.db
      .selectFrom('relationships')
      .innerJoin('relationship_members', 'relationship_members.relationship_id', 'relationships.id')
      .selectAll('relationships')
      .where('relationships.id', '=', relationshipId)
      .where('relationship_members.person_id', '=', personId)
      .where('relationship_members.left_at_ms', 'is', null)
      .executeTakeFirst();
    return row === undefined ? null : relationshipFromRow(row);
  }

  async listForPerson(personId: string): Promise<Relationship[]> {
    const rows = await this.db
      .selectFrom('relationships')
      .innerJoin('relationship_members', 'relationship_members.relationship_id', 'relationships.id')
      .selectAll('relationships')
      .where('relationship_members.person_id', '=', personId)
      .where('relationship_members.left_at_ms', 'is', null)
      .orderBy('relationships.created_at_ms', 'asc')
      .orderBy('relationships.id', 'asc')
      .execute();
    return rows.map(relationshipFromRow);
  }

  async members(relationshipId: string): Promise<RelationshipMember[]> {
    const rows = await this.db
      .selectFrom('relationship_members')
      .leftJoin('identities', 'identities.id', 'relationship_members.person_id')
      .select(['relationship_members.person_id', 'relationship_members.joined_at_ms', 'identities.display_name'])
      .where('relationship_members.relationship_id', '=', relationshipId)
      .where('relationship_members.left_at_ms', 'is', null)
      .orderBy('relationship_members.joined_at_ms', 'asc')
      .orderBy('relationship_members.person_id', 'asc')
      .execute();
    return rows.map((row) => ({ personId: row.person_id, displayName: row.display_name ?? 'Someone', joinedAtMs: row.joined_at_ms }));
  }

  async createInvite(invite: RelationshipInvite): Promise<RelationshipInvite> {
    await this.db
      .insertInto('relationship_invites')
      .values({
        token_hash: invite.tokenHash,
        relationship_id: invite.relationshipId,
        created_by: invite.createdBy,
        created_at_ms: invite.createdAtMs,
        expires_at_ms: invite.expiresAtMs,
        used_at_ms: null,
        used_by: null,
        revoked_at_ms: null,
      })
      .execute();
    return { ...invite };
  }

  async findValidInvite(tokenHash: string, nowMs: number): Promise<RelationshipInvite | null> {
    return validInviteIn(this.db, tokenHash, nowMs);
  }

  async acceptInvite(tokenHash: string, personId: string, nowMs: number, maxMembers: number): Promise<RelationshipInviteAcceptResult> {
    return this.db.transaction().execute(async (trx): Promise<RelationshipInviteAcceptResult> => {
      const invite = await validInviteIn(trx, tokenHash, nowMs);
      if (invite === null) return { kind: 'invalid' };
      const relationshipId = invite.relationshipId;
      await lockRelationship(trx, relationshipId);
      const current = await trx
        .selectFrom('relationship_members')
        .select('person_id')
        .where('relationship_id', '=', relationshipId)
        .where('left_at_ms', 'is', null)
        .execute();
      if (current.some((row) => row.person_id === personId)) return { kind: 'alreadyMember', relationshipId };
      if (current.length >= maxMembers) return { kind: 'full', relationshipId };
      // Holding the relationship's lock; the condition also stops a second use racing this one.
      const used = await trx
        .updateTable('relationship_invites')
        .set({ used_at_ms: nowMs, used_by: personId })
        .where('token_hash', '=', tokenHash)
        .where('used_at_ms', 'is', null)
        .where('revoked_at_ms', 'is', null)
        .where('expires_at_ms', '>', nowMs)
        .executeTakeFirst();
      if (used.numUpdatedRows === 0n) return { kind: 'invalid' };
      await trx
        .insertInto('relationship_members')
        .values({ relationship_id: relationshipId, person_id: personId, joined_at_ms: nowMs, left_at_ms: null })
        .onConflict((conflict) => conflict.columns(['relationship_id', 'person_id']).doUpdateSet({ joined_at_ms: nowMs, left_at_ms: null }))
        .execute();
      return { kind: 'joined', relationshipId };
    });
  }

  async leave(relationshipId: string, personId: string, nowMs: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await lockRelationship(trx, relationshipId);
      const left = await trx
        .updateTable('relationship_members')
        .set({ left_at_ms: nowMs })
        .where('relationship_id', '=', relationshipId)
        .where('person_id', '=', personId)
        .where('left_at_ms', 'is', null)
        .executeTakeFirst();
      if (left.numUpdatedRows === 0n) return false;
      await trx
        .updateTable('personal_records')
        .set({ shared_with: null, shared_at_ms: null })
        .where('owner_id', '=', personId)
        .where('shared_with', '=', relationshipId)
        .execute();
      // Their sharing switches go too: nothing of theirs is shared, and a later return starts afresh.
      await trx.deleteFrom('relationship_sharing').where('relationship_id', '=', relationshipId).where('person_id', '=', personId).execute();
      await trx
        .updateTable('relationship_invites')
        .set({ revoked_at_ms: nowMs })
        .where('relationship_id', '=', relationshipId)
        .where('created_by', '=', personId)
        .where('used_at_ms', 'is', null)
        .where('revoked_at_ms', 'is', null)
        .execute();
      // Being a member was what let them into the relationship's sessions; that goes too.
      await trx
        .deleteFrom('session_admissions')
        .where('identity_id', '=', personId)
        .where('session_id', 'in', trx.selectFrom('relationship_sessions').select('session_id').where('relationship_id', '=', relationshipId))
        .execute();
      return true;
    });
  }

  async linkSession(link: { sessionId: string; relationshipId: string; createdBy: string; createdAtMs: number }): Promise<void> {
    await this.db
      .insertInto('relationship_sessions')
      .values({ session_id: link.sessionId, relationship_id: link.relationshipId, created_by: link.createdBy, created_at_ms: link.createdAtMs })
      .execute();
  }

  async sessionRelationship(sessionId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('relationship_sessions')
      .select('relationship_id')
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return row?.relationship_id ?? null;
  }

  async sessionsOf(relationshipId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('relationship_sessions')
      .select('session_id')
      .where('relationship_id', '=', relationshipId)
      .orderBy('created_at_ms')
      .execute();
    return rows.map((row) => row.session_id);
  }
}

/**
 * Serialises membership and sharing changes of one relationship until the transaction ends, so
 * a record shared at the moment its owner leaves cannot stay shared.
 */
export async function lockRelationship(trx: Transaction<DatabaseSchema>, relationshipId: string): Promise<void> {
  await trx
    .updateTable('relationships')
    .set((eb) => ({ kind: eb.ref('kind') }))
    .where('id', '=', relationshipId)
    .execute();
}

async function validInviteIn(db: Kysely<DatabaseSchema>, tokenHash: string, nowMs: number): Promise<RelationshipInvite | null> {
  const row = await db
    .selectFrom('relationship_invites')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('expires_at_ms', '>', nowMs)
    .where('used_at_ms', 'is', null)
    .where('revoked_at_ms', 'is', null)
    .executeTakeFirst();
  return row === undefined ? null : inviteFromRow(row);
}

function inviteFromRow(row: RelationshipInvitesTable): RelationshipInvite {
  return {
    tokenHash: row.token_hash,
    relationshipId: row.relationship_id,
    createdBy: row.created_by,
    createdAtMs: row.created_at_ms,
    expiresAtMs: row.expires_at_ms,
  };
}

function relationshipFromRow(row: RelationshipsTable): Relationship {
  return { id: row.id, kind: row.kind as RelationshipKind, createdBy: row.created_by, createdAtMs: row.created_at_ms };
}
