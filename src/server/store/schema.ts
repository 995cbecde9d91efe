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

/** Downsampled body signals for the session report (not events: see DESIGN, "Physiological samples"). */
export interface SessionSignalsTable {
  session_id: string;
  participant_id: string;
  at_ms: number;
  source: string;
  heart_rate_bpm: number | null;
  breathing_rate_bpm: number | null;
  breath_phase: number | null;
  /** Comma-separated RR intervals in ms; '' for none. */
  rr_ms: string;
}

/** A relationship between two or more people (issue 5). */
export interface RelationshipsTable {
  id: string;
  kind: string;
  created_by: string;
  created_at_ms: number;
}

/** Everyone who has been in a relationship; `left_at_ms` set: no longer in it. */
export interface RelationshipMembersTable {
  relationship_id: string;
  person_id: string;
  joined_at_ms: number;
  left_at_ms: number | null;
}

/** Invite links to a relationship, keyed by the hash of their token; each works once. */
export interface RelationshipInvitesTable {
  token_hash: string;
  relationship_id: string;
  created_by: string;
  created_at_ms: number;
  expires_at_ms: number;
  used_at_ms: number | null;
  used_by: string | null;
  revoked_at_ms: number | null;
}

/** Live sessions started from a relationship. */
export interface RelationshipSessionsTable {
  session_id: string;
  relationship_id: string;
  created_by: string;
  created_at_ms: number;
}

/** One row per cycle-map or repair log; `last_seq` is the per-log write lock. */
export interface BetweenUsLogsTable {
  log_id: string;
  relationship_id: string;
  kind: 'cycle' | 'repair';
  created_at_ms: number;
  last_seq: Generated<number>;
}

/** One row per event of a cycle map or a repair; (log_id, seq) is the primary key. */
export interface BetweenUsEventsTable {
  log_id: string;
  seq: number;
  /** Server time the event was committed. */
  at_ms: number;
  actor_id: string;
  command_id: string | null;
  type: string;
  /** JSON text of the core event. */
  body: string;
}

/** One row per command id recorded in a cycle-map or repair log. */
export interface BetweenUsCommandsTable {
  log_id: string;
  command_id: string;
  actor_id: string;
  at_ms: number;
  /** JSON text of the outcome returned to the client. */
  outcome: string;
  first_seq: number | null;
  last_seq: number | null;
}

/** "Our cycle is here": a moment someone noticed the cycle. */
export interface CycleMomentsTable {
  id: string;
  relationship_id: string;
  person_id: string;
  session_id: string | null;
  at_ms: number;
}

/** Something a person keeps for themselves; private until they share it with a relationship. */
export interface PersonalRecordsTable {
  id: string;
  owner_id: string;
  kind: string;
  at_ms: number;
  updated_at_ms: number;
  /** JSON text of the body, checked with the kind's core schema. */
  body: string;
  shared_with: string | null;
  shared_at_ms: number | null;
}

/** Each person's gentle-prompt settings, as JSON text. */
export interface PromptSettingsTable {
  person_id: string;
  settings: string;
  updated_at_ms: number;
}

/** Each prompt shown to a person, and whether they set it aside. */
export interface PromptHistoryTable {
  person_id: string;
  prompt_id: string;
  shown_at_ms: number;
  dismissed_at_ms: number | null;
}

/** One read of someone else's shared data. */
export interface SharedAccessAuditTable {
  at_ms: number;
  viewer_id: string;
  owner_id: string;
  relationship_id: string;
  subject: string;
  subject_id: string;
}

/** One session's contribution to one person's progress, computed once. */
export interface SessionBodySummariesTable {
  session_id: string;
  participant_id: string;
  /** When the session ended (where the point sits on the timeline). */
  at_ms: number;
  synchrony_score: number | null;
  coherence_ratio: number | null;
}

/** An identity that has a sign-in name and at least one way in (issue 6). */
export interface AccountsTable {
  identity_id: string;
  /** Normalised (NFC, lower case, trimmed); unique. */
  sign_in_name: string;
  /** argon2id PHC string; null: passkeys only. */
  password_hash: string | null;
  role: 'person' | 'practitioner' | 'operator';
  created_at_ms: number;
  disabled_at_ms: number | null;
}

/** One signed-in browser: the cookie carries the token, only its hash is stored. */
export interface LoginSessionsTable {
  /** Opaque id, safe to log and to publish on the bus. */
  id: string;
  token_hash: string;
  identity_id: string;
  created_at_ms: number;
  last_seen_at_ms: number;
  /** Last time the person proved it was them (login or re-authentication). */
  reauthenticated_at_ms: number;
  revoked_at_ms: number | null;
}

/** A WebAuthn credential; ids and keys base64url. */
export interface PasskeysTable {
  credential_id: string;
  identity_id: string;
  public_key: string;
  counter: number;
  /** JSON array of transports. */
  transports: string;
  name: string;
  created_at_ms: number;
  last_used_at_ms: number | null;
}

