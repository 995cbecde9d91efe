/**
 * Row types of every table, as Kysely sees them. Both dialects hand back plain numbers for the
 * integer columns (Postgres int8 is parsed to number in database.ts), so one type serves both.
 */
import type { Generated } from 'kysely';

/** One row per event; the primary key (session_id, seq) is what guarantees order and no duplicates. */
export interface SessionEventsTable {
  session_id: string;
  seq: number;
  at_ms: number;
  actor_id: string;
  command_id: string | null;
  type: string;
  /** JSON text of the event body. */
  body: string;
}

/** One row per command id ever accepted or rejected in a session. */
export interface SessionCommandsTable {
  session_id: string;
  command_id: string;
  actor_id: string;
  at_ms: number;
  /** JSON text of the outcome returned to the client. */
  outcome: string;
  first_seq: number | null;
  last_seq: number | null;
}

/** One row per session; `last_seq` is the row every appender locks and conditionally bumps. */
export interface SessionsTable {
  id: string;
  created_at_ms: number;
  created_by: string;
  last_seq: Generated<number>;
}

/** Guests (and later accounts); the bearer token is stored only as a hash. */
export interface IdentitiesTable {
  id: string;
  display_name: string;
  kind: 'guest' | 'account';
  token_hash: string | null;
  created_at_ms: number;
  /** null: never expires. */
  expires_at_ms: number | null;
}

/** Invite links to a session, keyed by the hash of their token. */
export interface InvitesTable {
  token_hash: string;
  session_id: string;
  created_by: string;
  created_at_ms: number;
  expires_at_ms: number;
  revoked_at_ms: number | null;
}

/** Who has been let into which session. */
export interface SessionAdmissionsTable {
  session_id: string;
  identity_id: string;
  admitted_at_ms: number;
}

/** The whole database, for `Kysely<DatabaseSchema>`. */
export interface DatabaseSchema {
  session_events: SessionEventsTable;
  session_commands: SessionCommandsTable;
  sessions: SessionsTable;
  identities: IdentitiesTable;
  invites: InvitesTable;
  session_admissions: SessionAdmissionsTable;
}
