import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { rrClean } from './rr-clean.ts';

// Expected outputs from scripts/signals-reference/rr_clean_reference.py: Lipponen & Tarvainen
// (2019) written again in numpy from the paper, with NeuroKit2's decision flow and the
// conventions rr-clean.ts states for what the paper leaves open (see both headers). The RR
// series carry ectopic, missed, extra, long and short beats put in at known places.
interface Case {
  name: string;
  rrMs: number[];
  expected: { rrMs: number[]; corrected: number; artefacts: Record<string, string> };
}
const reference = JSON.parse(
  readFileSync(
    new URL('../../../scripts/signals-reference/rr-clean-reference.json', import.meta.url),
    'utf8',
  ),
) as { cases: Case[] };

function assertMatches(c: Case): void {
  const actual = rrClean(c.rrMs);
  assert.equal(actual.corrected, c.expected.corrected, `${c.name}: corrected`);
  assert.equal(actual.rrMs.length, c.expected.rrMs.length, `${c.name}: length`);
  c.expected.rrMs.forEach((rr, i) => {
    assert.ok(
      Math.abs((actual.rrMs[i] ?? NaN) - rr) < 1e-9,
      `${c.name}[${i}]: ${actual.rrMs[i]} vs ${rr}`,
    );
  });
}

for (const c of reference.cases) {
  const kinds = [...new Set(Object.values(c.expected.artefacts))].join(', ') || 'none';
  test(`rrClean equals the numpy reference: ${c.name} (${kinds})`, () => {
    assertMatches(c);
  });
}

test('the fixtures cover every artefact kind', () => {
  const kinds = new Set(reference.cases.flatMap((c) => Object.values(c.expected.artefacts)));
  for (const kind of ['ectopic', 'missed', 'extra', 'longshort']) assert.ok(kinds.has(kind), kind);
});
