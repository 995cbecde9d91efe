/**
 * Sharing per relationship (issue 6) through the routes (`app.inject`): the settings routes, and
 * each place another member's things are read: shared records, the cycle map and its moments,
 * progress, and reports of sessions started from the relationship (with the session's own
 * boundary still deciding first). Leaving stops all of it at once. The caller starts the server
 * (SQLite or Postgres), so the same tests cover both.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { CycleMapView } from '../../core/cycles/index.ts';
import type { PersonalRecordView, ProgressInputView, RelationshipSharingView } from '../../core/protocol/between-us-api.ts';
import { SHARING_DEFAULTS, type SharingSettings } from '../../core/relationships/sharing.ts';
import type { TestServer } from '../testing/test-server.ts';
import { sessionReportChecks } from './relationship-sharing-session.test-support.ts';
import { injectClient, type InjectClient } from './relationship-sharing.test-support.ts';

type ErrorReply = { error: { code: string; message: string } };
type CycleReply = { map: CycleMapView | null; paused: boolean; cycleMoments: { atMs: number; sessionId: string | null }[] };

const EVERYTHING: SharingSettings = { checkIns: true, physiology: true, reflections: true, cycleMap: true };
const SIDE = (words: string) => ({ setsItOff: words, moves: { picked: ['going-quiet'], own: [] }, storyAboutOther: 'That it is too much' });

/** Registers the suite; `start` gives the server, or a reason to skip. */
export function relationshipSharingSuite(name: string, start: () => Promise<TestServer | string>): void {
  describe(`sharing per relationship (${name})`, () => {
    let running: TestServer | null = null;
    let skipReason: string | undefined;
    let http: InjectClient;

    before(async () => {
      const started = await start();
      if (typeof started === 'string') skipReason = started;
      else {
        running = started;
        http = injectClient(started);
      }
    });
    after(async () => {
      await http.closeAll();
      await running?.stop();
    });

    function skipped(t: { skip: (reason: string) => void }): boolean {
      if (skipReason === undefined) return false;
      t.skip(skipReason);
      return true;
    }

    const sharingOf = async (cookie: string, relationshipId: string) => {
      const reply = await http.call<{ sharing: RelationshipSharingView }>('GET', `/api/relationships/${relationshipId}/sharing`, cookie);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      return reply.body.sharing;
    };
    const share = async (cookie: string, relationshipId: string, settings: SharingSettings) => {
      const reply = await http.call<{ sharing: RelationshipSharingView }>('PUT', `/api/relationships/${relationshipId}/sharing`, cookie, settings);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      return reply.body.sharing;
    };
    const sharedRecords = async (cookie: string, relationshipId: string) => {
      const reply = await http.call<{ records: PersonalRecordView[] }>('GET', `/api/relationships/${relationshipId}/shared`, cookie);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      return reply.body.records.map((record) => `${record.ownerName}:${record.kind}`).sort();
    };
    const cycleOf = async (cookie: string, relationshipId: string) => (await http.call<CycleReply>('GET', `/api/relationships/${relationshipId}/cycle`, cookie)).body;
    const auditOf = async (ownerId: string) => (await running?.server.context.betweenUs.sharedAccess.listForOwner(ownerId)) ?? [];

    test('my settings start as the defaults; I change mine, and see what the other shares with me', async (t) => {
      if (skipped(t)) return;
      const { ana, ben, anaId, benId, relationshipId } = await http.couple();
      const first = await sharingOf(ana, relationshipId);
      assert.deepEqual(first, { relationshipId, mine: SHARING_DEFAULTS, mineChosen: false, others: [{ personId: benId, displayName: 'Ben', shares: SHARING_DEFAULTS }] });
      const saved = await share(ben, relationshipId, { ...SHARING_DEFAULTS, physiology: true, reflections: false });
      assert.deepEqual([saved.mine, saved.mineChosen], [{ ...SHARING_DEFAULTS, physiology: true, reflections: false }, true]);
      assert.deepEqual(saved.others, [{ personId: anaId, displayName: 'Ana', shares: SHARING_DEFAULTS }]);
      const seenByAna = await sharingOf(ana, relationshipId);
      assert.deepEqual(seenByAna.others[0]?.shares, { ...SHARING_DEFAULTS, physiology: true, reflections: false });
      assert.deepEqual(seenByAna.mine, SHARING_DEFAULTS, "Ben's choice changes nothing of Ana's");
    });

    test('settings are refused when incomplete, and reach nobody outside the relationship', async (t) => {
      if (skipped(t)) return;
      const { ana, relationshipId } = await http.couple();
      const partial = await http.call<ErrorReply>('PUT', `/api/relationships/${relationshipId}/sharing`, ana, { physiology: true });
      assert.equal(partial.status, 400);
      assert.equal(partial.body.error.code, 'invalid_body');
      const extra = await http.call<ErrorReply>('PUT', `/api/relationships/${relationshipId}/sharing`, ana, { ...EVERYTHING, camera: true });
      assert.equal(extra.status, 400);
      const eve = await http.guest('Eve');
      for (const [method, body] of [['GET', undefined], ['PUT', EVERYTHING]] as const) {
        const stranger = await http.call<ErrorReply>(method, `/api/relationships/${relationshipId}/sharing`, eve, body);
        const nothing = await http.call<ErrorReply>(method, `/api/relationships/${randomUUID()}/sharing`, eve, body);
        assert.equal(stranger.status, 404);
        assert.deepEqual(stranger.body, nothing.body, 'the same answer as for nothing at all');
      }
      assert.equal((await http.call('GET', `/api/relationships/${relationshipId}/sharing`)).status, 401);
    });

    test('shared records: reflections and check-ins each follow their owner’s switch; reads are audited', async (t) => {
      if (skipped(t)) return;
      const { ana, ben, benId, relationshipId } = await http.couple();
      const reflection = await http.recordShared(ben, relationshipId, 'workingModel', { questionId: 'othersThere', value: 6, atMs: Date.now() });
      await http.recordShared(ben, relationshipId, 'checkIn', { state: 'regulated', intensity: 2 });
      await http.recordShared(ana, relationshipId, 'workingModel', { questionId: 'othersThere', value: 3, atMs: Date.now() });
      assert.deepEqual(await sharedRecords(ana, relationshipId), ['Ana:workingModel', 'Ben:checkIn', 'Ben:workingModel']);

      await share(ben, relationshipId, { ...SHARING_DEFAULTS, reflections: false });
      assert.deepEqual(await sharedRecords(ana, relationshipId), ['Ana:workingModel', 'Ben:checkIn'], "Ben's reflection is no longer shown");
      assert.deepEqual(await sharedRecords(ben, relationshipId), ['Ana:workingModel', 'Ben:checkIn', 'Ben:workingModel'], 'Ben still sees his own');
      await share(ben, relationshipId, { ...SHARING_DEFAULTS, checkIns: false });
      assert.deepEqual(await sharedRecords(ana, relationshipId), ['Ana:workingModel', 'Ben:workingModel'], 'back on: shown again, as it was');

      const audit = await auditOf(benId);
      assert.ok(audit.length > 0 && audit.every((read) => read.subject === 'record' && read.relationshipId === relationshipId));
      const reflectionReads = audit.filter((read) => read.subjectId === reflection.recordId).length;
      assert.equal(reflectionReads, 2, 'read twice while shared (and not while hidden)');
    });

    test('the cycle map rests while either of its two people has paused sharing it, and never says who', async (t) => {
      if (skipped(t)) return;
      const { ana, ben, anaId, benId, relationshipId } = await http.couple();
      await http.cycleAccept(ana, relationshipId, { type: 'openMap', mapId: 'map-sharing-1', partnerId: benId });
      for (const [cookie, words] of [[ana, 'A late evening'], [ben, 'Questions at the door']] as const) {
        await http.cycleAccept(cookie, relationshipId, { type: 'saveDraft', side: SIDE(words) });
        await http.cycleAccept(cookie, relationshipId, { type: 'markReady' });
      }
      await http.cycleAccept(ana, relationshipId, { type: 'agreeToReveal' });
      await http.cycleAccept(ben, relationshipId, { type: 'agreeToReveal' });
      assert.equal((await http.call('POST', `/api/relationships/${relationshipId}/cycle/moments`, ben, {})).status, 201);
      assert.equal((await http.call('POST', `/api/relationships/${relationshipId}/cycle/moments`, ana, {})).status, 201);
      const shown = await cycleOf(ana, relationshipId);
      assert.equal(shown.map?.theirs.side?.setsItOff, 'Questions at the door');
      assert.equal(shown.cycleMoments.length, 2);
      assert.ok((await auditOf(benId)).some((read) => read.subject === 'cycleMap' && read.subjectId === 'map-sharing-1'), "Ana's look at Ben's side is audited");

      await share(ben, relationshipId, { ...SHARING_DEFAULTS, cycleMap: false });
      for (const cookie of [ana, ben]) {
        const resting = await cycleOf(cookie, relationshipId);
        assert.deepEqual([resting.map, resting.paused], [null, true]);
        assert.doesNotMatch(JSON.stringify(resting), /Questions at the door|A late evening|Ben|Ana/, 'nothing of the map, and no name');
      }
      assert.equal((await cycleOf(ana, relationshipId)).cycleMoments.length, 1, "only Ana's own moment");
      const refused = await http.cycleCommand(ana, relationshipId, { type: 'nameCycle', name: 'The door loop' });
      assert.deepEqual(refused.outcome.ok ? null : refused.outcome.code, 'cycle_map_paused');
      assert.doesNotMatch(refused.outcome.ok ? '' : refused.outcome.message, /Ben/);
      const fresh = await http.cycleCommand(ana, relationshipId, { type: 'openMap', mapId: 'map-sharing-2', partnerId: benId });
      assert.deepEqual(fresh.outcome.ok ? null : fresh.outcome.code, 'cycle_map_paused', 'no new map with him either');
      const progress = await http.call<ProgressInputView>('GET', '/api/progress', ana);
      assert.equal(progress.body.cycleMoments.length, 1, "progress shows Ana's own moment only");

      await share(ben, relationshipId, SHARING_DEFAULTS);
      const back = await cycleOf(ana, relationshipId);
      assert.deepEqual([back.paused, back.map?.theirs.side?.setsItOff, back.map?.mine.personId], [false, 'Questions at the door', anaId], 'back as it was');
    });

    sessionReportChecks({ http: () => http, share, sharingOf, skipped });

    test('leaving stops everything at once: records, map, settings; coming back starts from the defaults', async (t) => {
      if (skipped(t)) return;
      const { ana, ben, benId, relationshipId, inviteAgain } = await http.couple();
      await share(ben, relationshipId, EVERYTHING);
      await http.recordShared(ben, relationshipId, 'workingModel', { questionId: 'othersThere', value: 6, atMs: Date.now() });
      await http.cycleAccept(ana, relationshipId, { type: 'openMap', mapId: 'map-leave', partnerId: benId });
      assert.equal((await http.call('POST', `/api/relationships/${relationshipId}/cycle/moments`, ben, {})).status, 201);
      assert.equal((await http.call('DELETE', `/api/relationships/${relationshipId}/membership`, ben)).status, 204);

      assert.deepEqual(await sharedRecords(ana, relationshipId), []);
      const cycle = await cycleOf(ana, relationshipId);
      assert.deepEqual([cycle.map, cycle.cycleMoments], [null, []]);
      assert.deepEqual((await sharingOf(ana, relationshipId)).others, []);
      assert.equal((await http.call('GET', `/api/relationships/${relationshipId}/sharing`, ben)).status, 404);
      assert.equal((await http.call('PUT', `/api/relationships/${relationshipId}/sharing`, ben, EVERYTHING)).status, 404);

      const token = await inviteAgain();
      assert.equal((await http.call('POST', `/api/relationship-invites/${token}/accept`, ben, {})).status, 200);
      const rejoined = await sharingOf(ben, relationshipId);
      assert.deepEqual([rejoined.mine, rejoined.mineChosen], [SHARING_DEFAULTS, false], 'what he chose before is gone');
      assert.deepEqual(await sharedRecords(ana, relationshipId), [], 'and his records stayed unshared');
    });
  });
}
