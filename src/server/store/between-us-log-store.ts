/**
 * The event logs of cycle maps and repairs: one append-only log per map or repair, numbered
 * 1..n, each belonging to one relationship. Appending works like the live-session store
 * (`kysely-event-store.ts`): `UPDATE between_us_logs SET last_seq = expected + n WHERE log_id = ?
 * AND last_seq = expected` is the per-log write lock; zero rows means someone appended first
 * (conflict) or the command was already recorded (duplicate). The primary keys (log_id, seq) and
 * (log_id, command_id) are the backstop. Events are stamped with the server time of the append.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { checkAppendInput, toJsonText } from './append-checks.ts';
import type { JsonValue, NewEvent } from './event-store.ts';
import { errorIsUniqueViolation } from './rows.ts';
import type { BetweenUsCommandsTable, BetweenUsEventsTable, BetweenUsLogsTable, DatabaseSchema } from './schema.ts';

/** What a log holds. */
export type BetweenUsLogKind = 'cycle' | 'repair';

/** One log's index entry. */
export interface BetweenUsLog {
  readonly logId: string;
  readonly relationshipId: string;
  readonly kind: BetweenUsLogKind;
  readonly createdAtMs: number;
  readonly lastSeq: number;
}

/** One stored event, with the server time it was appended. */
export interface BetweenUsStoredEvent {
  readonly logId: string;
  readonly seq: number;
  readonly atMs: number;
  readonly actorId: string;
  readonly commandId: string | null;
  readonly type: string;
  readonly body: JsonValue;
}

/** What a command id led to, so a retry gets the first outcome again. */
export interface BetweenUsCommandRecord {
  readonly logId: string;
  readonly commandId: string;
  readonly actorId: string;
  readonly atMs: number;
  readonly outcome: JsonValue;
  readonly firstSeq: number | null;
  readonly lastSeq: number | null;
}

/** Input of `append`. */
export interface BetweenUsAppendInput {
  readonly logId: string;
  /** Used when the log is new (expectedLastSeq 0); an existing log must already belong here. */
  readonly relationshipId: string;
  readonly kind: BetweenUsLogKind;
  readonly expectedLastSeq: number;
  readonly commandId: string;
  readonly actorId: string;
  readonly atMs: number;
  /** Empty for a recorded rejection. */
  readonly events: readonly NewEvent[];
  readonly outcome: JsonValue;
}

/** Result of `append`; only a thrown error means storage failed. */
export type BetweenUsAppendResult =
  | { readonly kind: 'appended'; readonly events: readonly BetweenUsStoredEvent[]; readonly record: BetweenUsCommandRecord }
  | { readonly kind: 'duplicate'; readonly record: BetweenUsCommandRecord }
  | { readonly kind: 'conflict'; readonly lastSeq: number };

/** Storage of cycle-map and repair logs. */
export interface BetweenUsLogStore {
  /** In one transaction: the events with seqs expectedLastSeq+1.. and the command record. */
  append(input: BetweenUsAppendInput): Promise<BetweenUsAppendResult>;
  /** Events with seq > afterSeq, oldest first. */
  read(logId: string, afterSeq?: number): Promise<BetweenUsStoredEvent[]>;
  findLog(logId: string): Promise<BetweenUsLog | null>;
  /** A relationship's logs of one kind, oldest first. */
  listLogs(relationshipId: string, kind: BetweenUsLogKind): Promise<BetweenUsLog[]>;
  findCommand(logId: string, commandId: string): Promise<BetweenUsCommandRecord | null>;
}

class RollbackWith extends Error {
  constructor(readonly result: BetweenUsAppendResult | null) {
    super('append rolled back');
  }
}

/** `BetweenUsLogStore` over the Kysely database. */
export class KyselyBetweenUsLogStore implements BetweenUsLogStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async append(input: BetweenUsAppendInput): Promise<BetweenUsAppendResult> {
    checkAppendInput({ ...input, sessionId: input.logId });
    try {
      return await this.db.transaction().execute((trx) => appendInTransaction(trx, input));
    } catch (error) {
      if (error instanceof RollbackWith) {
        if (error.result !== null) return error.result;
      } else if (!errorIsUniqueViolation(error)) {
        throw error;
      }
    }
    const record = await this.findCommand(input.logId, input.commandId);
    if (record !== null) return { kind: 'duplicate', record };
    return { kind: 'conflict', lastSeq: (await this.findLog(input.logId))?.lastSeq ?? 0 };
  }

  async read(logId: string, afterSeq = 0): Promise<BetweenUsStoredEvent[]> {
    const rows = await this.db
      .selectFrom('between_us_events')
      .selectAll()
      .where('log_id', '=', logId)
      .where('seq', '>', afterSeq)
      .orderBy('seq', 'asc')
      .execute();
    return rows.map(eventFromRow);
  }

  async findLog(logId: string): Promise<BetweenUsLog | null> {
    const row = await this.db.selectFrom('between_us_logs').selectAll().where('log_id', '=', logId).executeTakeFirst();
    return row === undefined ? null : logFromRow(row);
  }

  async listLogs(relationshipId: string, kind: BetweenUsLogKind): Promise<BetweenUsLog[]> {
    const rows = await this.db
      .selectFrom('between_us_logs')
      .selectAll()
      .where('relationship_id', '=', relationshipId)
      .where('kind', '=', kind)
      .where('last_seq', '>', 0)
      .orderBy('created_at_ms', 'asc')
      .orderBy('log_id', 'asc')
      .execute();
    return rows.map(logFromRow);
  }

  async findCommand(logId: string, commandId: string): Promise<BetweenUsCommandRecord | null> {
    return findCommandIn(this.db, logId, commandId);
  }
}

