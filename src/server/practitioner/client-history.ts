/**
 * A client's consented history with one practitioner, and the client list. Everything shown
 * passes `clientThingsVisible` (`src/core/practitioner/visibility.ts`): the client's own things
 * only, of kinds they share with that relationship now, and from a live session only what its own
 * boundary let the others see (read with the session's rules alone, `reportInputInSession`; the
 * relationship's switches are applied on top here, by the core rule).
 *
 * Each history read names what was shown, for the client's access log: per relationship, one row
 * that the page was opened (`clientHistory`), and one per kind of thing shown on it
 * (`clientCheckIns`, `clientReflections`, `clientSessionCheckIns`, `clientSessionSignals`).
 */
import {
  CLIENT_HISTORY_SESSIONS_MAX,
  type ClientHistoryView,
  type PractitionerClientView,
  type SessionCheckInView,
  type SessionTogetherView,
} from '../../core/practitioner/practitioner-api.ts';
import { clientsOf } from '../../core/practitioner/roles.ts';
import { clientThingsVisible, kindsClientShares, type PractitionerSight } from '../../core/practitioner/visibility.ts';
import type { PersonalRecordView } from '../../core/protocol/between-us-api.ts';
import type { ReportSignalRow } from '../../core/report/session-report.ts';
import { RECORD_KIND_SHARING, SHARING_KINDS, type SharingSettings } from '../../core/relationships/sharing.ts';
import type { NervousSystemState } from '../../core/states/nervous-system-state.ts';
import { personalRecordView } from '../between-us/progress-inputs.ts';
import type { SharedRead } from '../between-us/shared-reads.ts';
import type { ServerContext } from '../context.ts';
import { reportInputInSession } from '../report/report-input.ts';
import { practiceLinksOf, type ClientLink } from './practitioner-access.ts';
import type { SessionTogether } from './practitioner-store.ts';

/** The switches as the practitioner may see them: on only where the client shares with them. */
function sharesSeenBy(sight: PractitionerSight): SharingSettings {
  const on = kindsClientShares(sight, SHARING_KINDS);
  return { checkIns: on.includes('checkIns'), physiology: on.includes('physiology'), reflections: on.includes('reflections'), cycleMap: on.includes('cycleMap') };
}

/** Every client of `practitionerId`, one row per practitioner relationship they are in together. */
export async function practitionerClients(context: ServerContext, practitionerId: string): Promise<PractitionerClientView[]> {
  const clients: PractitionerClientView[] = [];
  for (const link of await practiceLinksOf(context, practitionerId)) {
    const clientIds = clientsOf(link.practice, practitionerId);
    if (clientIds.length === 0) continue;
    const sharing = await context.betweenUs.sharing.sharingOf(link.relationship.id);
    for (const clientId of clientIds) {
      const sight: PractitionerSight = { relationship: link.practice, sharing, practitionerId, clientId };
      const [last] = await context.practitioner.store.sessionsTogether(link.relationship.id, [practitionerId, clientId], 1);
      clients.push({
        clientId,
        displayName: link.members.find((member) => member.personId === clientId)?.displayName ?? 'Someone',
        relationshipId: link.relationship.id,
        relationshipSinceMs: link.members.find((member) => member.personId === clientId)?.joinedAtMs ?? link.relationship.createdAtMs,
        shares: sharesSeenBy(sight),
        lastSessionAtMs: last?.joinedAtMs ?? null,
      });
    }
  }
  return clients.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.relationshipSinceMs - b.relationshipSinceMs);
}

function mean(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (known.length === 0) return null;
  return Math.round((known.reduce((sum, value) => sum + value, 0) / known.length) * 10) / 10;
}

