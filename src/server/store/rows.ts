/**
 * Turning database rows into the store's records, and recognising a unique-key violation, the
 * same way for every SQL-backed event store.
 */
import type { CommandRecord, JsonValue, StoredEvent } from './event-store.ts';
import type { SessionCommandsTable, SessionEventsTable } from './schema.ts';

/** A command record from its row. */
export function commandRecordFromRow(row: SessionCommandsTable): CommandRecord {
  return {
    sessionId: row.session_id,
    commandId: row.command_id,
    actorId: row.actor_id,
    atMs: row.at_ms,
    outcome: JSON.parse(row.outcome) as JsonValue,
    firstSeq: row.first_seq,
    lastSeq: row.last_seq,
  };
}

/** A stored event from its row. */
export function storedEventFromRow(row: SessionEventsTable): StoredEvent {
  return {
    sessionId: row.session_id,
    seq: row.seq,
    atMs: row.at_ms,
    actorId: row.actor_id,
    commandId: row.command_id,
    type: row.type,
    body: JSON.parse(row.body) as JsonValue,
  };
}

/** Postgres 23505 or SQLite's primary-key/unique constraint codes. */
export function errorIsUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = error.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
