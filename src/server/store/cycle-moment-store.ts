/**
 * "Our cycle is here": moments someone noticed their cycle, kept per relationship for progress.
 * A moment carries no words, only when it was and the live session it came from, if any. Reads
 * return only moments noted by people still in the relationship.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.ts';

/** One noticed moment. */
export interface CycleMoment {
  readonly id: string;
  readonly relationshipId: string;
  readonly personId: string;
  readonly sessionId: string | null;
  readonly atMs: number;
}

/** Storage of cycle moments. */
export interface CycleMomentStore {
  add(moment: CycleMoment): Promise<CycleMoment>;
  /** A relationship's moments noted by its current members, oldest first. */
  listForRelationship(relationshipId: string): Promise<CycleMoment[]>;
  /** Moments of every relationship `personId` is in now, noted by current members, oldest first. */
  listForPerson(personId: string): Promise<CycleMoment[]>;
}

/** `CycleMomentStore` over the Kysely database. */
export class KyselyCycleMomentStore implements CycleMomentStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async add(moment: CycleMoment): Promise<CycleMoment> {
    await this.db
      .insertInto('cycle_moments')
      .values({ id: moment.id, relationship_id: moment.relationshipId, person_id: moment.personId, session_id: moment.sessionId, at_ms: moment.atMs })
      .execute();
    return { ...moment };
  }

  async listForRelationship(relationshipId: string): Promise<CycleMoment[]> {
    return this.listWhere((query) => query.where('cycle_moments.relationship_id', '=', relationshipId));
  }

  async listForPerson(personId: string): Promise<CycleMoment[]> {
    return this.listWhere((query) =>
      query.where('cycle_moments.relationship_id', 'in', (eb) =>
        eb
          .selectFrom('relationship_members as mine')
          .select('mine.relationship_id')
          .where('mine.person_id', '=', personId)
          .where('mine.left_at_ms', 'is', null),
      ),
    );
  }

  private async listWhere(
    narrow: (query: ReturnType<KyselyCycleMomentStore['base']>) => ReturnType<KyselyCycleMomentStore['base']>,
  ): Promise<CycleMoment[]> {
    const rows = await narrow(this.base()).orderBy('cycle_moments.at_ms', 'asc').orderBy('cycle_moments.id', 'asc').execute();
    return rows.map((row) => ({ id: row.id, relationshipId: row.relationship_id, personId: row.person_id, sessionId: row.session_id, atMs: row.at_ms }));
  }

  private base() {
    return this.db
      .selectFrom('cycle_moments')
      .innerJoin('relationship_members', (join) =>
        join
          .onRef('relationship_members.relationship_id', '=', 'cycle_moments.relationship_id')
          .onRef('relationship_members.person_id', '=', 'cycle_moments.person_id'),
      )
      .where('relationship_members.left_at_ms', 'is', null)
      .selectAll('cycle_moments');
  }
}
