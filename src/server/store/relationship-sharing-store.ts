/**
 * What each member of a relationship lets the others see outside a live session (the rules and the
 * defaults: `src/core/relationships/sharing.ts`). A member who never chose has no row and uses the
 * defaults. Reads return only current members, so someone who left shares nothing even before
 * their row is gone; leaving deletes it in the same transaction (`KyselyRelationshipStore.leave`).
 */
import type { Kysely } from 'kysely';
import type { RelationshipSharing, SharingSettings } from '../../core/relationships/sharing.ts';
import { lockRelationship } from './relationship-store.ts';
import type { DatabaseSchema } from './schema.ts';

/** Storage of relationship sharing switches. */
export interface RelationshipSharingStore {
  /** The relationship's current members, in the order they joined, and the switches each chose. */
  sharingOf(relationshipId: string): Promise<RelationshipSharing>;
  /**
   * Sets `personId`'s switches. False when they are not in the relationship now: checked under the
   * relationship's lock, so a change can never land after they have left.
   */
  put(relationshipId: string, personId: string, settings: SharingSettings, nowMs: number): Promise<boolean>;
}

const bit = (on: boolean): number => (on ? 1 : 0);

/** `RelationshipSharingStore` over the Kysely database. */
export class KyselyRelationshipSharingStore implements RelationshipSharingStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async sharingOf(relationshipId: string): Promise<RelationshipSharing> {
    const rows = await this.db
      .selectFrom('relationship_members')
      .leftJoin('relationship_sharing', (join) =>
        join
          .onRef('relationship_sharing.relationship_id', '=', 'relationship_members.relationship_id')
          .onRef('relationship_sharing.person_id', '=', 'relationship_members.person_id'),
      )
      .select([
        'relationship_members.person_id',
        'relationship_sharing.check_ins',
        'relationship_sharing.physiology',
        'relationship_sharing.reflections',
        'relationship_sharing.cycle_map',
      ])
      .where('relationship_members.relationship_id', '=', relationshipId)
      .where('relationship_members.left_at_ms', 'is', null)
      .orderBy('relationship_members.joined_at_ms', 'asc')
      .orderBy('relationship_members.person_id', 'asc')
      .execute();
    const chosen = new Map<string, SharingSettings>();
    for (const row of rows) {
      if (row.check_ins === null || row.physiology === null || row.reflections === null || row.cycle_map === null) continue;
      chosen.set(row.person_id, {
        checkIns: row.check_ins === 1,
        physiology: row.physiology === 1,
        reflections: row.reflections === 1,
        cycleMap: row.cycle_map === 1,
      });
    }
    return { memberIds: rows.map((row) => row.person_id), chosen };
  }

  async put(relationshipId: string, personId: string, settings: SharingSettings, nowMs: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      // The lock leaving takes: a change and leaving never interleave.
      await lockRelationship(trx, relationshipId);
      const member = await trx
        .selectFrom('relationship_members')
        .select('person_id')
        .where('relationship_id', '=', relationshipId)
        .where('person_id', '=', personId)
        .where('left_at_ms', 'is', null)
        .executeTakeFirst();
      if (member === undefined) return false;
      const switches = {
        check_ins: bit(settings.checkIns),
        physiology: bit(settings.physiology),
        reflections: bit(settings.reflections),
        cycle_map: bit(settings.cycleMap),
        updated_at_ms: nowMs,
      };
      await trx
        .insertInto('relationship_sharing')
        .values({ relationship_id: relationshipId, person_id: personId, ...switches })
        .onConflict((conflict) => conflict.columns(['relationship_id', 'person_id']).doUpdateSet(switches))
        .execute();
      return true;
    });
  }
}
