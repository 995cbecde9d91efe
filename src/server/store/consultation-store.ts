/**
 * Consultations: practitioners' availability and the consultations booked with them. Booking,
 * moving and cancelling read what they decide on and write the outcome in one transaction, after
 * locking both people's identity rows (in id order, so two transactions never wait on each other
 * in a circle): two people reaching for the same time, or one person booking two practitioners at
 * once, are decided one after the other. On SQLite the single connection already runs
 * transactions one at a time. The rules themselves are the pure ones in `src/core/consultations`.
 * Every query about a consultation names the person asking, so strangers find nothing.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { availabilityRulesSchema, type AvailabilityRules } from '../../core/consultations/availability.ts';
import {
  consultationBookDecide,
  consultationCancelDecide,
  consultationMoveDecide,
  type BookingSnapshot,
  type ConsultationCore,
  type ConsultationDecision,
  type ConsultationRejectionCode,
} from '../../core/consultations/booking.ts';
import type { TimeSpan } from '../../core/consultations/slots.ts';
import type { ConsultationsTable, DatabaseSchema } from './schema.ts';

/** A consultation as stored, with both people's current names. */
export interface Consultation extends ConsultationCore {
  readonly practitionerName: string;
  readonly bookerName: string;
  /** The practitioner's zone when it was booked or last moved. */
  readonly timeZone: string;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
  readonly lastChange: 'booked' | 'moved' | 'cancelled';
  readonly lastChangeBy: string;
  readonly sessionId: string | null;
}

/** A practitioner's published rules. */
export interface StoredAvailability {
  readonly practitionerId: string;
  readonly rules: AvailabilityRules;
  readonly updatedAtMs: number;
}

/** A practitioner as the directory lists them. */
export interface PractitionerEntry {
  readonly id: string;
  readonly displayName: string;
  readonly offersTimes: boolean;
}

/** What a booking, move or cancellation came to. */
export type ConsultationWriteResult =
  | { readonly kind: 'done'; readonly consultation: Consultation }
  | { readonly kind: 'refused'; readonly code: ConsultationRejectionCode; readonly message: string }
  /** No such consultation, or the person is not one of its two. */
  | { readonly kind: 'notFound' }
  /** The other person changed it since the version the request named. */
  | { readonly kind: 'changed'; readonly consultation: Consultation };

/** Input of `book`. */
export interface NewConsultation {
  readonly id: string;
  readonly practitionerId: string;
  readonly bookerId: string;
  readonly startMs: number;
  readonly nowMs: number;
}

/** Storage of availability and consultations. */
export interface ConsultationStore {
  /** Accounts marked practitioner and not disabled, by name. */
  practitioners(): Promise<PractitionerEntry[]>;
  /** One of them, or null (missing, not a practitioner, or disabled alike). */
  practitionerFind(id: string): Promise<PractitionerEntry | null>;
  availabilityOf(practitionerId: string): Promise<StoredAvailability | null>;
  /** Replaces the rules whole; the caller has checked them with `availabilityProblems`. */
  availabilitySet(practitionerId: string, rules: AvailabilityRules, nowMs: number): Promise<StoredAvailability>;
  /** Booked consultations that overlap [fromMs, toMs) and in which the person takes part, in either role. */
  busySpans(personId: string, fromMs: number, toMs: number): Promise<TimeSpan[]>;
  /** Books if the core rules allow it, deciding on what is stored at that moment. */
  book(input: NewConsultation): Promise<ConsultationWriteResult>;
  /** Moves if `actorId` takes part, `expectedSequence` (if given) is current, and the rules allow it. */
  move(id: string, actorId: string, startMs: number, nowMs: number, expectedSequence?: number): Promise<ConsultationWriteResult>;
  /** Cancels if `actorId` takes part, `expectedSequence` (if given) is current, and it is not over. */
  cancel(id: string, actorId: string, nowMs: number, expectedSequence?: number): Promise<ConsultationWriteResult>;
  /** The consultation if `personId` is one of its two people, else null. */
  findForParty(id: string, personId: string): Promise<Consultation | null>;
  /** The person's consultations in either role that end after `endsAfterMs`, earliest first. */
  listForParty(personId: string, endsAfterMs: number): Promise<Consultation[]>;
  /**
   * The consultation's live session id: `candidateSessionId` if none was set yet, else the one set
   * first (two people opening the room at once get the same session). Null when `personId` is not
   * one of its two people.
   */
  sessionClaim(id: string, personId: string, candidateSessionId: string): Promise<string | null>;
}

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;
type ConsultationRow = Selectable<ConsultationsTable> & { practitioner_name: string | null; booker_name: string | null };

