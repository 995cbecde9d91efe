/**
 * Stored body signals: downsampled rows for the session report, read back per session and
 * deleted per person or with the whole session. One Kysely implementation for both dialects.
 */
import type { Kysely } from 'kysely';
import type { ReportSignalRow } from '../../core/report/session-report.ts';
import { SIGNAL_SOURCES, type SignalSource } from '../../core/protocol/signals.ts';
import type { DatabaseSchema } from './schema.ts';

/** One stored row, as the report reads it, with the session it belongs to. */
export interface StoredSignalRow extends ReportSignalRow {
  readonly sessionId: string;
}

/** Storage of downsampled samples. */
export interface SignalStore {
  /** Inserts rows in one transaction. */
  append(rows: readonly StoredSignalRow[]): Promise<void>;
  /** Every row of a session, oldest first. */
  readSession(sessionId: string): Promise<StoredSignalRow[]>;
  /** Deletes one person's rows in one session; returns how many went. */
  deleteForParticipant(sessionId: string, participantId: string): Promise<number>;
  /** Deletes every row of a session; returns how many went. */
  deleteSession(sessionId: string): Promise<number>;
}

/** Rows per INSERT: well under SQLite's 32766 bound parameters at 8 columns each. */
const INSERT_CHUNK_ROWS = 500;

function sourceOf(text: string): SignalSource {
  return (SIGNAL_SOURCES as readonly string[]).includes(text) ? (text as SignalSource) : 'simulated';
}

/** RR intervals as stored: comma-separated, to a tenth of a millisecond. */
export function rrEncode(rrMs: readonly number[]): string {
  return rrMs.map((rr) => Math.round(rr * 10) / 10).join(',');
}

function rrDecode(text: string): number[] {
  return text === '' ? [] : text.split(',').map(Number).filter(Number.isFinite);
}

/** `SignalStore` over the Kysely database (SQLite or Postgres). */
export class KyselySignalStore implements SignalStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async append(rows: readonly StoredSignalRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (let start = 0; start < rows.length; start += INSERT_CHUNK_ROWS) {
        const chunk = rows.slice(start, start + INSERT_CHUNK_ROWS);
        await trx
          .insertInto('session_signals')
          .values(
            chunk.map((row) => ({
              session_id: row.sessionId,
              participant_id: row.participantId,
              at_ms: row.atMs,
              source: row.source,
              heart_rate_bpm: row.heartRateBpm,
              breathing_rate_bpm: row.breathingRateBpm,
              breath_phase: row.breathPhase,
              rr_ms: rrEncode(row.rrMs),
            })),
          )
          .execute();
      }
    });
  }

  async readSession(sessionId: string): Promise<StoredSignalRow[]> {
    const rows = await this.db
      .selectFrom('session_signals')
      .selectAll()
      .where('session_id', '=', sessionId)
      .orderBy('at_ms')
      .orderBy('participant_id')
      .execute();
    return rows.map((row) => ({
      sessionId: row.session_id,
      participantId: row.participant_id,
      atMs: row.at_ms,
      source: sourceOf(row.source),
      heartRateBpm: row.heart_rate_bpm,
      breathingRateBpm: row.breathing_rate_bpm,
      breathPhase: row.breath_phase,
      rrMs: rrDecode(row.rr_ms),
    }));
  }

  async deleteForParticipant(sessionId: string, participantId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('session_signals')
      .where('session_id', '=', sessionId)
      .where('participant_id', '=', participantId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteSession(sessionId: string): Promise<number> {
    const result = await this.db.deleteFrom('session_signals').where('session_id', '=', sessionId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

/** `SignalStore` in memory, for hub tests. */
export class MemorySignalStore implements SignalStore {
  private rows: StoredSignalRow[] = [];

  append(rows: readonly StoredSignalRow[]): Promise<void> {
    this.rows.push(...rows);
    return Promise.resolve();
  }

  readSession(sessionId: string): Promise<StoredSignalRow[]> {
    return Promise.resolve(
      this.rows.filter((row) => row.sessionId === sessionId).sort((a, b) => a.atMs - b.atMs || a.participantId.localeCompare(b.participantId)),
    );
  }

  deleteForParticipant(sessionId: string, participantId: string): Promise<number> {
    const before = this.rows.length;
    this.rows = this.rows.filter((row) => row.sessionId !== sessionId || row.participantId !== participantId);
    return Promise.resolve(before - this.rows.length);
  }

  deleteSession(sessionId: string): Promise<number> {
    const before = this.rows.length;
    this.rows = this.rows.filter((row) => row.sessionId !== sessionId);
    return Promise.resolve(before - this.rows.length);
  }
}
