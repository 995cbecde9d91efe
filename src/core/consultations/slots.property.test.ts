import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { localTimeMinutes, type AvailabilityRules, type AvailabilityWindow, type Weekday } from './availability.ts';
import { availabilityExpand, slotsByViewerDay } from './slots.ts';
import { dayNumberIsoDate, dayNumberOfIsoDate, wallTimeOf, wallTimeToUtcMs } from './zoned-time.ts';

const DAY_MS = 86_400_000;
/** Zones with every kind of change: hour and half-hour jumps, southern summers, odd offsets, none. */
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Pacific/Chatham',
  'Asia/Kathmandu',
  'Europe/London',
  'America/St_Johns',
  'Africa/Casablanca',
  'UTC',
] as const;

const windowArb: fc.Arbitrary<AvailabilityWindow> = fc
  .record({
    weekday: fc.integer({ min: 1, max: 7 }).map((day) => day as Weekday),
    start: fc.integer({ min: 0, max: 1439 }),
    length: fc.integer({ min: 15, max: 1440 }),
  })
  .map(({ weekday, start, length }) => ({ weekday, start: hhmm(start), end: hhmm(Math.min(1440, start + length)) }));

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const rulesArb: fc.Arbitrary<AvailabilityRules> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  slotMinutes: fc.integer({ min: 15, max: 240 }),
  bufferMinutes: fc.integer({ min: 0, max: 120 }),
  minNoticeMinutes: fc.constant(0),
  windows: fc.array(windowArb, { maxLength: 6 }),
});

/** Days on which one of `ZONES` changes its clocks in 2026, so ranges meet the changes often. */
const CHANGE_DAYS = [
  '2026-02-15', // Casablanca, before Ramadan
  '2026-03-08', // New York, St John's
  '2026-03-22', // Casablanca, after Ramadan
  '2026-03-29', // Berlin, London
  '2026-04-05', // Lord Howe, Santiago, Chatham
  '2026-09-06', // Santiago
  '2026-09-27', // Chatham
  '2026-10-04', // Lord Howe
  '2026-10-25', // Berlin, London
  '2026-11-01', // New York, St John's
].map(Date.parse);

/** Ranges of up to three weeks between 2020 and 2031, or of a few days around a clock change. */
const rangeArb = fc.oneof(
  fc
    .record({ from: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2031, 0, 1) }), days: fc.integer({ min: 1, max: 21 }) })
    .map(({ from, days }) => ({ fromMs: from, toMs: from + days * DAY_MS })),
  fc
    .record({ change: fc.constantFrom(...CHANGE_DAYS), before: fc.integer({ min: 0, max: 3 * DAY_MS }), days: fc.integer({ min: 1, max: 5 }) })
    .map(({ change, before, days }) => ({ fromMs: change - before, toMs: change - before + days * DAY_MS })),
);

describe('slots: properties', () => {
  test('[SL1][SL4] every slot starts on its window\'s wall-clock grid and lies wholly within the window', () => {
    fc.assert(
      fc.property(rulesArb, rangeArb, (rules, { fromMs, toMs }) => {
        for (const slot of availabilityExpand(rules, fromMs, toMs)) {
          const dayNumber = dayNumberOfIsoDate(slot.localDate);
          assert.ok(dayNumber !== null);
          // The start shows the slot's own wall-clock time in the practitioner's zone.
          const wall = wallTimeOf(rules.timeZone, slot.startMs);
          assert.equal(dayNumberIsoDate(wall.dayNumber), slot.localDate);
          assert.equal(hhmm(wall.minuteOfDay), slot.localStart);
          assert.equal(slot.endMs - slot.startMs, rules.slotMinutes * 60_000);
          const start = localTimeMinutes(slot.localStart);
          const owner = rules.windows.find((window) => {
            const windowStart = localTimeMinutes(window.start);
            const windowEnd = localTimeMinutes(window.end);
            return (
              window.weekday === wall.weekday &&
              start >= windowStart &&
              start + rules.slotMinutes <= windowEnd &&
              (start - windowStart) % (rules.slotMinutes + rules.bufferMinutes) === 0 &&
              slot.startMs >= wallTimeToUtcMs(rules.timeZone, dayNumber, windowStart) &&
              slot.endMs <= wallTimeToUtcMs(rules.timeZone, dayNumber, windowEnd)
            );
          });
          assert.ok(owner !== undefined, `slot ${slot.localDate} ${slot.localStart} has no window it fits`);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('[SL5][SL6] slots are in order, never overlap, and start within the range', () => {
    fc.assert(
      fc.property(rulesArb, rangeArb, (rules, { fromMs, toMs }) => {
        const slots = availabilityExpand(rules, fromMs, toMs);
        slots.forEach((slot, index) => {
          assert.ok(slot.startMs >= fromMs && slot.startMs < toMs);
          const next = slots[index + 1];
          if (next !== undefined) assert.ok(slot.endMs <= next.startMs, `${String(slot.startMs)} overlaps ${String(next.startMs)}`);
        });
      }),
      { numRuns: 150 },
    );
  });

  test('[SL6] a range split in two gives the same slots as the whole', () => {
    fc.assert(
      fc.property(rulesArb, rangeArb, fc.double({ min: 0, max: 1, noNaN: true }), (rules, { fromMs, toMs }, cut) => {
        const middle = Math.round(fromMs + (toMs - fromMs) * cut);
        const whole = availabilityExpand(rules, fromMs, toMs);
        const parts = [...availabilityExpand(rules, fromMs, middle), ...availabilityExpand(rules, middle, toMs)];
        // Splitting can only matter when a dropped overlap sits on the cut; otherwise they agree.
        if (!parts.some((slot, index) => { const next = parts[index + 1]; return next !== undefined && slot.endMs > next.startMs; })) {
          assert.deepEqual(parts, whole);
        }
      }),
      { numRuns: 100 },
    );
  });

  test('grouping by a viewer\'s days keeps every slot once, in order, on the viewer\'s own date', () => {
    fc.assert(
      fc.property(rulesArb, rangeArb, fc.constantFrom(...ZONES), (rules, { fromMs, toMs }, viewerZone) => {
        const slots = availabilityExpand(rules, fromMs, toMs);
        const days = slotsByViewerDay(slots, viewerZone);
        assert.deepEqual(days.flatMap((day) => day.slots.map((slot) => slot.startMs)), slots.map((slot) => slot.startMs));
        for (const day of days) {
          for (const slot of day.slots) assert.equal(dayNumberIsoDate(wallTimeOf(viewerZone, slot.startMs).dayNumber), day.localDate);
        }
      }),
      { numRuns: 100 },
    );
  });
});
