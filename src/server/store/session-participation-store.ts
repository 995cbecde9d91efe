/**
 * Which live sessions a person took part in, read from the session log's own `participantJoined`
 * events (indexed by actor in migration 0004). Progress then reads those logs through the hub.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.ts';

/** Finds the sessions a person joined. */
export interface SessionParticipationStore {
  /** Ids of sessions `personId` joined at least once, most recently started first, at most `limit`. */
  sessionsJoinedBy(personId: string, limit: number): Promise<string[]>;
}

/** `SessionParticipationStore` over the Kysely database. */
export class KyselySessionParticipationStore implements SessionParticipationStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async sessionsJoinedBy(personId: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('session_events')
      .select('session_id')
      .select((eb) => eb.fn.min<number>('at_ms').as('first_at_ms'))
      .where('actor_id', '=', personId)
      .where('type', '=', 'participantJoined')
      .groupBy('session_id')
      .orderBy('first_at_ms', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => row.session_id);
  }
}
