/**
 * Consultations (issue 6): practitioners publish availability; anyone signed in sees the
 * directory and open times; a person with an account books; either of the two moves, cancels,
 * downloads the .ics file and opens the live session room when it is time. Each route parses,
 * checks who is asking, acts, and presents. A consultation that is not yours is answered exactly
 * like one that does not exist. Contract: `src/core/protocol/consultations-api.ts`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { availabilityProblems } from '../../core/consultations/availability.ts';
import { consultationRoomAt } from '../../core/consultations/room.ts';
import {
  CONSULTATION_ERROR_CODES as E,
  SLOTS_RANGE_DAYS_MAX,
  availabilityPutBody,
  consultationBookBody,
  consultationCancelBody,
  consultationMoveBody,
  slotsQuery,
  type ConsultationRoomAnswer,
  type OpenSlotsView,
} from '../../core/protocol/consultations-api.ts';
import { REJECTION_CODES as SessionRejections } from '../../core/protocol/rejection-codes.ts';
import { idNew } from '../auth/tokens.ts';
import type { ConsultationNotice } from '../consultations/consultation-services.ts';
import { consultationIcsFor, consultationView, openSlotViews } from '../consultations/consultation-views.ts';
import type { ServerContext } from '../context.ts';
import type { Consultation, ConsultationWriteResult } from '../store/consultation-store.ts';
import type { Identity } from '../store/identity-store.ts';
import { identityRequired, serverIdSchema } from './between-us-access.ts';
import { HttpError, httpErrors } from './errors.ts';
import { bodyParse } from './parse.ts';

const MS_PER_DAY = 86_400_000;
/** Open times shown when the request names no end: four weeks. */
const SLOTS_RANGE_DEFAULT_DAYS = 28;
/** How far back "my consultations" reaches: ones that ended in the last 30 days. */
const LIST_PAST_DAYS = 30;

/** Errors of the consultation routes. */
export const consultationErrors = {
  accountNeeded: () =>
    new HttpError(403, E.accountNeeded, 'Booking a consultation needs an account, so that you and the practitioner can both find it later, from any device. Create one (your history comes with you), then choose a time again.'),
  notAPractitioner: () =>
    new HttpError(403, E.notAPractitioner, 'Only practitioners publish consultation times. If you are one, ask the person who runs this Attune to mark your account as a practitioner.'),
  practitionerNotFound: () => new HttpError(404, E.practitionerNotFound, 'This practitioner could not be found. They may no longer offer consultations here.'),
  consultationNotFound: () => new HttpError(404, E.consultationNotFound, 'This consultation could not be found. Check the link, or look in your consultations.'),
  changed: () => new HttpError(409, E.consultationChanged, 'This consultation was just changed by the other person. Have a look at how it stands now, then choose again.'),
  invalidAvailability: (problems: readonly string[]) => new HttpError(400, E.invalidAvailability, problems.join(' ')),
  invalidRange: (message: string) => new HttpError(400, E.invalidRange, message),
} as const;

interface ConsultationParams {
  readonly consultationId: string;
}

/** The signed-in person if they have an account; a guest is asked to make one. */
async function accountRequired(context: ServerContext, request: FastifyRequest): Promise<Identity> {
  const identity = await identityRequired(context, request);
  if (identity.kind !== 'account') throw consultationErrors.accountNeeded();
  return identity;
}

/** The signed-in practitioner, or `not_a_practitioner`. */
async function practitionerRequired(context: ServerContext, request: FastifyRequest): Promise<Identity> {
  const identity = await identityRequired(context, request);
  if ((await context.consultations.store.practitionerFind(identity.id)) === null) throw consultationErrors.notAPractitioner();
  return identity;
}

/** The consultation if the signed-in person is one of its two people; otherwise 404, as for a missing one. */
async function consultationOfParty(context: ServerContext, request: FastifyRequest<{ Params: ConsultationParams }>): Promise<{ identity: Identity; consultation: Consultation }> {
  const identity = await identityRequired(context, request);
  const { consultationId } = request.params;
  const consultation = serverIdSchema.safeParse(consultationId).success ? await context.consultations.store.findForParty(consultationId, identity.id) : null;
  if (consultation === null) throw consultationErrors.consultationNotFound();
  return { identity, consultation };
}

