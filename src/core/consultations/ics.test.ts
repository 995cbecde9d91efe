import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  consultationIcs,
  icsLineFold,
  icsTextEscape,
  icsTextUnescape,
  icsUnfold,
  icsUtcDateTime,
  utf8Length,
  type ConsultationIcsInput,
} from './ics.ts';

const INPUT: ConsultationIcsInput = {
  uid: '6f1c1b7e-1c63-4b7e-9d1e-0c2b5a1e4f00@attune.example',
  stampMs: Date.parse('2026-03-20T10:15:30.250Z'),
  startMs: Date.parse('2026-03-31T07:00:00Z'),
  endMs: Date.parse('2026-03-31T07:50:00Z'),
  sequence: 0,
  cancelled: false,
  summary: 'Consultation with Pia',
  description: 'A consultation on Attune.',
  url: 'https://attune.example/consultations/6f1c1b7e-1c63-4b7e-9d1e-0c2b5a1e4f00',
};

describe('.ics', () => {
  test('[IC1][IC3][IC4] a booked consultation: one VEVENT, UTC times, CRLF everywhere', () => {
    const text = consultationIcs(INPUT);
    assert.equal(
      icsUnfold(text),
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Attune//Consultations//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'BEGIN:VEVENT',
        'UID:6f1c1b7e-1c63-4b7e-9d1e-0c2b5a1e4f00@attune.example',
        'DTSTAMP:20260320T101530Z',
        'DTSTART:20260331T070000Z',
        'DTEND:20260331T075000Z',
        'SEQUENCE:0',
        'STATUS:CONFIRMED',
        'SUMMARY:Consultation with Pia',
        'DESCRIPTION:A consultation on Attune.\\n\\nhttps://attune.example/consultations/6f1c1b7e-1c63-4b7e-9d1e-0c2b5a1e4f00',
        'LOCATION:https://attune.example/consultations/6f1c1b7e-1c63-4b7e-9d1e-0c2b5a1e4f00',
        'URL:https://attune.example/consultations/6f1c1b7e-1c63-4b7e-9d1e-0c2b5a1e4f00',
        'TRANSP:OPAQUE',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'no bare CR or LF');
    assert.ok(text.endsWith('END:VCALENDAR\r\n'));
  });

  test('[IC2][IC3] a moved consultation carries its sequence; a cancelled one says so', () => {
    const moved = icsUnfold(consultationIcs({ ...INPUT, sequence: 2, startMs: Date.parse('2026-04-07T07:00:00Z'), endMs: Date.parse('2026-04-07T07:50:00Z') }));
    assert.match(moved, /\r\nSEQUENCE:2\r\n/);
    assert.match(moved, /\r\nDTSTART:20260407T070000Z\r\n/);
    const cancelled = icsUnfold(consultationIcs({ ...INPUT, sequence: 3, cancelled: true }));
    assert.match(cancelled, /\r\nSTATUS:CANCELLED\r\n/);
    assert.match(cancelled, /\r\nSEQUENCE:3\r\n/);
  });

  test('[IC5] the same inputs give the same file', () => {
    assert.equal(consultationIcs(INPUT), consultationIcs({ ...INPUT }));
  });

  test('TEXT escaping: backslash, semicolon, comma and every kind of line break', () => {
    assert.equal(icsTextEscape('a\\b;c,d\ne\r\nf\rg'), 'a\\\\b\\;c\\,d\\ne\\nf\\ng');
    assert.equal(icsTextUnescape('a\\\\b\\;c\\,d\\ne\\Nf'), 'a\\b;c,d\ne\nf');
    assert.equal(icsTextEscape('bell\u0007 tab\t'), 'bell tab\t');
    const text = icsUnfold(consultationIcs({ ...INPUT, summary: 'Pia; Bo, and "us" \\ together' }));
    assert.match(text, /\r\nSUMMARY:Pia\\; Bo\\, and "us" \\\\ together\r\n/);
  });

  test('folding: lines of at most 75 octets, continuation lines start with one space, UTF-8 never split', () => {
    const long = 'Ä'.repeat(100); // 2 octets each
    const folded = icsLineFold(`SUMMARY:${long}`);
    const lines = folded.split('\r\n');
    assert.ok(lines.length > 1);
    for (const [index, line] of lines.entries()) {
      assert.ok(utf8Length(line) <= 75, `line ${index} has ${utf8Length(line)} octets`);
      if (index > 0) assert.ok(line.startsWith(' Ä'), `continuation ${index} starts with one space`);
    }
    assert.equal(utf8Length(lines[0] ?? ''), 74, 'SUMMARY: is 8 octets, then 33 two-octet letters; a 34th would make 76');
    assert.equal(icsUnfold(folded), `SUMMARY:${long}`);
    assert.equal(icsLineFold('short'), 'short');
    assert.equal(icsLineFold('x'.repeat(75)), 'x'.repeat(75));
    assert.equal(icsLineFold('x'.repeat(76)), `${'x'.repeat(75)}\r\n x`);
    // A four-octet emoji is never cut in half.
    const emoji = icsLineFold(`${'x'.repeat(73)}🙂y`);
    assert.equal(emoji, `${'x'.repeat(73)}\r\n 🙂y`);
  });

  test('UTC date-times', () => {
    assert.equal(icsUtcDateTime(Date.parse('2026-10-25T00:30:00Z')), '20261025T003000Z');
    assert.equal(icsUtcDateTime(0), '19700101T000000Z');
  });
});
