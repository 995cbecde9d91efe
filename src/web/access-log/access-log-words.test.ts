import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCESS_SUBJECTS, type AccessLogEntryView } from '../../core/practitioner/practitioner-api.ts';
import { ACCESS_SUBJECT_FALLBACK, ACCESS_SUBJECT_WORDS, accessSubjectWords, accessVisits, throughWords } from './access-log-words.ts';

const entry = (overrides: Partial<AccessLogEntryView>): AccessLogEntryView => ({
  atMs: 1000,
  viewerId: 'pia',
  viewerName: 'Pia',
  subject: 'clientHistory',
  relationshipId: 'r1',
  relationshipKind: 'practitioner',
  sessionId: null,
  ...overrides,
});

test('every subject the server writes has words, and an unknown one reads gently', () => {
  for (const subject of ACCESS_SUBJECTS) assert.ok(ACCESS_SUBJECT_WORDS[subject] !== undefined, subject);
  assert.equal(accessSubjectWords('somethingNew'), ACCESS_SUBJECT_FALLBACK);
  assert.equal(throughWords('practitioner'), 'as your practitioner');
  assert.equal(throughWords(null), 'through a relationship that has since ended');
});

test('looks by one person at one moment are one visit; another moment or person is another', () => {
  const visits = accessVisits([
    entry({ subject: 'clientHistory' }),
    entry({ subject: 'clientCheckIns' }),
    entry({ subject: 'clientCheckIns' }),
    entry({ atMs: 900, subject: 'sessionCheckIns', sessionId: 's1' }),
    entry({ atMs: 900, viewerId: 'quinn', viewerName: 'Quinn', subject: 'record' }),
  ]);
  assert.deepEqual(
    visits.map((visit) => [visit.viewerName, visit.what.length, visit.fromSession]),
    [
      ['Pia', 2, false],
      ['Pia', 1, true],
      ['Quinn', 1, false],
    ],
  );
  assert.equal(new Set(visits.map((visit) => visit.key)).size, visits.length);
});

test('the words never blame: no "you must", no "why"', () => {
  for (const words of Object.values(ACCESS_SUBJECT_WORDS)) assert.doesNotMatch(words, /\b(must|why|should|fail)/i);
});
