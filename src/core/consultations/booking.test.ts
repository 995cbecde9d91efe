import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AvailabilityRules } from './availability.ts';
import {
  CONSULTATION_REJECTIONS as R,
  UPCOMING_PER_PAIR_MAX,
  consultationBookDecide,
  consultationCancelDecide,
  consultationMoveDecide,
  minutesWords,
  type BookingSnapshot,
  type ConsultationCore,
} from './booking.ts';

const utc = (iso: string) => Date.parse(iso);
const NOW = utc('2026-03-23T12:00:00Z'); // a Monday
const BERLIN_TUESDAYS: AvailabilityRules = {
  timeZone: 'Europe/Berlin',
  slotMinutes: 50,
  bufferMinutes: 10,
  minNoticeMinutes: 120,
  windows: [{ weekday: 2, start: '09:00', end: '12:00' }],
};
/** Tuesday 2026-03-24 09:00 and 10:00 in Berlin (winter time). */
const TUE_9 = utc('2026-03-24T08:00:00Z');
const TUE_10 = utc('2026-03-24T09:00:00Z');
/** Tuesday 2026-03-31 09:00 in Berlin (summer time). */
const NEXT_TUE_9 = utc('2026-03-31T07:00:00Z');

function snapshot(overrides: Partial<BookingSnapshot> = {}): BookingSnapshot {
  return { rules: BERLIN_TUESDAYS, practitionerBusy: [], bookerBusy: [], nowMs: NOW, ...overrides };
}

function booked(id: string, startMs: number, overrides: Partial<ConsultationCore> = {}): ConsultationCore {
  return { id, practitionerId: 'pia', bookerId: 'bo', startMs, endMs: startMs + 50 * 60_000, status: 'booked', sequence: 0, ...overrides };
}

const request = (startMs: number) => ({ practitionerId: 'pia', bookerId: 'bo', startMs });

