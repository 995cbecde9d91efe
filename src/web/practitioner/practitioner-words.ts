/**
 * Practitioner mode in words: dates, what a client shares, a session together summed up, and the
 * reminders that every look is seen by the client. Plain and warm; never a judgement of a client,
 * and never a hint about why something is not shared (that is theirs to choose).
 */
import type { PractitionerClientView, SessionTogetherView } from '../../core/practitioner/practitioner-api.ts';
import type { SharingSettings } from '../../core/relationships/sharing.ts';
import { checkInWords } from '../session/check-in-words.ts';
import { theirSharingWords } from '../us/sharing-words.ts';

/** "3 June 2026". */
export function dayWords(atMs: number): string {
  return new Date(atMs).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** "3 June 2026, 14:02". */
export function momentWords(atMs: number): string {
  return new Date(atMs).toLocaleString(undefined, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** What the client lets the practitioner see, as one or two sentences. */
export function clientSharesWords(name: string, shares: SharingSettings): string {
  return theirSharingWords(name, shares);
}

/** "Last session together: 3 June 2026", or that there has been none yet. */
export function lastSessionWords(client: Pick<PractitionerClientView, 'lastSessionAtMs'>): string {
  return client.lastSessionAtMs === null ? 'No session together yet.' : `Last session together: ${dayWords(client.lastSessionAtMs)}.`;
}

/** The reminder shown wherever a practitioner looks at a client's things. */
export function seenByClientWords(name: string): string {
  return `${name} can see each time you open this page, and what it showed you, in their own access log.`;
}

/** A session's body signals summed up, or why there is nothing (without saying whose choice it was). */
export function sessionBodyWords(body: SessionTogetherView['body']): string {
  if (body === null) return 'No body signals shared from this session.';
  const parts = [
    body.heartRateBpm === null ? null : `heart rate about ${String(Math.round(body.heartRateBpm))} beats a minute`,
    body.breathingRateBpm === null ? null : `breathing about ${body.breathingRateBpm.toFixed(1)} breaths a minute`,
  ].filter((part): part is string => part !== null);
  const over = `over ${String(body.minutes)} ${body.minutes === 1 ? 'minute' : 'minutes'}`;
  if (parts.length === 0) return `Body signals were shared ${over}, without a heart or breathing rate.`;
  const sentence = `${parts.join(', ')}, ${over}.`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** A session's shared check-ins in a line each ("Before: Settled and present, 3 out of 10"). */
export function sessionCheckInLines(checkIns: SessionTogetherView['checkIns']): string[] {
  const moment = { before: 'Before a practice', after: 'After a practice', any: 'During the session' } as const;
  return checkIns.map((checkIn) => `${moment[checkIn.moment]}: ${checkInWords(checkIn)}`);
}
