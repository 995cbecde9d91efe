/**
 * The event store on SQLite or Postgres, with one set of queries.
 *
 * How order is kept with several writers (several nodes on one Postgres): every append first runs
 * `UPDATE sessions SET last_seq = expected + n WHERE id = ? AND last_seq = expected`. That row is
 * the per-session write lock: on Postgres a concurrent appender blocks on it and, once the first
 * commits, re-checks the WHERE against the new row and updates nothing; on SQLite the first write
 * of a transaction takes the database write lock (waiting up to busy_timeout). Zero rows updated
 * means conflict (or duplicate, checked after rollback). The primary keys (session_id, seq) and
 * (session_id, command_id) stay as the backstop: a unique violation is also mapped to
 * duplicate/conflict, never surfaced as an error.
 */
import type { Kysely, Transaction } from 'kysely';
import type {
  AppendInput,
  AppendResult,
  CommandRecord,
  EventStore,
  InTurnInput,
  InTurnResult,
  JsonValue,
  StoredEvent,
} from './event-store.ts';
import type { DatabaseSchema, SessionCommandsTable, SessionEventsTable } from './schema.ts';
import { checkAppendInput, toJsonText } from './append-checks.ts';
import { commandRecordFromRow, errorIsUniqueViolation, storedEventFromRow } from './rows.ts';

/** Rows per INSERT, well under SQLite's bound-parameter limit. */
const INSERT_CHUNK = 500;

/** Thrown inside the transaction to roll it back and return a result instead of an error. */
class RollbackWith extends Error {
  constructor(readonly result: AppendResult | null) {
    super('append rolled back');
  }
}

/** `EventStore` over a Kysely database (SQLite or Postgres), migrated to latest. */
export class KyselyEventStore implements EventStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async appendForCommand(input: AppendInput): Promise<AppendResult> {
    checkAppendInput(input);

    try {
      return await this.db.transaction().execute((trx) => appendInTransaction(trx, input));
    } catch (error) {
      if (error instanceof RollbackWith) {
        if (error.result !== null) return error.result;
      } else if (!errorIsUniqueViolation(error)) {
        throw error;
      }
    }
    // Lost the race or expectedLastSeq was stale; the transaction is rolled back. A record of this
    // command id written by the winner means the client's command already happened.
    const record = await this.findCommand(input.sessionId, input.commandId);
    if (record !== null) return { kind: 'duplicate', record };
    return { kind: 'conflict', lastSeq: await this.lastSeq(input.sessionId) };
  }

  /**
   * Takes the session row's lock with a no-op UPDATE (a row lock on Postgres, the write lock on
   * SQLite), reads what the caller missed, and appends its decision in the same transaction.
   */
  async appendInTurn(input: InTurnInput): Promise<InTurnResult> {
    const { sessionId, commandId, actorId, knownLastSeq } = input;
    const result = await this.db.transaction().execute(async (trx): Promise<InTurnResult> => {
      // Only used after an optimistic append conflicted, so the session's row exists.
      const lastSeq = await sessionRowLock(trx, sessionId);
      if (lastSeq === null) throw new Error(`appendInTurn: session ${sessionId} has no row to lock`);
      const known = await findCommandIn(trx, sessionId, commandId);
      if (known !== null) return { kind: 'duplicate', record: known };
      const missed = lastSeq > knownLastSeq ? await readAfterIn(trx, sessionId, knownLastSeq) : [];
      const decision = input.decide(missed);
      const appended = await appendInTransaction(trx, {
        sessionId,
        expectedLastSeq: lastSeq,
        commandId,
        actorId,
        atMs: decision.atMs,
        events: decision.events,
        outcome: decision.outcome,
      });
      if (appended.kind !== 'appended') throw new Error(`appendInTurn: ${appended.kind} while holding the session lock`);
      return appended;
    });
    return result;
  }

  async readAfter(sessionId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]> {
    return readAfterIn(this.db, sessionId, afterSeq, limit);
  }

  async lastSeq(sessionId: string): Promise<number> {
    const row = await this.db
      .selectFrom('session_events')
      .select((eb) => eb.fn.max<number | null>('seq').as('last'))
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return row?.last ?? 0;
  }

  async findCommand(sessionId: string, commandId: string): Promise<CommandRecord | null> {
    return findCommandIn(this.db, sessionId, commandId);
  }
}

