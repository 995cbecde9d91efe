/**
 * A common password with digits or symbols added at the end is still easy to guess: guessing tools
 * try "summer2024!" right after "summer". The stem is what is left once those endings are taken off,
 * and it is checked against the common list too when it is long enough to mean something.
 */

/** The fewest code points a stem must have to be checked; shorter ones would refuse too much. */
export const PASSWORD_STEM_MIN_LENGTH = 4;

const TRAILING_DECORATION = /[\p{N}\p{P}\p{S}\s]+$/u;

/** The number of Unicode code points in `text` (not UTF-16 units), as people count characters. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/**
 * `text` without its trailing digits, punctuation, symbols and spaces, or null when what is left is
 * shorter than PASSWORD_STEM_MIN_LENGTH or nothing was taken off.
 */
export function passwordStem(text: string): string | null {
  const stem = text.replace(TRAILING_DECORATION, '');
  if (stem === text || codePointLength(stem) < PASSWORD_STEM_MIN_LENGTH) return null;
  return stem;
}
