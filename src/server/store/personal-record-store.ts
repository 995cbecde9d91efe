/**
 * Personal records: check-ins, reflections, markers, experiments and solo practices a person
 * keeps. Every query names the owner, so a record is reached only by its owner, or through the
 * one relationship it is shared with while its owner is still in it.
 */
import type { Kysely, Selectable } from 'kysely';
import type { PersonalRecordKind } from '../../core/protocol/between-us-api.ts';
import type { JsonValue } from './event-store.ts';
import { toJsonText } from './append-checks.ts';
import { lockRelationship } from './relationship-store.ts';
import type { DatabaseSchema, PersonalRecordsTable } from './schema.ts';

/** A record as stored, with its owner's current name. */
export interface PersonalRecord {
  readonly id: string;
  readonly ownerId: string;
  readonly ownerName: string;
  readonly kind: PersonalRecordKind;
  readonly atMs: number;
  readonly updatedAtMs: number;
  readonly body: JsonValue;
  readonly sharedWith: string | null;
  readonly sharedAtMs: number | null;
}

/** Input of `create`. */
export interface NewPersonalRecord {
  readonly id: string;
  readonly ownerId: string;
  readonly kind: PersonalRecordKind;
  readonly atMs: number;
  readonly createdAtMs: number;
  readonly body: JsonValue;
}

/** What changing a record's sharing came to. */
export type RecordSharingResult =
  | { readonly kind: 'done'; readonly record: PersonalRecord }
  | { readonly kind: 'recordNotFound' }
  /** The owner is not (or no longer) in that relationship. */
  | { readonly kind: 'relationshipNotFound' };

/** Storage of personal records. */
export interface PersonalRecordStore {
  create(record: NewPersonalRecord): Promise<PersonalRecord>;
  /** The owner's record, or null (missing and someone else's alike). */
  findOwned(id: string, ownerId: string): Promise<PersonalRecord | null>;
  /** The owner's records, oldest first, of one kind if given. */
  listOwned(ownerId: string, kind?: PersonalRecordKind): Promise<PersonalRecord[]>;
  /** Replaces the body; null when it is not the owner's. */
  update(id: string, ownerId: string, body: JsonValue, nowMs: number): Promise<PersonalRecord | null>;
  /** Deletes it for good; false when it is not the owner's. */
  delete(id: string, ownerId: string): Promise<boolean>;
  /** Shares with one of the owner's relationships, or takes sharing back (`null`). */
  setSharing(id: string, ownerId: string, relationshipId: string | null, nowMs: number): Promise<RecordSharingResult>;
  /** Records shared with a relationship by people still in it, oldest first. */
  listShared(relationshipId: string): Promise<PersonalRecord[]>;
}

/** `PersonalRecordStore` over the Kysely database. */
export class KyselyPersonalRecordStore implements PersonalRecordStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async create(record: NewPersonalRecord): Promise<PersonalRecord> {
    await this.db
      .insertInto('personal_records')
      .values({
        id: record.id,
        owner_id: record.ownerId,
        kind: record.kind,
        at_ms: record.atMs,
        updated_at_ms: record.createdAtMs,
        body: toJsonText(record.body, 'record body'),
        shared_with: null,
        shared_at_ms: null,
      })
      .execute();
    return this.mustFind(record.id, record.ownerId);
  }

  async findOwned(id: string, ownerId: string): Promise<PersonalRecord | null> {
    const row = await this.selectWithOwner().where('personal_records.id', '=', id).where('personal_records.owner_id', '=', ownerId).executeTakeFirst();
    return row === undefined ? null : recordFromRow(row);
  }

  async listOwned(ownerId: string, kind?: PersonalRecordKind): Promise<PersonalRecord[]> {
    let query = this.selectWithOwner().where('personal_records.owner_id', '=', ownerId);
    if (kind !== undefined) query = query.where('personal_records.kind', '=', kind);
    const rows = await query.orderBy('personal_records.at_ms', 'asc').orderBy('personal_records.id', 'asc').execute();
    return rows.map(recordFromRow);
  }

  async update(id: string, ownerId: string, body: JsonValue, nowMs: number): Promise<PersonalRecord | null> {
    const result = await this.db
      .updateTable('personal_records')
      .set({ body: toJsonText(body, 'record body'), updated_at_ms: nowMs })
      .where('id', '=', id)
      .where('owner_id', '=', ownerId)
      .executeTakeFirst();
    return result.numUpdatedRows === 0n ? null : this.mustFind(id, ownerId);
  }

  async delete(id: string, ownerId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('personal_records').where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async setSharing(id: string, ownerId: string, relationshipId: string | null, nowMs: number): Promise<RecordSharingResult> {
    const outcome = await this.db.transaction().execute(async (trx): Promise<RecordSharingResult['kind']> => {
      if (relationshipId !== null) {
        // The same lock leaving takes: sharing and leaving never interleave.
        await lockRelationship(trx, relationshipId);
        const member = await trx
          .selectFrom('relationship_members')
          .select('person_id')
          .where('relationship_id', '=', relationshipId)
          .where('person_id', '=', ownerId)
          .where('left_at_ms', 'is', null)
          .executeTakeFirst();
        if (member === undefined) return 'relationshipNotFound';
      }
      const result = await trx
        .updateTable('personal_records')
        .set({ shared_with: relationshipId, shared_at_ms: relationshipId === null ? null : nowMs })
        .where('id', '=', id)
        .where('owner_id', '=', ownerId)
        .executeTakeFirst();
      return result.numUpdatedRows === 0n ? 'recordNotFound' : 'done';
    });
    if (outcome !== 'done') return { kind: outcome };
    return { kind: 'done', record: await this.mustFind(id, ownerId) };
  }

  async listShared(relationshipId: string): Promise<PersonalRecord[]> {
    const rows = await this.selectWithOwner()
      .innerJoin('relationship_members', (join) =>
        join
          .onRef('relationship_members.person_id', '=', 'personal_records.owner_id')
          .onRef('relationship_members.relationship_id', '=', 'personal_records.shared_with'),
      )
      .where('personal_records.shared_with', '=', relationshipId)
      .where('relationship_members.left_at_ms', 'is', null)
      .orderBy('personal_records.at_ms', 'asc')
      .orderBy('personal_records.id', 'asc')
      .execute();
    return rows.map(recordFromRow);
  }

  private selectWithOwner() {
    return this.db
      .selectFrom('personal_records')
      .leftJoin('identities', 'identities.id', 'personal_records.owner_id')
      .selectAll('personal_records')
      .select('identities.display_name as owner_name');
  }

  private async mustFind(id: string, ownerId: string): Promise<PersonalRecord> {
    const record = await this.findOwned(id, ownerId);
    if (record === null) throw new Error('a record just written could not be read back');
    return record;
  }
}

function recordFromRow(row: Selectable<PersonalRecordsTable> & { owner_name: string | null }): PersonalRecord {
  return {
    id: row.id,
    ownerId: row.owner_id,
    ownerName: row.owner_name ?? 'Someone',
    kind: row.kind as PersonalRecordKind,
    atMs: row.at_ms,
    updatedAtMs: row.updated_at_ms,
    body: JSON.parse(row.body) as JsonValue,
    sharedWith: row.shared_with,
    sharedAtMs: row.shared_at_ms,
  };
}
