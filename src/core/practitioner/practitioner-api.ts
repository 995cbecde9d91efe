/**
 * The HTTP contract of practitioner mode and of the access log (issue 6): request bodies and
 * queries as zod schemas the server parses first, answers as types both sides build against.
 *
 * Practitioner routes (signed in as an account whose role is `practitioner`):
 * - `GET /api/practitioner/clients` → `{ clients: PractitionerClientView[] }`; anyone else gets
 *   403 `not_a_practitioner`.
 * - `GET /api/practitioner/clients/:clientId/history` → `ClientHistoryView`: what the client
 *   shares with this practitioner, and nothing else. Every read is written to the client's access
 *   log, one row per kind of thing shown.
 * - `GET /api/practitioner/clients/:clientId/notes` → `{ notes: PractitionerNoteView[] }`, newest first
 * - `POST /api/practitioner/clients/:clientId/notes` body `practitionerNoteBody` → 201 `{ note }`
 * - `PUT /api/practitioner/notes/:noteId` body `practitionerNoteBody` → `{ note }`
 * - `DELETE /api/practitioner/notes/:noteId` → 204
 * - `GET /api/practitioner/sessions/:sessionId` → `PractitionerSessionView`: which people in a live
 *   session are my clients (empty for anyone in it who is not its practitioner; 404 for a stranger).
 * A client id that is not one of my clients now is answered exactly like one that does not exist
 * (404 `client_not_found`); a note that is not mine like a missing one (404 `note_not_found`).
 *
 * Access log, for everyone signed in:
 * - `GET /api/me/access-log?limit=&offset=&untilMs=` → `AccessLogPage`: each time someone was shown
 *   something I share, newest first. Read-only: no route changes or deletes these rows.
 */
import { z } from 'zod';
import type { PersonalRecordView, RelationshipKind } from '../protocol/between-us-api.ts';
import type { SharingSettings } from '../relationships/sharing.ts';
import type { NervousSystemState } from '../states/nervous-system-state.ts';

/** Longest private note, in characters. */
export const PRACTITIONER_NOTE_MAX_LENGTH = 4000;

/** `POST .../notes` and `PUT /api/practitioner/notes/:noteId`. */
export const practitionerNoteBody = z.strictObject({
  text: z
    .string({ error: 'Write the note as text.' })
    .trim()
    .min(1, 'Write something first; an empty note is not kept.')
    .max(PRACTITIONER_NOTE_MAX_LENGTH, `A note can be at most ${PRACTITIONER_NOTE_MAX_LENGTH} characters. Split a longer one in two.`),
});

/** One client in a practitioner's list: one row per practitioner relationship they are in together. */
export interface PractitionerClientView {
  readonly clientId: string;
  readonly displayName: string;
  readonly relationshipId: string;
  /** When the practitioner relationship began. */
  readonly relationshipSinceMs: number;
  /** What the client lets the practitioner see outside a live session, now. */
  readonly shares: SharingSettings;
  /** When they last joined a live session together from this relationship; null: not yet. */
  readonly lastSessionAtMs: number | null;
}

/** A check-in the client shared in a session together (never its note or body tags). */
export interface SessionCheckInView {
  readonly atMs: number;
  readonly state: NervousSystemState;
  readonly intensity: number;
  readonly moment: 'before' | 'after' | 'any';
}

/** A live session the two were in together, as much of it as the client lets the practitioner see. */
export interface SessionTogetherView {
  readonly sessionId: string;
  readonly relationshipId: string;
  /** When the session was opened. */
  readonly startedAtMs: number;
  readonly ended: boolean;
  /** The client's shared check-ins in it, when they share check-ins; otherwise empty. */
  readonly checkIns: readonly SessionCheckInView[];
  /** The client's body signals, summed up, when the session boundary and their sharing both allow; else null. */
  readonly body: { readonly heartRateBpm: number | null; readonly breathingRateBpm: number | null; readonly minutes: number } | null;
}

/** `GET /api/practitioner/clients/:clientId/history`. */
export interface ClientHistoryView {
  readonly client: { readonly clientId: string; readonly displayName: string };
  /** Each practitioner relationship we are in together, and what the client shares in it now. */
  readonly relationships: readonly { readonly relationshipId: string; readonly sinceMs: number; readonly shares: SharingSettings }[];
  /** Newest first, at most `CLIENT_HISTORY_SESSIONS_MAX`. */
  readonly sessions: readonly SessionTogetherView[];
  /** Check-ins and solo practices the client shared, when they share check-ins; newest first. */
  readonly checkIns: readonly PersonalRecordView[];
  /** Reflections the client shared, when they share reflections; newest first. */
  readonly reflections: readonly PersonalRecordView[];
}

/** How many sessions together the history lists. */
export const CLIENT_HISTORY_SESSIONS_MAX = 12;

/** A private note, as its author sees it. Nobody else ever does. */
export interface PractitionerNoteView {
  readonly noteId: string;
  readonly clientId: string;
  readonly text: string;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
}

/** `GET /api/practitioner/sessions/:sessionId`. */
export interface PractitionerSessionView {
  /** The practitioner relationship the session was started from, when I am its practitioner; else null. */
  readonly relationshipId: string | null;
  /** My clients among its people (present or not), in the order they joined the relationship. */
  readonly clients: readonly { readonly personId: string; readonly displayName: string }[];
}

/**
 * What was looked at, as written to the access log. The first six are written by the
 * between-us routes and reports; the `client…` ones by practitioner mode.
 */
export const ACCESS_SUBJECTS = [
  'record',
  'cycleMap',
  'cycleMoment',
  'sessionSignals',
  'sessionCheckIns',
  'synchrony',
  /** A practitioner opened the client's page (who they are, what they share, sessions together). */
  'clientHistory',
  'clientCheckIns',
  'clientReflections',
  'clientSessionCheckIns',
  'clientSessionSignals',
] as const;

/** One of them. */
export type AccessSubject = (typeof ACCESS_SUBJECTS)[number];

/** Subjects whose `subjectId` is a live session's id. */
export const SESSION_ACCESS_SUBJECTS: readonly string[] = ['sessionSignals', 'sessionCheckIns', 'synchrony'];

/** `GET /api/me/access-log` query. */
export const accessLogQuery = z.object({
  limit: z.coerce.number({ error: 'Give a whole number from 1 to 100.' }).int().min(1).max(100).default(50),
  offset: z.coerce.number({ error: 'Give a whole number, 0 or more.' }).int().min(0).max(1_000_000).default(0),
  /** The first page's `asOfMs`, so later pages do not shift when new rows arrive. */
  untilMs: z.coerce.number().int().nonnegative().optional(),
});

/** One look at something I share. */
export interface AccessLogEntryView {
  readonly atMs: number;
  /** Who looked; `viewerId` is a stand-in once they deleted their account. */
  readonly viewerId: string;
  readonly viewerName: string;
  /** What they looked at (one of `ACCESS_SUBJECTS`, or a newer one this page does not know yet). */
  readonly subject: string;
  readonly relationshipId: string;
  /** The relationship's kind, or null once it no longer exists. */
  readonly relationshipKind: RelationshipKind | null;
  /** The live session it came from, for session subjects. */
  readonly sessionId: string | null;
}

/** `GET /api/me/access-log`. */
export interface AccessLogPage {
  readonly entries: readonly AccessLogEntryView[];
  /** The moment this listing counts up to; pass it back as `untilMs` for the next page. */
  readonly asOfMs: number;
  /** Query for the next (older) page, or null when this was the last. */
  readonly next: { readonly offset: number; readonly untilMs: number } | null;
}