async function appendInTransaction(trx: Transaction<DatabaseSchema>, input: BetweenUsAppendInput): Promise<BetweenUsAppendResult> {
  const { logId, expectedLastSeq, commandId, actorId, atMs } = input;
  const count = input.events.length;
  const newLastSeq = expectedLastSeq + count;
  if (expectedLastSeq === 0) {
    await trx
      .insertInto('between_us_logs')
      .values({ log_id: logId, relationship_id: input.relationshipId, kind: input.kind, created_at_ms: atMs, last_seq: 0 })
      .onConflict((oc) => oc.column('log_id').doNothing())
      .execute();
  }
  const claimed = await trx
    .updateTable('between_us_logs')
    .set({ last_seq: newLastSeq })
    .where('log_id', '=', logId)
    .where('relationship_id', '=', input.relationshipId)
    .where('kind', '=', input.kind)
    .where('last_seq', '=', expectedLastSeq)
    .executeTakeFirst();
  if (claimed.numUpdatedRows === 0n) throw new RollbackWith(null);

  const known = await findCommandIn(trx, logId, commandId);
  if (known !== null) throw new RollbackWith({ kind: 'duplicate', record: known });

  const record: BetweenUsCommandRecord = {
    logId,
    commandId,
    actorId,
    atMs,
    outcome: JSON.parse(toJsonText(input.outcome, 'outcome')) as JsonValue,
    firstSeq: count === 0 ? null : expectedLastSeq + 1,
    lastSeq: count === 0 ? null : newLastSeq,
  };
  const commandRow: BetweenUsCommandsTable = {
    log_id: logId,
    command_id: commandId,
    actor_id: actorId,
    at_ms: atMs,
    outcome: toJsonText(input.outcome, 'outcome'),
    first_seq: record.firstSeq,
    last_seq: record.lastSeq,
  };
  await trx.insertInto('between_us_commands').values(commandRow).execute();
  const rows: BetweenUsEventsTable[] = input.events.map((event, index) => ({
    log_id: logId,
    seq: expectedLastSeq + 1 + index,
    at_ms: atMs,
    actor_id: actorId,
    command_id: commandId,
    type: event.type,
    body: toJsonText(event.body, 'event body'),
  }));
  if (rows.length > 0) await trx.insertInto('between_us_events').values(rows).execute();
  return { kind: 'appended', events: rows.map(eventFromRow), record };
}

async function findCommandIn(db: Kysely<DatabaseSchema>, logId: string, commandId: string): Promise<BetweenUsCommandRecord | null> {
  const row = await db
    .selectFrom('between_us_commands')
    .selectAll()
    .where('log_id', '=', logId)
    .where('command_id', '=', commandId)
    .executeTakeFirst();
  if (row === undefined) return null;
  return {
    logId: row.log_id,
    commandId: row.command_id,
    actorId: row.actor_id,
    atMs: row.at_ms,
    outcome: JSON.parse(row.outcome) as JsonValue,
    firstSeq: row.first_seq,
    lastSeq: row.last_seq,
  };
}

function eventFromRow(row: BetweenUsEventsTable): BetweenUsStoredEvent {
  return {
    logId: row.log_id,
    seq: row.seq,
    atMs: row.at_ms,
    actorId: row.actor_id,
    commandId: row.command_id,
    type: row.type,
    body: JSON.parse(row.body) as JsonValue,
  };
}

function logFromRow(row: Selectable<BetweenUsLogsTable>): BetweenUsLog {
  return {
    logId: row.log_id,
    relationshipId: row.relationship_id,
    kind: row.kind,
    createdAtMs: row.created_at_ms,
    lastSeq: row.last_seq,
  };
}
