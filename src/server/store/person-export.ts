/**
 * Everything a person owns, in one download (`AccountExport`): one section per table that holds
 * their rows (person-data-tables.ts lists every table and where it goes), and their own body
 * signals as one CSV per session.
 *
 * What of other people appears, and why: only what makes the person's own data readable. In a
 * session, who was there (id and the name they used in that session), since the person's events
 * name them (roles, turns); in a relationship, its current members by id and name; in the access
 * audit, the other person's id and name. Never another person's events, words, records or signals.
 * Never a secret: no token, password or code hash, no public key, no sign-in challenge, and login
 * sessions, recovery codes and trusted devices as dates only.
 *
 * Rows are read without one enclosing transaction: on SQLite a long transaction would hold the one
 * connection every other request waits for. A row written while the export runs may or may not
 * appear; every row that appears is read whole.
 */
import type { Kysely } from 'kysely';
import type { AccountExport } from '../../core/protocol/account-api.ts';
import { csvTextCell } from '../../core/report/rr-csv.ts';
import { PERSON_EXPORT_SECTIONS, type PersonExportSection } from './person-data-tables.ts';
import { personSessionIds, sessionLogRows, sessionStateOfRows } from './person-sessions.ts';
import type { DatabaseSchema, SessionSignalsTable } from './schema.ts';

/** The first line of each session's signals CSV. */
export const PERSON_SIGNALS_CSV_HEADER = 'at_iso,at_ms,source,heart_rate_bpm,breathing_rate_bpm,breath_phase,rr_ms';

type Row = Record<string, unknown>;
type Sections = Record<PersonExportSection, Row[]>;

/** The export of `personId` at `nowMs`; null when there is no such person. */
export async function personExport(db: Kysely<DatabaseSchema>, personId: string, nowMs: number): Promise<AccountExport | null> {
  const identity = await db.selectFrom('identities').selectAll().where('id', '=', personId).executeTakeFirst();
  if (identity === undefined) return null;
  const sections = Object.fromEntries(PERSON_EXPORT_SECTIONS.map((section) => [section, [] as Row[]])) as Sections;
  sections.identity.push({ id: identity.id, displayName: identity.display_name, kind: identity.kind, createdAtMs: identity.created_at_ms, expiresAtMs: identity.expires_at_ms });
  const account = await accountSectionsFill(db, personId, sections);
  const signalsCsv = await sessionSectionsFill(db, personId, sections);
  await relationshipSectionsFill(db, personId, sections);
  await ownRowsFill(db, personId, sections);
  return {
    format: 'attune-export',
    version: 1,
    exportedAtMs: nowMs,
    person: { id: identity.id, displayName: identity.display_name, kind: identity.kind },
    account: account === null ? null : { ...account, displayName: identity.display_name },
    sections,
    signalsCsv,
  };
}

async function accountSectionsFill(db: Kysely<DatabaseSchema>, personId: string, sections: Sections): Promise<Omit<NonNullable<AccountExport['account']>, 'displayName'> | null> {
  const account = await db.selectFrom('accounts').selectAll().where('identity_id', '=', personId).executeTakeFirst();
  const passkeys = await db.selectFrom('passkeys').selectAll().where('identity_id', '=', personId).orderBy('created_at_ms').execute();
  const codes = await db.selectFrom('recovery_codes').select(['created_at_ms', 'used_at_ms']).where('identity_id', '=', personId).orderBy('created_at_ms').execute();
  const logins = await db.selectFrom('login_sessions').selectAll().where('identity_id', '=', personId).orderBy('created_at_ms').execute();
  const devices = await db.selectFrom('trusted_devices').select(['created_at_ms', 'last_used_at_ms']).where('identity_id', '=', personId).orderBy('created_at_ms').execute();
  sections.passkeys.push(...passkeys.map((row) => ({ name: row.name, transports: jsonParsed(row.transports), createdAtMs: row.created_at_ms, lastUsedAtMs: row.last_used_at_ms })));
  sections.recoveryCodes.push(...codes.map((row) => ({ createdAtMs: row.created_at_ms, usedAtMs: row.used_at_ms })));
  sections.loginSessions.push(
    ...logins.map((row) => ({ createdAtMs: row.created_at_ms, lastSeenAtMs: row.last_seen_at_ms, reauthenticatedAtMs: row.reauthenticated_at_ms, revokedAtMs: row.revoked_at_ms })),
  );
  sections.trustedDevices.push(...devices.map((row) => ({ createdAtMs: row.created_at_ms, lastUsedAtMs: row.last_used_at_ms })));
  if (account === undefined) return null;
  const hasPassword = account.password_hash !== null;
  sections.account.push({ signInName: account.sign_in_name, role: account.role, hasPassword, createdAtMs: account.created_at_ms, disabledAtMs: account.disabled_at_ms });
  const failures = await db.selectFrom('login_failures').select(['at_ms', 'trusted_device']).where('sign_in_name', '=', account.sign_in_name).orderBy('at_ms').execute();
  sections.failedSignIns.push(...failures.map((row) => ({ atMs: row.at_ms, fromTrustedDevice: row.trusted_device === 1 })));
  return {
    id: personId,
    signInName: account.sign_in_name,
    role: account.role,
    hasPassword,
    passkeys: passkeys.map((row) => ({ id: row.credential_id, name: row.name, createdAtMs: row.created_at_ms, lastUsedAtMs: row.last_used_at_ms })),
    recoveryCodesLeft: codes.filter((row) => row.used_at_ms === null).length,
  };
}

