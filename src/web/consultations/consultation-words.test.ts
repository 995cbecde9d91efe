import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ConsultationView } from '../../core/protocol/consultations-api.ts';
import { clockWords, localDateWords, otherZoneWords, spanWords, timeZoneChoices, timeZoneWords } from './consultation-time.ts';
import { consultationChangeWords, consultationRoomWords, consultationTitle, offerWords } from './consultation-words.ts';

const START = Date.parse('2026-03-31T07:00:00Z');
const CONSULTATION: ConsultationView = {
  consultationId: 'c1',
  myRole: 'client',
  practitioner: { id: 'p', displayName: 'Pia' },
  client: { id: 'b', displayName: 'Bo' },
  practitionerTimeZone: 'Europe/Berlin',
  startMs: START,
  endMs: START + 50 * 60_000,
  status: 'booked',
  sequence: 0,
  lastChange: { kind: 'booked', byMe: true, atMs: 0 },
  createdAtMs: 0,
  roomOpensAtMs: START - 10 * 60_000,
  roomClosesAtMs: START + 50 * 60_000,
  sessionId: null,
};

describe('consultation times and words', () => {
  test('times read in the viewer\'s own zone', () => {
    assert.equal(spanWords(START, START + 50 * 60_000, 'Europe/Berlin', 'en-GB'), 'Tuesday 31 March, 09:00–09:50');
    assert.equal(spanWords(START, START + 50 * 60_000, 'America/New_York', 'en-GB'), 'Tuesday 31 March, 03:00–03:50');
    assert.equal(clockWords(START, 'Asia/Kolkata', 'en-GB'), '12:30');
    assert.equal(localDateWords('2026-03-31', 'en-GB'), 'Tuesday 31 March');
  });

  test('the practitioner\'s own time is named only when it differs', () => {
    assert.equal(otherZoneWords(START, 'Europe/Berlin', 'America/New_York', 'Pia', 'en-GB'), 'Tuesday 31 March, 09:00 in Berlin, Pia’s time');
    assert.equal(otherZoneWords(START, 'Europe/Berlin', 'Europe/Berlin', 'Pia', 'en-GB'), null);
    // Same offset, different name: nothing to add either.
    assert.equal(otherZoneWords(START, 'Europe/Berlin', 'Europe/Paris', 'Pia', 'en-GB'), null);
    assert.equal(timeZoneWords('America/New_York'), 'America/New York');
    assert.equal(timeZoneWords('Asia/Calcutta'), 'Asia/Kolkata');
    const choices = timeZoneChoices('Europe/Berlin');
    assert.ok(choices.includes('Europe/Berlin') && choices.includes('UTC'));
  });

  test('a card names the other person and what they changed, never blaming', () => {
    assert.equal(consultationTitle(CONSULTATION), 'With Pia');
    assert.equal(consultationTitle({ ...CONSULTATION, myRole: 'practitioner' }), 'With Bo');
    assert.equal(consultationChangeWords(CONSULTATION), null);
    assert.equal(consultationChangeWords({ ...CONSULTATION, myRole: 'practitioner', lastChange: { kind: 'booked', byMe: false, atMs: 0 } }), 'Bo booked this consultation with you.');
    assert.equal(consultationChangeWords({ ...CONSULTATION, lastChange: { kind: 'moved', byMe: false, atMs: 0 } }), 'Pia moved this consultation to the time above.');
    assert.equal(consultationChangeWords({ ...CONSULTATION, status: 'cancelled', lastChange: { kind: 'cancelled', byMe: true, atMs: 0 } }), 'You cancelled this consultation.');
  });

  test('the room: calm before its time, open near it, closed after', () => {
    assert.deepEqual(consultationRoomWords(CONSULTATION, START - 60 * 60_000, 'Europe/Berlin', 'en-GB'), {
      kind: 'early',
      text: 'The room opens today at 08:50, a little before the start. Nothing to do until then.',
    });
    assert.equal(consultationRoomWords(CONSULTATION, START - 3 * 86_400_000, 'Europe/Berlin', 'en-GB').text, 'The room opens Tuesday 31 March at 08:50, a little before the start. Nothing to do until then.');
    assert.deepEqual(consultationRoomWords(CONSULTATION, START - 5 * 60_000, 'America/New_York', 'en-GB'), { kind: 'open', text: 'The room is open until 03:50.' });
    assert.equal(consultationRoomWords(CONSULTATION, START + 50 * 60_000, 'Europe/Berlin').kind, 'closed');
    assert.equal(consultationRoomWords({ ...CONSULTATION, status: 'cancelled' }, START, 'Europe/Berlin').kind, 'closed');
  });

  test('what a practitioner offers, in a line', () => {
    assert.equal(offerWords(50, 120), '50-minute consultations, booked at least 2 hours ahead.');
    assert.equal(offerWords(60, 0), '60-minute consultations.');
    assert.equal(offerWords(null, null), null);
  });
});
