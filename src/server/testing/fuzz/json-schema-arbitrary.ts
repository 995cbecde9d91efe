/**
 * Values shaped like a zod schema says, for fuzzing: the schema is turned into JSON Schema
 * (`z.toJSONSchema`, zod's public form of itself) and that into a fast-check arbitrary. What it
 * makes is meant to be valid or very nearly so (a pattern it cannot honour is approximated); the
 * near-miss mutations (`near-miss.ts`) then break it one field at a time.
 */
import fc from 'fast-check';
import { z } from 'zod';

/** The part of JSON Schema `z.toJSONSchema` writes for Attune's schemas. */
interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
}

/** Longest string or array made here: enough to reach every limit Attune has, short enough to be quick. */
const SIZE_CAP = 1200;

/** A fast-check arbitrary for values of `schema` (its input side: defaults may be left out). */
export function zodArbitrary(schema: z.ZodType): fc.Arbitrary<unknown> {
  return jsonSchemaArbitrary(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
}

/** The branches of a union schema (a discriminated union's members), each as its own arbitrary. */
export function zodUnionBranches(schema: z.ZodType): fc.Arbitrary<unknown>[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return (json.oneOf ?? json.anyOf ?? [json]).map(jsonSchemaArbitrary);
}

function jsonSchemaArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
  const union = schema.oneOf ?? schema.anyOf;
  if (union !== undefined) return fc.oneof(...union.map(jsonSchemaArbitrary));
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (types.length > 1) return fc.oneof(...types.map((type) => jsonSchemaArbitrary({ ...schema, type })));
  switch (types[0]) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
    case 'number':
      return numberArbitrary(schema, types[0] === 'integer');
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items === undefined ? fc.jsonValue({ maxDepth: 2 }) : jsonSchemaArbitrary(schema.items), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, SIZE_CAP),
      });
    case 'object':
      return objectArbitrary(schema);
    default:
      // `{}`: anything at all.
      return fc.jsonValue({ maxDepth: 3 });
  }
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 60, SIZE_CAP);
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.pattern !== undefined) {
    const pattern = new RegExp(schema.pattern);
    // A pattern's own strings, stretched or cut to the length the schema wants.
    return fc.stringMatching(pattern).map((text) => fitLength(text, minLength, maxLength, pattern));
  }
  return fc.string({ unit: 'grapheme', minLength, maxLength });
}

function fitLength(text: string, minLength: number, maxLength: number, pattern: RegExp): string {
  let fitted = text.slice(0, maxLength);
  while (fitted.length < minLength) fitted += fitted === '' ? 'a' : fitted;
  fitted = fitted.slice(0, maxLength);
  return pattern.test(fitted) ? fitted : text;
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum === undefined ? -1e6 : schema.exclusiveMinimum + (integer ? 1 : 1e-6));
  const max = schema.maximum ?? (schema.exclusiveMaximum === undefined ? 1e6 : schema.exclusiveMaximum - (integer ? 1 : 1e-6));
  // Far-away bounds (safe-integer limits) are kept reachable without making every value huge.
  const low = Math.max(min, -1e13);
  const high = Math.min(max, 1e13);
  if (integer) return fc.oneof(fc.integer({ min: Math.ceil(low), max: Math.floor(high) }), fc.constantFrom(Math.ceil(min), Math.floor(max)));
  return fc.oneof(fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(min, max));
}

function objectArbitrary(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const record = fc.record(
    Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, jsonSchemaArbitrary(value)])),
    { requiredKeys: (schema.required ?? []).filter((key) => key in properties) },
  ) as fc.Arbitrary<Record<string, unknown>>;
  const extra = schema.additionalProperties;
  if (extra === undefined || extra === false || Object.keys(properties).length > 0) return record;
  // A record (`z.record`): a few keys of its own kind.
  const values = extra === true ? fc.jsonValue({ maxDepth: 2 }) : jsonSchemaArbitrary(extra);
  return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), values, { maxKeys: 4 });
}