/** Fills the session sections; returns the signals CSVs. */
async function sessionSectionsFill(db: Kysely<DatabaseSchema>, personId: string, sections: Sections): Promise<Record<string, string>> {
  const signalsCsv: Record<string, string> = {};
  for (const sessionId of await personSessionIds(db, personId)) {
    const session = await db.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
    const log = await sessionLogRows(db, sessionId);
    const state = sessionStateOfRows(log);
    sections.sessions.push({
      sessionId,
      createdAtMs: session?.created_at_ms ?? log[0]?.at_ms ?? null,
      hostedByMe: state.hostId === personId,
      status: state.status,
      endedAtMs: log.find((row) => row.type === 'sessionEnded')?.at_ms ?? null,
      people: state.joinOrder.map((id) => ({ participantId: id, displayName: state.participants[id]?.displayName ?? '', isMe: id === personId })),
    });
    sections.sessionEvents.push(
      ...log
        .filter((row) => row.actor_id === personId)
        .map((row) => ({ sessionId, seq: row.seq, atMs: row.at_ms, commandId: row.command_id, type: row.type, event: jsonParsed(row.body) })),
    );
    const samples = await db
      .selectFrom('session_signals')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('participant_id', '=', personId)
      .orderBy('at_ms')
      .execute();
    if (samples.length > 0) signalsCsv[sessionId] = personSignalsCsv(samples);
  }
  const commands = await db.selectFrom('session_commands').selectAll().where('actor_id', '=', personId).orderBy('at_ms').execute();
  sections.sessionCommands.push(
    ...commands.map((row) => ({ sessionId: row.session_id, commandId: row.command_id, atMs: row.at_ms, outcome: jsonParsed(row.outcome), firstSeq: row.first_seq, lastSeq: row.last_seq })),
  );
  const admissions = await db.selectFrom('session_admissions').selectAll().where('identity_id', '=', personId).orderBy('admitted_at_ms').execute();
  sections.sessionAdmissions.push(...admissions.map((row) => ({ sessionId: row.session_id, admittedAtMs: row.admitted_at_ms })));
  const invites = await db.selectFrom('invites').selectAll().where('created_by', '=', personId).orderBy('created_at_ms').execute();
  sections.sessionInvites.push(
    ...invites.map((row) => ({ sessionId: row.session_id, createdAtMs: row.created_at_ms, expiresAtMs: row.expires_at_ms, revokedAtMs: row.revoked_at_ms })),
  );
  const summaries = await db.selectFrom('session_body_summaries').selectAll().where('participant_id', '=', personId).orderBy('at_ms').execute();
  sections.progressSummaries.push(
    ...summaries.map((row) => ({ sessionId: row.session_id, atMs: row.at_ms, synchronyScore: row.synchrony_score, coherenceRatio: row.coherence_ratio })),
  );
  return signalsCsv;
}

/**
 * One person's stored samples of one session as CSV (RFC 4180, CRLF), one row per stored second.
 * `rrIntervalsCsv` (the report's download) does not fit: it keeps only beat-to-beat intervals, and
 * an export must also carry heart rate, breathing and the sensor each sample came from.
 */
