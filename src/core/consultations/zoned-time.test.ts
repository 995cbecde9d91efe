import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  dayNumberIsoDate,
  dayNumberOfIsoDate,
  timeZoneCanonical,
  timeZoneIsKnown,
  timeZoneOffsetMsAt,
  wallTimeInstants,
  wallTimeOf,
  wallTimeToUtcMs,
} from './zoned-time.ts';

const HOUR_MS = 3_600_000;
const utc = (iso: string) => Date.parse(iso);
const day = (iso: string) => {
  const found = dayNumberOfIsoDate(iso);
  assert.ok(found !== null, iso);
  return found;
};
const at = (hours: number, minutes = 0) => hours * 60 + minutes;

describe('zoned time', () => {
  test('offsets come from the zone database, daylight saving included', () => {
    assert.equal(timeZoneOffsetMsAt('Europe/Berlin', utc('2026-01-15T12:00:00Z')), 1 * HOUR_MS);
    assert.equal(timeZoneOffsetMsAt('Europe/Berlin', utc('2026-07-15T12:00:00Z')), 2 * HOUR_MS);
    assert.equal(timeZoneOffsetMsAt('America/New_York', utc('2026-01-15T12:00:00Z')), -5 * HOUR_MS);
    assert.equal(timeZoneOffsetMsAt('America/New_York', utc('2026-07-15T12:00:00Z')), -4 * HOUR_MS);
    assert.equal(timeZoneOffsetMsAt('Asia/Kolkata', utc('2026-07-15T12:00:00.750Z')), 5.5 * HOUR_MS);
    assert.equal(timeZoneOffsetMsAt('UTC', utc('2026-07-15T12:00:00Z')), 0);
  });

  test('Europe/Berlin 2026-03-29: 02:00–02:59 never happens; 01:59 is still winter time, 03:00 summer time', () => {
    const d = day('2026-03-29');
    assert.deepEqual(wallTimeInstants('Europe/Berlin', d, at(1, 59)), { kind: 'exact', ms: utc('2026-03-29T00:59:00Z') });
    assert.deepEqual(wallTimeInstants('Europe/Berlin', d, at(2, 30)), { kind: 'skipped', shiftedMs: utc('2026-03-29T01:30:00Z') });
    assert.equal(wallTimeInstants('Europe/Berlin', d, at(2, 0)).kind, 'skipped');
    assert.deepEqual(wallTimeInstants('Europe/Berlin', d, at(3, 0)), { kind: 'exact', ms: utc('2026-03-29T01:00:00Z') });
    // Calendars push a skipped time later by the jump: 02:30 becomes 03:30 summer time.
    assert.equal(wallTimeToUtcMs('Europe/Berlin', d, at(2, 30)), utc('2026-03-29T01:30:00Z'));
  });

  test('Europe/Berlin 2026-10-25: 02:00–02:59 happens twice; the first pass is summer time', () => {
    const d = day('2026-10-25');
    assert.deepEqual(wallTimeInstants('Europe/Berlin', d, at(2, 30)), {
      kind: 'repeated',
      earlierMs: utc('2026-10-25T00:30:00Z'),
      laterMs: utc('2026-10-25T01:30:00Z'),
    });
    assert.equal(wallTimeToUtcMs('Europe/Berlin', d, at(2, 30)), utc('2026-10-25T00:30:00Z'));
    assert.deepEqual(wallTimeInstants('Europe/Berlin', d, at(3, 0)), { kind: 'exact', ms: utc('2026-10-25T02:00:00Z') });
    assert.deepEqual(wallTimeInstants('Europe/Berlin', d, at(1, 59)), { kind: 'exact', ms: utc('2026-10-24T23:59:00Z') });
  });

  test('America/New_York 2026-03-08 skips 02:00–02:59; 2026-11-01 repeats 01:00–01:59', () => {
    assert.deepEqual(wallTimeInstants('America/New_York', day('2026-03-08'), at(2, 15)), { kind: 'skipped', shiftedMs: utc('2026-03-08T07:15:00Z') });
    assert.deepEqual(wallTimeInstants('America/New_York', day('2026-03-08'), at(3, 0)), { kind: 'exact', ms: utc('2026-03-08T07:00:00Z') });
    assert.deepEqual(wallTimeInstants('America/New_York', day('2026-11-01'), at(1, 30)), {
      kind: 'repeated',
      earlierMs: utc('2026-11-01T05:30:00Z'),
      laterMs: utc('2026-11-01T06:30:00Z'),
    });
    assert.deepEqual(wallTimeInstants('America/New_York', day('2026-11-01'), at(2, 0)), { kind: 'exact', ms: utc('2026-11-01T07:00:00Z') });
  });

  test('Asia/Kolkata has no daylight saving: every day of 2026, each two hours happen exactly once', () => {
    const first = day('2026-01-01');
    for (let d = first; d < first + 365; d += 1) {
      for (let minute = 0; minute < 1440; minute += 120) {
        const instants = wallTimeInstants('Asia/Kolkata', d, minute);
        assert.equal(instants.kind, 'exact', `${dayNumberIsoDate(d)} ${minute}`);
      }
    }
  });

  test('Australia/Lord_Howe moves by half an hour: 2026-10-04 skips 02:00–02:29, 2026-04-05 repeats 01:30–01:59', () => {
    assert.equal(wallTimeInstants('Australia/Lord_Howe', day('2026-10-04'), at(2, 15)).kind, 'skipped');
    assert.equal(wallTimeInstants('Australia/Lord_Howe', day('2026-10-04'), at(2, 30)).kind, 'exact');
    const repeated = wallTimeInstants('Australia/Lord_Howe', day('2026-04-05'), at(1, 45));
    assert.equal(repeated.kind, 'repeated');
    assert.equal(repeated.laterMs - repeated.earlierMs, HOUR_MS / 2);
  });

  test('wallTimeOf names the local day, minute, weekday and offset', () => {
    assert.deepEqual(wallTimeOf('America/New_York', utc('2026-03-08T07:00:00Z')), {
      dayNumber: day('2026-03-08'),
      minuteOfDay: at(3, 0),
      weekday: 7,
      offsetMs: -4 * HOUR_MS,
    });
    assert.equal(wallTimeOf('Asia/Kolkata', utc('2026-03-09T18:45:00Z')).minuteOfDay, at(0, 15));
    assert.equal(dayNumberIsoDate(wallTimeOf('Asia/Kolkata', utc('2026-03-09T18:45:00Z')).dayNumber), '2026-03-10');
  });

  test('zone names: known ones pass, unknown and empty ones do not; spelling is made canonical', () => {
    assert.equal(timeZoneIsKnown('Europe/Berlin'), true);
    assert.equal(timeZoneIsKnown('UTC'), true);
    assert.equal(timeZoneIsKnown('Mars/Olympus_Mons'), false);
    assert.equal(timeZoneIsKnown(''), false);
    assert.equal(timeZoneCanonical('europe/berlin'), 'Europe/Berlin');
    assert.throws(() => timeZoneOffsetMsAt('Nowhere/Here', 0), RangeError);
  });

  test('ISO dates go to day numbers and back; impossible dates are refused', () => {
    assert.equal(dayNumberIsoDate(day('2026-03-29')), '2026-03-29');
    assert.equal(dayNumberOfIsoDate('2026-02-30'), null);
    assert.equal(dayNumberOfIsoDate('26-02-01'), null);
  });
});
