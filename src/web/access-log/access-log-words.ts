/**
 * The access log in words: what each kind of look was at, through which relationship, and one
 * line per look. Looks made at the same moment by the same person (one page opened) are gathered
 * into one visit, so a practitioner opening a client's page reads as one thing, not five.
 */
import type { AccessLogEntryView } from '../../core/practitioner/practitioner-api.ts';
import type { RelationshipKind } from '../../core/protocol/between-us-api.ts';

/** What was looked at, after "looked at". */
export const ACCESS_SUBJECT_WORDS: Readonly<Record<string, string>> = {
  record: 'something you shared: a check-in, a practice or a reflection',
  cycleMap: 'your side of the cycle map',
  cycleMoment: 'a moment you noted your cycle',
  sessionSignals: 'your heart rate and breathing from a session',
  sessionCheckIns: 'your check-ins from a session',
  synchrony: 'how your hearts moved together in a session',
  clientHistory: 'your page in practitioner mode: what you share and your sessions together',
  clientCheckIns: 'the check-ins you shared',
  clientReflections: 'the reflections you shared',
  clientSessionCheckIns: 'your check-ins from sessions together',
  clientSessionSignals: 'your heart rate and breathing from sessions together',
};

/** The words for a subject this page may not know yet. */
export const ACCESS_SUBJECT_FALLBACK = 'something you shared';

/** What was looked at, in words. */
export function accessSubjectWords(subject: string): string {
  return ACCESS_SUBJECT_WORDS[subject] ?? ACCESS_SUBJECT_FALLBACK;
}

const THROUGH: Readonly<Record<RelationshipKind, string>> = {
  partner: 'as your partner',
  friend: 'as your friend',
  family: 'as your family',
  practitioner: 'as your practitioner',
};

/** Through which relationship, after the name: "as your practitioner". */
export function throughWords(kind: RelationshipKind | null, relationshipId = 'unknown'): string {
  // '' marks a look in a live session not started from a relationship (an invite or a consultation).
  if (relationshipId === '') return 'in a session you were both in';
  return kind === null ? 'through a relationship that has since ended' : THROUGH[kind];
}

/** One visit: everything one person was shown at one moment. */
export interface AccessVisit {
  readonly key: string;
  readonly atMs: number;
  readonly viewerName: string;
  readonly through: string;
  /** What they looked at, each once, in the order first seen. */
  readonly what: readonly string[];
  /** Whether a session's report was among it. */
  readonly fromSession: boolean;
}

/** Gathers entries (newest first) into visits: same person, same moment, same relationship. */
export function accessVisits(entries: readonly AccessLogEntryView[]): AccessVisit[] {
  const visits: { key: string; atMs: number; viewerName: string; through: string; what: string[]; fromSession: boolean; viewerId: string; relationshipId: string }[] = [];
  for (const entry of entries) {
    const words = accessSubjectWords(entry.subject);
    const last = visits[visits.length - 1];
    if (last !== undefined && last.atMs === entry.atMs && last.viewerId === entry.viewerId && last.relationshipId === entry.relationshipId) {
      if (!last.what.includes(words)) last.what.push(words);
      last.fromSession ||= entry.sessionId !== null;
      continue;
    }
    visits.push({
      key: `${String(entry.atMs)}:${entry.viewerId}:${entry.relationshipId}:${entry.subject}`,
      atMs: entry.atMs,
      viewerId: entry.viewerId,
      relationshipId: entry.relationshipId,
      viewerName: entry.viewerName,
      through: throughWords(entry.relationshipKind, entry.relationshipId),
      what: [words],
      fromSession: entry.sessionId !== null,
    });
  }
  return visits.map(({ key, atMs, viewerName, through, what, fromSession }) => ({ key, atMs, viewerName, through, what, fromSession }));
}

/** What the page says first. */
export const ACCESS_LOG_INTRO = [
  'Each time someone you share with is shown something of yours, it is written here: who, what, and when. Nobody can change or remove these lines, not even the person who looked.',
  'They only ever see what you chose to share. You can change that at any time, for each relationship, under “What I share”.',
  'A practitioner may also keep private notes of their own about your sessions together. Those are their working notes, not something you shared, so they are not listed here.',
] as const;