/** A WebAuthn challenge waiting for its answer; deleted when used, so it works once. */
export interface AuthChallengesTable {
  id: string;
  challenge: string;
  purpose: 'register' | 'login' | 'add_passkey' | 'reauthenticate';
  identity_id: string | null;
  /** JSON text of what the answer needs (sign-in name, display name for registration). */
  payload: string;
  expires_at_ms: number;
}

/** One-time recovery codes, as hashes. */
export interface RecoveryCodesTable {
  identity_id: string;
  code_hash: string;
  created_at_ms: number;
  used_at_ms: number | null;
}

/** Failed sign-ins, for throttling per account and per address. */
export interface LoginFailuresTable {
  /** Normalised name as typed, whether or not such an account exists. */
  sign_in_name: string;
  address: string;
  at_ms: number;
  /** 1: the attempt came from a device that had signed in to that account before (0/1: SQLite has no boolean). */
  trusted_device: number;
}

/** Devices that signed in successfully before: account throttling does not lock them out. */
export interface TrustedDevicesTable {
  token_hash: string;
  identity_id: string;
  created_at_ms: number;
  last_used_at_ms: number;
}

/** What one member lets the others of one relationship see outside a live session (0/1 switches). */
export interface RelationshipSharingTable {
  relationship_id: string;
  person_id: string;
  check_ins: number;
  physiology: number;
  reflections: number;
  cycle_map: number;
  updated_at_ms: number;
}

/** The whole database, for `Kysely<DatabaseSchema>`. */
export interface DatabaseSchema {
  session_events: SessionEventsTable;
  session_commands: SessionCommandsTable;
  sessions: SessionsTable;
  identities: IdentitiesTable;
  invites: InvitesTable;
  session_admissions: SessionAdmissionsTable;
  session_signals: SessionSignalsTable;
  session_body_summaries: SessionBodySummariesTable;
  relationships: RelationshipsTable;
  relationship_members: RelationshipMembersTable;
  relationship_invites: RelationshipInvitesTable;
  relationship_sessions: RelationshipSessionsTable;
  between_us_logs: BetweenUsLogsTable;
  between_us_events: BetweenUsEventsTable;
  between_us_commands: BetweenUsCommandsTable;
  cycle_moments: CycleMomentsTable;
  personal_records: PersonalRecordsTable;
  prompt_settings: PromptSettingsTable;
  prompt_history: PromptHistoryTable;
  shared_access_audit: SharedAccessAuditTable;
  accounts: AccountsTable;
  login_sessions: LoginSessionsTable;
  passkeys: PasskeysTable;
  auth_challenges: AuthChallengesTable;
  recovery_codes: RecoveryCodesTable;
  login_failures: LoginFailuresTable;
  trusted_devices: TrustedDevicesTable;
  relationship_sharing: RelationshipSharingTable;
}

/** A practitioner's weekly availability (issue 6, consultations); the windows as JSON text. */
export interface ConsultationAvailabilityTable {
  practitioner_id: string;
  /** IANA zone the windows are in. */
  time_zone: string;
  slot_minutes: number;
  buffer_minutes: number;
  min_notice_minutes: number;
  /** JSON array of `{ weekday, start, end }`, checked with the core schema when read. */
  windows: string;
  updated_at_ms: number;
}

/** One consultation between a practitioner and the person who booked it. */
export interface ConsultationsTable {
  id: string;
  practitioner_id: string;
  booker_id: string;
  start_ms: number;
  end_ms: number;
  /** The practitioner's zone when it was booked or last moved. */
  time_zone: string;
  status: 'booked' | 'cancelled';
  /** 0 when booked; +1 on every move and on cancelling (the .ics SEQUENCE). */
  sequence: number;
  created_at_ms: number;
  updated_at_ms: number;
  last_change: 'booked' | 'moved' | 'cancelled';
  last_change_by: string;
  /** The live session, made the first time either person opens the room. */
  session_id: string | null;
}

/**
 * The consultation tables, merged into `DatabaseSchema` (declaration merging), so this feature's
 * tables are added at the end of this file without editing the list above.
 */
export interface DatabaseSchema {
  consultation_availability: ConsultationAvailabilityTable;
  consultations: ConsultationsTable;
}

/**
 * Settings of the whole instance (migration 0009), by name: the pending setup link's token hash
 * (`operator_setup`, with its expiry) and the operator's crisis resources (`help_resources`, JSON).
 * Nothing here belongs to a person.
 */
export interface InstanceSettingsTable {
  name: string;
  value: string;
  /** When the setting stops counting (the setup link); null: never. */
  expires_at_ms: number | null;
  updated_at_ms: number;
}

/** The instance table, merged into `DatabaseSchema` like the consultation tables above. */
export interface DatabaseSchema {
  instance_settings: InstanceSettingsTable;
}

/** A practitioner's private note about one client (migration 0010); only its author ever reads it. */
export interface PractitionerNotesTable {
  id: string;
  practitioner_id: string;
  client_id: string;
  text: string;
  created_at_ms: number;
  updated_at_ms: number;
}

/** Practitioner mode's table, merged into `DatabaseSchema` like the ones above. */
export interface DatabaseSchema {
  practitioner_notes: PractitionerNotesTable;
}
