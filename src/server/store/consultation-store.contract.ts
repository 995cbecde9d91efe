/**
 * Contract suite for the consultation store, run on SQLite and Postgres. `makeDatabase` returns a
 * migrated database; tests use random ids so one database serves them all.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { AvailabilityRules } from '../../core/consultations/availability.ts';
import { CONSULTATION_REJECTIONS } from '../../core/consultations/booking.ts';
import { KyselyConsultationStore } from './consultation-store.ts';
import type { OpenDatabase } from './database.ts';

/** Monday 2026-03-23 06:00 UTC. */
const T0 = Date.parse('2026-03-23T06:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Every hour of every day, in UTC, bookable at once. */
const ALWAYS: AvailabilityRules = {
  timeZone: 'UTC',
  slotMinutes: 60,
  bufferMinutes: 0,
  minNoticeMinutes: 0,
  windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday: weekday as 1, start: '00:00', end: '24:00' })),
};
/** Tuesday 2026-03-24 09:00 and 10:00 UTC. */
const TUE_9 = T0 + DAY + 3 * HOUR;
const TUE_10 = TUE_9 + HOUR;

/** Registers the consultation store contract under `describe(name)`. */
export function consultationStoreContract(name: string, makeDatabase: () => Promise<OpenDatabase>): void {
  void describe(`consultation store: ${name}`, () => {
    let database: OpenDatabase;
    let store: KyselyConsultationStore;

    before(async () => {
      database = await makeDatabase();
      store = new KyselyConsultationStore(database.db);
    });
    after(async () => {
      await database.close();
    });

    /** A person; with `role`, also an account with that role. */
    async function person(displayName: string, role?: 'person' | 'practitioner' | 'operator', disabled = false): Promise<string> {
      const id = randomUUID();
      await database.db.insertInto('identities').values({ id, display_name: displayName, kind: role === undefined ? 'guest' : 'account', token_hash: null, created_at_ms: T0, expires_at_ms: null }).execute();
      if (role !== undefined) {
        await database.db
          .insertInto('accounts')
          .values({ identity_id: id, sign_in_name: `n-${id}`, password_hash: null, role, created_at_ms: T0, disabled_at_ms: disabled ? T0 : null })
          .execute();
      }
      return id;
    }

    async function practitioner(displayName: string, rules: AvailabilityRules = ALWAYS): Promise<string> {
      const id = await person(displayName, 'practitioner');
      await store.availabilitySet(id, rules, T0);
      return id;
    }

    void test('the directory holds accounts marked practitioner, and nobody else', async () => {
      const pia = await practitioner('Pia Directory');
      const quiet = await person('Quinn Directory', 'practitioner');
      const gone = await person('Gus Directory', 'practitioner', true);
      const plain = await person('Paul Directory', 'person');
      const guest = await person('Gwen Directory');
      const listed = await store.practitioners();
      const ids = listed.map((entry) => entry.id);
      assert.ok(ids.includes(pia) && ids.includes(quiet));
      for (const other of [gone, plain, guest]) assert.ok(!ids.includes(other));
      assert.deepEqual(await store.practitionerFind(pia), { id: pia, displayName: 'Pia Directory', offersTimes: true });
      assert.deepEqual(await store.practitionerFind(quiet), { id: quiet, displayName: 'Quinn Directory', offersTimes: false });
      assert.equal(await store.practitionerFind(plain), null);
      assert.equal(await store.practitionerFind(gone), null);
    });

    void test('availability is stored whole and replaced whole', async () => {
      const pia = await person('Pia', 'practitioner');
      assert.equal(await store.availabilityOf(pia), null);
      const berlin: AvailabilityRules = { timeZone: 'Europe/Berlin', slotMinutes: 50, bufferMinutes: 10, minNoticeMinutes: 120, windows: [{ weekday: 2, start: '09:00', end: '12:00' }] };
      assert.deepEqual(await store.availabilitySet(pia, berlin, T0), { practitionerId: pia, rules: berlin, updatedAtMs: T0 });
      const none = { ...berlin, windows: [] };
      assert.deepEqual(await store.availabilitySet(pia, none, T0 + 1), { practitionerId: pia, rules: none, updatedAtMs: T0 + 1 });
      assert.deepEqual(await store.availabilityOf(pia), { practitionerId: pia, rules: none, updatedAtMs: T0 + 1 });
    });

    void test('a booking is found by its two people only, and its time is taken', async () => {
      const pia = await practitioner('Pia');
      const bo = await person('Bo', 'person');
      const ana = await person('Ana', 'person');
      const id = randomUUID();
      const booked = await store.book({ id, practitionerId: pia, bookerId: bo, startMs: TUE_9, nowMs: T0 });
      assert.equal(booked.kind, 'done');
      const consultation = await store.findForParty(id, bo);
      assert.deepEqual(consultation, {
        id,
        practitionerId: pia,
        bookerId: bo,
        practitionerName: 'Pia',
        bookerName: 'Bo',
        startMs: TUE_9,
        endMs: TUE_9 + HOUR,
        timeZone: 'UTC',
        status: 'booked',
        sequence: 0,
        createdAtMs: T0,
        updatedAtMs: T0,
        lastChange: 'booked',
        lastChangeBy: bo,
        sessionId: null,
      });
      assert.deepEqual(await store.findForParty(id, pia), consultation);
      assert.equal(await store.findForParty(id, ana), null);
      assert.equal(await store.findForParty(randomUUID(), bo), null);
      const taken = await store.book({ id: randomUUID(), practitionerId: pia, bookerId: ana, startMs: TUE_9, nowMs: T0 });
      assert.deepEqual(taken.kind === 'refused' ? taken.code : taken.kind, CONSULTATION_REJECTIONS.slotTaken);
      assert.deepEqual(await store.busySpans(pia, T0, T0 + 7 * DAY), [{ startMs: TUE_9, endMs: TUE_9 + HOUR }]);
      assert.deepEqual(await store.busySpans(bo, T0, T0 + 7 * DAY), [{ startMs: TUE_9, endMs: TUE_9 + HOUR }]);
      assert.deepEqual(await store.busySpans(pia, TUE_10, T0 + 7 * DAY), []);
      assert.deepEqual((await store.listForParty(pia, T0)).map((c) => c.id), [id]);
      assert.deepEqual((await store.listForParty(bo, T0)).map((c) => c.id), [id]);
      assert.deepEqual(await store.listForParty(ana, T0), []);
      assert.deepEqual(await store.listForParty(bo, TUE_9 + HOUR), [], 'ended ones drop out of the window asked for');
    });

    void test('five people reaching for one time at once: exactly one gets it', async () => {
      const pia = await practitioner('Pia');
      const people = await Promise.all(['A', 'B', 'C', 'D', 'E'].map((letter) => person(letter, 'person')));
      const results = await Promise.all(people.map((bookerId) => store.book({ id: randomUUID(), practitionerId: pia, bookerId, startMs: TUE_9, nowMs: T0 })));
      assert.equal(results.filter((result) => result.kind === 'done').length, 1);
      for (const result of results.filter((r) => r.kind !== 'done')) assert.equal(result.kind === 'refused' ? result.code : result.kind, CONSULTATION_REJECTIONS.slotTaken);
    });

    void test('one person booking two practitioners at one time at once: only one booking stands', async () => {
      const pia = await practitioner('Pia');
      const kai = await practitioner('Kai');
      const bo = await person('Bo', 'person');
      const results = await Promise.all([pia, kai].map((practitionerId) => store.book({ id: randomUUID(), practitionerId, bookerId: bo, startMs: TUE_9, nowMs: T0 })));
      assert.deepEqual(results.map((result) => (result.kind === 'refused' ? result.code : result.kind)).sort(), ['done', CONSULTATION_REJECTIONS.youAreBusy].sort());
    });

    void test('either person moves it: checked again, sequence raised, a stale version refused', async () => {
      const pia = await practitioner('Pia');
      const bo = await person('Bo', 'person');
      const ana = await person('Ana', 'person');
      const id = randomUUID();
      await store.book({ id, practitionerId: pia, bookerId: bo, startMs: TUE_9, nowMs: T0 });
      const moved = await store.move(id, pia, TUE_10, T0 + 1, 0);
      assert.equal(moved.kind, 'done');
      assert.deepEqual([moved.consultation.startMs, moved.consultation.endMs, moved.consultation.sequence, moved.consultation.lastChange, moved.consultation.lastChangeBy], [TUE_10, TUE_10 + HOUR, 1, 'moved', pia]);
      const stale = await store.move(id, bo, TUE_9, T0 + 2, 0);
      assert.equal(stale.kind, 'changed');
      assert.equal((await store.move(id, ana, TUE_9, T0 + 2)).kind, 'notFound');
      const back = await store.move(id, bo, TUE_9, T0 + 3, 1);
      assert.equal(back.kind === 'done' ? back.consultation.sequence : back.kind, 2);
      // The freed time can be booked by someone else.
      assert.equal((await store.book({ id: randomUUID(), practitionerId: pia, bookerId: ana, startMs: TUE_10, nowMs: T0 + 4 })).kind, 'done');
      const clash = await store.move(id, bo, TUE_10, T0 + 5);
      assert.equal(clash.kind === 'refused' ? clash.code : clash.kind, CONSULTATION_REJECTIONS.slotTaken);
    });

    void test('either person cancels; the time is free again and a second cancel is refused', async () => {
      const pia = await practitioner('Pia');
      const bo = await person('Bo', 'person');
      const ana = await person('Ana', 'person');
      const id = randomUUID();
      await store.book({ id, practitionerId: pia, bookerId: bo, startMs: TUE_9, nowMs: T0 });
      assert.equal((await store.cancel(id, ana, T0 + 1)).kind, 'notFound');
      const cancelled = await store.cancel(id, pia, T0 + 1);
      assert.equal(cancelled.kind === 'done' ? `${cancelled.consultation.status} ${cancelled.consultation.sequence}` : cancelled.kind, 'cancelled 1');
      const again = await store.cancel(id, bo, T0 + 2);
      assert.equal(again.kind === 'refused' ? again.code : again.kind, CONSULTATION_REJECTIONS.alreadyCancelled);
      assert.deepEqual(await store.busySpans(pia, T0, T0 + 7 * DAY), []);
      assert.equal((await store.book({ id: randomUUID(), practitionerId: pia, bookerId: ana, startMs: TUE_9, nowMs: T0 + 3 })).kind, 'done');
      assert.deepEqual((await store.listForParty(bo, T0)).map((c) => c.status), ['cancelled']);
    });

    void test('the room\'s session id is set once, by whoever opens it first; strangers get nothing', async () => {
      const pia = await practitioner('Pia');
      const bo = await person('Bo', 'person');
      const ana = await person('Ana', 'person');
      const id = randomUUID();
      await store.book({ id, practitionerId: pia, bookerId: bo, startMs: TUE_9, nowMs: T0 });
      const [first, second] = await Promise.all([store.sessionClaim(id, bo, 'session-from-bo'), store.sessionClaim(id, pia, 'session-from-pia')]);
      assert.ok(first !== null && first === second);
      assert.equal(await store.sessionClaim(id, bo, 'another'), first);
      assert.equal(await store.sessionClaim(id, ana, 'stranger'), null);
      assert.equal((await store.findForParty(id, pia))?.sessionId, first);
    });
  });
}
