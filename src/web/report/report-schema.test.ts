import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeReport } from './fake-report.test-support.ts';
import { sessionReportSchema } from './report-schema.ts';

test('a report of the agreed shape is accepted as it is, with the host when the server sends it', () => {
  const report = fakeReport();
  assert.deepEqual(sessionReportSchema.parse(report), report);
  assert.equal(sessionReportSchema.parse({ ...report, hostId: 'ana' }).hostId, 'ana');
});

test('a reply of another shape is refused', () => {
  const { synchrony: _synchrony, ...withoutSynchrony } = fakeReport();
  assert.equal(sessionReportSchema.safeParse(withoutSynchrony).success, false);
  assert.equal(sessionReportSchema.safeParse({ ...fakeReport(), checkIns: [{ participantId: 'a', atMs: 1, moment: 'later', state: 'regulated', intensity: 3 }] }).success, false);
});
