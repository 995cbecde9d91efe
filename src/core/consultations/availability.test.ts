import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  MIN_NOTICE_MINUTES_DEFAULT,
  availabilityProblems,
  availabilityRulesSchema,
  availabilityWindowsSorted,
  localTimeMinutes,
  localTimeOfMinutes,
  type AvailabilityRules,
} from './availability.ts';

const RULES: AvailabilityRules = {
  timeZone: 'Europe/Berlin',
  slotMinutes: 50,
  bufferMinutes: 10,
  minNoticeMinutes: 120,
  windows: [{ weekday: 2, start: '09:00', end: '12:00' }],
};

describe('availability rules', () => {
  test('times are HH:MM on a 24-hour clock, with 24:00 as the end of a day', () => {
    assert.equal(localTimeMinutes('09:30'), 570);
    assert.equal(localTimeMinutes('24:00'), 1440);
    assert.equal(localTimeOfMinutes(570), '09:30');
    assert.equal(localTimeOfMinutes(1440), '24:00');
    for (const bad of ['9:30', '24:01', '12:60', '25:00', 'noon']) {
      assert.equal(availabilityRulesSchema.safeParse({ ...RULES, windows: [{ weekday: 1, start: bad, end: '24:00' }] }).success, false, bad);
    }
  });

  test('the schema fills in the default notice and refuses unknown fields and days', () => {
    const { minNoticeMinutes: _, ...withoutNotice } = RULES;
    const parsed = availabilityRulesSchema.parse(withoutNotice);
    assert.equal(parsed.minNoticeMinutes, MIN_NOTICE_MINUTES_DEFAULT);
    assert.equal(availabilityRulesSchema.safeParse({ ...RULES, colour: 'blue' }).success, false);
    assert.equal(availabilityRulesSchema.safeParse({ ...RULES, windows: [{ weekday: 8, start: '09:00', end: '10:00' }] }).success, false);
    assert.equal(availabilityRulesSchema.safeParse({ ...RULES, slotMinutes: 10 }).success, false);
  });

  test('good rules have no problems; each problem is named in words a person can act on', () => {
    assert.deepEqual(availabilityProblems(RULES), []);
    assert.deepEqual(availabilityProblems({ ...RULES, windows: [] }), []);
    assert.match(availabilityProblems({ ...RULES, timeZone: 'Mars/Base' }).join(' '), /not a time zone Attune knows/);
    assert.match(availabilityProblems({ ...RULES, windows: [{ weekday: 2, start: '12:00', end: '09:00' }] }).join(' '), /Tuesday 12:00–09:00: the end needs to be later than the start/);
    assert.match(availabilityProblems({ ...RULES, windows: [{ weekday: 2, start: '09:00', end: '09:30' }] }).join(' '), /shorter than one 50-minute consultation/);
    assert.match(
      availabilityProblems({ ...RULES, windows: [{ weekday: 2, start: '09:00', end: '12:00' }, { weekday: 2, start: '11:00', end: '13:00' }] }).join(' '),
      /Tuesday 09:00–12:00 and Tuesday 11:00–13:00 overlap/,
    );
    // Windows that touch are fine, and so are the same hours on different days.
    assert.deepEqual(availabilityProblems({ ...RULES, windows: [{ weekday: 2, start: '09:00', end: '12:00' }, { weekday: 2, start: '12:00', end: '14:00' }, { weekday: 3, start: '09:00', end: '12:00' }] }), []);
  });

  test('windows sort by day, then start', () => {
    const sorted = availabilityWindowsSorted([
      { weekday: 3, start: '09:00', end: '10:00' },
      { weekday: 1, start: '14:00', end: '15:00' },
      { weekday: 1, start: '08:00', end: '09:00' },
    ]);
    assert.deepEqual(sorted.map((window) => `${window.weekday} ${window.start}`), ['1 08:00', '1 14:00', '3 09:00']);
  });
});
