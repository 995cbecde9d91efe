/**
 * Practitioner mode and the access log through the routes (`app.inject`, real database): who gets
 * a client list, that a practitioner sees nothing a client turned off (outside sessions, and after
 * a session only what its boundary allowed too), that every history read lands in the client's
 * access log, that notes are their author's alone, and that a stranger gets the same 404 as for
 * nothing at all. The caller starts the server (SQLite or Postgres), so both are covered.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { OPEN_BOUNDARIES } from '../../core/boundaries/boundary.ts';
import type {
  AccessLogPage,
  ClientHistoryView,
  PractitionerClientView,
  PractitionerNoteView,
  PractitionerSessionView,
} from '../../core/practitioner/practitioner-api.ts';
import { SHARING_DEFAULTS, type SharingSettings } from '../../core/relationships/sharing.ts';
import { PractitionerWorld, type PractitionerTestServer, type TestPerson } from './practitioner.test-support.ts';

type ErrorReply = { error: { code: string; message: string } };

const EVERYTHING: SharingSettings = { checkIns: true, physiology: true, reflections: true, cycleMap: true };
const PRIVATE_WORDS = 'only-for-me-words';

/** Registers the suite; `start` gives the server, or a reason to skip. */
export function practitionerSuite(name: string, start: () => Promise<PractitionerTestServer | string>): void {
  describe(`practitioner mode and the access log (${name})`, () => {
    let running: PractitionerTestServer | null = null;
    let skipReason: string | undefined;
    let world: PractitionerWorld;

    before(async () => {
      const started = await start();
      if (typeof started === 'string') skipReason = started;
      else {
        running = started;
        world = new PractitionerWorld(started);
      }
    });
    after(async () => {
      await world.closeAll();
      await running?.stop();
    });

    function skipped(t: { skip: (reason: string) => void }): boolean {
      if (skipReason === undefined) return false;
      t.skip(skipReason);
      return true;
    }

    const share = async (person: TestPerson, relationshipId: string, settings: SharingSettings) => {
      const reply = await person.call('PUT', `/api/relationships/${relationshipId}/sharing`, settings);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
    };
    const historyOf = async (practitioner: TestPerson, client: TestPerson) => {
      const reply = await practitioner.call<ClientHistoryView>('GET', `/api/practitioner/clients/${client.id}/history`);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      return reply.body;
    };
    const accessLog = async (person: TestPerson, query = '') => {
      const reply = await person.call<AccessLogPage>('GET', `/api/me/access-log${query}`);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      return reply.body;
    };

    /** Pia (practitioner) with Bo as her client, in a session started from their relationship; both joined. */
    async function sessionTogether(boBoundaries = OPEN_BOUNDARIES) {
      const pia = await world.account('Pia', 'practitioner');
      const bo = await world.account('Bo');
      const relationshipId = await world.relationship(pia, [bo]);
      const created = await pia.call<{ sessionId: string }>('POST', `/api/relationships/${relationshipId}/sessions`, {});
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const { sessionId } = created.body;
      const piaLive = world.live(pia, sessionId);
      const boLive = world.live(bo, sessionId);
      await piaLive.connect();
      await piaLive.join('Pia');
      await boLive.connect();
      await boLive.join('Bo', boBoundaries);
      await piaLive.waitForSeq(3);
      return { pia, bo, relationshipId, sessionId, piaLive, boLive };
    }

    test('only a practitioner has a client list; a person, a guest and nobody get none', async (t) => {
      if (skipped(t)) return;
      const person = await world.account('Robin');
      const guest = await world.guest('Gus');
      for (const who of [person, guest]) {
        const reply = await who.call<ErrorReply>('GET', '/api/practitioner/clients');
        assert.deepEqual([reply.status, reply.body.error.code], [403, 'not_a_practitioner']);
      }
      const nobody = await world.guest('Temp');
      nobody.browser.cookies.clear();
      assert.equal((await nobody.call('GET', '/api/practitioner/clients')).status, 401);

      // Someone who is in a practitioner relationship as a client sees no client list either.
      const pia = await world.account('Pia', 'practitioner');
      await world.relationship(pia, [person]);
      assert.equal((await person.call('GET', '/api/practitioner/clients')).status, 403);
      assert.equal((await person.call('GET', `/api/practitioner/clients/${pia.id}/history`)).status, 404, 'and cannot open the practitioner as a client');
    });

    test('the client list: each client of a practitioner relationship, what they share, and the last session', async (t) => {
      if (skipped(t)) return;
      const pia = await world.account('Pia', 'practitioner');
      const bo = await world.account('Bo');
      const gus = await world.guest('Gus');
      const partner = await world.account('Pat');
      const relationshipId = await world.relationship(pia, [bo, gus]);
      await world.relationship(pia, [partner], 'partner');
      await share(bo, relationshipId, { ...SHARING_DEFAULTS, reflections: false });
      const reply = await pia.call<{ clients: PractitionerClientView[] }>('GET', '/api/practitioner/clients');
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.deepEqual(
        reply.body.clients.map((client) => [client.displayName, client.relationshipId, client.shares, client.lastSessionAtMs]),
        [
          ['Bo', relationshipId, { ...SHARING_DEFAULTS, reflections: false }, null],
          ['Gus', relationshipId, SHARING_DEFAULTS, null],
        ],
        'a partner relationship has no clients in it, and a guest can be a client',
      );
      assert.equal(reply.headers['cache-control'], 'no-store');

      await world.roleSet(pia.id, 'person');
      assert.equal((await pia.call('GET', '/api/practitioner/clients')).status, 403, 'taking the role away ends the list at once');
      assert.equal((await pia.call('GET', `/api/practitioner/clients/${bo.id}/history`)).status, 404);
    });

    test('two practitioners in one relationship both see the client, and never each other', async (t) => {
      if (skipped(t)) return;
      const pia = await world.account('Pia', 'practitioner');
      const quinn = await world.account('Quinn', 'practitioner');
      const bo = await world.account('Bo');
      await world.relationship(pia, [quinn, bo]);
      for (const practitioner of [pia, quinn]) {
        const reply = await practitioner.call<{ clients: PractitionerClientView[] }>('GET', '/api/practitioner/clients');
        assert.deepEqual(reply.body.clients.map((client) => client.displayName), ['Bo']);
      }
      assert.equal((await pia.call('GET', `/api/practitioner/clients/${quinn.id}/history`)).status, 404);
    });

    test('the history shows only what the client shares, and hides each kind the moment it is turned off', async (t) => {
      if (skipped(t)) return;
      const pia = await world.account('Pia', 'practitioner');
      const bo = await world.account('Bo');
      const cy = await world.account('Cy');
      const relationshipId = await world.relationship(pia, [bo, cy]);
      await world.recordShared(bo, relationshipId, 'checkIn', { state: 'regulated', intensity: 3 });
      await world.recordShared(bo, relationshipId, 'workingModel', { questionId: 'othersThere', value: 6, atMs: Date.now() });
      await world.recordShared(cy, relationshipId, 'checkIn', { state: 'activated', intensity: 7 });
      const privateOne = await bo.call('POST', '/api/records', { kind: 'checkIn', body: { state: 'shutdown', intensity: 8 } });
      assert.equal(privateOne.status, 201, 'a record Bo never shared');

      const first = await historyOf(pia, bo);
      assert.deepEqual(first.client, { clientId: bo.id, displayName: 'Bo' });
      assert.deepEqual(first.checkIns.map((record) => [record.ownerId, record.kind]), [[bo.id, 'checkIn']], "only Bo's own shared check-in: never Cy's, never a private one");
      assert.deepEqual(first.reflections.map((record) => record.kind), ['workingModel']);
      assert.deepEqual(first.relationships.map((link) => link.shares), [SHARING_DEFAULTS]);

      await share(bo, relationshipId, { ...SHARING_DEFAULTS, reflections: false });
      const noReflections = await historyOf(pia, bo);
      assert.deepEqual([noReflections.checkIns.length, noReflections.reflections.length], [1, 0]);
      await share(bo, relationshipId, { checkIns: false, physiology: false, reflections: false, cycleMap: false });
      const nothing = await historyOf(pia, bo);
      assert.deepEqual([nothing.checkIns, nothing.reflections], [[], []]);
      assert.ok(!JSON.stringify(nothing).includes('regulated'), 'nothing of it reaches the practitioner');
    });

    test('after a session: check-ins only if shared there and shared here; body signals only with both yeses', async (t) => {
      if (skipped(t)) return;
      const { pia, bo, relationshipId, sessionId, piaLive, boLive } = await sessionTogether();
      await boLive.accept({ type: 'checkIn', state: 'activated', intensity: 6, visibility: 'shared', note: PRIVATE_WORDS });
      await boLive.accept({ type: 'checkIn', state: 'shutdown', intensity: 4, visibility: 'private' });
      // Stamped after both joined and before the session ends (others' samples count only while the viewer was there),
      // and all four inside one clock second, so they make one stored row (rows are kept per second).
      const inSecond = (Date.now() + 20) % 1000;
      if (inSecond > 600) await new Promise((resolve) => setTimeout(resolve, 1000 - inSecond + 10));
      const startMs = Date.now() + 20;
      boLive.sendSignals([0, 1, 2, 3].map((k) => ({ atMs: startMs + k * 100, heartRateBpm: 80 + k, breathingRateBpm: 6, rrMs: [750] })));
      await piaLive.waitFor(() => piaLive.signals.length >= 1, "Bo's body signals at Pia, live");

      const sessionOf = async () => {
        const history = await historyOf(pia, bo);
        assert.deepEqual(history.sessions.map((session) => session.sessionId), [sessionId]);
        const [session] = history.sessions;
        assert.ok(session !== undefined);
        assert.ok(!JSON.stringify(history).includes(PRIVATE_WORDS), 'a check-in’s note never leaves its owner');
        return session;
      };
      const seen = await sessionOf();
      assert.deepEqual(seen.checkIns.map((checkIn) => [checkIn.state, checkIn.intensity]), [['activated', 6]], 'the private check-in is not there');
      assert.equal(seen.body, null, 'body signals wait for a yes in the relationship');

      await share(bo, relationshipId, EVERYTHING);
      const withBody = await sessionOf();
      assert.deepEqual(withBody.body, { heartRateBpm: 81.5, breathingRateBpm: 6, minutes: 1 });

      await boLive.accept({ type: 'setBoundaries', boundaries: { ...OPEN_BOUNDARIES, sharePhysiology: true } });
      assert.equal((await sessionOf()).body, null, 'a session "no" is never overridden by the relationship');
      await boLive.accept({ type: 'setBoundaries', boundaries: OPEN_BOUNDARIES });
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, startMs + 500 - Date.now())));
      await piaLive.accept({ type: 'endSession' });
      const ended = await sessionOf();
      assert.equal(ended.ended, true);
      assert.notEqual(ended.body, null);

      await share(bo, relationshipId, { ...EVERYTHING, checkIns: false, physiology: false });
      const off = await sessionOf();
      assert.deepEqual([off.checkIns, off.body], [[], null], 'an ended session follows the switches too');

      const list = await pia.call<{ clients: PractitionerClientView[] }>('GET', '/api/practitioner/clients');
      assert.ok((list.body.clients[0]?.lastSessionAtMs ?? 0) > 0, 'the list knows when they last practised together');
    });

    test('every history read is written to the client’s access log, which they read newest first, a page at a time', async (t) => {
      if (skipped(t)) return;
      const { pia, bo, relationshipId, sessionId, boLive, piaLive } = await sessionTogether();
      await boLive.accept({ type: 'checkIn', state: 'regulated', intensity: 2, visibility: 'shared' });
      await world.recordShared(bo, relationshipId, 'checkIn', { state: 'regulated', intensity: 3 });
      await world.recordShared(bo, relationshipId, 'workingModel', { questionId: 'othersThere', value: 6, atMs: Date.now() });
      await piaLive.accept({ type: 'endSession' });
      assert.deepEqual((await accessLog(bo)).entries, [], 'nobody has looked yet');

      await historyOf(pia, bo);
      const once = await accessLog(bo);
      assert.deepEqual(
        once.entries.map((entry) => entry.subject).sort(),
        ['clientCheckIns', 'clientHistory', 'clientReflections', 'clientSessionCheckIns'],
        'one row per kind of thing shown, and one for opening the page',
      );
      assert.ok(once.entries.every((entry) => entry.viewerId === pia.id && entry.viewerName === 'Pia' && entry.relationshipId === relationshipId && entry.relationshipKind === 'practitioner'));
      assert.equal(once.next, null);

      // The report Pia opens is in Bo's log too, with the session it came from.
      assert.equal((await pia.call('GET', `/api/sessions/${sessionId}/report`)).status, 200);
      await share(bo, relationshipId, { ...SHARING_DEFAULTS, reflections: false });
      await historyOf(pia, bo);
      const all = await accessLog(bo);
      assert.equal(all.entries.filter((entry) => entry.subject === 'clientHistory').length, 2, 'every read, not only the first');
      assert.equal(all.entries.filter((entry) => entry.subject === 'clientReflections').length, 1, 'nothing for what was no longer shown');
      const report = all.entries.find((entry) => entry.subject === 'sessionCheckIns');
      assert.equal(report?.sessionId, sessionId);
      const times = all.entries.map((entry) => entry.atMs);
      assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');

      const pages: string[] = [];
      let query = '?limit=3';
      for (;;) {
        const page = await accessLog(bo, query);
        pages.push(...page.entries.map((entry) => `${String(entry.atMs)}:${entry.subject}`));
        if (page.next === null) break;
        query = `?limit=3&offset=${String(page.next.offset)}&untilMs=${String(page.next.untilMs)}`;
      }
      assert.deepEqual(pages, all.entries.map((entry) => `${String(entry.atMs)}:${entry.subject}`), 'pages add up to the whole, without gaps or repeats');
      assert.deepEqual((await accessLog(pia)).entries, [], "the practitioner's own log has only looks at what she shares");
      assert.equal((await bo.call('GET', '/api/me/access-log?limit=0')).status, 400);
    });

    test('notes are private to their author: the client, another practitioner and a stranger never reach them', async (t) => {
      if (skipped(t)) return;
      const pia = await world.account('Pia', 'practitioner');
      const quinn = await world.account('Quinn', 'practitioner');
      const bo = await world.account('Bo');
      await world.relationship(pia, [bo]);
      await world.relationship(quinn, [bo]);
      const notesPath = `/api/practitioner/clients/${bo.id}/notes`;

      const written = await pia.call<{ note: PractitionerNoteView }>('POST', notesPath, { text: '  Breathing practice landed well.  ' });
      assert.equal(written.status, 201, JSON.stringify(written.body));
      assert.equal(written.body.note.text, 'Breathing practice landed well.');
      const noteId = written.body.note.noteId;
      assert.equal((await pia.call<ErrorReply>('POST', notesPath, { text: '   ' })).status, 400);

      assert.deepEqual((await quinn.call<{ notes: unknown[] }>('GET', notesPath)).body.notes, [], "Bo's other practitioner sees only their own notes");
      for (const other of [quinn, bo]) {
        assert.equal((await other.call('PUT', `/api/practitioner/notes/${noteId}`, { text: 'changed' })).status, 404);
        assert.equal((await other.call('DELETE', `/api/practitioner/notes/${noteId}`)).status, 404);
      }
      assert.equal((await bo.call('GET', notesPath)).status, 404, 'the client never reads notes about them');
      const boSeesPia = await bo.call('GET', `/api/practitioner/clients/${pia.id}/notes`);
      assert.equal(boSeesPia.status, 404);
      assert.ok(!JSON.stringify((await accessLog(bo)).entries).includes(noteId), 'writing a note is not a look at what Bo shares');

      const changed = await pia.call<{ note: PractitionerNoteView }>('PUT', `/api/practitioner/notes/${noteId}`, { text: 'Landed well; try longer next time.' });
      assert.equal(changed.body.note.text, 'Landed well; try longer next time.');
      const listed = await pia.call<{ notes: PractitionerNoteView[] }>('GET', notesPath);
      assert.deepEqual(listed.body.notes.map((note) => note.text), ['Landed well; try longer next time.']);
      assert.equal((await pia.call('DELETE', `/api/practitioner/notes/${noteId}`)).status, 204);
      assert.equal((await pia.call('DELETE', `/api/practitioner/notes/${noteId}`)).status, 404);
      assert.deepEqual((await pia.call<{ notes: unknown[] }>('GET', notesPath)).body.notes, []);
    });

    test('a stranger gets the same 404 as for nothing at all, and a client who left is gone from the list', async (t) => {
      if (skipped(t)) return;
      const { pia, bo, relationshipId, sessionId } = await sessionTogether();
      const eve = await world.account('Eve', 'practitioner');
      const nobodyId = randomUUID();
      for (const path of ['history', 'notes']) {
        const stranger = await eve.call<ErrorReply>('GET', `/api/practitioner/clients/${bo.id}/${path}`);
        const nothing = await eve.call<ErrorReply>('GET', `/api/practitioner/clients/${nobodyId}/${path}`);
        assert.equal(stranger.status, 404);
        assert.deepEqual(stranger.body, nothing.body);
        assert.equal((await eve.call('GET', `/api/practitioner/clients/not-an-id/${path}`)).status, 404);
      }
      assert.equal((await eve.call('POST', `/api/practitioner/clients/${bo.id}/notes`, { text: 'x' })).status, 404);
      const strangerSession = await eve.call<ErrorReply>('GET', `/api/practitioner/sessions/${sessionId}`);
      assert.deepEqual([strangerSession.status, strangerSession.body.error.code], [404, 'session_not_found']);

      const mine = await pia.call<PractitionerSessionView>('GET', `/api/practitioner/sessions/${sessionId}`);
      assert.deepEqual(mine.body, { relationshipId, clients: [{ personId: bo.id, displayName: 'Bo' }] });
      const clientSide = await bo.call<PractitionerSessionView>('GET', `/api/practitioner/sessions/${sessionId}`);
      assert.deepEqual(clientSide.body, { relationshipId: null, clients: [] }, 'the client is told nothing about roles');

      assert.equal((await bo.call('DELETE', `/api/relationships/${relationshipId}/membership`)).status, 204);
      assert.equal((await pia.call('GET', `/api/practitioner/clients/${bo.id}/history`)).status, 404);
      const list = await pia.call<{ clients: unknown[] }>('GET', '/api/practitioner/clients');
      assert.deepEqual(list.body.clients, []);
    });
  });
}
