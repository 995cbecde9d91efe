/**
 * When a prompt may appear. A slot is one chosen time of day on one chosen day of the week, on
 * the person's local calendar. A prompt for that slot may appear from its time for up to
 * `PROMPT_SLOT_WINDOW_MS`, ending early at the next chosen time or where quiet hours begin, so
 * slots never overlap and a prompt never lands in quiet hours.
 */
import {
  MS_PER_DAY,
  dayNumberIso,
  localDayNumber,
  localDayStartMs,
  weekdayOfDayNumber,
} from '../progress/local-calendar.ts';
import { minuteIsQuiet, timeOfDayMinutes, type PromptSettings } from './prompt-settings.ts';

const MS_PER_MINUTE = 60_000;

/** How long after its chosen time a slot stays open: long enough to open the app, short enough to stay "around then". */
export const PROMPT_SLOT_WINDOW_MS = 2 * 60 * MS_PER_MINUTE;

/** One open slot: when it began, when it closes, and a stable name for it. */
export interface PromptSlot {
  readonly startMs: number;
  readonly endMs: number;
  /** The local date and time of day, "2025-11-21T18:30": the same for every instant in the slot. */
  readonly key: string;
}

/** The first instant after `fromMs` at which a local minute-of-day recurs (today or tomorrow). */
function nextOccurrenceMs(
  dayNumber: number,
  minuteOfDay: number,
  fromMs: number,
  tzOffsetMin: number,
): number {
  const sameDay = localDayStartMs(dayNumber, tzOffsetMin) + minuteOfDay * MS_PER_MINUTE;
  return sameDay > fromMs ? sameDay : sameDay + MS_PER_DAY;
}

/** When the slot starting at `startMs` on `dayNumber` closes. */
function slotEndMs(
  settings: PromptSettings,
  dayNumber: number,
  startMs: number,
  tzOffsetMin: number,
): number {
  let endMs = startMs + PROMPT_SLOT_WINDOW_MS;
  for (const time of settings.timesOfDay) {
    endMs = Math.min(
      endMs,
      nextOccurrenceMs(dayNumber, timeOfDayMinutes(time), startMs, tzOffsetMin),
    );
  }
  if (settings.quietHours) {
    endMs = Math.min(
      endMs,
      nextOccurrenceMs(
        dayNumber,
        timeOfDayMinutes(settings.quietHours.start),
        startMs,
        tzOffsetMin,
      ),
    );
  }
  return endMs;
}

/** The slot open at `nowMs`, or null when prompts are off or no chosen time is near. */
export function promptSlotAt(
  settings: PromptSettings,
  nowMs: number,
  tzOffsetMin: number,
): PromptSlot | null {
  if (!settings.enabled) return null;
  const today = localDayNumber(nowMs, tzOffsetMin);
  let open: PromptSlot | null = null;
  // A slot late yesterday may still be open just after midnight.
  for (const dayNumber of [today - 1, today]) {
    if (!settings.weekdays.includes(weekdayOfDayNumber(dayNumber))) continue;
    for (const time of settings.timesOfDay) {
      const minuteOfDay = timeOfDayMinutes(time);
      if (minuteIsQuiet(minuteOfDay, settings.quietHours)) continue;
      const startMs = localDayStartMs(dayNumber, tzOffsetMin) + minuteOfDay * MS_PER_MINUTE;
      const endMs = slotEndMs(settings, dayNumber, startMs, tzOffsetMin);
      if (startMs <= nowMs && nowMs < endMs && (open === null || startMs > open.startMs)) {
        open = { startMs, endMs, key: `${dayNumberIso(dayNumber)}T${time}` };
      }
    }
  }
  return open;
}