describe('booking rules', () => {
  test('[BK4] a time the availability offers is booked for the length of its slot', () => {
    assert.deepEqual(consultationBookDecide(snapshot(), request(TUE_9)), { ok: true, span: { startMs: TUE_9, endMs: TUE_9 + 50 * 60_000 } });
    assert.equal(consultationBookDecide(snapshot(), request(NEXT_TUE_9)).ok, true);
  });

  test('[BK4] a time off the grid or outside the windows is not offered', () => {
    const off = consultationBookDecide(snapshot(), request(TUE_9 + 15 * 60_000));
    assert.equal(off.ok ? null : off.code, R.slotNotOffered);
    // 09:00 UTC on the 31st would be 11:00 in Berlin: offered; 08:00 UTC (10:00 in Berlin) too; 12:00 Berlin is not.
    const noon = consultationBookDecide(snapshot(), request(utc('2026-03-31T10:00:00Z')));
    assert.equal(noon.ok ? null : noon.code, R.slotNotOffered);
  });

  test('[BK1] a practitioner does not book themselves', () => {
    const own = consultationBookDecide(snapshot(), { practitionerId: 'pia', bookerId: 'pia', startMs: TUE_9 });
    assert.equal(own.ok ? null : own.code, R.ownPractice);
  });

  test('[BK2] nobody books a practitioner without published times', () => {
    for (const rules of [null, { ...BERLIN_TUESDAYS, windows: [] }]) {
      const decision = consultationBookDecide(snapshot({ rules }), request(TUE_9));
      assert.equal(decision.ok ? null : decision.code, R.notOffering);
    }
  });

  test('[BK3] only in the future, with the minimum notice, within the horizon', () => {
    const past = consultationBookDecide(snapshot({ nowMs: TUE_9 + 1 }), request(TUE_9));
    assert.equal(past.ok ? null : past.code, R.inThePast);
    const soon = consultationBookDecide(snapshot({ nowMs: TUE_9 - 119 * 60_000 }), request(TUE_9));
    assert.equal(soon.ok ? null : soon.code, R.tooSoon);
    if (!soon.ok) assert.match(soon.message, /at least 2 hours ahead/);
    assert.equal(consultationBookDecide(snapshot({ nowMs: TUE_9 - 120 * 60_000 }), request(TUE_9)).ok, true);
    const far = consultationBookDecide(snapshot(), request(utc('2026-07-14T07:00:00Z')));
    assert.equal(far.ok ? null : far.code, R.tooFarAhead);
  });

  test('[BK5] no double booking: the practitioner\'s time, and the booker\'s own', () => {
    const taken = consultationBookDecide(snapshot({ practitionerBusy: [booked('c1', TUE_9, { bookerId: 'ana' })] }), request(TUE_9));
    assert.equal(taken.ok ? null : taken.code, R.slotTaken);
    const busy = consultationBookDecide(snapshot({ bookerBusy: [booked('c2', TUE_9 + 30 * 60_000, { practitionerId: 'kai' })] }), request(TUE_9));
    assert.equal(busy.ok ? null : busy.code, R.youAreBusy);
    // A cancelled consultation frees its time.
    assert.equal(consultationBookDecide(snapshot({ practitionerBusy: [booked('c1', TUE_9, { status: 'cancelled' })] }), request(TUE_9)).ok, true);
    // The next slot is free: the spans touch, they do not overlap.
    assert.equal(consultationBookDecide(snapshot({ practitionerBusy: [booked('c1', TUE_9)] }), request(TUE_10)).ok, true);
  });

  test(`[BK6] one person holds at most ${UPCOMING_PER_PAIR_MAX} upcoming consultations with one practitioner`, () => {
    const mine = [0, 1, 2].map((week) => booked(`c${week}`, NEXT_TUE_9 + week * 7 * 86_400_000));
    const decision = consultationBookDecide(snapshot({ bookerBusy: mine, practitionerBusy: mine }), request(TUE_9));
    assert.equal(decision.ok ? null : decision.code, R.tooManyUpcoming);
    const withOthers = mine.map((c) => ({ ...c, practitionerId: 'kai' }));
    assert.equal(consultationBookDecide(snapshot({ bookerBusy: withOthers }), request(TUE_9)).ok, true);
  });

  test('[BK7] either person cancels any time before the end, once', () => {
    const c = booked('c1', TUE_9);
    assert.equal(consultationCancelDecide(c, TUE_9 + 10 * 60_000).ok, true);
    const again = consultationCancelDecide({ ...c, status: 'cancelled' }, NOW);
    assert.equal(again.ok ? null : again.code, R.alreadyCancelled);
    const over = consultationCancelDecide(c, c.endMs);
    assert.equal(over.ok ? null : over.code, R.alreadyEnded);
  });

  test('[BK8] a move is checked like a new booking, and its own old time does not block it', () => {
    const c = booked('c1', TUE_9);
    const busy = [c];
    assert.deepEqual(consultationMoveDecide(snapshot({ practitionerBusy: busy, bookerBusy: busy }), c, TUE_10), { ok: true, span: { startMs: TUE_10, endMs: TUE_10 + 50 * 60_000 } });
    const same = consultationMoveDecide(snapshot(), c, TUE_9);
    assert.equal(same.ok ? null : same.code, R.sameTime);
    const taken = consultationMoveDecide(snapshot({ practitionerBusy: [c, booked('c2', TUE_10, { bookerId: 'ana' })] }), c, TUE_10);
    assert.equal(taken.ok ? null : taken.code, R.slotTaken);
    const offGrid = consultationMoveDecide(snapshot(), c, TUE_10 + 60_000);
    assert.equal(offGrid.ok ? null : offGrid.code, R.slotNotOffered);
    const started = consultationMoveDecide(snapshot({ nowMs: TUE_9 }), c, NEXT_TUE_9);
    assert.equal(started.ok ? null : started.code, R.alreadyStarted);
    const cancelled = consultationMoveDecide(snapshot(), { ...c, status: 'cancelled' }, TUE_10);
    assert.equal(cancelled.ok ? null : cancelled.code, R.alreadyCancelled);
    const tooSoon = consultationMoveDecide(snapshot({ nowMs: TUE_10 - 60 * 60_000 }), { ...c, startMs: NEXT_TUE_9, endMs: NEXT_TUE_9 + 50 * 60_000 }, TUE_10);
    assert.equal(tooSoon.ok ? null : tooSoon.code, R.tooSoon);
  });

  test('messages are plain and never blame', () => {
    const decisions = [
      consultationBookDecide(snapshot({ rules: null }), request(TUE_9)),
      consultationBookDecide(snapshot({ practitionerBusy: [booked('c1', TUE_9, { bookerId: 'ana' })] }), request(TUE_9)),
      consultationBookDecide(snapshot(), request(TUE_9 + 60_000)),
      consultationCancelDecide(booked('c1', TUE_9, { status: 'cancelled' }), NOW),
    ];
    for (const decision of decisions) {
      assert.equal(decision.ok, false);
      assert.doesNotMatch(decision.message, /\b(fail|failed|invalid|error|wrong|illegal|must)\b/i, decision.message);
    }
  });

  test('lengths of time in words', () => {
    assert.equal(minutesWords(120), '2 hours');
    assert.equal(minutesWords(60), '1 hour');
    assert.equal(minutesWords(90), '1 hour 30 minutes');
    assert.equal(minutesWords(45), '45 minutes');
    assert.equal(minutesWords(1440), '1 day');
    assert.equal(minutesWords(0), '0 minutes');
  });
});
