/**
 * "Between us" end to end over real HTTP: relationships and their invites, the cycle map filled
 * privately and revealed together, a repair from start to an agreed next step, records shared and
 * unshared, leaving, progress, prompts, and a stranger who gets the same 404 as for nothing at all.
 * The caller starts the server (SQLite or Postgres), so the same tests cover both.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { CycleMapView } from '../../core/cycles/index.ts';
import type {
  BetweenUsOutcome,
  PersonalRecordView,
  ProgressInputView,
  RelationshipInviteView,
  RelationshipView,
  RepairView,
} from '../../core/protocol/between-us-api.ts';
import { LiveClient } from '../testing/live-client.ts';
import type { TestServer } from '../testing/test-server.ts';

type ErrorReply = { error: { code: string; message: string } };

/** One HTTP reply; `body` is null for an empty one (204). */
interface Reply<T> {
  readonly status: number;
  readonly body: T;
  readonly cookie: string | undefined;
}

let commandSerial = 0;

/** A fresh client-made command id. */
function commandIdNew(): string {
  commandSerial += 1;
  return `cmd-${randomUUID().slice(0, 8)}-${String(commandSerial)}`;
}

const ANA_SIDE = {
  setsItOff: 'A late evening without a text',
  moves: { picked: ['pushing-for-an-answer', 'criticising'], own: [] },
  storyAboutOther: 'That my messages do not matter',
};
const BEN_SIDE = {
  setsItOff: 'Questions the moment I walk in',
  moves: { picked: ['going-quiet', 'keeping-busy'], own: [] },
  storyAboutOther: 'That nothing I do is enough',
};

