/**
 * Consultations end to end over real HTTP, on a server whose clock the test moves: a practitioner
 * publishes availability in Berlin, a guest may look but not book, a person with an account books
 * across the daylight-saving change, both download the .ics, one moves it and the other sees the
 * move, the room opens only near its time and admits both, one cancels, and a stranger gets the
 * same 404 as for nothing at all. The caller starts the server (SQLite or Postgres).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { ConsultationRoomAnswer, ConsultationView, OpenSlotsView, PractitionerListing } from '../../core/protocol/consultations-api.ts';
import { configFromEnvironment } from '../config.ts';
import { SILENT_LOGGER } from '../log/logger.ts';
import { serverStart, type RunningServer } from '../main.ts';
import { openDatabase } from '../store/database.ts';
import type { DatabaseSchema } from '../store/schema.ts';
import { portFree } from '../testing/test-server.ts';

/** A started server, a database handle onto the same data, and a way to stop both. */
export interface ConsultationTestServer {
  readonly server: RunningServer;
  readonly baseUrl: string;
  /** Set an account's role, as an operator would. */
  readonly db: Kysely<DatabaseSchema>;
  stop(): Promise<void>;
}

type ErrorReply = { error: { code: string; message: string } };

interface Reply<T> {
  readonly status: number;
  readonly body: T;
  readonly text: string;
  readonly headers: Headers;
  readonly cookie: string | undefined;
}

/** Friday 2026-03-20 12:00 UTC: the Tuesdays after it straddle Berlin's change on 2026-03-29. */
const T0 = Date.parse('2026-03-20T12:00:00Z');
const MINUTE = 60_000;
/** Tuesday 2026-03-24 09:00 in Berlin (winter time) and 2026-03-31 09:00 (summer time). */
const TUE_24_9 = Date.parse('2026-03-24T08:00:00Z');
const TUE_24_10 = Date.parse('2026-03-24T09:00:00Z');
const TUE_31_9 = Date.parse('2026-03-31T07:00:00Z');

const BERLIN_TUESDAYS = {
  timeZone: 'Europe/Berlin',
  slotMinutes: 50,
  bufferMinutes: 10,
  minNoticeMinutes: 120,
  windows: [{ weekday: 2, start: '09:00', end: '12:00' }],
};

