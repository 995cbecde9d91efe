import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { draftFromRules, draftPreview, draftProblems, draftToRules, draftWindowAdd, draftWindowChange, draftWindowRemove } from './availability-draft.ts';

describe('availability editor state', () => {
  test('a first draft is in the practitioner\'s own zone, with no times yet', () => {
    const draft = draftFromRules(null, 'America/New_York');
    assert.equal(draft.timeZone, 'America/New_York');
    assert.deepEqual(draft.windows, []);
    assert.deepEqual(draftProblems(draft), []);
  });

  test('adding times goes day by day from Tuesday; changing and removing touch one row only', () => {
    let draft = draftWindowAdd(draftWindowAdd(draftFromRules(null, 'Europe/Berlin')));
    assert.deepEqual(draft.windows.map((window) => [window.key, window.weekday, window.start, window.end]), [[1, 2, '09:00', '12:00'], [2, 3, '09:00', '12:00']]);
    draft = draftWindowChange(draft, 2, { weekday: 7, start: '14:00', end: '00:00' });
    draft = draftWindowAdd(draft);
    assert.equal(draft.windows[2]?.weekday, 1, 'after Sunday comes Monday');
    draft = draftWindowRemove(draft, 1);
    assert.deepEqual(draftToRules(draft).windows, [{ weekday: 7, start: '14:00', end: '24:00' }, { weekday: 1, start: '09:00', end: '12:00' }]);
  });

  test('published rules come back into the editor with midnight as 00:00, sorted', () => {
    const draft = draftFromRules(
      { timeZone: 'Europe/Berlin', slotMinutes: 60, bufferMinutes: 0, minNoticeMinutes: 60, windows: [{ weekday: 5, start: '20:00', end: '24:00' }, { weekday: 2, start: '09:00', end: '12:00' }] },
      'UTC',
    );
    assert.deepEqual(draft.windows.map((window) => `${window.weekday} ${window.start}-${window.end}`), ['2 09:00-12:00', '5 20:00-00:00']);
  });

  test('problems are the server\'s own, plus a word for a half-typed time', () => {
    const draft = draftWindowAdd(draftFromRules(null, 'Europe/Berlin'));
    assert.deepEqual(draftProblems(draftWindowChange(draft, 1, { end: '' })), ['Each time needs a start and an end, for example 09:00 and 12:00.']);
    assert.match(draftProblems(draftWindowChange(draft, 1, { end: '09:30' })).join(' '), /shorter than one 50-minute consultation/);
  });

  test('the preview lists the next times the rules would offer', () => {
    const draft = draftWindowAdd(draftFromRules(null, 'Europe/Berlin'));
    const preview = draftPreview(draft, Date.parse('2026-03-23T00:00:00Z'), 4);
    assert.deepEqual(preview.map((slot) => `${slot.localDate} ${slot.localStart}`), ['2026-03-24 09:00', '2026-03-24 10:00', '2026-03-24 11:00', '2026-03-31 09:00']);
  });
});
