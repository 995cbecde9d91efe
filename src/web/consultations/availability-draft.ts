/**
 * The availability editor's state, kept apart from the screen so it can be tested: the rules as a
 * practitioner changes them, checked with the same core rules the server applies, and a preview of
 * the times they would offer.
 */
import {
  MIN_NOTICE_MINUTES_DEFAULT,
  WEEKDAYS,
  availabilityProblems,
  availabilityWindowsSorted,
  type AvailabilityRules,
  type Weekday,
} from '../../core/consultations/availability.ts';
import { availabilityExpand, type AvailabilitySlot } from '../../core/consultations/slots.ts';

/** One window as the editor holds it; `key` keeps rows steady while they change. */
export interface DraftWindow {
  readonly key: number;
  readonly weekday: Weekday;
  /** "HH:MM", or '' while a time field is incomplete. */
  readonly start: string;
  readonly end: string;
}

/** Everything the editor shows. */
export interface AvailabilityDraft {
  readonly timeZone: string;
  readonly slotMinutes: number;
  readonly bufferMinutes: number;
  readonly minNoticeMinutes: number;
  readonly windows: readonly DraftWindow[];
}

/** Consultation lengths offered in the editor, in minutes. */
export const SLOT_LENGTH_CHOICES = [30, 45, 50, 60, 75, 90, 120] as const;
/** Rests between consultations offered in the editor, in minutes. */
export const BUFFER_CHOICES = [0, 5, 10, 15, 30] as const;
/** Minimum notice choices, in minutes, with their words. */
export const NOTICE_CHOICES = [
  { minutes: 60, words: '1 hour' },
  { minutes: 120, words: '2 hours' },
  { minutes: 720, words: '12 hours' },
  { minutes: 1440, words: '1 day' },
  { minutes: 2880, words: '2 days' },
] as const;

/** The editor's starting point: the published rules, or sensible ones in the viewer's zone. */
export function draftFromRules(rules: AvailabilityRules | null, viewerZone: string): AvailabilityDraft {
  if (rules === null) return { timeZone: viewerZone, slotMinutes: 50, bufferMinutes: 10, minNoticeMinutes: MIN_NOTICE_MINUTES_DEFAULT, windows: [] };
  return {
    timeZone: rules.timeZone,
    slotMinutes: rules.slotMinutes,
    bufferMinutes: rules.bufferMinutes,
    minNoticeMinutes: rules.minNoticeMinutes,
    windows: availabilityWindowsSorted(rules.windows).map((window, index) => ({ key: index + 1, ...window, end: window.end === '24:00' ? '00:00' : window.end })),
  };
}

/** Adds a window on the day after the last one (Tuesday first), 09:00–12:00. */
export function draftWindowAdd(draft: AvailabilityDraft): AvailabilityDraft {
  const last = draft.windows[draft.windows.length - 1];
  const weekday = last === undefined ? 2 : (WEEKDAYS[last.weekday % 7] ?? 1);
  const key = Math.max(0, ...draft.windows.map((window) => window.key)) + 1;
  return { ...draft, windows: [...draft.windows, { key, weekday, start: '09:00', end: '12:00' }] };
}

/** Changes one window. */
export function draftWindowChange(draft: AvailabilityDraft, key: number, change: Partial<Omit<DraftWindow, 'key'>>): AvailabilityDraft {
  return { ...draft, windows: draft.windows.map((window) => (window.key === key ? { ...window, ...change } : window)) };
}

/** Removes one window. */
export function draftWindowRemove(draft: AvailabilityDraft, key: number): AvailabilityDraft {
  return { ...draft, windows: draft.windows.filter((window) => window.key !== key) };
}

/** The rules to publish; an end of 00:00 means midnight at the end of the day. */
export function draftToRules(draft: AvailabilityDraft): AvailabilityRules {
  return {
    timeZone: draft.timeZone,
    slotMinutes: draft.slotMinutes,
    bufferMinutes: draft.bufferMinutes,
    minNoticeMinutes: draft.minNoticeMinutes,
    windows: draft.windows.map((window) => ({ weekday: window.weekday, start: window.start, end: window.end === '00:00' ? '24:00' : window.end })),
  };
}

/** What would stop the rules from being published, in words; empty when they are fine. */
export function draftProblems(draft: AvailabilityDraft): string[] {
  const incomplete = draft.windows.filter((window) => !/^\d\d:\d\d$/.test(window.start) || !/^\d\d:\d\d$/.test(window.end));
  if (incomplete.length > 0) return ['Each time needs a start and an end, for example 09:00 and 12:00.'];
  return availabilityProblems(draftToRules(draft));
}

/** The first `count` times the draft would offer from `fromMs`, over the next two weeks. */
export function draftPreview(draft: AvailabilityDraft, fromMs: number, count: number): AvailabilitySlot[] {
  if (draftProblems(draft).length > 0) return [];
  return availabilityExpand(draftToRules(draft), fromMs, fromMs + 14 * 86_400_000).slice(0, count);
}