/** Locks the session's row until the transaction ends; its last_seq, or null when there is no row. */
async function sessionRowLock(trx: Transaction<DatabaseSchema>, sessionId: string): Promise<number | null> {
  const row = await trx
    .updateTable('sessions')
    .set((eb) => ({ last_seq: eb.ref('last_seq') }))
    .where('id', '=', sessionId)
    .returning('last_seq')
    .executeTakeFirst();
  return row === undefined ? null : row.last_seq;
}

async function readAfterIn(db: Kysely<DatabaseSchema>, sessionId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]> {
  let query = db
    .selectFrom('session_events')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('seq', '>', afterSeq)
    .orderBy('seq', 'asc');
  if (limit !== undefined) query = query.limit(limit);
  const rows = await query.execute();
  return rows.map(storedEventFromRow);
}

async function appendInTransaction(
  trx: Transaction<DatabaseSchema>,
  input: AppendInput,
): Promise<AppendResult> {
  const { sessionId, expectedLastSeq, commandId, actorId, atMs } = input;
  const count = input.events.length;
  const newLastSeq = expectedLastSeq + count;

  if (expectedLastSeq === 0) {
    await trx
      .insertInto('sessions')
      .values({ id: sessionId, created_at_ms: atMs, created_by: actorId, last_seq: 0 })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  const claimed = await trx
    .updateTable('sessions')
    .set({ last_seq: newLastSeq })
    .where('id', '=', sessionId)
    .where('last_seq', '=', expectedLastSeq)
    .executeTakeFirst();
  if (claimed.numUpdatedRows === 0n) throw new RollbackWith(null);

  // Holding the session lock now, so this sees any commit that raced the fast-path check.
  const known = await findCommandIn(trx, sessionId, commandId);
  if (known !== null) throw new RollbackWith({ kind: 'duplicate', record: known });

  const record: CommandRecord = {
    sessionId,
    commandId,
    actorId,
    atMs,
    outcome: input.outcome,
    firstSeq: count === 0 ? null : expectedLastSeq + 1,
    lastSeq: count === 0 ? null : newLastSeq,
  };
  const commandRow: SessionCommandsTable = {
    session_id: sessionId,
    command_id: commandId,
    actor_id: actorId,
    at_ms: atMs,
    outcome: toJsonText(input.outcome, 'outcome'),
    first_seq: record.firstSeq,
    last_seq: record.lastSeq,
  };
  await trx.insertInto('session_commands').values(commandRow).execute();

  const events: StoredEvent[] = input.events.map((event, index) => ({
    sessionId,
    seq: expectedLastSeq + 1 + index,
    atMs,
    actorId,
    commandId,
    type: event.type,
    body: event.body,
  }));
  const rows: SessionEventsTable[] = events.map((event) => ({
    session_id: sessionId,
    seq: event.seq,
    at_ms: atMs,
    actor_id: actorId,
    command_id: commandId,
    type: event.type,
    body: toJsonText(event.body, 'event body'),
  }));
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await trx
      .insertInto('session_events')
      .values(rows.slice(start, start + INSERT_CHUNK))
      .execute();
  }
  // Return what a reader will get back, not the caller's objects.
  return {
    kind: 'appended',
    events: events.map((event) => ({ ...event, body: roundTrip(event.body) })),
    record: { ...record, outcome: roundTrip(record.outcome) },
  };
}

async function findCommandIn(
  db: Kysely<DatabaseSchema>,
  sessionId: string,
  commandId: string,
): Promise<CommandRecord | null> {
  const row = await db
    .selectFrom('session_commands')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('command_id', '=', commandId)
    .executeTakeFirst();
  return row === undefined ? null : commandRecordFromRow(row);
}

function roundTrip(value: JsonValue): JsonValue {
  return JSON.parse(toJsonText(value, 'value')) as JsonValue;
}
