import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { csvTextCell, RR_CSV_HEADER, rrIntervalsCsv } from './rr-csv.ts';
import type { ReportPerson, ReportSignalRow } from './session-report.ts';

const AT = Date.UTC(2026, 10, 21, 14, 0, 0);

function row(participantId: string, atMs: number, rrMs: readonly number[]): ReportSignalRow {
  return {
    participantId,
    atMs,
    source: 'strap',
    heartRateBpm: 70,
    breathingRateBpm: null,
    breathPhase: null,
    rrMs,
  };
}

function person(participantId: string, displayName: string): ReportPerson {
  return { participantId, displayName, isViewer: false, hasSignals: true };
}

/** Splits CSV text into rows of fields (RFC 4180), for checking what a spreadsheet would read. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      fields.push(field);
      rows.push(fields);
      fields = [];
      field = '';
      i += 1;
    } else field += char;
  }
  assert.equal(field, '', 'the file ends with a line break');
  return rows;
}

test('one line per RR interval, stamped so the last interval of a sample ends at its instant', () => {
  const csv = rrIntervalsCsv(
    [row('p-1', AT, [800, 820]), row('p-1', AT + 1000, [810])],
    [person('p-1', 'Ana')],
  );
  assert.equal(
    csv,
    [
      RR_CSV_HEADER,
      'p-1,Ana,2026-11-21T13:59:59.180Z,800',
      'p-1,Ana,2026-11-21T14:00:00.000Z,820',
      'p-1,Ana,2026-11-21T14:00:01.000Z,810',
      '',
    ].join('\r\n'),
  );
});

test('people in report order, each person’s beats in time order; samples without beats add nothing', () => {
  const rows = [
    row('b', AT + 2000, [700]),
    row('a', AT + 1000, [900]),
    row('b', AT, [710]),
    row('a', AT, []),
    row('zz', AT, [1000]),
  ];
  const lines = parseCsv(rrIntervalsCsv(rows, [person('b', 'Bo'), person('a', 'Ana')]));
  assert.deepEqual(
    lines.map((line) => [line[0], line[3]]),
    [
      ['participant', 'rr_ms'],
      ['b', '710'],
      ['b', '700'],
      ['a', '900'],
      ['zz', '1000'],
    ],
  );
  // Someone not among the people is listed without a name rather than dropped or guessed.
  assert.equal(lines.at(-1)?.[1], '');
});

test('names with commas, quotes and line breaks stay one field', () => {
  const name = 'Jo, "JJ"\nJones';
  const lines = parseCsv(rrIntervalsCsv([row('p', AT, [800])], [person('p', name)]));
  assert.equal(lines[1]?.[1], name);
});

test('a name that looks like a formula is shown as text, never run by a spreadsheet', () => {
  for (const name of [
    '=HYPERLINK("http://x","y")',
    '+1+1',
    '-2',
    '@SUM(A1)',
    '\tTab',
    '\rReturn',
  ]) {
    const cell = parseCsv(rrIntervalsCsv([row('p', AT, [800])], [person('p', name)]))[1]?.[1] ?? '';
    assert.equal(cell, `'${name}`, JSON.stringify(name));
  }
  assert.equal(csvTextCell('Ana'), 'Ana');
  assert.equal(csvTextCell(' Ana'), '" Ana"');
});

test('any names and intervals give a file a spreadsheet reads back exactly, with no cell that starts a formula', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          name: fc.string({ maxLength: 30 }),
          rrMs: fc.array(fc.integer({ min: 300, max: 2000 }), { maxLength: 5 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      (entries) => {
        const people = entries.map((entry, index) => person(`p${index}`, entry.name));
        const rows = entries.map((entry, index) => row(`p${index}`, AT + index * 1000, entry.rrMs));
        const lines = parseCsv(rrIntervalsCsv(rows, people));
        assert.deepEqual(lines[0], RR_CSV_HEADER.split(','));
        assert.equal(
          lines.length - 1,
          entries.reduce((count, entry) => count + entry.rrMs.length, 0),
        );
        for (const line of lines.slice(1)) {
          assert.equal(line.length, 4);
          const [participant, name, iso, rr] = line as [string, string, string, string];
          const index = Number(participant.slice(1));
          const original = entries[index]!.name;
          assert.equal(name, /^[=+\-@\t\r]/.test(original) ? `'${original}` : original);
          assert.ok(!/^[=+\-@\t\r]/.test(name));
          assert.ok(!Number.isNaN(Date.parse(iso)));
          assert.ok(entries[index]!.rrMs.includes(Number(rr)));
        }
      },
    ),
  );
});
