/**
 * Inserting stored body-signal rows on one better-sqlite3 connection with a prepared statement,
 * in one transaction. The recorder writes thousands of rows every couple of seconds on a busy
 * node; through Kysely each INSERT was compiled anew on the thread serving every socket, which
 * made its flush the longest pause in the event loop. Used inside the writer thread
 * (sqlite-append-thread.ts), and on the server's own connection where there is no thread.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { rrEncode, type StoredSignalRow } from './signal-store.ts';

type SignalRowValues = [string, string, number, string, number | null, number | null, number | null, string];

/** Appends signal rows on one connection (migrated to latest). */
export class SqliteSignalAppender {
  private readonly appendAll: (rows: readonly StoredSignalRow[]) => void;

  constructor(sqlite: BetterSqlite3.Database) {
    const insert = sqlite.prepare<SignalRowValues>(
      'insert into session_signals (session_id, participant_id, at_ms, source, heart_rate_bpm, breathing_rate_bpm, breath_phase, rr_ms) values (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const transaction = sqlite.transaction((rows: readonly StoredSignalRow[]) => {
      for (const row of rows) {
        insert.run(row.sessionId, row.participantId, row.atMs, row.source, row.heartRateBpm, row.breathingRateBpm, row.breathPhase, rrEncode(row.rrMs));
      }
    });
    // IMMEDIATE, like the event log's batches: the write lock is taken at BEGIN, never upgraded.
    this.appendAll = (rows) => {
      transaction.immediate(rows);
    };
  }

  /** Inserts every row, or none of them (the error is thrown). */
  append(rows: readonly StoredSignalRow[]): void {
    if (rows.length > 0) this.appendAll(rows);
  }
}
