/**
 * Every table, and what a person's data rights do to it: where its rows of theirs go in the
 * export, or why none do, and what deleting their account does to it. The type lists every key of
 * `DatabaseSchema`, so a new table does not compile until it is placed here; a test also compares
 * this list with the tables a migrated database really has (person-data.contract.ts).
 */
import type { DatabaseSchema } from './schema.ts';

/** The sections of `AccountExport.sections`, one per exported table. */
export const PERSON_EXPORT_SECTIONS = [
  'identity',
  'account',
  'loginSessions',
  'passkeys',
  'recoveryCodes',
  'trustedDevices',
  'failedSignIns',
  'sessions',
  'sessionEvents',
  'sessionCommands',
  'sessionAdmissions',
  'sessionInvites',
  'progressSummaries',
  'relationships',
  'relationshipMemberships',
  'relationshipInvites',
  'relationshipSessions',
  'relationshipSharing',
  'betweenUsLogs',
  'betweenUsEvents',
  'betweenUsCommands',
  'cycleMoments',
  'personalRecords',
  'promptSettings',
  'promptHistory',
  'sharedAccess',
  'consultationAvailability',
  'consultations',
  'practitionerNotes',
] as const;

/** One section name. */
export type PersonExportSection = (typeof PERSON_EXPORT_SECTIONS)[number];

/** How one table's rows of a person reach the export. */
export type PersonExportRule =
  | { readonly section: PersonExportSection; readonly what: string }
  | { readonly signalsCsv: string }
  | { readonly notExported: string };

/** What a person's data rights do to one table. */
export interface PersonDataTableRule {
  readonly export: PersonExportRule;
  readonly deletion: string;
}

/** Every table of the database, with its rule. */
export const PERSON_DATA_TABLES: { readonly [Table in keyof DatabaseSchema]: PersonDataTableRule } = {
  identities: {
    export: { section: 'identity', what: 'their id, name, kind and dates; never the token hash' },
    deletion: 'deleted',
  },
  accounts: {
    export: { section: 'account', what: 'sign-in name, role, dates, whether a password is set; never the password hash' },
    deletion: 'deleted',
  },
  login_sessions: {
    export: { section: 'loginSessions', what: 'dates only' },
    deletion: 'deleted; every live sign-in is ended after commit',
  },
  passkeys: {
    export: { section: 'passkeys', what: 'name, transports and dates; never the public key or counter' },
    deletion: 'deleted',
  },
  recovery_codes: {
    export: { section: 'recoveryCodes', what: 'dates only; never the code hashes' },
    deletion: 'deleted',
  },
  trusted_devices: {
    export: { section: 'trustedDevices', what: 'dates only; never the token hash' },
    deletion: 'deleted',
  },
  auth_challenges: {
    export: { notExported: 'a sign-in challenge lives minutes and is a secret of that ceremony, not something the person made' },
    deletion: 'deleted: theirs, and registrations waiting under their sign-in name',
  },
  login_failures: {
    export: { section: 'failedSignIns', what: 'when, and whether from a trusted device; the address belongs to whoever typed' },
    deletion: 'deleted for their sign-in name',
  },
  sessions: {
    export: { section: 'sessions', what: 'every session they hosted, joined or were let into, with who was there by name and when it ran' },
    deletion: 'hosted alone: deleted; shared: kept, the host shown as the stand-in if it was them',
  },
  session_events: {
    export: { section: 'sessionEvents', what: 'the events they wrote' },
    deletion: 'alone: deleted; shared: their id becomes the log stand-in and their content goes (person-deletion-redaction.ts)',
  },
  session_commands: {
    export: { section: 'sessionCommands', what: 'their command ids and outcomes' },
    deletion: 'theirs deleted',
  },
  session_admissions: {
    export: { section: 'sessionAdmissions', what: 'theirs' },
    deletion: 'theirs deleted',
  },
  invites: {
    export: { section: 'sessionInvites', what: 'invites they made, dates only; never the token hash' },
    deletion: 'theirs deleted',
  },
  session_signals: {
    export: { signalsCsv: 'their own samples, one CSV per session' },
    deletion: 'theirs deleted (after the in-memory ones are forgotten on every node)',
  },
  session_body_summaries: {
    export: { section: 'progressSummaries', what: 'theirs' },
    deletion: 'every summary of each of their sessions deleted: the others\' synchrony used their samples; progress recomputes it',
  },
  relationships: {
    export: { section: 'relationships', what: 'each relationship they have been in, with its current members by name' },
    deletion: 'no current member left: deleted with everything in it; otherwise kept, created_by the stand-in if it was them',
  },
  relationship_members: {
    export: { section: 'relationshipMemberships', what: 'their rows' },
    deletion: 'theirs deleted',
  },
  relationship_invites: {
    export: { section: 'relationshipInvites', what: 'invites they made or used, dates only; never the token hash' },
    deletion: 'theirs deleted; used_by becomes the stand-in on invites others made',
  },
  relationship_sessions: {
    export: { section: 'relationshipSessions', what: 'sessions they started from a relationship' },
    deletion: 'gone with a deleted session or relationship; otherwise created_by becomes the stand-in',
  },
  relationship_sharing: {
    export: { section: 'relationshipSharing', what: 'what they let each relationship see' },
    deletion: 'theirs deleted; every row goes with a deleted relationship',
  },
  between_us_logs: {
    export: { section: 'betweenUsLogs', what: 'the cycle maps and repairs they wrote in' },
    deletion: 'gone with a deleted relationship; otherwise kept',
  },
  between_us_events: {
    export: { section: 'betweenUsEvents', what: 'the events they wrote' },
    deletion: 'their id becomes the log stand-in and their words go (person-deletion-redaction.ts)',
  },
  between_us_commands: {
    export: { section: 'betweenUsCommands', what: 'their command ids and outcomes' },
    deletion: 'theirs deleted',
  },
  cycle_moments: {
    export: { section: 'cycleMoments', what: 'the moments they noted' },
    deletion: 'theirs deleted; others\' go only with a deleted relationship',
  },
  personal_records: {
    export: { section: 'personalRecords', what: 'every record they keep, shared or not' },
    deletion: 'theirs deleted; others\' shared with a deleted relationship are unshared',
  },
  prompt_settings: {
    export: { section: 'promptSettings', what: 'theirs' },
    deletion: 'deleted',
  },
  prompt_history: {
    export: { section: 'promptHistory', what: 'theirs' },
    deletion: 'deleted',
  },
  shared_access_audit: {
    export: { section: 'sharedAccess', what: 'reads of their shared things (who, by name) and their reads of others\'' },
    deletion: 'as owner: deleted; as viewer: kept for the owner it belongs to, the viewer shown as the stand-in',
  },
  consultation_availability: {
    export: { section: 'consultationAvailability', what: 'their weekly availability as a practitioner' },
    deletion: 'deleted',
  },
  consultations: {
    export: { section: 'consultations', what: 'consultations they booked or gave, with the other person by id and name' },
    deletion: 'kept for the other person with the stand-in in their place; one still to come is cancelled (nobody will be there); gone once both have left',
  },
  practitioner_notes: {
    export: { section: 'practitionerNotes', what: "notes they wrote as a practitioner; never notes written about them (those are the practitioner's own words)" },
    deletion: 'as author: deleted; as the client: deleted too (a practitioner keeps no notes naming someone who has left Attune)',
  },
  instance_settings: {
    export: { notExported: 'settings of the whole instance (the pending setup link, the crisis resources); no row names a person' },
    deletion: 'nothing of theirs is in it',
  },
};