/** `ConsultationStore` over the Kysely database. */
export class KyselyConsultationStore implements ConsultationStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async practitioners(): Promise<PractitionerEntry[]> {
    const rows = await this.practitionerQuery().orderBy('identities.display_name').orderBy('accounts.identity_id').execute();
    return rows.map(practitionerFromRow);
  }

  async practitionerFind(id: string): Promise<PractitionerEntry | null> {
    const row = await this.practitionerQuery().where('accounts.identity_id', '=', id).executeTakeFirst();
    return row === undefined ? null : practitionerFromRow(row);
  }

  async availabilityOf(practitionerId: string): Promise<StoredAvailability | null> {
    return availabilityIn(this.db, practitionerId);
  }

  async availabilitySet(practitionerId: string, rules: AvailabilityRules, nowMs: number): Promise<StoredAvailability> {
    const values = {
      time_zone: rules.timeZone,
      slot_minutes: rules.slotMinutes,
      buffer_minutes: rules.bufferMinutes,
      min_notice_minutes: rules.minNoticeMinutes,
      windows: JSON.stringify(rules.windows),
      updated_at_ms: nowMs,
    };
    await this.db
      .insertInto('consultation_availability')
      .values({ practitioner_id: practitionerId, ...values })
      .onConflict((conflict) => conflict.column('practitioner_id').doUpdateSet(values))
      .execute();
    const stored = await availabilityIn(this.db, practitionerId);
    if (stored === null) throw new Error('availability just written could not be read back');
    return stored;
  }

  async busySpans(personId: string, fromMs: number, toMs: number): Promise<TimeSpan[]> {
    const rows = await this.db
      .selectFrom('consultations')
      .select(['start_ms', 'end_ms'])
      .where((eb) => eb.or([eb('practitioner_id', '=', personId), eb('booker_id', '=', personId)]))
      .where('status', '=', 'booked')
      .where('end_ms', '>', fromMs)
      .where('start_ms', '<', toMs)
      .orderBy('start_ms')
      .execute();
    return rows.map((row) => ({ startMs: row.start_ms, endMs: row.end_ms }));
  }

  async book(input: NewConsultation): Promise<ConsultationWriteResult> {
    return this.db.transaction().execute(async (trx): Promise<ConsultationWriteResult> => {
      await lockPeople(trx, [input.practitionerId, input.bookerId]);
      const availability = await availabilityIn(trx, input.practitionerId);
      const decision = consultationBookDecide(await snapshotIn(trx, availability, input.practitionerId, input.bookerId, input.nowMs), input);
      if (!decision.ok) return refusal(decision);
      await trx
        .insertInto('consultations')
        .values({
          id: input.id,
          practitioner_id: input.practitionerId,
          booker_id: input.bookerId,
          start_ms: decision.span.startMs,
          end_ms: decision.span.endMs,
          time_zone: availability?.rules.timeZone ?? 'UTC',
          status: 'booked',
          sequence: 0,
          created_at_ms: input.nowMs,
          updated_at_ms: input.nowMs,
          last_change: 'booked',
          last_change_by: input.bookerId,
          session_id: null,
        })
        .execute();
      return { kind: 'done', consultation: await mustFind(trx, input.id) };
    });
  }

  async move(id: string, actorId: string, startMs: number, nowMs: number, expectedSequence?: number): Promise<ConsultationWriteResult> {
    return this.changeWith(id, actorId, expectedSequence, async (trx, current) => {
      const availability = await availabilityIn(trx, current.practitionerId);
      const decision = consultationMoveDecide(await snapshotIn(trx, availability, current.practitionerId, current.bookerId, nowMs), current, startMs);
      if (!decision.ok) return decision;
      await trx
        .updateTable('consultations')
        .set({
          start_ms: decision.span.startMs,
          end_ms: decision.span.endMs,
          time_zone: availability?.rules.timeZone ?? current.timeZone,
          sequence: current.sequence + 1,
          updated_at_ms: nowMs,
          last_change: 'moved',
          last_change_by: actorId,
        })
        .where('id', '=', id)
        .execute();
      return decision;
    });
  }

  async cancel(id: string, actorId: string, nowMs: number, expectedSequence?: number): Promise<ConsultationWriteResult> {
    return this.changeWith(id, actorId, expectedSequence, async (trx, current) => {
      const decision = consultationCancelDecide(current, nowMs);
      if (!decision.ok) return decision;
      await trx
        .updateTable('consultations')
        .set({ status: 'cancelled', sequence: current.sequence + 1, updated_at_ms: nowMs, last_change: 'cancelled', last_change_by: actorId })
        .where('id', '=', id)
        .execute();
      return decision;
    });
  }

  async findForParty(id: string, personId: string): Promise<Consultation | null> {
    return findForPartyIn(this.db, id, personId);
  }

  async listForParty(personId: string, endsAfterMs: number): Promise<Consultation[]> {
    const rows = await selectWithNames(this.db)
      .where((eb) => eb.or([eb('consultations.practitioner_id', '=', personId), eb('consultations.booker_id', '=', personId)]))
      .where('consultations.end_ms', '>', endsAfterMs)
      .orderBy('consultations.start_ms')
      .orderBy('consultations.id')
      .execute();
    return rows.map(consultationFromRow);
  }

  async sessionClaim(id: string, personId: string, candidateSessionId: string): Promise<string | null> {
    await this.db
      .updateTable('consultations')
      .set({ session_id: candidateSessionId })
      .where('id', '=', id)
      .where('session_id', 'is', null)
      .where((eb) => eb.or([eb('practitioner_id', '=', personId), eb('booker_id', '=', personId)]))
      .execute();
    const found = await findForPartyIn(this.db, id, personId);
    return found?.sessionId ?? null;
  }

  /** Loads, locks, checks the version, decides and writes one consultation's change. */
  private async changeWith(
    id: string,
    actorId: string,
    expectedSequence: number | undefined,
    change: (trx: Transaction<DatabaseSchema>, current: Consultation) => Promise<ConsultationDecision>,
  ): Promise<ConsultationWriteResult> {
    return this.db.transaction().execute(async (trx): Promise<ConsultationWriteResult> => {
      const seen = await findForPartyIn(trx, id, actorId);
      if (seen === null) return { kind: 'notFound' };
      await lockPeople(trx, [seen.practitionerId, seen.bookerId]);
      // Read again under the locks: another change may have committed in between.
      const current = await mustFind(trx, id);
      if (expectedSequence !== undefined && expectedSequence !== current.sequence) return { kind: 'changed', consultation: current };
      const decision = await change(trx, current);
      if (!decision.ok) return refusal(decision);
      return { kind: 'done', consultation: await mustFind(trx, id) };
    });
  }

  private practitionerQuery() {
    return this.db
      .selectFrom('accounts')
      .innerJoin('identities', 'identities.id', 'accounts.identity_id')
      .leftJoin('consultation_availability', 'consultation_availability.practitioner_id', 'accounts.identity_id')
      .select(['accounts.identity_id as id', 'identities.display_name as display_name', 'consultation_availability.windows as windows'])
      .where('accounts.role', '=', 'practitioner')
      .where('accounts.disabled_at_ms', 'is', null);
  }
}

