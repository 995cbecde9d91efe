import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { signalBatchQuickParse } from './signal-batch-check.ts';
import { signalBatchSchema, SIGNAL_SOURCES } from './signals.ts';

/** Numbers around every bound the rules name, and a few that are not numbers at all. */
const edgeNumbers = [
  -1, -0, 0, 0.5, 0.999999, 1, 1.5, 2, 1.999, 24.999, 25, 60, 60.001, 199.9, 200, 240, 240.0001, 3000, 3000.5,
  2 ** 53 - 1, 2 ** 53, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
];
const numberish = fc.oneof(
  fc.constantFrom(...edgeNumbers),
  fc.double({ min: -10, max: 4000, noNaN: true }),
  fc.integer({ min: -5, max: 5000 }),
);
const notANumber = fc.constantFrom<unknown>('72', true, [], {}, null);
const maybeNumber = fc.oneof({ weight: 6, arbitrary: numberish }, { weight: 1, arbitrary: notANumber });

/** A sample as a device sends it: every rule kept. */
const wellFormedSampleArb = fc.record(
  {
    atMs: fc.integer({ min: 0, max: 2_000_000_000_000 }),
    source: fc.constantFrom(...SIGNAL_SOURCES),
    heartRateBpm: fc.oneof(fc.constant(null), fc.double({ min: 25, max: 240, noNaN: true })),
    rrMs: fc.array(fc.double({ min: 200, max: 3000, noNaN: true }), { maxLength: 16 }),
    breathingRateBpm: fc.oneof(fc.constant(null), fc.double({ min: 2, max: 60, noNaN: true })),
    breathPhase: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
  },
  { requiredKeys: ['atMs', 'source'] },
);

const wellFormedBatchArb = fc.record({
  type: fc.constant('signals'),
  samples: fc.array(wellFormedSampleArb, { minLength: 1, maxLength: 8 }),
});

/** One change to a well-formed sample: a field set to a near-miss value, removed, or a key added. */
const sampleChangeArb = fc.oneof(
  fc.record({
    field: fc.constantFrom('atMs', 'source', 'heartRateBpm', 'rrMs', 'breathingRateBpm', 'breathPhase'),
    to: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom<unknown>(...edgeNumbers) },
      { weight: 1, arbitrary: maybeNumber },
      { weight: 1, arbitrary: fc.constantFrom<unknown>('strap', 'Strap', undefined) },
      // RR lists around the length bound, with good and bad values.
      { weight: 1, arbitrary: fc.array(fc.constantFrom(200, 800, 3000), { minLength: 15, maxLength: 18 }) },
      { weight: 1, arbitrary: fc.array(maybeNumber, { maxLength: 4 }) },
    ),
  }),
  fc.record({ field: fc.constantFrom('extra', '__proto__', 'constructor'), to: fc.constantFrom<unknown>(true, { polluted: true }) }),
);

function withChange(sample: Record<string, unknown>, change: { field: string; to: unknown }): Record<string, unknown> {
  // fromEntries makes `__proto__` an own property, as JSON.parse does.
  const kept = Object.entries(sample).filter(([key]) => key !== change.field);
  return Object.fromEntries(change.to === undefined ? kept : [...kept, [change.field, change.to]]);
}

/** A well-formed batch with one near miss in one sample, or in the batch itself. */
const nearMissBatchArb = fc.oneof(
  {
    weight: 10,
    arbitrary: fc
      .tuple(wellFormedBatchArb, sampleChangeArb, fc.nat())
      .map(([batch, change, at]) => ({
        ...batch,
        samples: batch.samples.map((sample, index) => (index === at % batch.samples.length ? withChange(sample, change) : sample)),
      })),
  },
  fc.tuple(wellFormedBatchArb, fc.constantFrom<unknown>('Signals', 'command', 1, undefined)).map(([batch, type]) => ({ ...batch, type })),
  fc.tuple(wellFormedBatchArb, fc.array(wellFormedSampleArb, { minLength: 9, maxLength: 10 })).map(([batch, samples]) => ({ ...batch, samples })),
  wellFormedBatchArb.map((batch) => ({ ...batch, samples: [] })),
  wellFormedBatchArb.map((batch) => ({ ...batch, extra: 1 })),
  wellFormedBatchArb.map((batch) => ({ ...batch, ['__proto__']: { polluted: true } })),
);

/** What arrives: a value that went through JSON, as `JSON.parse` would hand it over. */
function overTheWire(value: unknown): unknown {
  const text = JSON.stringify(value) as string | undefined;
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}

function agreeWithSchema(value: unknown): void {
  const quick = signalBatchQuickParse(value);
  const schema = signalBatchSchema.safeParse(value);
  assert.equal(quick !== null, schema.success, `quick ${quick === null ? 'refused' : 'accepted'}, schema ${schema.success ? 'accepted' : 'refused'}: ${JSON.stringify(value)}`);
  // The same text passed on to viewers: same values, same key order.
  if (schema.success) assert.equal(JSON.stringify(quick), JSON.stringify(schema.data));
}

describe('signalBatchQuickParse (properties)', () => {
  test('accepts and refuses exactly what signalBatchSchema does on near misses, and gives the same batch', () => {
    fc.assert(fc.property(nearMissBatchArb.map(overTheWire), agreeWithSchema), { numRuns: 5000 });
  });

  test('agrees with the schema on arbitrary JSON too', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), agreeWithSchema), { numRuns: 1000 });
  });

  test('accepts every well-formed batch a device sends (so the quick path is the usual one)', () => {
    fc.assert(
      fc.property(wellFormedBatchArb.map(overTheWire), (value) => {
        assert.notEqual(signalBatchQuickParse(value), null, JSON.stringify(value));
        agreeWithSchema(value);
      }),
      { numRuns: 1000 },
    );
  });

  test('refuses a sample carrying a __proto__ key, as the schema does', () => {
    const value = JSON.parse('{"type":"signals","samples":[{"atMs":1,"source":"strap","__proto__":{"x":1}}]}') as unknown;
    assert.equal(signalBatchQuickParse(value), null);
    agreeWithSchema(value);
  });
});
