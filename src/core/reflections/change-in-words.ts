/**
 * A change between two answers on a 0–10 scale, as a plain sentence with no verdict: "A little
 * more than in March." More is not better and less is not worse; the words only say which way
 * and roughly how far, and when the earlier answer was given.
 */
import { MONTH_NAMES, localDateOf } from '../progress/local-calendar.ts';

/** One answer on a 0–10 scale and when it was given. */
export interface ScaleAnswerAt {
  readonly value: number;
  readonly atMs: number;
}

/** How far apart two answers are before the words say "a little", plain, or "a lot". */
export const CHANGE_STEPS = { aLittleUpTo: 2, plainUpTo: 5 } as const;

/** How far apart two answers are, in words: "about the same as", "a little more than", "a lot less than". */
export function changeAmountInWords(earlier: number, later: number): string {
  const difference = later - earlier;
  if (difference === 0) return 'about the same as';
  const direction = difference > 0 ? 'more' : 'less';
  const size = Math.abs(difference);
  if (size <= CHANGE_STEPS.aLittleUpTo) return `a little ${direction} than`;
  if (size <= CHANGE_STEPS.plainUpTo) return `${direction} than`;
  return `a lot ${direction} than`;
}

/**
 * When the earlier answer was given, seen from the later one, on the person's local calendar:
 * "earlier the same day", "earlier in March", "in March", or "in March 2024" once a year or more
 * lies between them.
 */
export function earlierMomentInWords(
  earlierAtMs: number,
  laterAtMs: number,
  tzOffsetMin: number,
): string {
  const earlier = localDateOf(earlierAtMs, tzOffsetMin);
  const later = localDateOf(laterAtMs, tzOffsetMin);
  const monthName = MONTH_NAMES[earlier.month - 1] ?? '';
  if (earlier.dayNumber === later.dayNumber) return 'earlier the same day';
  if (earlier.year === later.year && earlier.month === later.month)
    return `earlier in ${monthName}`;
  const monthsApart = (later.year - earlier.year) * 12 + (later.month - earlier.month);
  return monthsApart < 12 ? `in ${monthName}` : `in ${monthName} ${String(earlier.year)}`;
}

/** The whole sentence: "A little more than in March." */
export function changeInWords(
  earlier: ScaleAnswerAt,
  later: ScaleAnswerAt,
  tzOffsetMin: number,
): string {
  const phrase = `${changeAmountInWords(earlier.value, later.value)} ${earlierMomentInWords(earlier.atMs, later.atMs, tzOffsetMin)}`;
  return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}.`;
}