function refusal(decision: ConsultationDecision & { ok: false }): ConsultationWriteResult {
  return { kind: 'refused', code: decision.code, message: decision.message };
}

/**
 * Takes both people's identity rows for the rest of the transaction (a no-op update, as
 * `lockRelationship` does), in id order so that two transactions never wait for each other.
 */
async function lockPeople(trx: Transaction<DatabaseSchema>, ids: readonly string[]): Promise<void> {
  for (const id of [...new Set(ids)].sort()) {
    await trx.updateTable('identities').set((eb) => ({ display_name: eb.ref('display_name') })).where('id', '=', id).execute();
  }
}

async function snapshotIn(trx: Db, availability: StoredAvailability | null, practitionerId: string, bookerId: string, nowMs: number): Promise<BookingSnapshot> {
  const busy = async (personId: string) => {
    const rows = await selectWithNames(trx)
      .where((eb) => eb.or([eb('consultations.practitioner_id', '=', personId), eb('consultations.booker_id', '=', personId)]))
      .where('consultations.status', '=', 'booked')
      .where('consultations.end_ms', '>', nowMs)
      .execute();
    return rows.map(consultationFromRow);
  };
  return { rules: availability?.rules ?? null, practitionerBusy: await busy(practitionerId), bookerBusy: await busy(bookerId), nowMs };
}

