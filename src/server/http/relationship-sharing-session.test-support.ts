/**
 * The part of the relationship-sharing suite about live sessions started from a relationship:
 * afterwards, in reports and progress, another member's body signals and check-ins show only
 * while both the session's own boundary and the relationship's sharing say yes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OPEN_BOUNDARIES } from '../../core/boundaries/boundary.ts';
import type { ProgressInputView, RelationshipSharingView } from '../../core/protocol/between-us-api.ts';
import { SHARING_DEFAULTS, type SharingSettings } from '../../core/relationships/sharing.ts';
import type { SessionReport } from '../../core/report/session-report.ts';
import type { InjectClient } from './relationship-sharing.test-support.ts';

const NO_PHYSIOLOGY = { ...OPEN_BOUNDARIES, sharePhysiology: true };

/** What the session checks use of the suite. */
export interface SessionReportDeps {
  http(): InjectClient;
  share(cookie: string, relationshipId: string, settings: SharingSettings): Promise<RelationshipSharingView>;
  sharingOf(cookie: string, relationshipId: string): Promise<RelationshipSharingView>;
  skipped(t: { skip: (reason: string) => void }): boolean;
}

/** Registers the session tests inside the suite's `describe`. */
export function sessionReportChecks(deps: SessionReportDeps): void {
  /** Ana and Ben in a session started from their relationship, both present; Ben checks in, shared. */
  async function sessionTogether() {
    const http = deps.http();
    const couple = await http.couple();
    const created = await http.call<{ sessionId: string }>('POST', `/api/relationships/${couple.relationshipId}/sessions`, couple.ana, {});
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { sessionId } = created.body;
    const ana = http.live(couple.ana, sessionId);
    const ben = http.live(couple.ben, sessionId);
    await ana.connect();
    await ana.join('Ana');
    await ben.connect();
    await ben.join('Ben');
    await ana.waitForSeq(3);
    await ben.accept({ type: 'checkIn', state: 'activated', intensity: 6, visibility: 'shared' });
    await ana.accept({ type: 'checkIn', state: 'regulated', intensity: 3, visibility: 'shared' });
    return { ...couple, sessionId, anaLive: ana, benLive: ben };
  }

  test('reports: body signals need both the session’s and the relationship’s yes; check-ins follow their switch', async (t) => {
    if (deps.skipped(t)) return;
    const http = deps.http();
    const { ana, ben, benId, relationshipId, sessionId, anaLive, benLive } = await sessionTogether();
    // Stamped after both joined (others' samples show only from when the viewer was there).
    const start = Date.now() + 100;
    anaLive.sendSignals([0, 1, 2, 3].map((k) => ({ atMs: start + k * 1000, heartRateBpm: 70 + k, rrMs: [850] })));
    benLive.sendSignals([0, 1, 2, 3].map((k) => ({ atMs: start + k * 1000 + 500, heartRateBpm: 80, rrMs: [750] })));
    await anaLive.waitFor(() => anaLive.signals.length === 1, "Ben's batch at Ana, live");

    const report = async () => {
      const reply = await http.call<SessionReport>('GET', `/api/sessions/${sessionId}/report`, ana);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      const who = (id: string) => (id === benId ? 'ben' : 'ana');
      return { series: reply.body.series.map((series) => who(series.participantId)).sort(), checkIns: reply.body.checkIns.map((checkIn) => who(checkIn.participantId)).sort() };
    };
    assert.deepEqual(await report(), { series: ['ana'], checkIns: ['ana', 'ben'] }, 'body signals wait for a yes; check-ins shared in the session show');

    await deps.share(ben, relationshipId, { ...SHARING_DEFAULTS, physiology: true });
    assert.deepEqual((await report()).series, ['ana', 'ben']);
    const csv = await http.text(`/api/sessions/${sessionId}/report/rr.csv`, ana);
    assert.deepEqual([csv.status, csv.text.includes(',Ben,')], [200, true], 'the beat-to-beat file follows the same rule');
    const audit = await auditSubjects(deps, benId);
    assert.ok(audit.includes('sessionSignals') && audit.includes('sessionCheckIns'), JSON.stringify(audit));

    // Ben's first sample must be in the past before his "no" begins, or a fast run stamps it inside the "no".
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + 600 - Date.now())));
    await benLive.accept({ type: 'setBoundaries', boundaries: NO_PHYSIOLOGY });
    assert.deepEqual((await report()).series, ['ana'], 'the session’s "no" is never overridden by the relationship');
    await benLive.accept({ type: 'setBoundaries', boundaries: OPEN_BOUNDARIES });
    await anaLive.accept({ type: 'endSession' });
    assert.deepEqual((await report()).series, ['ana', 'ben']);

    await deps.share(ben, relationshipId, { ...SHARING_DEFAULTS, physiology: false, checkIns: false });
    assert.deepEqual(await report(), { series: ['ana'], checkIns: ['ana'] }, 'an ended session’s report follows the switches too');
    assert.equal((await http.text(`/api/sessions/${sessionId}/report/rr.csv`, ana)).text.includes(',Ben,'), false);
    await deps.share(ben, relationshipId, { ...SHARING_DEFAULTS, physiology: true });
    assert.deepEqual(await report(), { series: ['ana', 'ben'], checkIns: ['ana', 'ben'] });
    const bensOwn = await http.call<SessionReport>('GET', `/api/sessions/${sessionId}/report`, ben);
    assert.equal(bensOwn.body.series.length, 1, "Ana never said yes to her body signals, so Ben sees only his own");

    assert.equal((await http.call('DELETE', `/api/relationships/${relationshipId}/membership`, ben)).status, 204);
    assert.deepEqual(await report(), { series: ['ana'], checkIns: ['ana'] }, 'after leaving, nothing of Ben is shown');
    const bensAfter = await http.call<SessionReport>('GET', `/api/sessions/${sessionId}/report`, ben);
    if (bensAfter.status === 200) {
      assert.ok(bensAfter.body.series.every((series) => series.participantId === benId), 'and he sees nothing of hers');
      assert.ok(bensAfter.body.checkIns.every((checkIn) => checkIn.participantId === benId));
    }
  });

  test('progress: synchrony from a relationship session shows only while the others share body signals', async (t) => {
    if (deps.skipped(t)) return;
    const http = deps.http();
    const { ana, ben, anaId, benId, relationshipId, sessionId, anaLive } = await sessionTogether();
    await anaLive.accept({ type: 'endSession' });
    const context = http.context();
    // A kept summary, as the report worker would have left it; the route only decides what shows.
    await context.summaries.put({ sessionId, participantId: anaId, atMs: Date.now(), synchronyScore: 0.6, coherenceRatio: 0.4 });
    const progress = async () => (await http.call<ProgressInputView>('GET', '/api/progress', ana)).body;

    const before = await progress();
    assert.deepEqual([before.synchrony.length, before.coherence.length], [0, 1], 'her own coherence shows; synchrony waits for his yes');
    assert.deepEqual(before.checkIns.map((checkIn) => checkIn.state), ['regulated'], "Ben's check-ins never enter Ana's progress");
    await deps.share(ben, relationshipId, { ...SHARING_DEFAULTS, physiology: true });
    assert.deepEqual((await progress()).synchrony.map((point) => point.score), [0.6]);
    assert.ok((await auditSubjects(deps, benId)).includes('synchrony'));
    assert.equal((await http.call('DELETE', `/api/relationships/${relationshipId}/membership`, ben)).status, 204);
    assert.deepEqual((await progress()).synchrony, [], 'after leaving, nothing made from his body signals shows');
  });
}

async function auditSubjects(deps: SessionReportDeps, ownerId: string): Promise<string[]> {
  const reads = await deps.http().context().betweenUs.sharedAccess.listForOwner(ownerId);
  return reads.map((read) => read.subject);
}
