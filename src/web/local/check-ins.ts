/**
 * Check-ins made outside a live session stay on this device: they are kept in localStorage and
 * never sent anywhere. Everything here takes the storage as a parameter so it can be tested with a
 * fake, and so a browser that blocks storage (private mode) still works for the visit.
 */
import { z } from 'zod';
import {
  CHECK_IN_NOTE_MAX_CHARS,
  CHECK_IN_TAG_MAX_CHARS,
  CHECK_IN_TAGS_MAX,
} from '../../core/protocol/commands.ts';
import {
  CHECK_IN_INTENSITY_MAX,
  CHECK_IN_INTENSITY_MIN,
  NERVOUS_SYSTEM_STATES,
} from '../../core/states/nervous-system-state.ts';
import type { NervousSystemState } from '../../core/states/nervous-system-state.ts';

/** Where the list lives in localStorage. */
export const LOCAL_CHECK_INS_KEY = 'attune.checkIns';

/** How many check-ins are kept; the oldest go first. */
export const LOCAL_CHECK_INS_MAX = 200;

/** When a check-in was made, relative to a practice. */
export type CheckInMoment = 'before' | 'after' | 'any';

/** What a person says in a check-in, before it is stored. */
export interface CheckInAnswers {
  readonly state: NervousSystemState;
  readonly intensity: number;
  readonly tags: readonly string[];
  readonly note: string;
}

/** One check-in kept on this device. */
export interface LocalCheckIn extends CheckInAnswers {
  readonly id: string;
  /** Epoch ms on this device's clock. */
  readonly at: number;
  readonly moment: CheckInMoment;
  /** The solo practice it was made around, if any. */
  readonly practiceId?: string;
}

/** The subset of Storage this needs. */
export type CheckInStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const localCheckInSchema = z.object({
  id: z.string().min(1).max(64),
  at: z.number(),
  state: z.enum(NERVOUS_SYSTEM_STATES),
  intensity: z.number().int().min(CHECK_IN_INTENSITY_MIN).max(CHECK_IN_INTENSITY_MAX),
  tags: z.array(z.string().min(1).max(CHECK_IN_TAG_MAX_CHARS)).max(CHECK_IN_TAGS_MAX),
  note: z.string().max(CHECK_IN_NOTE_MAX_CHARS),
  moment: z.enum(['before', 'after', 'any']),
  practiceId: z.string().max(64).optional(),
});

/** This browser's localStorage, or null when it is missing or blocked. */
export function browserStorage(): Storage | null {
  try {
    const storage = globalThis.localStorage as Storage | undefined;
    return storage ?? null;
  } catch {
    return null;
  }
}

/** Every stored check-in, oldest first; unreadable entries are skipped, never fatal. */
export function checkInsLoad(storage: CheckInStorage | null): LocalCheckIn[] {
  if (storage === null) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(LOCAL_CHECK_INS_KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const kept: LocalCheckIn[] = [];
  for (const entry of raw) {
    const parsed = localCheckInSchema.safeParse(entry);
    if (parsed.success) kept.push(parsed.data);
  }
  return kept;
}

/** The answers cleaned to what a check-in may hold: trimmed, deduplicated, within limits. */
export function checkInAnswersCleaned(answers: CheckInAnswers): CheckInAnswers {
  const intensity = Math.round(
    Math.min(Math.max(Number.isFinite(answers.intensity) ? answers.intensity : 0, CHECK_IN_INTENSITY_MIN), CHECK_IN_INTENSITY_MAX),
  );
  const tags: string[] = [];
  for (const tag of answers.tags) {
    const clean = tag.trim().slice(0, CHECK_IN_TAG_MAX_CHARS);
    if (clean !== '' && !tags.some((kept) => kept.toLowerCase() === clean.toLowerCase())) tags.push(clean);
  }
  return {
    state: answers.state,
    intensity,
    tags: tags.slice(0, CHECK_IN_TAGS_MAX),
    note: answers.note.slice(0, CHECK_IN_NOTE_MAX_CHARS),
  };
}

function newId(nowMs: number): string {
  return `${nowMs.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Stores a check-in and returns it as kept. If storage is blocked or full, the check-in is still
 * returned (it lasts this visit) and `stored` says it was not written.
 */
export function checkInAdd(
  storage: CheckInStorage | null,
  answers: CheckInAnswers,
  options: { nowMs: number; moment?: CheckInMoment; practiceId?: string },
): { checkIn: LocalCheckIn; stored: boolean } {
  const checkIn: LocalCheckIn = {
    id: newId(options.nowMs),
    at: options.nowMs,
    moment: options.moment ?? 'any',
    ...(options.practiceId === undefined ? {} : { practiceId: options.practiceId }),
    ...checkInAnswersCleaned(answers),
  };
  rememberForThisVisit(checkIn);
  if (storage === null) return { checkIn, stored: false };
  const all = [...checkInsLoad(storage), checkIn].slice(-LOCAL_CHECK_INS_MAX);
  try {
    storage.setItem(LOCAL_CHECK_INS_KEY, JSON.stringify(all));
    return { checkIn, stored: true };
  } catch {
    return { checkIn, stored: false };
  }
}

/** The newest `count` check-ins, newest first. */
export function checkInsRecent(storage: CheckInStorage | null, count: number): LocalCheckIn[] {
  if (!(count > 0)) return [];
  return checkInsLoad(storage).slice(-count).reverse();
}

/** Removes every check-in from this device. */
export function checkInsClear(storage: CheckInStorage | null): void {
  visitCheckIns = [];
  if (storage === null) return;
  try {
    storage.removeItem(LOCAL_CHECK_INS_KEY);
  } catch {
    // Nothing more can be done; the list is already unreadable to the app.
  }
}

// The check-ins made during this visit (since the page loaded), so an after-practice check-in can
// be shown beside the one made before, even when storage is blocked.
let visitCheckIns: LocalCheckIn[] = [];

function rememberForThisVisit(checkIn: LocalCheckIn): void {
  visitCheckIns = [...visitCheckIns.slice(-9), checkIn];
}

/**
 * The check-in to compare with after a practice: the latest one made this visit that was not an
 * "after" check-in, if it is recent enough (default: within the last hour).
 */
export function checkInBeforeThisVisit(nowMs: number, withinMs = 60 * 60 * 1000): LocalCheckIn | undefined {
  for (let index = visitCheckIns.length - 1; index >= 0; index -= 1) {
    const checkIn = visitCheckIns[index];
    if (checkIn === undefined) continue;
    if (checkIn.moment === 'after') continue;
    return nowMs - checkIn.at <= withinMs ? checkIn : undefined;
  }
  return undefined;
}

/** Forgets this visit's check-ins (for tests). */
export function visitCheckInsForget(): void {
  visitCheckIns = [];
}
