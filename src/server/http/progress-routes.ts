/**
 * `GET /api/progress`: the signed-in person's own progress inputs (see
 * `../between-us/progress-inputs.ts` for what is included). Synchrony and coherence come from a
 * summary of each ended session, computed once on the report worker and kept. Nothing of anyone
 * else's own is in it: in a shared session only their own check-ins count. What is made from or
 * noted by others follows their sharing in the relationship it came from (issue 6): synchrony of a
 * session started from a relationship shows only while every other participant shares body
 * signals there, and another member's "our cycle is here" moments only while they share their
 * cycle map; each such read is written to the access audit.
 */
import type { FastifyInstance } from 'fastify';
import type { ProgressInputView } from '../../core/protocol/between-us-api.ts';
import { personalRecordView, PROGRESS_SESSIONS_MAX, recordProgressOf, sessionProgressOf } from '../between-us/progress-inputs.ts';
import { Repairs } from '../between-us/repairs.ts';
import { cycleMomentsReadable, SharingCache, sharedReadsAudit, synchronyShown } from '../between-us/shared-reads.ts';
import type { ServerContext } from '../context.ts';
import { identityRequired } from './between-us-access.ts';
import type { SessionEvent } from '../../core/session/events.ts';
import { sessionFold } from '../../core/session/state.ts';
import { reportInputInSession } from '../report/report-input.ts';
import type { StoredEvent } from '../store/event-store.ts';
import type { SessionSummaryRow } from '../store/session-summary-store.ts';

/**
 * Summaries computed per request at most, so the page answers quickly; the rest follow on the
 * next visits (each is kept once computed).
 */
export const SUMMARIES_COMPUTED_PER_REQUEST = 3;

/**
 * The person's synchrony and coherence per ended session: kept summaries, plus a few newly
 * computed on the report worker from the samples they may see. A session without any of
 * their samples is kept as empty, so it is never looked at again.
 */
async function bodySummariesFor(
  context: ServerContext,
  personId: string,
  ended: ReadonlyMap<string, { log: StoredEvent[]; endedAtMs: number }>,
): Promise<SessionSummaryRow[]> {
  const kept = await context.summaries.forPerson(personId, [...ended.keys()]);
  const known = new Set(kept.map((row) => row.sessionId));
  const missing = [...ended].filter(([sessionId]) => !known.has(sessionId)).sort((a, b) => b[1].endedAtMs - a[1].endedAtMs);
  for (const [sessionId, { log, endedAtMs }] of missing.slice(0, SUMMARIES_COMPUTED_PER_REQUEST)) {
    const state = sessionFold(log.map((stored) => stored.body as unknown as SessionEvent));
    const input = await reportInputInSession(context, sessionId, personId, state);
    const summary = input.rows.some((row) => row.participantId === personId)
      ? await context.reports.summarize(input).catch((error: unknown) => {
          context.logger.warn('http', 'a progress summary could not be computed', { sessionId, error: String(error) });
          return null;
        })
      : { synchronyScore: null, coherenceRatio: null };
    if (summary === null) continue;
    const row: SessionSummaryRow = { sessionId, participantId: personId, atMs: endedAtMs, ...summary };
    await context.summaries.put(row);
    kept.push(row);
  }
  return kept.sort((a, b) => a.atMs - b.atMs);
}

/** Registers the progress route. */
export function progressRoutes(app: FastifyInstance, context: ServerContext): void {
  const repairs = new Repairs(context.betweenUs.logs, context.now);

  app.get('/api/progress', async (request, reply): Promise<ProgressInputView> => {
    const identity = await identityRequired(context, request);
    const personId = identity.id;
    const { betweenUs } = context;
    const [sessionIds, records, relationships, moments] = await Promise.all([
      betweenUs.participation.sessionsJoinedBy(personId, PROGRESS_SESSIONS_MAX),
      betweenUs.records.listOwned(personId),
      betweenUs.relationships.listForPerson(personId),
      betweenUs.cycleMoments.listForPerson(personId),
    ]);
    const checkIns: ProgressInputView['checkIns'][number][] = [];
    const practices: ProgressInputView['practices'][number][] = [];
    const ended = new Map<string, { log: StoredEvent[]; endedAtMs: number }>();
    for (const sessionId of sessionIds) {
      const log = await context.hub.readLog(sessionId);
      const fromSession = sessionProgressOf(log, personId);
      checkIns.push(...fromSession.checkIns);
      practices.push(...fromSession.practices);
      const last = log.at(-1);
      if (last?.type === 'sessionEnded') ended.set(sessionId, { log, endedAtMs: last.atMs });
    }
    const summaries = await bodySummariesFor(context, personId, ended);
    // What of the others shows is each one's choice in the relationship the session came from.
    const sharings = new SharingCache(context);
    const scored = summaries.flatMap((row) => {
      const log = row.synchronyScore === null ? undefined : ended.get(row.sessionId)?.log;
      if (log === undefined) return [];
      const state = sessionFold(log.map((stored) => stored.body as unknown as SessionEvent));
      return [{ sessionId: row.sessionId, participantIds: Object.keys(state.participants) }];
    });
    const synchrony = await synchronyShown(context, sharings, personId, scored);
    const shownMoments = await cycleMomentsReadable(sharings, personId, moments);
    await sharedReadsAudit(context, personId, [...synchrony.reads, ...shownMoments.reads]);
    const fromRecords = recordProgressOf(records);
    checkIns.push(...fromRecords.checkIns);
    practices.push(...fromRecords.practices);
    const kept = await repairs.historyFor(relationships.map((relationship) => relationship.id), personId);
    reply.header('cache-control', 'no-store');
    return {
      checkIns: checkIns.sort((a, b) => a.atMs - b.atMs),
      practices: practices.sort((a, b) => a.atMs - b.atMs),
      synchrony: summaries.flatMap((row) =>
        row.synchronyScore === null || !synchrony.shown.has(row.sessionId) ? [] : [{ atMs: row.atMs, score: row.synchronyScore }],
      ),
      coherence: summaries.flatMap((row) => (row.coherenceRatio === null ? [] : [{ atMs: row.atMs, ratio: row.coherenceRatio }])),
      cycleMoments: shownMoments.moments.map((moment) => ({ atMs: moment.atMs })),
      repairs: kept
        .map((repair) => ({ ruptureAtMs: repair.ruptureAtMs, startedAtMs: repair.startedAtMs, completedAtMs: repair.completedAtMs }))
        .sort((a, b) => a.startedAtMs - b.startedAtMs),
      records: records.map((record) => personalRecordView(record, personId)),
    };
  });
}
