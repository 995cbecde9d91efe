/**
 * Near misses: a valid value with one or two things wrong, the way a buggy client or a curious
 * person would send it. A field dropped, a field of the wrong type, a field nobody asked for, a
 * string or number just past (or far past) its limit, text in unusual Unicode, a key that reaches
 * into prototypes. Each mutation is made at one place in the value, found by walking it.
 */
import fc from 'fast-check';

/** Where in a value a mutation lands: keys and indexes from the root. */
type ValuePath = readonly (string | number)[];

/** Strings at and past the limits Attune uses (names 40, notes 1000) and odd Unicode. */
export const BOUNDARY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n',
  'a'.repeat(39),
  'a'.repeat(40),
  'a'.repeat(41),
  'a'.repeat(64),
  'a'.repeat(65),
  'a'.repeat(1000),
  'a'.repeat(1001),
  'é'.repeat(41),
  '\u0000',
  'name\u0007bell',
  '\ud800',
  '\udfff lone',
  '👩🏽‍🤝‍👨🏿'.repeat(12),
  '\u202eevil\u202c',
  '\u200b',
  '\ufeff',
  'null',
  '<script>alert(1)</script>',
  "'; drop table events; --",
  '../../etc/passwd',
  '%00',
  '00000000-0000-0000-0000-000000000000',
];

/** Numbers at the edges: negative, fractional, huge, unsafe integers. */
export const BOUNDARY_NUMBERS: readonly number[] = [
  -1, 0, -0, 0.5, 1, 2, 7, 8, 9, 11, 40, 41, 255, 256, 2 ** 31, 2 ** 53 + 2, -(2 ** 53) - 2, 1e308, -1e308, 5e-324, 1.7976931348623157e308,
];

/** A value of another kind than the one it replaces. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(...BOUNDARY_NUMBERS),
  fc.constantFrom(...BOUNDARY_STRINGS),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Keys nobody asked for, some of them hostile. */
const extraKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'type', '', ' ', '\u0000', 'é', '👀'),
  fc.string({ minLength: 1, maxLength: 12 }),
);

/** Every path in `value` at which something can be changed (the root included). */
function pathsOf(value: unknown, path: ValuePath = [], found: ValuePath[] = []): ValuePath[] {
  found.push(path);
  if (found.length > 200) return found;
  if (Array.isArray(value)) (value as unknown[]).forEach((item, index) => pathsOf(item, [...path, index], found));
  else if (typeof value === 'object' && value !== null) for (const [key, child] of Object.entries(value)) pathsOf(child, [...path, key], found);
  return found;
}

/** A deep copy of JSON-like `value` with `change` applied to the container at `path`. */
function rewrite(value: unknown, path: ValuePath, change: (target: unknown) => unknown): unknown {
  if (path.length === 0) return change(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item: unknown, index) => (index === head ? rewrite(item, rest, change) : item));
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) Object.defineProperty(copy, key, { value: key === head ? rewrite(child, rest, change) : child, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  return value;
}

/** Sets an own property, even `__proto__`, the way `JSON.parse` would. */
function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

type Mutation = (target: unknown) => fc.Arbitrary<unknown>;

const MUTATIONS: readonly Mutation[] = [
  // Drop a field.
  (target) => {
    if (typeof target !== 'object' || target === null || Array.isArray(target)) return wrongType;
    const keys = Object.keys(target);
    if (keys.length === 0) return wrongType;
    return fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(target).filter(([name]) => name !== key)));
  },
  // Replace it with another kind of value.
  () => wrongType,
  // Add a field nobody asked for.
  (target) =>
    typeof target === 'object' && target !== null && !Array.isArray(target)
      ? fc.tuple(extraKey, wrongType).map(([key, value]) => withKey(target as Record<string, unknown>, key, value))
      : fc.constantFrom(...BOUNDARY_STRINGS),
  // A string or number at a limit.
  (target) =>
    typeof target === 'number'
      ? fc.constantFrom(...BOUNDARY_NUMBERS, target + 1, target - 1, target + 0.5, -target)
      : typeof target === 'string'
        ? fc.oneof(fc.constantFrom(...BOUNDARY_STRINGS), fc.constant(target.toUpperCase()), fc.constant(`${target} `), fc.constant(target.slice(1)))
        : Array.isArray(target)
          ? fc.constantFrom([], [...(target as unknown[]), ...(target as unknown[])], Array.from({ length: 200 }, () => (target as unknown[])[0] ?? 1))
          : wrongType,
  // A structure much bigger than expected: long arrays and strings.
  () => fc.constantFrom('x'.repeat(20_000), Array.from({ length: 5000 }, (_, index) => index), Object.fromEntries(Array.from({ length: 500 }, (_, index) => [`k${String(index)}`, index]))),
];

/** `valid` with one or two things wrong. */
export function nearMissOf(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const once = (value: unknown): fc.Arbitrary<unknown> => {
    const valuePaths = value === valid ? paths : pathsOf(value);
    return fc
      .tuple(fc.constantFrom(...valuePaths), fc.constantFrom(...MUTATIONS))
      .chain(([path, mutation]) => {
        const target = path.reduce<unknown>((node, step) => (node as Record<string | number, unknown> | null)?.[step], value);
        return mutation(target).map((replacement) => rewrite(value, path, () => replacement));
      });
  };
  return fc.oneof({ weight: 3, arbitrary: once(valid) }, { weight: 1, arbitrary: once(valid).chain(once) });
}