export function personSignalsCsv(rows: readonly SessionSignalsTable[]): string {
  const number = (value: number | null): string => (value === null ? '' : String(value));
  const lines = [PERSON_SIGNALS_CSV_HEADER];
  for (const row of rows) {
    lines.push(
      [
        new Date(row.at_ms).toISOString(),
        String(row.at_ms),
        csvTextCell(row.source),
        number(row.heart_rate_bpm),
        number(row.breathing_rate_bpm),
        number(row.breath_phase),
        csvTextCell(row.rr_ms),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function relationshipSectionsFill(db: Kysely<DatabaseSchema>, personId: string, sections: Sections): Promise<void> {
  const memberships = await db.selectFrom('relationship_members').selectAll().where('person_id', '=', personId).orderBy('joined_at_ms').execute();
  sections.relationshipMemberships.push(...memberships.map((row) => ({ relationshipId: row.relationship_id, joinedAtMs: row.joined_at_ms, leftAtMs: row.left_at_ms })));
  for (const membership of memberships) {
    const relationship = await db.selectFrom('relationships').selectAll().where('id', '=', membership.relationship_id).executeTakeFirst();
    if (relationship === undefined) continue;
    const members = await db
      .selectFrom('relationship_members')
      .leftJoin('identities', 'identities.id', 'relationship_members.person_id')
      .select(['relationship_members.person_id', 'identities.display_name'])
      .where('relationship_members.relationship_id', '=', relationship.id)
      .where('relationship_members.left_at_ms', 'is', null)
      .orderBy('relationship_members.joined_at_ms')
      .execute();
    sections.relationships.push({
      relationshipId: relationship.id,
      kind: relationship.kind,
      createdAtMs: relationship.created_at_ms,
      createdByMe: relationship.created_by === personId,
      currentMembers: members.map((row) => ({ personId: row.person_id, displayName: row.display_name, isMe: row.person_id === personId })),
    });
  }
  const invites = await db
    .selectFrom('relationship_invites')
    .selectAll()
    .where((eb) => eb.or([eb('created_by', '=', personId), eb('used_by', '=', personId)]))
    .orderBy('created_at_ms')
    .execute();
  sections.relationshipInvites.push(
    ...invites.map((row) => ({
      relationshipId: row.relationship_id,
      createdByMe: row.created_by === personId,
      createdAtMs: row.created_at_ms,
      expiresAtMs: row.expires_at_ms,
      usedAtMs: row.used_at_ms,
      usedByMe: row.used_by === personId,
      revokedAtMs: row.revoked_at_ms,
    })),
  );
  const links = await db.selectFrom('relationship_sessions').selectAll().where('created_by', '=', personId).orderBy('created_at_ms').execute();
  sections.relationshipSessions.push(...links.map((row) => ({ sessionId: row.session_id, relationshipId: row.relationship_id, createdAtMs: row.created_at_ms })));
  const sharing = await db.selectFrom('relationship_sharing').selectAll().where('person_id', '=', personId).execute();
  sections.relationshipSharing.push(
    ...sharing.map((row) => ({
      relationshipId: row.relationship_id,
      checkIns: row.check_ins === 1,
      physiology: row.physiology === 1,
      reflections: row.reflections === 1,
      cycleMap: row.cycle_map === 1,
      updatedAtMs: row.updated_at_ms,
    })),
  );
  const events = await db.selectFrom('between_us_events').selectAll().where('actor_id', '=', personId).orderBy('at_ms').orderBy('seq').execute();
  sections.betweenUsEvents.push(
    ...events.map((row) => ({ logId: row.log_id, seq: row.seq, atMs: row.at_ms, commandId: row.command_id, type: row.type, event: ownPartOf(jsonParsed(row.body), personId) })),
  );
  const logIds = [...new Set(events.map((row) => row.log_id))];
  if (logIds.length > 0) {
    const logs = await db.selectFrom('between_us_logs').selectAll().where('log_id', 'in', logIds).orderBy('created_at_ms').execute();
    sections.betweenUsLogs.push(...logs.map((row) => ({ logId: row.log_id, relationshipId: row.relationship_id, kind: row.kind, createdAtMs: row.created_at_ms })));
  }
  const commands = await db.selectFrom('between_us_commands').selectAll().where('actor_id', '=', personId).orderBy('at_ms').execute();
  sections.betweenUsCommands.push(
    ...commands.map((row) => ({ logId: row.log_id, commandId: row.command_id, atMs: row.at_ms, outcome: jsonParsed(row.outcome), firstSeq: row.first_seq, lastSeq: row.last_seq })),
  );
}

async function ownRowsFill(db: Kysely<DatabaseSchema>, personId: string, sections: Sections): Promise<void> {
  const moments = await db.selectFrom('cycle_moments').selectAll().where('person_id', '=', personId).orderBy('at_ms').execute();
  sections.cycleMoments.push(...moments.map((row) => ({ id: row.id, relationshipId: row.relationship_id, sessionId: row.session_id, atMs: row.at_ms })));
  const records = await db.selectFrom('personal_records').selectAll().where('owner_id', '=', personId).orderBy('at_ms').execute();
  sections.personalRecords.push(
    ...records.map((row) => ({
      id: row.id,
      kind: row.kind,
      atMs: row.at_ms,
      updatedAtMs: row.updated_at_ms,
      body: jsonParsed(row.body),
      sharedWith: row.shared_with,
      sharedAtMs: row.shared_at_ms,
    })),
  );
  const settings = await db.selectFrom('prompt_settings').selectAll().where('person_id', '=', personId).execute();
  sections.promptSettings.push(...settings.map((row) => ({ settings: jsonParsed(row.settings), updatedAtMs: row.updated_at_ms })));
  const history = await db.selectFrom('prompt_history').selectAll().where('person_id', '=', personId).orderBy('shown_at_ms').execute();
  sections.promptHistory.push(...history.map((row) => ({ promptId: row.prompt_id, shownAtMs: row.shown_at_ms, dismissedAtMs: row.dismissed_at_ms })));
  const reads = await db
    .selectFrom('shared_access_audit')
    .leftJoin('identities as viewer', 'viewer.id', 'shared_access_audit.viewer_id')
    .leftJoin('identities as owner', 'owner.id', 'shared_access_audit.owner_id')
    .selectAll('shared_access_audit')
    .select(['viewer.display_name as viewer_name', 'owner.display_name as owner_name'])
    .where((eb) => eb.or([eb('shared_access_audit.owner_id', '=', personId), eb('shared_access_audit.viewer_id', '=', personId)]))
    .orderBy('shared_access_audit.at_ms')
    .execute();
  await consultationsFill(db, personId, sections);
  await practitionerNotesFill(db, personId, sections);
  sections.sharedAccess.push(
    ...reads.map((row) => {
      const mine = row.owner_id === personId;
      return {
        atMs: row.at_ms,
        // "theyReadMine": someone was shown a thing of this person's; "iReadTheirs": the reverse.
        direction: mine ? 'theyReadMine' : 'iReadTheirs',
        otherPersonId: mine ? row.viewer_id : row.owner_id,
        otherPersonName: mine ? row.viewer_name : row.owner_name,
        relationshipId: row.relationship_id,
        subject: row.subject,
        subjectId: row.subject_id,
      };
    }),
  );
}

async function practitionerNotesFill(db: Kysely<DatabaseSchema>, personId: string, sections: Sections): Promise<void> {
  const notes = await db.selectFrom('practitioner_notes').selectAll().where('practitioner_id', '=', personId).orderBy('created_at_ms').execute();
  sections.practitionerNotes.push(
    ...notes.map((row) => ({ id: row.id, clientId: row.client_id, text: row.text, createdAtMs: row.created_at_ms, updatedAtMs: row.updated_at_ms })),
  );
}

async function consultationsFill(db: Kysely<DatabaseSchema>, personId: string, sections: Sections): Promise<void> {
  const availability = await db.selectFrom('consultation_availability').selectAll().where('practitioner_id', '=', personId).execute();
  sections.consultationAvailability.push(
    ...availability.map((row) => ({
      timeZone: row.time_zone,
      slotMinutes: row.slot_minutes,
      bufferMinutes: row.buffer_minutes,
      minNoticeMinutes: row.min_notice_minutes,
      windows: jsonParsed(row.windows),
      updatedAtMs: row.updated_at_ms,
    })),
  );
  const consultations = await db
    .selectFrom('consultations')
    .leftJoin('identities as practitioner', 'practitioner.id', 'consultations.practitioner_id')
    .leftJoin('identities as booker', 'booker.id', 'consultations.booker_id')
    .selectAll('consultations')
    .select(['practitioner.display_name as practitioner_name', 'booker.display_name as booker_name'])
    .where((eb) => eb.or([eb('consultations.practitioner_id', '=', personId), eb('consultations.booker_id', '=', personId)]))
    .orderBy('consultations.start_ms')
    .execute();
  sections.consultations.push(
    ...consultations.map((row) => {
      const gave = row.practitioner_id === personId;
      return {
        id: row.id,
        myRole: gave ? 'practitioner' : 'booker',
        otherPersonId: gave ? row.booker_id : row.practitioner_id,
        otherPersonName: gave ? row.booker_name : row.practitioner_name,
        startMs: row.start_ms,
        endMs: row.end_ms,
        timeZone: row.time_zone,
        status: row.status,
        lastChange: row.last_change,
        lastChangeByMe: row.last_change_by === personId,
        createdAtMs: row.created_at_ms,
        updatedAtMs: row.updated_at_ms,
        sessionId: row.session_id,
      };
    }),
  );
}

/** JSON text as stored; text that is not JSON is handed over as it is rather than lost. */
function jsonParsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The part of a between-us event that is the person's own. Revealing a cycle map is one event
 * carrying every side, made by whoever agreed last; their export keeps only their own side, since
 * the other side is the other person's words (and may be paused from sharing).
 */
function ownPartOf(event: unknown, personId: string): unknown {
  if (typeof event !== 'object' || event === null || (event as { type?: unknown }).type !== 'sidesRevealed') return event;
  const { sides } = event as { sides?: Record<string, unknown> };
  const own = sides?.[personId];
  return { ...event, sides: own === undefined ? {} : { [personId]: own } };
}
