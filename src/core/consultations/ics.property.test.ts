import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ICS_LINE_OCTETS_MAX, consultationIcs, consultationIcsLines, icsLineFold, icsTextEscape, icsTextUnescape, icsUnfold, utf8Length, type ConsultationIcsInput } from './ics.ts';

/** Any code point, lone surrogates included. */
const codePointArb = fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code));
/** Any text at all: every plane of Unicode, controls and line breaks included. */
const textArb = fc.string({ unit: fc.oneof(fc.constantFrom('\n', '\r\n', '\r', ',', ';', '\\', ' ', '\t'), codePointArb, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 300 });

const inputArb: fc.Arbitrary<ConsultationIcsInput> = fc.record({
  uid: fc.uuid().map((id) => `${id}@attune.example`),
  stampMs: fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }),
  startMs: fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }),
  endMs: fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }),
  sequence: fc.nat(1000),
  cancelled: fc.boolean(),
  summary: textArb,
  description: textArb,
  url: fc.webUrl(),
});

describe('.ics: properties', () => {
  test('every physical line is at most 75 octets and ends in CRLF; unfolding gives back the content lines', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const text = consultationIcs(input);
        assert.ok(text.endsWith('\r\n'));
        const physical = text.slice(0, -2).split('\r\n');
        for (const line of physical) {
          assert.ok(utf8Length(line) <= ICS_LINE_OCTETS_MAX, `${utf8Length(line)} octets: ${JSON.stringify(line)}`);
          assert.doesNotMatch(line, /[\r\n]/);
        }
        assert.deepEqual(icsUnfold(text).slice(0, -2).split('\r\n'), consultationIcsLines(input));
      }),
    );
  });

  test('folding any line and unfolding it gives the line back', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(codePointArb, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 400 }).filter((line) => !/[\r\n]/.test(line)), (line) => {
        const folded = icsLineFold(line);
        for (const physical of folded.split('\r\n')) assert.ok(utf8Length(physical) <= ICS_LINE_OCTETS_MAX);
        assert.equal(icsUnfold(folded), line);
      }),
    );
  });

  test('escaped text holds no raw line break, and unescapes to the text with breaks as \\n', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const escaped = icsTextEscape(text);
        assert.doesNotMatch(escaped, /[\r\n]/);
        assert.doesNotMatch(escaped, /(^|[^\\])(\\\\)*[;,]/, 'every ; and , is escaped');
        const clean = text
          .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
          .replace(/\r\n|\r|\n/g, '\n')
          // eslint-disable-next-line no-control-regex
          .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
        assert.equal(icsTextUnescape(escaped), clean);
      }),
    );
  });
});
