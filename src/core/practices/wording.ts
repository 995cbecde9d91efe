/**
 * Small helpers that turn numbers into plain words for people: "30 seconds", "1 minute and
 * 30 seconds". Used in setting messages so nobody has to think in milliseconds.
 */

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;

/** A count with its unit, singular when the count is exactly one ("1 minute", "2 minutes"). */
export function countInWords(count: number, singular: string, plural: string): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}

/** A length of time in plain words, in minutes and seconds ("1 minute and 30 seconds"). */
export function durationInWords(ms: number): string {
  if (!Number.isFinite(ms) || ms < MS_PER_MINUTE) {
    return countInWords(ms / MS_PER_SECOND, 'second', 'seconds');
  }
  const minutes = Math.floor(ms / MS_PER_MINUTE);
  const seconds = (ms - minutes * MS_PER_MINUTE) / MS_PER_SECOND;
  const minutePart = countInWords(minutes, 'minute', 'minutes');
  return seconds === 0
    ? minutePart
    : `${minutePart} and ${countInWords(seconds, 'second', 'seconds')}`;
}

/** A number with at most one decimal place and no trailing ".0". */
function formatNumber(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}