/** Registers the suite; `start` gets the clock the server must read and gives the server, or a reason to skip. */
export function consultationsSuite(name: string, start: (now: () => number) => Promise<ConsultationTestServer | string>): void {
  describe(`consultations over HTTP (${name})`, () => {
    let running: ConsultationTestServer | null = null;
    let skipReason: string | undefined;
    let nowMs = T0;
    const people: Record<'pia' | 'bo' | 'eve', { cookie: string; id: string }> = { pia: { cookie: '', id: '' }, bo: { cookie: '', id: '' }, eve: { cookie: '', id: '' } };
    let guestCookie = '';
    let consultationId = '';

    before(async () => {
      const started = await start(() => nowMs);
      if (typeof started === 'string') {
        skipReason = started;
        return;
      }
      running = started;
      people.pia = await account('Pia');
      people.bo = await account('Bo');
      people.eve = await account('Eve');
      await running.db.updateTable('accounts').set({ role: 'practitioner' }).where('identity_id', '=', people.pia.id).execute();
      const guest = await call('POST', '/api/identity', undefined, { displayName: 'Gus' });
      guestCookie = guest.cookie ?? '';
    });
    after(async () => {
      await running?.stop();
    });

    function baseUrl(): string {
      if (running === null) throw new Error(`no server: ${skipReason ?? 'not started'}`);
      return running.baseUrl;
    }

    async function call<T = unknown>(method: string, path: string, cookie?: string, body?: unknown): Promise<Reply<T>> {
      const response = await fetch(`${baseUrl()}${path}`, {
        method,
        headers: { origin: baseUrl(), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie === undefined ? {} : { cookie }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      const kept = response.headers.getSetCookie().map((line) => line.split(';')[0] ?? '').filter((pair) => !pair.endsWith('='));
      const isJson = (response.headers.get('content-type') ?? '').includes('json');
      return { status: response.status, body: (isJson && text !== '' ? JSON.parse(text) : null) as T, text, headers: response.headers, cookie: kept.length === 0 ? undefined : kept.join('; ') };
    }

    /** A new account with a password, signed in. */
    async function account(displayName: string): Promise<{ cookie: string; id: string }> {
      const registered = await call<{ account: { id: string } }>('POST', '/api/account/register/password', undefined, {
        signInName: `${displayName.toLowerCase()}-${randomUUID().slice(0, 8)}`,
        displayName,
        password: `quiet river ${randomUUID()}`,
      });
      assert.equal(registered.status, 201, registered.text);
      assert.ok(registered.cookie !== undefined, 'registering signs in');
      return { cookie: registered.cookie, id: registered.body.account.id };
    }

    /**
     * Moves the server clock, in steps of a few days, using each sign-in along the way: a login
     * session left unused for a week ends, as it would for a real person.
     */
    async function clockTo(targetMs: number): Promise<void> {
      const stepMs = 3 * 24 * 60 * MINUTE;
      while (Math.abs(targetMs - nowMs) > stepMs) {
        nowMs += Math.sign(targetMs - nowMs) * stepMs;
        for (const who of Object.values(people)) assert.equal((await call('GET', '/api/identity', who.cookie)).status, 200);
      }
      nowMs = targetMs;
    }

    const slotsOf = (cookie: string, from = '2026-03-23T00:00:00Z', to = '2026-04-01T00:00:00Z') =>
      call<OpenSlotsView>('GET', `/api/practitioners/${people.pia.id}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, cookie);

    test('nobody signed in sees nothing; only a practitioner publishes availability, and problems are named', async (t) => {
      if (skipReason !== undefined) {
        t.skip(skipReason);
        return;
      }
      assert.equal((await call('GET', '/api/practitioners')).status, 401);
      const notPractitioner = await call<ErrorReply>('PUT', '/api/consultations/availability', people.bo.cookie, BERLIN_TUESDAYS);
      assert.deepEqual([notPractitioner.status, notPractitioner.body.error.code], [403, 'not_a_practitioner']);
      assert.equal((await call<ErrorReply>('GET', '/api/consultations/availability', guestCookie)).status, 403);
      const empty = await call<{ availability: { rules: unknown } }>('GET', '/api/consultations/availability', people.pia.cookie);
      assert.equal(empty.body.availability.rules, null);
      const overlapping = await call<ErrorReply>('PUT', '/api/consultations/availability', people.pia.cookie, {
        ...BERLIN_TUESDAYS,
        windows: [...BERLIN_TUESDAYS.windows, { weekday: 2, start: '11:00', end: '13:00' }],
      });
      assert.deepEqual([overlapping.status, overlapping.body.error.code], [400, 'invalid_availability']);
      assert.match(overlapping.body.error.message, /Tuesday 09:00–12:00 and Tuesday 11:00–13:00 overlap/);
      const badZone = await call<ErrorReply>('PUT', '/api/consultations/availability', people.pia.cookie, { ...BERLIN_TUESDAYS, timeZone: 'Mars/Base' });
      assert.equal(badZone.status, 400);
      const saved = await call<{ availability: { rules: typeof BERLIN_TUESDAYS; updatedAtMs: number } }>('PUT', '/api/consultations/availability', people.pia.cookie, BERLIN_TUESDAYS);
      assert.equal(saved.status, 200, saved.text);
      assert.deepEqual(saved.body.availability.rules, BERLIN_TUESDAYS);
    });

    test('anyone signed in sees the directory (names only) and the open times in UTC, with the zone named', async (t) => {
      if (skipReason !== undefined) {
        t.skip(skipReason);
        return;
      }
      const directory = await call<{ practitioners: PractitionerListing[] }>('GET', '/api/practitioners', guestCookie);
      assert.deepEqual(directory.body.practitioners, [{ practitionerId: people.pia.id, displayName: 'Pia', offersTimes: true }]);
      const slots = await slotsOf(guestCookie);
      assert.equal(slots.status, 200, slots.text);
      assert.equal(slots.body.timeZone, 'Europe/Berlin');
      assert.deepEqual(
        slots.body.slots.map((slot) => `${slot.startUtc} ${slot.practitionerDate} ${slot.practitionerStart}`),
        [
          '2026-03-24T08:00:00Z 2026-03-24 09:00',
          '2026-03-24T09:00:00Z 2026-03-24 10:00',
          '2026-03-24T10:00:00Z 2026-03-24 11:00',
          '2026-03-31T07:00:00Z 2026-03-31 09:00',
          '2026-03-31T08:00:00Z 2026-03-31 10:00',
          '2026-03-31T09:00:00Z 2026-03-31 11:00',
        ],
      );
      assert.equal((await call<ErrorReply>('GET', `/api/practitioners/${people.bo.id}/slots`, guestCookie)).status, 404);
      assert.equal((await call<ErrorReply>('GET', `/api/practitioners/not-an-id/slots`, guestCookie)).status, 404);
      const tooWide = await slotsOf(guestCookie, '2026-03-23T00:00:00Z', '2026-06-23T00:00:00Z');
      assert.equal(tooWide.status, 400);
    });

    test('a guest is asked to make an account; a person with one books, and the time is gone for others', async (t) => {
      if (skipReason !== undefined) {
        t.skip(skipReason);
        return;
      }
      const byGuest = await call<ErrorReply>('POST', '/api/consultations', guestCookie, { practitionerId: people.pia.id, startMs: TUE_24_9 });
      assert.deepEqual([byGuest.status, byGuest.body.error.code], [403, 'account_needed']);
      const booked = await call<{ consultation: ConsultationView }>('POST', '/api/consultations', people.bo.cookie, { practitionerId: people.pia.id, startMs: TUE_24_9 });
      assert.equal(booked.status, 201, booked.text);
      const view = booked.body.consultation;
      consultationId = view.consultationId;
      assert.deepEqual(
        [view.myRole, view.practitioner.displayName, view.client.displayName, view.startMs, view.endMs, view.status, view.sequence, view.practitionerTimeZone, view.sessionId],
        ['client', 'Pia', 'Bo', TUE_24_9, TUE_24_9 + 50 * MINUTE, 'booked', 0, 'Europe/Berlin', null],
      );
      assert.equal(view.roomOpensAtMs, TUE_24_9 - 10 * MINUTE);
      const again = await call<ErrorReply>('POST', '/api/consultations', people.eve.cookie, { practitionerId: people.pia.id, startMs: TUE_24_9 });
      assert.deepEqual([again.status, again.body.error.code], [409, 'slot_taken']);
      const offGrid = await call<ErrorReply>('POST', '/api/consultations', people.eve.cookie, { practitionerId: people.pia.id, startMs: TUE_24_9 + 5 * MINUTE });
      assert.deepEqual([offGrid.status, offGrid.body.error.code], [409, 'slot_not_offered']);
      const open = await slotsOf(people.eve.cookie);
      assert.ok(!open.body.slots.some((slot) => slot.startMs === TUE_24_9));
      const piaList = await call<{ consultations: ConsultationView[] }>('GET', '/api/consultations', people.pia.cookie);
      assert.deepEqual(piaList.body.consultations.map((c) => [c.consultationId, c.myRole]), [[consultationId, 'practitioner']]);
      assert.deepEqual((await call<{ consultations: ConsultationView[] }>('GET', '/api/consultations', people.eve.cookie)).body.consultations, []);
    });

    test('a stranger gets the same 404 as for a consultation that does not exist, on every route', async (t) => {
      if (skipReason !== undefined) {
        t.skip(skipReason);
        return;
      }
      for (const id of [consultationId, randomUUID()]) {
        for (const [method, suffix, body] of [['GET', '', undefined], ['GET', '/consultation.ics', undefined], ['POST', '/move', { startMs: TUE_24_10 }], ['POST', '/cancel', {}], ['POST', '/room', {}]] as const) {
          const reply = await call<ErrorReply>(method, `/api/consultations/${id}${suffix}`, people.eve.cookie, body);
          assert.deepEqual([reply.status, reply.body.error.code], [404, 'consultation_not_found'], `${method} ${suffix}`);
        }
      }
    });

    test('both download the .ics: the same start and UID, each named after the other person', async (t) => {
      if (skipReason !== undefined) {
        t.skip(skipReason);
        return;
      }
      const files = await Promise.all([people.bo, people.pia].map((who) => call('GET', `/api/consultations/${consultationId}/consultation.ics`, who.cookie)));
      for (const file of files) {
        assert.equal(file.status, 200);
        assert.equal(file.headers.get('content-type'), 'text/calendar; charset=utf-8');
        assert.equal(file.headers.get('content-disposition'), 'attachment; filename="consultation.ics"');
        assert.match(file.text, /\r\nDTSTART:20260324T080000Z\r\n/);
        assert.match(file.text, /\r\nSEQUENCE:0\r\n/);
        assert.match(file.text, new RegExp(`\\r\\nUID:${consultationId}@`));
      }
      assert.match(files[0]?.text ?? '', /SUMMARY:Consultation with Pia/);
      assert.match(files[1]?.text ?? '', /SUMMARY:Consultation with Bo/);
    });

    test('the practitioner moves it across the clock change; the client sees the move; a stale move is refused', async (t) => {
      if (skipReason !== undefined) {
        t.skip(skipReason);
        return;
      }
      const moved = await call<{ consultation: ConsultationView }>('POST', `/api/consultations/${consultationId}/move`, people.pia.cookie, { startMs: TUE_31_9, sequence: 0 });
      assert.equal(moved.status, 200, moved.text);
      assert.deepEqual([moved.body.consultation.startMs, moved.body.consultation.sequence, moved.body.consultation.lastChange.kind, moved.body.consultation.lastChange.byMe], [TUE_31_9, 1, 'moved', true]);
      const seen = await call<{ consultation: ConsultationView }>('GET', `/api/consultations/${consultationId}`, people.bo.cookie);
      assert.deepEqual([seen.body.consultation.startMs, seen.body.consultation.lastChange.kind, seen.body.consultation.lastChange.byMe], [TUE_31_9, 'moved', false]);
      const stale = await call<ErrorReply>('POST', `/api/consultations/${consultationId}/move`, people.bo.cookie, { startMs: TUE_24_10, sequence: 0 });
      assert.deepEqual([stale.status, stale.body.error.code], [409, 'consultation_changed']);
      const ics = await call('GET', `/api/consultations/${consultationId}/consultation.ics`, people.bo.cookie);
      assert.match(ics.text, /\r\nDTSTART:20260331T070000Z\r\n/);
      assert.match(ics.text, /\r\nSEQUENCE:1\r\n/);
      // The old time is open again.
      assert.ok((await slotsOf(people.eve.cookie)).body.slots.some((slot) => slot.startMs === TUE_24_9));
    });

    test('the room is calm before its time, opens near it into one live session for both, and closes at the end', async (t) => {
      if (skipReason !== undefined || running === null) {
        t.skip(skipReason);
        return;
      }
      const early = await call<ConsultationRoomAnswer>('POST', `/api/consultations/${consultationId}/room`, people.bo.cookie, {});
      assert.equal(early.status, 200);
      assert.deepEqual(early.body.state === 'early' ? early.body.opensAtMs : early.body.state, TUE_31_9 - 10 * MINUTE);
      await clockTo(TUE_31_9 - 5 * MINUTE);
      const [forBo, forPia] = await Promise.all([people.bo, people.pia].map((who) => call<ConsultationRoomAnswer>('POST', `/api/consultations/${consultationId}/room`, who.cookie, {})));
      assert.ok(forBo?.body.state === 'open' && forPia?.body.state === 'open', `${forBo?.text ?? ''} ${forPia?.text ?? ''}`);
      assert.equal(forBo.body.sessionId, forPia.body.sessionId);
      const { sessionId } = forBo.body;
      assert.equal(await running.server.context.hub.accessOf(sessionId, people.pia.id), 'host');
      assert.equal(await running.server.context.hub.accessOf(sessionId, people.bo.id), 'member');
      assert.equal(await running.server.context.hub.accessOf(sessionId, people.eve.id), 'none');
      const openedAgain = await call<ConsultationRoomAnswer>('POST', `/api/consultations/${consultationId}/room`, people.bo.cookie, {});
      assert.deepEqual(openedAgain.body, { state: 'open', sessionId });
      const listed = await call<{ consultation: ConsultationView }>('GET', `/api/consultations/${consultationId}`, people.pia.cookie);
      assert.equal(listed.body.consultation.sessionId, sessionId);
      const moveStarted = await call<ErrorReply>('POST', `/api/consultations/${consultationId}/move`, people.bo.cookie, { startMs: TUE_31_9 + 60 * MINUTE });
      assert.equal(moveStarted.status, 409);
      await clockTo(TUE_31_9 + 50 * MINUTE);
      const ended = await call<ConsultationRoomAnswer>('POST', `/api/consultations/${consultationId}/room`, people.pia.cookie, {});
      assert.deepEqual(ended.body.state === 'ended' ? ended.body.sessionId : ended.body.state, sessionId);
      // Deleting the session keeps the booking and no longer points it at a session that is gone.
      await running.server.context.deleteSession(sessionId);
      const afterDelete = await call<{ consultation: ConsultationView }>('GET', `/api/consultations/${consultationId}`, people.pia.cookie);
      assert.equal(afterDelete.status, 200);
      assert.equal(afterDelete.body.consultation.sessionId, null);
      await clockTo(T0);
    });

    test('the client cancels; the file says so, the room stays shut, and the time is free', async (t) => {
      if (skipReason !== undefined) {
        t.skip(skipReason);
        return;
      }
      const booked = await call<{ consultation: ConsultationView }>('POST', '/api/consultations', people.bo.cookie, { practitionerId: people.pia.id, startMs: TUE_24_10 });
      assert.equal(booked.status, 201, booked.text);
      const id = booked.body.consultation.consultationId;
      const cancelled = await call<{ consultation: ConsultationView }>('POST', `/api/consultations/${id}/cancel`, people.bo.cookie, { sequence: 0 });
      assert.deepEqual([cancelled.status, cancelled.body.consultation.status, cancelled.body.consultation.sequence], [200, 'cancelled', 1]);
      const ics = await call('GET', `/api/consultations/${id}/consultation.ics`, people.pia.cookie);
      assert.match(ics.text, /\r\nSTATUS:CANCELLED\r\n/);
      assert.match(ics.text, /\r\nSEQUENCE:1\r\n/);
      const room = await call<ConsultationRoomAnswer>('POST', `/api/consultations/${id}/room`, people.pia.cookie, {});
      assert.equal(room.body.state, 'cancelled');
      const twice = await call<ErrorReply>('POST', `/api/consultations/${id}/cancel`, people.pia.cookie, {});
      assert.deepEqual([twice.status, twice.body.error.code], [409, 'already_cancelled']);
      assert.ok((await slotsOf(people.eve.cookie)).body.slots.some((slot) => slot.startMs === TUE_24_10));
    });
  });
}

/**
 * A server on a free port reading `now` for its clock, with its own data directory (or the
 * Postgres at `databaseUrl`), and a second database handle onto the same data.
 */
export async function consultationTestServerStart(now: () => number, databaseUrl?: string): Promise<ConsultationTestServer> {
  const port = await portFree();
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-consultations-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = configFromEnvironment({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_ORIGIN: baseUrl,
    LOG_LEVEL: 'silent',
    ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }),
  });
  const server = await serverStart(config, SILENT_LOGGER, now);
  const database = await openDatabase({ dataDir, databaseUrl });
  return {
    server,
    baseUrl,
    db: database.db,
    stop: async () => {
      await database.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
