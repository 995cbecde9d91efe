import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { ApiError } from '../api/http.ts';
import { FakeRecords, fakeRecordsInstall } from './fake-records.test-support.ts';
import { recordLinesOf } from './record-lines.ts';
import { recordCreate, recordSharingSet, recordUpdate, recordsList, sharedWithRelationship } from './records-api.ts';

let fake: FakeRecords;
let uninstall: () => void;
beforeEach(() => {
  fake = new FakeRecords();
  fake.relationships.set('relationship-1', ['ana', 'bo']);
  fake.actAs('bo', 'Bo').actAs('ana', 'Ana');
  uninstall = fakeRecordsInstall(fake);
});
afterEach(() => {
  uninstall();
});

const answer = (atMs: number) => ({ questionId: 'othersThere', value: 7, words: 'More than before.', atMs });

test('a saved reflection is private; shared, the partner reads it; taken back, it is gone for them', async () => {
  const record = await recordCreate('workingModel', answer(fake.nowMs), fake.nowMs);
  assert.equal(record.sharedWith, null);
  fake.actAs('bo');
  assert.deepEqual(await sharedWithRelationship('relationship-1'), []);

  fake.actAs('ana');
  assert.equal((await recordSharingSet(record.recordId, 'relationship-1')).sharedWith, 'relationship-1');
  fake.actAs('bo');
  const seen = await sharedWithRelationship('relationship-1');
  assert.deepEqual(seen.map((shared) => [shared.ownerName, shared.sharedWith]), [['Ana', null]], 'Bo sees it, but not where else it goes');
  assert.deepEqual(recordLinesOf(seen[0]!).lines.at(-1), { label: 'In words', text: 'More than before.' });

  fake.actAs('ana');
  await recordSharingSet(record.recordId, null);
  fake.actAs('bo');
  assert.deepEqual(await sharedWithRelationship('relationship-1'), []);
});

test('records are listed by kind and changed in place', async () => {
  const atMs = fake.nowMs;
  const entry = await recordCreate('experiment', { experimentId: 'say-yes-to-an-offer', weekOf: '2025-11-17', atMs }, atMs);
  await recordCreate('workingModel', answer(atMs), atMs);
  const changed = await recordUpdate(entry.recordId, { experimentId: 'say-yes-to-an-offer', weekOf: '2025-11-17', howItWent: 'Strange, then nice.', howItFelt: 3, atMs });
  assert.deepEqual(recordLinesOf(changed).lines.slice(1), [
    { label: 'How it went', text: 'Strange, then nice.' },
    { label: 'How it felt', text: 'Somewhere in between' },
  ]);
  assert.deepEqual((await recordsList('experiment')).map((record) => record.recordId), [entry.recordId]);
});

test('a device with no identity gets a 401 the screens turn into "a name first"', async () => {
  fake.actAs(null);
  await assert.rejects(recordsList('workingModel'), (error: unknown) => error instanceof ApiError && error.status === 401);
});

test('every kind of record reads as plain lines; one that cannot be read says so quietly', () => {
  const base = { recordId: 'r', ownerId: 'ana', ownerName: 'Ana', atMs: 0, updatedAtMs: 0, sharedWith: null };
  assert.deepEqual(recordLinesOf({ ...base, kind: 'changeMarkers', body: { atMs: 0, ratings: { easeWithNeeds: 4 } } }), {
    title: 'Markers of change',
    lines: [{ label: 'Easier with my needs', text: '4 of 10' }],
  });
  assert.equal(recordLinesOf({ ...base, kind: 'checkIn', body: { state: 'activated', intensity: 6 } }).lines[0]?.text, 'Revved up or on edge');
  assert.deepEqual(recordLinesOf({ ...base, kind: 'soloPractice', body: { practiceId: 'grounding', durationMs: 180_000, completed: true } }).lines, [{ label: 'Length', text: '3 minutes' }]);
  assert.equal(recordLinesOf({ ...base, kind: 'workingModel', body: { nonsense: true } }).lines[0]?.text, 'This entry could not be shown here.');
});
