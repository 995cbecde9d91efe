/**
 * Weekly availability → concrete consultation slots in UTC over a range of instants.
 *
 * Rules, in the order they are applied (the names are the ids the tests cite):
 * - [SL1] Slots start on a grid of wall-clock times in the practitioner's zone: the window's
 *   start, then every `slotMinutes + bufferMinutes` after it, while the slot's wall-clock end
 *   (start + length) is within the window. A 09:00 slot is at 09:00 on the practitioner's clock
 *   on both sides of a daylight-saving change; its UTC instant moves instead.
 * - [SL2] Skipped times: a grid time that does not exist that day (clocks jumped forward over it,
 *   e.g. 02:30 in Berlin on 2026-03-29) gives no slot. It is not shifted to 03:30, where it could
 *   collide with the slot that really starts then.
 * - [SL3] Repeated times: a grid time that happens twice (clocks went back, e.g. 02:30 in Berlin on
 *   2026-10-25) gives one slot, at its first occurrence (still on summer time). The repeated hour's
 *   second pass adds nothing.
 * - [SL4] A slot lasts `slotMinutes` of real time and lies wholly inside its window's real extent:
 *   from the window's start to its end, each resolved as calendars do (a repeated time at its first
 *   occurrence, a skipped time pushed later by the jump). A slot whose real end passes the window's
 *   end (possible only across a jump forward) is dropped.
 * - [SL5] Within one window, a slot starts no sooner than `bufferMinutes` after the previous
 *   one ended, in real time; across everything, slots never overlap (the later one is dropped).
 * - [SL6] A slot belongs to a range when its start is in [from, to).
 */
import { MS_PER_DAY, weekdayOfDayNumber } from '../progress/local-calendar.ts';
import { localTimeMinutes, localTimeOfMinutes, type AvailabilityRules } from './availability.ts';
import { dayNumberIsoDate, wallTimeInstants, wallTimeOf, wallTimeToUtcMs } from './zoned-time.ts';

const MS_PER_MINUTE = 60_000;
/** Widest range one expansion covers: 92 days (a quarter). */
export const SLOT_RANGE_DAYS_MAX = 92;

/** A consultation's time: UTC instants in ms, end exclusive. */
export interface TimeSpan {
  readonly startMs: number;
  readonly endMs: number;
}

/** One slot as the practitioner's rules made it. */
export interface AvailabilitySlot extends TimeSpan {
  /** The practitioner's local date, "2026-03-29". */
  readonly localDate: string;
  /** The practitioner's wall-clock start, "HH:MM". */
  readonly localStart: string;
}

/** Whether two spans share any instant (touching ends do not count). */
export function timeSpansOverlap(a: TimeSpan, b: TimeSpan): boolean {
  return a.startMs < b.endMs && b.startMs < a.endMs;
}

/** Every slot the rules offer with a start in [fromMs, toMs), earliest first. Throws RangeError past `SLOT_RANGE_DAYS_MAX`. */
export function availabilityExpand(rules: AvailabilityRules, fromMs: number, toMs: number): AvailabilitySlot[] {
  if (!(toMs > fromMs)) return [];
  if (toMs - fromMs > SLOT_RANGE_DAYS_MAX * MS_PER_DAY) {
    throw new RangeError(`Slots are worked out for at most ${SLOT_RANGE_DAYS_MAX} days at a time.`);
  }
  const { timeZone } = rules;
  const slotMs = rules.slotMinutes * MS_PER_MINUTE;
  const bufferMs = rules.bufferMinutes * MS_PER_MINUTE;
  const step = rules.slotMinutes + rules.bufferMinutes;
  // Every local day that can hold an instant of the range (offsets are within a day either way).
  const firstDay = wallTimeOf(timeZone, fromMs).dayNumber - 1;
  const lastDay = wallTimeOf(timeZone, toMs).dayNumber + 1;
  const found: AvailabilitySlot[] = [];
  for (let dayNumber = firstDay; dayNumber <= lastDay; dayNumber += 1) {
    const weekday = weekdayOfDayNumber(dayNumber);
    for (const window of rules.windows) {
      if (window.weekday !== weekday) continue;
      const windowStart = localTimeMinutes(window.start);
      const windowEnd = localTimeMinutes(window.end);
      if (windowEnd <= windowStart) continue;
      const windowStartMs = wallTimeToUtcMs(timeZone, dayNumber, windowStart);
      const windowEndMs = wallTimeToUtcMs(timeZone, dayNumber, windowEnd);
      let previousEndMs = -Infinity;
      for (let minute = windowStart; minute + rules.slotMinutes <= windowEnd; minute += step) {
        const instants = wallTimeInstants(timeZone, dayNumber, minute);
        if (instants.kind === 'skipped') continue; // [SL2]
        const startMs = instants.kind === 'exact' ? instants.ms : instants.earlierMs; // [SL3]
        const endMs = startMs + slotMs;
        if (startMs < windowStartMs || endMs > windowEndMs) continue; // [SL4]
        if (startMs < previousEndMs + bufferMs) continue; // [SL5]
        previousEndMs = endMs;
        found.push({ startMs, endMs, localDate: dayNumberIsoDate(dayNumber), localStart: localTimeOfMinutes(minute) });
      }
    }
  }
  found.sort((a, b) => a.startMs - b.startMs);
  const slots: AvailabilitySlot[] = [];
  for (const slot of found) {
    const last = slots[slots.length - 1];
    if (last !== undefined && slot.startMs < last.endMs) continue; // [SL5]
    if (slot.startMs >= fromMs && slot.startMs < toMs) slots.push(slot); // [SL6]
  }
  return slots;
}

/** The slots no booked span overlaps, that start at or after `earliestStartMs`. */
export function slotsOpen<S extends TimeSpan>(slots: readonly S[], booked: readonly TimeSpan[], earliestStartMs: number): S[] {
  return slots.filter((slot) => slot.startMs >= earliestStartMs && !booked.some((span) => timeSpansOverlap(slot, span)));
}

/** Slots grouped by the local date a viewer in `timeZone` sees them on, in order. */
export interface SlotDay<S extends TimeSpan> {
  /** The viewer's local date, "2026-03-30". */
  readonly localDate: string;
  /** ISO weekday of that date. */
  readonly weekday: number;
  readonly slots: readonly (S & { readonly viewerStart: string })[];
}

/**
 * Slots by the viewer's own days, with each start as the viewer's clock shows it: the booking
 * screen shows times where the person booking is, not where the practitioner is.
 */
export function slotsByViewerDay<S extends TimeSpan>(slots: readonly S[], timeZone: string): SlotDay<S>[] {
  const days: { localDate: string; weekday: number; slots: (S & { viewerStart: string })[] }[] = [];
  for (const slot of [...slots].sort((a, b) => a.startMs - b.startMs)) {
    const wall = wallTimeOf(timeZone, slot.startMs);
    const localDate = dayNumberIsoDate(wall.dayNumber);
    let day = days[days.length - 1];
    if (day?.localDate !== localDate) {
      day = { localDate, weekday: wall.weekday, slots: [] };
      days.push(day);
    }
    day.slots.push({ ...slot, viewerStart: localTimeOfMinutes(wall.minuteOfDay) });
  }
  return days;
}