/** Registers the suite; `start` gives the server, or a reason to skip. */
export function betweenUsSuite(name: string, start: () => Promise<TestServer | string>): void {
  describe(`between us over HTTP (${name})`, () => {
    let running: TestServer | null = null;
    let skipReason: string | undefined;
    const clients: LiveClient[] = [];

    before(async () => {
      const started = await start();
      if (typeof started === 'string') skipReason = started;
      else running = started;
    });
    after(async () => {
      await Promise.all(clients.map((client) => client.close()));
      await running?.stop();
    });

    function baseUrl(): string {
      if (running === null) throw new Error('no server');
      return running.baseUrl;
    }

    async function call<T = unknown>(method: string, path: string, cookie?: string, body?: unknown): Promise<Reply<T>> {
      const response = await fetch(`${baseUrl()}${path}`, {
        method,
        headers: {
          origin: baseUrl(),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(cookie === undefined ? {} : { cookie }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      const setCookie = response.headers.get('set-cookie');
      return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T, cookie: setCookie === null ? undefined : setCookie.split(';')[0] };
    }

    async function guest(displayName: string): Promise<string> {
      const created = await call('POST', '/api/identity', undefined, { displayName });
      assert.equal(created.status, 201);
      assert.ok(created.cookie);
      return created.cookie;
    }

    /** Ana starts a relationship and Ben joins it through the invite. */
    async function couple() {
      const created = await call<{ relationship: RelationshipView; invite: RelationshipInviteView }>('POST', '/api/relationships', undefined, {
        kind: 'partner',
        displayName: 'Ana',
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const ana = created.cookie ?? '';
      const relationshipId = created.body.relationship.relationshipId;
      const accepted = await call<{ relationship: RelationshipView }>('POST', `/api/relationship-invites/${created.body.invite.token}/accept`, undefined, {
        displayName: 'Ben',
      });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      const ben = accepted.cookie ?? '';
      const anaId = created.body.relationship.members[0]?.personId ?? '';
      const benId = accepted.body.relationship.members.find((member) => member.isMe)?.personId ?? '';
      return { ana, ben, anaId, benId, relationshipId, invite: created.body.invite };
    }

    async function cycleCommand(cookie: string, relationshipId: string, command: object, commandId = commandIdNew()) {
      const reply = await call<{ outcome: BetweenUsOutcome; map: CycleMapView | null }>('POST', `/api/relationships/${relationshipId}/cycle/commands`, cookie, {
        commandId,
        command,
      });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      return reply.body;
    }

    async function cycleAccept(cookie: string, relationshipId: string, command: object): Promise<CycleMapView | null> {
      const { outcome, map } = await cycleCommand(cookie, relationshipId, command);
      assert.ok(outcome.ok, `${JSON.stringify(command)} was turned down: ${JSON.stringify(outcome)}`);
      return map;
    }

    async function repairCommand(cookie: string, repairId: string, command: object, commandId = commandIdNew()) {
      const reply = await call<{ outcome: BetweenUsOutcome; repair: RepairView }>('POST', `/api/repairs/${repairId}/commands`, cookie, { commandId, command });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      return reply.body;
    }

    async function repairAccept(cookie: string, repairId: string, command: object, commandId = commandIdNew()): Promise<RepairView> {
      const { outcome, repair } = await repairCommand(cookie, repairId, command, commandId);
      assert.ok(outcome.ok, `${JSON.stringify(command)} was turned down: ${JSON.stringify(outcome)}`);
      return repair;
    }

    async function recordCreate(cookie: string, kind: string, body: unknown): Promise<PersonalRecordView> {
      const created = await call<{ record: PersonalRecordView }>('POST', '/api/records', cookie, { kind, body });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body.record;
    }

    async function sharedWith(cookie: string, relationshipId: string): Promise<PersonalRecordView[]> {
      const reply = await call<{ records: PersonalRecordView[] }>('GET', `/api/relationships/${relationshipId}/shared`, cookie);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      return reply.body.records;
    }

    function skipped(t: { skip: (reason: string) => void }): boolean {
      if (skipReason === undefined) return false;
      t.skip(skipReason);
      return true;
    }

    test('create, invite, accept: both see the relationship; the invite works once', async (t) => {
      if (skipped(t)) return;
      const { ana, ben, anaId, benId, relationshipId, invite } = await couple();
      assert.match(invite.url, new RegExp(`/between-us/join#${invite.token}$`));
      for (const [cookie, me] of [[ana, anaId], [ben, benId]] as const) {
        const mine = await call<{ relationships: RelationshipView[] }>('GET', '/api/relationships', cookie);
        assert.deepEqual(mine.body.relationships.map((r) => r.relationshipId), [relationshipId]);
        const one = await call<{ relationship: RelationshipView }>('GET', `/api/relationships/${relationshipId}`, cookie);
        assert.equal(one.body.relationship.kind, 'partner');
        assert.deepEqual(
          one.body.relationship.members.map((m) => [m.displayName, m.isMe]),
          [['Ana', me === anaId], ['Ben', me === benId]],
        );
      }
      const used = await call<ErrorReply>('GET', `/api/relationship-invites/${invite.token}`);
      assert.equal(used.status, 404);
      assert.equal(used.body.error.code, 'invite_invalid');
      const eve = await guest('Eve');
      const late = await call<ErrorReply>('POST', `/api/relationship-invites/${invite.token}/accept`, eve, {});
      assert.equal(late.status, 404);
      assert.equal(late.body.error.code, 'invite_invalid');

      const fresh = await call<{ invite: RelationshipInviteView }>('POST', `/api/relationships/${relationshipId}/invites`, ben);
      assert.equal(fresh.status, 201);
      const info = await call<{ relationshipId: string; kind: string; invitedBy: string; expiresAtMs: number }>('GET', `/api/relationship-invites/${fresh.body.invite.token}`);
      assert.deepEqual([info.body.relationshipId, info.body.kind, info.body.invitedBy], [relationshipId, 'partner', 'Ben']);
      const again = await call<{ relationship: RelationshipView }>('POST', `/api/relationship-invites/${fresh.body.invite.token}/accept`, ana, {});
      assert.equal(again.status, 200, 'someone already in keeps the invite unused');
      assert.equal((await call('GET', `/api/relationship-invites/${fresh.body.invite.token}`)).status, 200);
    });

    test('the cycle map: filled privately, nothing shows before both look, then named and planned', async (t) => {
      if (skipped(t)) return;
      const { ana, ben, benId, relationshipId } = await couple();
      const empty = await call<{ map: CycleMapView | null; cycleMoments: unknown[] }>('GET', `/api/relationships/${relationshipId}/cycle`, ana);
      assert.deepEqual(empty.body, { map: null, paused: false, cycleMoments: [] });

      await cycleAccept(ana, relationshipId, { type: 'openMap', mapId: 'our-first-map', partnerId: benId });
      await cycleAccept(ana, relationshipId, { type: 'saveDraft', side: ANA_SIDE });
      const bensView = await call<{ map: CycleMapView }>('GET', `/api/relationships/${relationshipId}/cycle`, ben);
      assert.equal(bensView.body.map.theirs.side, null);
      assert.equal(bensView.body.map.theirs.done, false);
      assert.doesNotMatch(JSON.stringify(bensView.body), /late evening|messages do not matter|pushing-for-an-answer/, "nothing of Ana's side reaches Ben");

      await cycleAccept(ben, relationshipId, { type: 'saveDraft', side: BEN_SIDE });
      await cycleAccept(ana, relationshipId, { type: 'markReady' });
      await cycleAccept(ben, relationshipId, { type: 'markReady' });
      const agreed = await cycleAccept(ana, relationshipId, { type: 'agreeToReveal' });
      assert.equal(agreed?.status, 'drafting');
      const stillHidden = await call<{ map: CycleMapView }>('GET', `/api/relationships/${relationshipId}/cycle`, ben);
      assert.equal(stillHidden.body.map.theirs.side, null);
      assert.equal(stillHidden.body.map.theirs.readyToLook, true);
      assert.doesNotMatch(JSON.stringify(stillHidden.body), /late evening/);

      const revealed = await cycleAccept(ben, relationshipId, { type: 'agreeToReveal' });
      assert.equal(revealed?.status, 'revealed');
      assert.equal(revealed.theirs.side?.setsItOff, ANA_SIDE.setsItOff);
      assert.equal(revealed.pattern?.kind, 'pursue-withdraw');
      const rejected = await cycleCommand(ana, relationshipId, { type: 'saveDraft', side: ANA_SIDE });
      assert.deepEqual([rejected.outcome.ok, rejected.outcome.ok ? '' : rejected.outcome.code], [false, 'cycle_map_already_revealed']);

      const named = commandIdNew();
      assert.ok((await cycleCommand(ana, relationshipId, { type: 'nameCycle', name: 'The late-text loop' }, named)).outcome.ok);
      await cycleAccept(ben, relationshipId, { type: 'nameCycle', name: 'Chase and quiet' });
      const retried = await cycleCommand(ana, relationshipId, { type: 'nameCycle', name: 'The late-text loop' }, named);
      assert.deepEqual(retried.outcome, { ok: true }, 'a retried command gets its first outcome');
      assert.equal(retried.map?.name, 'Chase and quiet', 'and changes nothing');
      const planned = await cycleAccept(ben, relationshipId, { type: 'savePlan', plan: { cuePhrase: 'Our loop is here', pauseMinutes: 20, practiceId: 'paced-breathing' } });
      assert.deepEqual(planned?.plan, { cuePhrase: 'Our loop is here', pauseMinutes: 20, practiceId: 'paced-breathing' });

      const session = await call<{ sessionId: string }>('POST', `/api/relationships/${relationshipId}/sessions`, ana);
      assert.equal(session.status, 201);
      const moment = await call('POST', `/api/relationships/${relationshipId}/cycle/moments`, ben, { sessionId: session.body.sessionId });
      assert.equal(moment.status, 201);
      const elsewhere = await call<ErrorReply>('POST', `/api/relationships/${relationshipId}/cycle/moments`, ben, { sessionId: randomUUID() });
      assert.equal(elsewhere.status, 404);
      const withMoment = await call<{ map: CycleMapView; cycleMoments: { atMs: number; sessionId: string | null }[] }>('GET', `/api/relationships/${relationshipId}/cycle`, ana);
      assert.deepEqual(withMoment.body.cycleMoments.map((m) => m.sessionId), [session.body.sessionId]);
      assert.equal(withMoment.body.map.name, 'Chase and quiet');
    });

    test('the cycle map: a partner from outside the relationship, and unreadable commands, are refused', async (t) => {
      if (skipped(t)) return;
      const { ana, relationshipId } = await couple();
      const outsider = await cycleCommand(ana, relationshipId, { type: 'openMap', mapId: 'map-x', partnerId: randomUUID() });
      assert.deepEqual(outsider.outcome.ok ? null : outsider.outcome.code, 'cycle_map_partner_invalid');
      assert.equal(outsider.map, null);
      const bad = await call<ErrorReply>('POST', `/api/relationships/${relationshipId}/cycle/commands`, ana, { commandId: commandIdNew(), command: { type: 'sneak' } });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'invalid_body');
      const badId = await call<ErrorReply>('POST', `/api/relationships/${relationshipId}/cycle/commands`, ana, { commandId: 'x', command: { type: 'markReady' } });
      assert.equal(badId.status, 400);
      const noMap = await cycleCommand(ana, relationshipId, { type: 'markReady' });
      assert.deepEqual(noMap.outcome.ok ? null : noMap.outcome.code, 'cycle_map_not_found');
    });

    test('commands sent at the same moment are all decided, one after another, with no seq lost or doubled', async (t) => {
      if (skipped(t)) return;
      const { ana, ben, benId, relationshipId } = await couple();
      await cycleAccept(ana, relationshipId, { type: 'openMap', mapId: 'busy-map', partnerId: benId });
      const drafts = Array.from({ length: 6 }, (_, n) => ({ ...(n % 2 === 0 ? ANA_SIDE : BEN_SIDE), setsItOff: `draft ${String(n)}` }));
      const outcomes = await Promise.all(drafts.map((side, n) => cycleCommand(n % 2 === 0 ? ana : ben, relationshipId, { type: 'saveDraft', side })));
      assert.deepEqual(outcomes.map((o) => o.outcome), drafts.map(() => ({ ok: true })));
      const context = running?.server.context;
      assert.ok(context);
      const [log] = await context.betweenUs.logs.listLogs(relationshipId, 'cycle');
      assert.ok(log);
      const events = await context.betweenUs.logs.read(log.logId);
      assert.deepEqual(events.map((e) => e.seq), [1, 2, 3, 4, 5, 6, 7]);
      assert.ok(events.every((e, i) => i === 0 || e.atMs >= (events[i - 1]?.atMs ?? 0)), 'server time stamps follow the order');
    });

    test('a repair from start to an agreed next step; words in progress stay with the speaker', async (t) => {
      if (skipped(t)) return;
      const { ana, ben, anaId, relationshipId } = await couple();
      const startId = commandIdNew();
      const started = await call<{ outcome: BetweenUsOutcome; repairId: string; repair: RepairView }>('POST', `/api/relationships/${relationshipId}/repairs`, ana, {
        commandId: startId,
        command: { type: 'startRepair', startedFrom: 'self' },
      });
      assert.equal(started.status, 201, JSON.stringify(started.body));
      const { repairId } = started.body;
      assert.equal(started.body.repair.stage, 'settling');
      const retried = await call<{ outcome: BetweenUsOutcome; repairId: string }>('POST', `/api/relationships/${relationshipId}/repairs`, ana, {
        commandId: startId,
        command: { type: 'startRepair', startedFrom: 'self' },
      });
      assert.deepEqual([retried.status, retried.body.outcome, retried.body.repairId], [201, { ok: true }, repairId], 'a retried start is the same repair');
      const list = await call<{ repairs: RepairView[] }>('GET', `/api/relationships/${relationshipId}/repairs`, ben);
      assert.deepEqual(list.body.repairs.map((r) => r.repairId), [repairId]);

      const hurried = await repairCommand(ana, repairId, { type: 'proposeReturnTime', returnAtMs: Date.now() });
      assert.deepEqual(hurried.outcome.ok ? null : hurried.outcome.code, 'still_settling');
      await repairAccept(ana, repairId, { type: 'markSettled', practiceId: 'paced-breathing' });
      const afterSettle = await repairAccept(ben, repairId, { type: 'markSettled' });
      const anasSettle = afterSettle.events.find((entry) => entry.event.type === 'settled' && entry.event.personId === anaId);
      assert.equal(anasSettle?.event.type === 'settled' ? anasSettle.event.practiceId : 'missing', null, 'Ben learns Ana settled, not how');

      const proposalId = commandIdNew();
      await repairAccept(ana, repairId, { type: 'proposeReturnTime', returnAtMs: Date.now() }, proposalId);
      await repairAccept(ben, repairId, { type: 'acceptReturnTime', proposalId });
      await repairAccept(ana, repairId, { type: 'markHere' });
      const here = await repairAccept(ben, repairId, { type: 'markHere' });
      assert.equal(here.stage, 'turns');

      await repairAccept(ana, repairId, { type: 'beginTurn' });
      await repairAccept(ana, repairId, { type: 'saveTurnWords', turnIndex: 0, felt: 'Alone at dinner', needed: 'A text' });
      const bensDuring = await call<{ repair: RepairView }>('GET', `/api/repairs/${repairId}`, ben);
      assert.doesNotMatch(JSON.stringify(bensDuring.body), /Alone at dinner/, 'words in progress stay with the speaker');
      assert.ok(bensDuring.body.repair.events.some((entry) => entry.event.type === 'hidden'));
      const holding = await repairCommand(ben, repairId, { type: 'saveTurnWords', turnIndex: 0, felt: 'x', needed: '' });
      assert.deepEqual(holding.outcome.ok ? null : holding.outcome.code, 'holding_space');
      await repairAccept(ana, repairId, { type: 'endTurn', turnIndex: 0 });
      const bensAfter = await call<{ repair: RepairView }>('GET', `/api/repairs/${repairId}`, ben);
      assert.match(JSON.stringify(bensAfter.body), /Alone at dinner/, 'ending the turn hands the words over');
      await repairAccept(ben, repairId, { type: 'acknowledgeTurn', turnIndex: 0, words: 'You felt alone' });
      await repairAccept(ben, repairId, { type: 'beginTurn' });
      await repairAccept(ben, repairId, { type: 'endTurn', turnIndex: 1, felt: 'Pressed', needed: 'A minute first' });
      await repairAccept(ana, repairId, { type: 'acknowledgeTurn', turnIndex: 1 });
      const stepId = commandIdNew();
      await repairAccept(ana, repairId, { type: 'proposeNextStep', text: 'A text when running late' }, stepId);
      const done = await repairAccept(ben, repairId, { type: 'agreeNextStep', proposalId: stepId });
      assert.equal(done.stage, 'completed');
      assert.equal(done.state.nextStep, 'A text when running late');
      assert.ok(done.events.every((entry) => entry.atMs > 0), 'every event carries its server time');

      await repairAccept(ana, repairId, { type: 'setHistoryChoice', keep: true });
      const bensFinal = await call<{ repair: RepairView }>('GET', `/api/repairs/${repairId}`, ben);
      assert.deepEqual(bensFinal.body.repair.state.historyChoices, {}, "Ana's history choice is hers alone");
      const anasProgress = await call<ProgressInputView>('GET', '/api/progress', ana);
      assert.equal(anasProgress.body.repairs.length, 1);
      assert.equal(anasProgress.body.repairs[0]?.completedAtMs, done.state.completedAtMs);
      const bensProgress = await call<ProgressInputView>('GET', '/api/progress', ben);
      assert.deepEqual(bensProgress.body.repairs, [], 'nothing enters Ben’s history without his yes');
    });

    test('share a record, then take it back: the partner sees it, then does not', async (t) => {
      if (skipped(t)) return;
      const { ana, ben, relationshipId } = await couple();
      const record = await recordCreate(ana, 'workingModel', { questionId: 'othersThere', value: 6, words: 'More than last spring', atMs: Date.now() });
      assert.equal(record.sharedWith, null);
      assert.deepEqual(await sharedWith(ben, relationshipId), []);
      const shared = await call<{ record: PersonalRecordView }>('PUT', `/api/records/${record.recordId}/sharing`, ana, { relationshipId });
      assert.equal(shared.body.record.sharedWith, relationshipId);
      const seen = await sharedWith(ben, relationshipId);
      assert.deepEqual(seen.map((r) => [r.recordId, r.ownerName, r.sharedWith]), [[record.recordId, 'Ana', null]]);
      assert.deepEqual(seen[0]?.body, { questionId: 'othersThere', value: 6, words: 'More than last spring', atMs: record.body && (record.body as { atMs: number }).atMs });
      const audit = await running?.server.context.betweenUs.sharedAccess.listForOwner(record.ownerId);
      assert.deepEqual(audit?.map((a) => [a.subjectId, a.relationshipId]), [[record.recordId, relationshipId]], "Ben's read is in the audit");

      const notBens = await call<ErrorReply>('PUT', `/api/records/${record.recordId}`, ben, { body: { questionId: 'othersThere', value: 0, atMs: 1 } });
      assert.equal(notBens.status, 404);
      assert.equal(notBens.body.error.code, 'record_not_found');
      const unshared = await call<{ record: PersonalRecordView }>('PUT', `/api/records/${record.recordId}/sharing`, ana, { relationshipId: null });
      assert.equal(unshared.body.record.sharedWith, null);
      assert.deepEqual(await sharedWith(ben, relationshipId), []);

      const invalid = await call<ErrorReply>('POST', '/api/records', ana, { kind: 'changeMarkers', body: { atMs: 1, ratings: { presentInConflict: 11 } } });
      assert.equal(invalid.status, 400);
      assert.match(invalid.body.error.message, /^body\.ratings\.presentInConflict: Choose a number from 0 to 10/);
      const mine = await call<{ records: PersonalRecordView[] }>('GET', '/api/records?kind=workingModel', ana);
      assert.deepEqual(mine.body.records.map((r) => r.recordId), [record.recordId]);
      assert.equal((await call('DELETE', `/api/records/${record.recordId}`, ana)).status, 204);
      assert.deepEqual((await call<{ records: PersonalRecordView[] }>('GET', '/api/records', ana)).body.records, []);
    });

    test('leaving stops all sharing at once, and reaches nothing of the relationship any more', async (t) => {
      if (skipped(t)) return;
      const { ana, ben, benId, relationshipId } = await couple();
      await cycleAccept(ana, relationshipId, { type: 'openMap', mapId: 'map-before-leaving', partnerId: benId });
      await cycleAccept(ana, relationshipId, { type: 'saveDraft', side: ANA_SIDE });
      const first = await recordCreate(ana, 'checkIn', { state: 'activated', intensity: 6 });
      const second = await recordCreate(ana, 'experiment', { experimentId: 'small-favour', weekOf: '2025-11-17', atMs: Date.now() });
      const bensOwn = await recordCreate(ben, 'checkIn', { state: 'regulated', intensity: 2 });
      for (const [cookie, record] of [[ana, first], [ana, second], [ben, bensOwn]] as const) {
        assert.equal((await call('PUT', `/api/records/${record.recordId}/sharing`, cookie, { relationshipId })).status, 200);
      }
      assert.equal((await sharedWith(ben, relationshipId)).length, 3);

      assert.equal((await call('DELETE', `/api/relationships/${relationshipId}/membership`, ana)).status, 204);
      assert.deepEqual((await sharedWith(ben, relationshipId)).map((r) => r.recordId), [bensOwn.recordId], "none of Ana's records is shared any more");
      const anasRecords = await call<{ records: PersonalRecordView[] }>('GET', '/api/records', ana);
      assert.deepEqual(anasRecords.body.records.map((r) => r.sharedWith), [null, null]);
      assert.deepEqual((await call<{ relationships: RelationshipView[] }>('GET', '/api/relationships', ana)).body.relationships, []);
      for (const path of ['', '/cycle', '/repairs', '/shared']) {
        const reply = await call<ErrorReply>('GET', `/api/relationships/${relationshipId}${path}`, ana);
        assert.equal(reply.status, 404, path);
        assert.equal(reply.body.error.code, 'relationship_not_found');
      }
      const reshare = await call<ErrorReply>('PUT', `/api/records/${first.recordId}/sharing`, ana, { relationshipId });
      assert.equal(reshare.status, 404);
      const bensView = await call<{ relationship: RelationshipView }>('GET', `/api/relationships/${relationshipId}`, ben);
      assert.deepEqual(bensView.body.relationship.members.map((m) => m.displayName), ['Ben']);
      const bensMap = await call<{ map: CycleMapView | null }>('GET', `/api/relationships/${relationshipId}/cycle`, ben);
      assert.equal(bensMap.body.map, null, 'a map with someone who left is no longer shown');
    });

    test('a stranger gets the same 404 as for something that does not exist, everywhere', async (t) => {
      if (skipped(t)) return;
      const { ana, relationshipId } = await couple();
      const eve = await guest('Eve');
      const record = await recordCreate(ana, 'checkIn', { state: 'mixed', intensity: 4 });
      await call('PUT', `/api/records/${record.recordId}/sharing`, ana, { relationshipId });
      const session = await call<{ sessionId: string }>('POST', `/api/relationships/${relationshipId}/sessions`, ana);
      const repair = await call<{ repairId: string }>('POST', `/api/relationships/${relationshipId}/repairs`, ana, {
        commandId: commandIdNew(),
        command: { type: 'startRepair', startedFrom: 'self' },
      });
      assert.equal(repair.status, 201);
      const envelope = { commandId: commandIdNew(), command: { type: 'markReady' } };
      const requests = (relationship: string, recordId: string, repairId: string, sessionId: string): [string, string, unknown][] => [
        ['GET', `/api/relationships/${relationship}`, undefined],
        ['POST', `/api/relationships/${relationship}/invites`, undefined],
        ['DELETE', `/api/relationships/${relationship}/membership`, undefined],
        ['POST', `/api/relationships/${relationship}/sessions`, undefined],
        ['GET', `/api/relationships/${relationship}/cycle`, undefined],
        ['POST', `/api/relationships/${relationship}/cycle/commands`, envelope],
        ['POST', `/api/relationships/${relationship}/cycle/moments`, {}],
        ['GET', `/api/relationships/${relationship}/repairs`, undefined],
        ['POST', `/api/relationships/${relationship}/repairs`, { commandId: commandIdNew(), command: { type: 'startRepair', startedFrom: 'self' } }],
        ['GET', `/api/relationships/${relationship}/shared`, undefined],
        ['GET', `/api/repairs/${repairId}`, undefined],
        ['POST', `/api/repairs/${repairId}/commands`, { commandId: commandIdNew(), command: { type: 'markSettled' } }],
        ['PUT', `/api/records/${recordId}`, { body: { state: 'mixed', intensity: 1 } }],
        ['PUT', `/api/records/${recordId}/sharing`, { relationshipId: null }],
        ['DELETE', `/api/records/${recordId}`, undefined],
        ['GET', `/api/sessions/${sessionId}/relationship`, undefined],
      ];
      const real = requests(relationshipId, record.recordId, repair.body.repairId, session.body.sessionId);
      const missing = requests(randomUUID(), randomUUID(), `r${randomUUID().replaceAll('-', '')}`, randomUUID());
      for (const [index, [method, path, body]] of real.entries()) {
        const stranger = await call<ErrorReply>(method, path, eve, body);
        const [, missingPath, missingBody] = missing[index] ?? [];
        const nothing = await call<ErrorReply>(method, missingPath ?? '', eve, missingBody);
        assert.equal(stranger.status, 404, `${method} ${path}: ${JSON.stringify(stranger.body)}`);
        assert.deepEqual(stranger.body, nothing.body, `${method} ${path} says the same as for nothing`);
      }
      assert.deepEqual(await sharedWith(ana, relationshipId).then((records) => records.length), 1, 'nothing changed for Ana');
      const signedOut = await call<ErrorReply>('GET', `/api/relationships/${relationshipId}`);
      assert.equal(signedOut.status, 401);
    });

    test('a session started from a relationship admits its members and points back to it', async (t) => {
      if (skipped(t)) return;
      const { ana, ben, relationshipId } = await couple();
      const created = await call<{ sessionId: string }>('POST', `/api/relationships/${relationshipId}/sessions`, ana);
      assert.equal(created.status, 201);
      const { sessionId } = created.body;
      for (const cookie of [ana, ben]) {
        const link = await call<{ relationshipId: string | null }>('GET', `/api/sessions/${sessionId}/relationship`, cookie);
        assert.deepEqual(link.body, { relationshipId });
      }
      const anaLive = new LiveClient(baseUrl(), ana, sessionId);
      const benLive = new LiveClient(baseUrl(), ben, sessionId);
      clients.push(anaLive, benLive);
      await anaLive.connect();
      await anaLive.join('Ana');
      await benLive.connect();
      await benLive.join('Ben');
      await anaLive.accept({ type: 'checkIn', state: 'activated', intensity: 7, visibility: 'shared' });
      await benLive.accept({ type: 'checkIn', state: 'shutdown', intensity: 3, visibility: 'shared' });
      await recordCreate(ana, 'checkIn', { state: 'regulated', intensity: 2 });
      await recordCreate(ana, 'soloPractice', { practiceId: 'grounding', durationMs: 120_000, completed: true });
      const progress = await call<ProgressInputView>('GET', '/api/progress', ana);
      assert.deepEqual(progress.body.checkIns.map((c) => c.state), ['activated', 'regulated'], "Ana's own check-ins only, live and kept");
      assert.deepEqual(progress.body.practices.map((p) => [p.practiceId, p.together]), [['grounding', false]]);
      assert.deepEqual([progress.body.synchrony, progress.body.coherence], [[], []]);
      assert.equal(progress.body.records.length, 2);

      await call('DELETE', `/api/relationships/${relationshipId}/membership`, ben);
      const afterLeaving = await call<{ relationshipId: string | null }>('GET', `/api/sessions/${sessionId}/relationship`, ben);
      assert.deepEqual(afterLeaving.body, { relationshipId: null });
    });

    test('gentle prompts: off by default; one per slot, the same one when asked again, none once set aside', async (t) => {
      if (skipped(t)) return;
      const ana = await guest('Ana');
      const defaults = await call<{ settings: { enabled: boolean } }>('GET', '/api/prompts/settings', ana);
      assert.equal(defaults.body.settings.enabled, false);
      assert.deepEqual((await call('GET', '/api/prompts/next?tzOffsetMin=0', ana)).body, { prompt: null });
      const minute = new Date(Date.now() - 60_000);
      const time = `${String(minute.getUTCHours()).padStart(2, '0')}:${String(minute.getUTCMinutes()).padStart(2, '0')}`;
      const saved = await call<{ settings: { timesOfDay: string[] } }>('PUT', '/api/prompts/settings', ana, { enabled: true, weekdays: [1, 2, 3, 4, 5, 6, 7], timesOfDay: [time] });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.deepEqual(saved.body.settings.timesOfDay, [time]);
      const offered = await call<{ prompt: { promptId: string; text: string } | null }>('GET', '/api/prompts/next?tzOffsetMin=0', ana);
      assert.ok(offered.body.prompt, 'a prompt in the open slot');
      const again = await call<{ prompt: { promptId: string } | null }>('GET', '/api/prompts/next?tzOffsetMin=0', ana);
      assert.equal(again.body.prompt?.promptId, offered.body.prompt.promptId);
      assert.equal((await call('POST', `/api/prompts/${offered.body.prompt.promptId}/dismiss`, ana)).status, 204);
      assert.deepEqual((await call('GET', '/api/prompts/next?tzOffsetMin=0', ana)).body, { prompt: null });
      assert.equal((await call<ErrorReply>('POST', '/api/prompts/ci-feet/dismiss', await guest('Ben'))).status, 404);
      const badOffset = await call<ErrorReply>('GET', '/api/prompts/next?tzOffsetMin=5000', ana);
      assert.equal(badOffset.status, 400);
      const badSettings = await call<ErrorReply>('PUT', '/api/prompts/settings', ana, { enabled: true });
      assert.equal(badSettings.status, 400);
      assert.match(badSettings.body.error.message, /Choose at least one day/);
    });
  });
}
