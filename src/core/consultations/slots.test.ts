import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AvailabilityRules, AvailabilityWindow } from './availability.ts';
import { SLOT_RANGE_DAYS_MAX, availabilityExpand, slotsByViewerDay, slotsOpen } from './slots.ts';

const utc = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().replace(':00.000Z', 'Z');

function rules(timeZone: string, windows: AvailabilityWindow[], slotMinutes = 60, bufferMinutes = 0): AvailabilityRules {
  return { timeZone, slotMinutes, bufferMinutes, minNoticeMinutes: 0, windows };
}

/** The UTC starts of the slots in [from, to). */
function starts(r: AvailabilityRules, from: string, to: string): string[] {
  return availabilityExpand(r, utc(from), utc(to)).map((slot) => iso(slot.startMs));
}

describe('availability → slots', () => {
  test('[SL1] Tuesdays 09:00 in Berlin stay 09:00 on the clock across 2026-03-29; the UTC instant moves', () => {
    const tuesdays = rules('Europe/Berlin', [{ weekday: 2, start: '09:00', end: '10:00' }]);
    const slots = availabilityExpand(tuesdays, utc('2026-03-23T00:00Z'), utc('2026-04-01T00:00Z'));
    assert.deepEqual(
      slots.map((slot) => [slot.localDate, slot.localStart, iso(slot.startMs), iso(slot.endMs)]),
      [
        ['2026-03-24', '09:00', '2026-03-24T08:00Z', '2026-03-24T09:00Z'],
        ['2026-03-31', '09:00', '2026-03-31T07:00Z', '2026-03-31T08:00Z'],
      ],
    );
  });

  test('[SL1] …and back across 2026-10-25', () => {
    const tuesdays = rules('Europe/Berlin', [{ weekday: 2, start: '09:00', end: '10:00' }]);
    assert.deepEqual(starts(tuesdays, '2026-10-19T00:00Z', '2026-10-28T00:00Z'), ['2026-10-20T07:00Z', '2026-10-27T08:00Z']);
  });

  test('[SL2] Europe/Berlin 2026-03-29: the 02:00 and 02:30 slots do not exist and are skipped, not shifted', () => {
    const night = rules('Europe/Berlin', [{ weekday: 7, start: '01:00', end: '04:00' }], 30);
    const slots = availabilityExpand(night, utc('2026-03-28T12:00Z'), utc('2026-03-29T12:00Z'));
    assert.deepEqual(
      slots.map((slot) => `${slot.localStart} ${iso(slot.startMs)}`),
      ['01:00 2026-03-29T00:00Z', '01:30 2026-03-29T00:30Z', '03:00 2026-03-29T01:00Z', '03:30 2026-03-29T01:30Z'],
    );
  });

  test('[SL3] Europe/Berlin 2026-10-25: 02:00 and 02:30 happen twice and give one slot each, on the first pass', () => {
    const night = rules('Europe/Berlin', [{ weekday: 7, start: '01:00', end: '04:00' }], 30);
    const slots = availabilityExpand(night, utc('2026-10-24T12:00Z'), utc('2026-10-25T12:00Z'));
    assert.deepEqual(
      slots.map((slot) => `${slot.localStart} ${iso(slot.startMs)}`),
      [
        '01:00 2026-10-24T23:00Z',
        '01:30 2026-10-24T23:30Z',
        '02:00 2026-10-25T00:00Z',
        '02:30 2026-10-25T00:30Z',
        '03:00 2026-10-25T02:00Z',
        '03:30 2026-10-25T02:30Z',
      ],
    );
  });

  test('[SL4][SL5] a slot that runs across the jump forward ends later on the clock; the next grid slot would overlap it and is dropped', () => {
    // 01:30 winter time + 90 minutes is 04:00 summer time, after the 03:00 grid slot has begun.
    const night = rules('Europe/Berlin', [{ weekday: 7, start: '01:30', end: '06:00' }], 90);
    assert.deepEqual(starts(night, '2026-03-28T12:00Z', '2026-03-29T12:00Z'), ['2026-03-29T00:30Z', '2026-03-29T02:30Z']);
    // A window ending inside the jump ends where calendars put it: the end pushed later by the jump.
    const short = rules('Europe/Berlin', [{ weekday: 7, start: '01:00', end: '02:30' }], 60);
    assert.deepEqual(starts(short, '2026-03-28T12:00Z', '2026-03-29T12:00Z'), ['2026-03-29T00:00Z']);
  });

  test('America/New_York 2026-03-08 and 2026-11-01: the skipped 02:00 and the repeated 01:00', () => {
    const sundays = rules('America/New_York', [{ weekday: 7, start: '01:00', end: '04:00' }]);
    assert.deepEqual(starts(sundays, '2026-03-08T00:00Z', '2026-03-09T00:00Z'), ['2026-03-08T06:00Z', '2026-03-08T07:00Z']);
    assert.deepEqual(starts(sundays, '2026-11-01T00:00Z', '2026-11-02T00:00Z'), ['2026-11-01T05:00Z', '2026-11-01T07:00Z', '2026-11-01T08:00Z']);
  });

  test('Asia/Kolkata has no daylight saving: Monday 09:00 is 03:30 UTC all year', () => {
    const mondays = rules('Asia/Kolkata', [{ weekday: 1, start: '09:00', end: '10:00' }]);
    for (const [from, to] of [['2026-01-01', '2026-03-31'], ['2026-04-01', '2026-06-30'], ['2026-07-01', '2026-09-30'], ['2026-10-01', '2026-12-31']] as const) {
      const slots = availabilityExpand(mondays, utc(`${from}T00:00Z`), utc(`${to}T00:00Z`));
      assert.ok(slots.length >= 12);
      for (const slot of slots) assert.match(iso(slot.startMs), /T03:30Z$/);
    }
  });

  test('a booker in another zone sees the practitioner\'s 09:00 at their own time: New York moves first, then Berlin', () => {
    const tuesdays = rules('Europe/Berlin', [{ weekday: 2, start: '09:00', end: '10:00' }]);
    const slots = availabilityExpand(tuesdays, utc('2026-03-01T00:00Z'), utc('2026-04-08T00:00Z'));
    const days = slotsByViewerDay(slots, 'America/New_York');
    assert.deepEqual(
      days.map((viewerDay) => `${viewerDay.localDate} ${viewerDay.slots.map((slot) => slot.viewerStart).join(',')}`),
      // Before 03-08 both on winter time (6 h apart); 03-10 to 03-24 only New York has moved (5 h); from 03-31 both (6 h).
      ['2026-03-03 03:00', '2026-03-10 04:00', '2026-03-17 04:00', '2026-03-24 04:00', '2026-03-31 03:00', '2026-04-07 03:00'],
    );
    for (const slot of days.flatMap((viewerDay) => viewerDay.slots)) assert.equal(slot.localStart, '09:00');
  });

  test('a booker whose day differs: Monday 07:00 in Berlin is Sunday evening in Los Angeles', () => {
    const mondays = rules('Europe/Berlin', [{ weekday: 1, start: '07:00', end: '08:00' }]);
    const days = slotsByViewerDay(availabilityExpand(mondays, utc('2026-01-05T00:00Z'), utc('2026-01-06T00:00Z')), 'America/Los_Angeles');
    assert.deepEqual(days.map((viewerDay) => [viewerDay.localDate, viewerDay.weekday, viewerDay.slots[0]?.viewerStart]), [['2026-01-04', 7, '22:00']]);
  });

  test('[SL1][SL5] the rest between slots is kept within a window; windows that touch both count', () => {
    const r = rules('UTC', [{ weekday: 3, start: '09:00', end: '11:00' }, { weekday: 3, start: '11:00', end: '12:00' }], 45, 15);
    assert.deepEqual(starts(r, '2026-01-07T00:00Z', '2026-01-08T00:00Z'), ['2026-01-07T09:00Z', '2026-01-07T10:00Z', '2026-01-07T11:00Z']);
  });

  test('[SL6] a range holds the slots that start in it; a window ending at 24:00 works', () => {
    const late = rules('UTC', [{ weekday: 3, start: '22:00', end: '24:00' }]);
    assert.deepEqual(starts(late, '2026-01-07T22:30Z', '2026-01-07T23:00Z'), []);
    assert.deepEqual(starts(late, '2026-01-07T22:00Z', '2026-01-07T23:00:00.001Z'), ['2026-01-07T22:00Z', '2026-01-07T23:00Z']);
    assert.deepEqual(starts(late, '2026-01-08T00:00Z', '2026-01-07T00:00Z'), []);
    assert.throws(() => availabilityExpand(late, 0, (SLOT_RANGE_DAYS_MAX + 1) * 86_400_000), RangeError);
  });

  test('open slots leave out booked time and anything before the earliest start', () => {
    const r = rules('UTC', [{ weekday: 3, start: '09:00', end: '12:00' }]);
    const slots = availabilityExpand(r, utc('2026-01-07T00:00Z'), utc('2026-01-08T00:00Z'));
    const open = slotsOpen(slots, [{ startMs: utc('2026-01-07T10:30Z'), endMs: utc('2026-01-07T11:30Z') }], utc('2026-01-07T09:00:01Z'));
    assert.deepEqual(open, []);
    const later = slotsOpen(slots, [{ startMs: utc('2026-01-07T10:00Z'), endMs: utc('2026-01-07T11:00Z') }], utc('2026-01-07T08:00Z'));
    assert.deepEqual(later.map((slot) => iso(slot.startMs)), ['2026-01-07T09:00Z', '2026-01-07T11:00Z']);
  });
});
