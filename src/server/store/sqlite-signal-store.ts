/**
 * Stored body signals on embedded SQLite. Appends (the recorder's flush, thousands of rows every
 * couple of seconds on a busy node) go to the SQLite writer thread when there is one, so neither
 * the inserts nor the commit's fsync hold up the sockets, and they take turns with the event log's
 * batches instead of contending for the write lock. Reads and deletes are rare and go through
 * Kysely on the server's connection, as on Postgres.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.ts';
import { KyselySignalStore, type SignalStore, type StoredSignalRow } from './signal-store.ts';
import type { SqliteAppendWriter } from './sqlite-append-writer.ts';
import { SqliteSignalAppender } from './sqlite-signal-appender.ts';

/** `SignalStore` on the embedded SQLite database. */
export class SqliteSignalStore implements SignalStore {
  private readonly kysely: KyselySignalStore;
  /** Null when appends go to the writer thread. */
  private readonly appender: SqliteSignalAppender | null;

  /** With `writer`, appends are written there; otherwise on `sqlite`, the server's connection. */
  constructor(
    db: Kysely<DatabaseSchema>,
    sqlite: BetterSqlite3.Database,
    private readonly writer: SqliteAppendWriter | null,
  ) {
    this.kysely = new KyselySignalStore(db);
    this.appender = writer === null ? new SqliteSignalAppender(sqlite) : null;
  }

  async append(rows: readonly StoredSignalRow[]): Promise<void> {
    if (rows.length === 0) return;
    if (this.writer !== null) {
      await this.writer.writeSignals(rows);
      return;
    }
    this.appender?.append(rows);
  }

  readSession(sessionId: string): Promise<StoredSignalRow[]> {
    return this.kysely.readSession(sessionId);
  }

  deleteForParticipant(sessionId: string, participantId: string): Promise<number> {
    return this.kysely.deleteForParticipant(sessionId, participantId);
  }

  deleteSession(sessionId: string): Promise<number> {
    return this.kysely.deleteSession(sessionId);
  }
}