async function availabilityIn(db: Db, practitionerId: string): Promise<StoredAvailability | null> {
  const row = await db.selectFrom('consultation_availability').selectAll().where('practitioner_id', '=', practitionerId).executeTakeFirst();
  if (row === undefined) return null;
  const rules = availabilityRulesSchema.parse({
    timeZone: row.time_zone,
    slotMinutes: row.slot_minutes,
    bufferMinutes: row.buffer_minutes,
    minNoticeMinutes: row.min_notice_minutes,
    windows: JSON.parse(row.windows) as unknown,
  });
  return { practitionerId, rules, updatedAtMs: row.updated_at_ms };
}

function selectWithNames(db: Db) {
  return db
    .selectFrom('consultations')
    .leftJoin('identities as practitioner', 'practitioner.id', 'consultations.practitioner_id')
    .leftJoin('identities as booker', 'booker.id', 'consultations.booker_id')
    .selectAll('consultations')
    .select(['practitioner.display_name as practitioner_name', 'booker.display_name as booker_name']);
}

async function findForPartyIn(db: Db, id: string, personId: string): Promise<Consultation | null> {
  const row = await selectWithNames(db)
    .where('consultations.id', '=', id)
    .where((eb) => eb.or([eb('consultations.practitioner_id', '=', personId), eb('consultations.booker_id', '=', personId)]))
    .executeTakeFirst();
  return row === undefined ? null : consultationFromRow(row);
}

async function mustFind(db: Db, id: string): Promise<Consultation> {
  const row = await selectWithNames(db).where('consultations.id', '=', id).executeTakeFirst();
  if (row === undefined) throw new Error('a consultation just written could not be read back');
  return consultationFromRow(row);
}

function consultationFromRow(row: ConsultationRow): Consultation {
  return {
    id: row.id,
    practitionerId: row.practitioner_id,
    bookerId: row.booker_id,
    practitionerName: row.practitioner_name ?? 'Someone',
    bookerName: row.booker_name ?? 'Someone',
    startMs: row.start_ms,
    endMs: row.end_ms,
    timeZone: row.time_zone,
    status: row.status,
    sequence: row.sequence,
    createdAtMs: row.created_at_ms,
    updatedAtMs: row.updated_at_ms,
    lastChange: row.last_change,
    lastChangeBy: row.last_change_by,
    sessionId: row.session_id,
  };
}

function practitionerFromRow(row: { id: string; display_name: string; windows: string | null }): PractitionerEntry {
  const windows = row.windows === null ? [] : (JSON.parse(row.windows) as unknown);
  return { id: row.id, displayName: row.display_name, offersTimes: Array.isArray(windows) && windows.length > 0 };
}
