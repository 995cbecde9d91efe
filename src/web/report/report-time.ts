/** Lengths of time and moments within a session, in plain words. */

const MINUTE_MS = 60_000;

/** "less than a minute", "1 minute", "24 minutes", "1 hour 5 minutes". */
export function durationWords(ms: number): string {
  const minutes = Math.round(Math.max(0, ms) / MINUTE_MS);
  if (minutes < 1) return 'less than a minute';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const minuteWords = (count: number) => `${count} ${count === 1 ? 'minute' : 'minutes'}`;
  if (hours === 0) return minuteWords(rest);
  const hourWords = `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return rest === 0 ? hourWords : `${hourWords} ${minuteWords(rest)}`;
}

/** A moment as time into the session: "0:00", "4:05", "1:02:30". */
export function offsetClock(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const twoDigits = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}:${twoDigits(minutes)}:${twoDigits(seconds)}` : `${minutes}:${twoDigits(seconds)}`;
}

/** A chart's time-axis tick, given in minutes into the session: "5 min" on whole minutes, else "4:30". */
export function minuteTick(minutes: number): string {
  const rounded = Math.round(minutes * 60) / 60;
  if (Number.isInteger(rounded)) return `${rounded} min`;
  return offsetClock(rounded * MINUTE_MS);
}