/** The consultation a write produced, or the error it came to. */
function writeOutcome(result: ConsultationWriteResult): Consultation {
  switch (result.kind) {
    case 'done':
      return result.consultation;
    case 'notFound':
      throw consultationErrors.consultationNotFound();
    case 'changed':
      throw consultationErrors.changed();
    case 'refused':
      throw httpErrors.commandRejected(result.code, result.message);
  }
}

/** Tells the two people, after commit; a notice that cannot be sent never undoes the change. */
function noticeSend(context: ServerContext, notice: ConsultationNotice): void {
  context.consultations.notifier.notify(notice).catch((error: unknown) => {
    context.logger.warn('http', 'consultation notice could not be sent', { kind: notice.kind, consultationId: notice.consultation.id, error: String(error) });
  });
}

/** Registers the consultation routes. */
export function consultationRoutes(app: FastifyInstance, context: ServerContext): void {
  const { store } = context.consultations;

  app.get('/api/consultations/availability', async (request) => {
    const identity = await practitionerRequired(context, request);
    const stored = await store.availabilityOf(identity.id);
    return { availability: { practitionerId: identity.id, rules: stored?.rules ?? null, updatedAtMs: stored?.updatedAtMs ?? null } };
  });

  app.put('/api/consultations/availability', async (request) => {
    const rules = bodyParse(availabilityPutBody, request.body);
    const identity = await practitionerRequired(context, request);
    const problems = availabilityProblems(rules);
    if (problems.length > 0) throw consultationErrors.invalidAvailability(problems);
    const stored = await store.availabilitySet(identity.id, rules, context.now());
    return { availability: { practitionerId: identity.id, rules: stored.rules, updatedAtMs: stored.updatedAtMs } };
  });

  app.get('/api/practitioners', async (request) => {
    await identityRequired(context, request);
    const practitioners = await store.practitioners();
    return { practitioners: practitioners.map((entry) => ({ practitionerId: entry.id, displayName: entry.displayName, offersTimes: entry.offersTimes })) };
  });

  app.get<{ Params: { practitionerId: string } }>('/api/practitioners/:practitionerId/slots', async (request): Promise<OpenSlotsView> => {
    const query = bodyParse(slotsQuery, request.query);
    await identityRequired(context, request);
    const { practitionerId } = request.params;
    const practitioner = serverIdSchema.safeParse(practitionerId).success ? await store.practitionerFind(practitionerId) : null;
    if (practitioner === null) throw consultationErrors.practitionerNotFound();
    const nowMs = context.now();
    const fromMs = Math.max(query.from ?? nowMs, nowMs);
    const toMs = query.to ?? fromMs + SLOTS_RANGE_DEFAULT_DAYS * MS_PER_DAY;
    if (toMs < fromMs) throw consultationErrors.invalidRange('to: The end of the range needs to be after its start (and after now).');
    if (toMs - fromMs > SLOTS_RANGE_DAYS_MAX * MS_PER_DAY) throw consultationErrors.invalidRange(`Ask for at most ${SLOTS_RANGE_DAYS_MAX} days of times at once.`);
    const availability = await store.availabilityOf(practitioner.id);
    const base = { practitionerId: practitioner.id, displayName: practitioner.displayName, fromMs, toMs };
    if (availability === null) return { ...base, timeZone: null, slotMinutes: null, minNoticeMinutes: null, slots: [] };
    const { rules } = availability;
    const busy = await store.busySpans(practitioner.id, fromMs, toMs);
    return { ...base, timeZone: rules.timeZone, slotMinutes: rules.slotMinutes, minNoticeMinutes: rules.minNoticeMinutes, slots: openSlotViews(rules, busy, fromMs, toMs, nowMs) };
  });

  app.post('/api/consultations', async (request, reply) => {
    const body = bodyParse(consultationBookBody, request.body);
    const identity = await accountRequired(context, request);
    const practitioner = serverIdSchema.safeParse(body.practitionerId).success ? await store.practitionerFind(body.practitionerId) : null;
    if (practitioner === null) throw consultationErrors.practitionerNotFound();
    const consultation = writeOutcome(await store.book({ id: idNew(), practitionerId: practitioner.id, bookerId: identity.id, startMs: body.startMs, nowMs: context.now() }));
    noticeSend(context, { kind: 'booked', consultation, byId: identity.id });
    reply.code(201);
    return { consultation: consultationView(consultation, identity.id) };
  });

  app.get('/api/consultations', async (request, reply) => {
    const identity = await identityRequired(context, request);
    const mine = await store.listForParty(identity.id, context.now() - LIST_PAST_DAYS * MS_PER_DAY);
    reply.header('cache-control', 'no-store');
    return { consultations: mine.map((consultation) => consultationView(consultation, identity.id)) };
  });

  app.get<{ Params: ConsultationParams }>('/api/consultations/:consultationId', async (request, reply) => {
    const { identity, consultation } = await consultationOfParty(context, request);
    reply.header('cache-control', 'no-store');
    return { consultation: consultationView(consultation, identity.id) };
  });

  app.post<{ Params: ConsultationParams }>('/api/consultations/:consultationId/move', async (request) => {
    const body = bodyParse(consultationMoveBody, request.body);
    const { identity, consultation: before } = await consultationOfParty(context, request);
    const consultation = writeOutcome(await store.move(before.id, identity.id, body.startMs, context.now(), body.sequence));
    noticeSend(context, { kind: 'moved', consultation, byId: identity.id, previousStartMs: before.startMs });
    return { consultation: consultationView(consultation, identity.id) };
  });

  app.post<{ Params: ConsultationParams }>('/api/consultations/:consultationId/cancel', async (request) => {
    const body = bodyParse(consultationCancelBody, request.body);
    const { identity, consultation: before } = await consultationOfParty(context, request);
    const consultation = writeOutcome(await store.cancel(before.id, identity.id, context.now(), body.sequence));
    noticeSend(context, { kind: 'cancelled', consultation, byId: identity.id });
    return { consultation: consultationView(consultation, identity.id) };
  });

  app.get<{ Params: ConsultationParams }>('/api/consultations/:consultationId/consultation.ics', async (request, reply) => {
    const { identity, consultation } = await consultationOfParty(context, request);
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="consultation.ics"')
      .header('cache-control', 'no-store')
      .send(consultationIcsFor(consultation, identity.id, context.config.publicOrigin));
  });

  app.post<{ Params: ConsultationParams }>('/api/consultations/:consultationId/room', async (request): Promise<ConsultationRoomAnswer> => {
    const { identity, consultation } = await consultationOfParty(context, request);
    const room = consultationRoomAt(consultation, context.now());
    switch (room.kind) {
      case 'cancelled':
        return { state: 'cancelled', message: 'This consultation was cancelled, so its room will not open. You can book another time whenever you like.' };
      case 'ended':
        return { state: 'ended', sessionId: consultation.sessionId, message: 'This consultation has ended.' };
      case 'early':
        return { state: 'early', opensAtMs: room.opensAtMs, message: 'The room opens a little before the start. There is nothing to do until then.' };
      case 'open':
        return { state: 'open', sessionId: await roomSessionEnsure(context, consultation, identity.id) };
    }
  });
}

/**
 * The consultation's live session, made the first time either person opens the room: the id is
 * claimed once in the store (two people opening at once get the same one), the session is created
 * with the practitioner as its host under a command id fixed by the session id (so creating it
 * again is the same command and adds nothing), and both people are let in.
 */
async function roomSessionEnsure(context: ServerContext, consultation: Consultation, viewerId: string): Promise<string> {
  const sessionId = await context.consultations.store.sessionClaim(consultation.id, viewerId, idNew());
  if (sessionId === null) throw consultationErrors.consultationNotFound();
  const outcome = await context.hub.submit(sessionId, { participantId: consultation.practitionerId, kind: 'account' }, `create-${sessionId}`, { type: 'createSession', maxParticipants: 2 });
  if (!outcome.ok && outcome.code !== SessionRejections.sessionExists) throw httpErrors.commandRejected(outcome.code, outcome.message);
  const nowMs = context.now();
  await context.admissions.admit(sessionId, consultation.practitionerId, nowMs);
  await context.admissions.admit(sessionId, consultation.bookerId, nowMs);
  return sessionId;
}
