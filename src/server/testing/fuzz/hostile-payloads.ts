/**
 * Raw payloads no well-behaved client sends: random JSON, JSON nested thousands of levels deep,
 * prototype keys, bytes that are not UTF-8, bodies over the limit, empty and truncated text. Each
 * is the bytes as sent, so HTTP bodies and WebSocket frames are fuzzed with the same set.
 */
import fc from 'fast-check';

/** Keys that reach into prototypes when code copies an object carelessly. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** JSON nested `depth` levels deep, as arrays or objects, with `inner` at the bottom. */
export function deepJsonText(depth: number, kind: 'array' | 'object', inner = '1'): string {
  return kind === 'array' ? `${'['.repeat(depth)}${inner}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`;
}

/** Text JSON.parse turns into an object carrying a prototype key as its own property. */
export const prototypeKeyText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...PROTOTYPE_KEYS), fc.constantFrom('{"polluted":"yes"}', '{"prototype":{"polluted":"yes"}}', '"x"', '1', 'null'), fc.boolean())
  .map(([key, value, escaped]) => {
    // An escaped key (\u005f for "_") slips past a check that looks only at the raw text.
    const written = escaped ? key.replace(/_/g, '\\u005f') : key;
    return `{"type":"hello","${written}":${value},"nested":{"${written}":${value}}}`;
  });

/** Byte sequences that are not UTF-8: stray continuation bytes, overlongs, surrogates, truncations. */
export const INVALID_UTF8_SEQUENCES: readonly (readonly number[])[] = [
  [0xff],
  [0xfe, 0xff],
  [0x80],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xc3],
  [0xe2, 0x82],
];

/** Some JSON-looking text with a sequence that is not UTF-8 put somewhere inside it. */
export const invalidUtf8Bytes: fc.Arbitrary<Buffer> = fc
  .tuple(fc.json({ maxDepth: 2 }), fc.constantFrom(...INVALID_UTF8_SEQUENCES), fc.nat())
  .map(([json, sequence, at]) => {
    const bytes = Buffer.from(json, 'utf8');
    const cut = bytes.length === 0 ? 0 : at % bytes.length;
    return Buffer.concat([bytes.subarray(0, cut), Buffer.from(sequence), bytes.subarray(cut)]);
  });

/** Text that is nearly JSON: cut short, trailing commas, single quotes, comments, NaN. */
export const brokenJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.json({ maxDepth: 3 }).chain((json) => fc.nat({ max: Math.max(0, json.length - 1) }).map((cut) => json.slice(0, cut))),
  fc.constantFrom('{', '}', '[', '{"a":1,}', "{'a':1}", '{"a":1}/*c*/', '{"a":NaN}', '{"a":Infinity}', '{"a":01}', '{"a":"\\x41"}', '{"a" 1}', '\u0000', 'undefined', 'true false', '{"a":1}{"b":2}'),
  fc.string({ maxLength: 40 }),
);

/** A huge payload of `bytes`: one long string value, or many small members. */
export function hugeJsonText(bytes: number, shape: 'string' | 'members'): string {
  if (shape === 'string') return `{"type":"hello","text":"${'x'.repeat(Math.max(0, bytes - 30))}"}`;
  const members = Math.max(1, Math.floor(bytes / 12));
  return `{${Array.from({ length: members }, (_, index) => `"k${String(index)}":${String(index % 10)}`).join(',')}}`;
}

/** One hostile payload: raw bytes or text, and what it is (for the failure message). */
export interface HostilePayload {
  readonly what: string;
  readonly bytes: Buffer;
}

/**
 * Hostile payloads that fit under `maxBytes` unless they are meant to be over it: `overLimit`
 * makes some of them larger than the limit the receiver enforces.
 */
export function hostilePayload(options: { readonly limitBytes: number; readonly overLimit: boolean }): fc.Arbitrary<HostilePayload> {
  const text = (what: string) => (value: string): HostilePayload => ({ what, bytes: Buffer.from(value, 'utf8') });
  const parts: fc.Arbitrary<HostilePayload>[] = [
    fc.json({ maxDepth: 4 }).map(text('random JSON')),
    fc.jsonValue({ maxDepth: 3 }).map((value) => text('random JSON value')(JSON.stringify(value))),
    brokenJsonText.map(text('broken JSON')),
    prototypeKeyText.map(text('prototype keys')),
    invalidUtf8Bytes.map((bytes): HostilePayload => ({ what: 'invalid UTF-8', bytes })),
    fc
      .tuple(fc.integer({ min: 33, max: Math.floor(options.limitBytes / 6) }), fc.constantFrom<'array' | 'object'>('array', 'object'))
      .map(([depth, kind]) => text(`${kind} nested ${String(depth)} deep`)(deepJsonText(depth, kind))),
    fc.constantFrom('', ' ', '\n', 'null', '0', '""', '[]', '{}', 'true').map(text('empty or bare')),
  ];
  if (options.overLimit) {
    parts.push(
      fc
        .tuple(fc.integer({ min: options.limitBytes + 1, max: options.limitBytes * 2 }), fc.constantFrom<'string' | 'members'>('string', 'members'))
        .map(([bytes, shape]) => text(`huge (${String(bytes)} bytes, ${shape})`)(hugeJsonText(bytes, shape))),
    );
  }
  return fc.oneof(...parts);
}