/** One session together, as much of it as the practitioner may see of the client. */
async function sessionSeen(context: ServerContext, sight: PractitionerSight, together: SessionTogether): Promise<SessionTogetherView> {
  const state = await context.hub.sessionStateCurrent(together.sessionId);
  const input = await reportInputInSession(context, together.sessionId, sight.practitionerId, state);
  // What the session's own rules let the practitioner see of the client; the core rule adds the relationship's.
  const checkIns = input.entries.flatMap((entry) => {
    const event = entry.event;
    if (event.type !== 'checkedIn' || event.participantId !== sight.clientId) return [];
    const seen: SessionCheckInView & { ownerId: string; kind: 'checkIns'; inSessionAllowed: boolean } = {
      ownerId: sight.clientId,
      kind: 'checkIns',
      inSessionAllowed: true,
      atMs: entry.atMs,
      state: event.state as NervousSystemState,
      intensity: Number(event.intensity),
      moment: event.moment === 'before' || event.moment === 'after' ? event.moment : 'any',
    };
    return [seen];
  });
  const rows = input.rows
    .filter((row) => row.participantId === sight.clientId)
    .map((row) => ({ ...row, ownerId: row.participantId, kind: 'physiology' as const, inSessionAllowed: true }));
  const shownCheckIns = clientThingsVisible(sight, checkIns).map(({ atMs, state: checkInState, intensity, moment }) => ({ atMs, state: checkInState, intensity, moment }));
  const shownRows: ReportSignalRow[] = clientThingsVisible(sight, rows);
  const first = shownRows[0]?.atMs;
  const last = shownRows[shownRows.length - 1]?.atMs;
  return {
    sessionId: together.sessionId,
    relationshipId: together.relationshipId,
    startedAtMs: together.startedAtMs,
    ended: state.status === 'ended',
    checkIns: shownCheckIns,
    body:
      shownRows.length === 0 || first === undefined || last === undefined
        ? null
        : {
            heartRateBpm: mean(shownRows.map((row) => row.heartRateBpm)),
            breathingRateBpm: mean(shownRows.map((row) => row.breathingRateBpm)),
            minutes: Math.max(1, Math.round((last - first) / 60_000)),
          },
  };
}

/** The history, and the reads it makes for the client's access log. */
export async function clientHistory(
  context: ServerContext,
  practitionerId: string,
  client: { readonly clientId: string; readonly displayName: string; readonly links: readonly ClientLink[] },
): Promise<{ history: ClientHistoryView; reads: SharedRead[] }> {
  const { clientId } = client;
  const reads: SharedRead[] = [];
  const sessions: SessionTogetherView[] = [];
  const checkIns: PersonalRecordView[] = [];
  const reflections: PersonalRecordView[] = [];
  const relationships: ClientHistoryView['relationships'][number][] = [];
  for (const link of client.links) {
    const relationshipId = link.relationship.id;
    const sight: PractitionerSight = { relationship: link.practice, sharing: link.sharing, practitionerId, clientId };
    relationships.push({
      relationshipId,
      sinceMs: link.members.find((member) => member.personId === clientId)?.joinedAtMs ?? link.relationship.createdAtMs,
      shares: sharesSeenBy(sight),
    });
    const read = (subject: string) => {
      reads.push({ ownerId: clientId, relationshipId, subject, subjectId: relationshipId });
    };
    read('clientHistory');

    const shared = await context.betweenUs.records.listShared(relationshipId);
    const records = clientThingsVisible(
      sight,
      shared.map((record) => ({ record, ownerId: record.ownerId, kind: RECORD_KIND_SHARING[record.kind], inSessionAllowed: null })),
    );
    const theirCheckIns = records.filter((thing) => thing.kind === 'checkIns').map((thing) => personalRecordView(thing.record, practitionerId));
    const theirReflections = records.filter((thing) => thing.kind === 'reflections').map((thing) => personalRecordView(thing.record, practitionerId));
    if (theirCheckIns.length > 0) read('clientCheckIns');
    if (theirReflections.length > 0) read('clientReflections');
    checkIns.push(...theirCheckIns);
    reflections.push(...theirReflections);

    const together = await context.practitioner.store.sessionsTogether(relationshipId, [practitionerId, clientId], CLIENT_HISTORY_SESSIONS_MAX);
    const seen = await Promise.all(together.map((session) => sessionSeen(context, sight, session)));
    if (seen.some((session) => session.checkIns.length > 0)) read('clientSessionCheckIns');
    if (seen.some((session) => session.body !== null)) read('clientSessionSignals');
    sessions.push(...seen);
  }
  const newestFirst = <T extends { readonly atMs: number }>(list: T[]) => list.sort((a, b) => b.atMs - a.atMs);
  return {
    history: {
      client: { clientId, displayName: client.displayName },
      relationships,
      sessions: sessions.sort((a, b) => b.startedAtMs - a.startedAtMs).slice(0, CLIENT_HISTORY_SESSIONS_MAX),
      checkIns: newestFirst(checkIns),
      reflections: newestFirst(reflections),
    },
    reads,
  };
}
