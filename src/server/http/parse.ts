/**
 * Reading what a client sent: the JSON body of a request (strict UTF-8, bounded nesting, no keys
 * that reach into prototypes) and parsing it with a zod schema beside its route. Every failure
 * becomes a 400 whose message says what to change.
 */
import type { z } from 'zod';
import { HttpError, httpErrors } from './errors.ts';

/**
 * Deepest nesting of arrays and objects read from a client. No Attune message comes near it;
 * far deeper values overflow the stack of `JSON.stringify` and `structuredClone` (a few thousand
 * levels), so a value that got past here could break every later read of what it was stored in.
 */
export const JSON_MAX_DEPTH = 32;

/** What is wrong with the shape of a parsed JSON value, in words a person can act on. */
export type JsonShapeProblem =
  | { readonly kind: 'too_deep'; readonly message: string }
  | { readonly kind: 'forbidden_key'; readonly message: string };

const FORBIDDEN_KEY_MESSAGE = 'The key "__proto__" (or "constructor" holding "prototype") is not accepted; rename it and send again.';

/**
 * Whether `value` nests deeper than `maxDepth` or carries a key that reaches into prototypes.
 * Iterative, so no input, however deep, can overflow the stack here.
 */
export function jsonShapeProblem(value: unknown, maxDepth = JSON_MAX_DEPTH): JsonShapeProblem | null {
  const pending: { readonly value: unknown; readonly depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > maxDepth) {
      return { kind: 'too_deep', message: `Values can be nested at most ${maxDepth} levels deep; flatten it and send again.` };
    }
    if (Array.isArray(next.value)) {
      for (const item of next.value as unknown[]) pending.push({ value: item, depth });
      continue;
    }
    for (const [key, child] of Object.entries(next.value) as [string, unknown][]) {
      if (key === '__proto__') return { kind: 'forbidden_key', message: FORBIDDEN_KEY_MESSAGE };
      if (key === 'constructor' && typeof child === 'object' && child !== null && Object.hasOwn(child, 'prototype')) {
        return { kind: 'forbidden_key', message: FORBIDDEN_KEY_MESSAGE };
      }
      pending.push({ value: child, depth });
    }
  }
  return null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A request body sent as JSON: undefined when it is empty (as if none was sent), else the parsed
 * value. Throws an `HttpError` (400) for bytes that are not UTF-8, text that is not JSON, and
 * values too deep or with prototype keys.
 */
export function jsonBodyParse(raw: Buffer | string): unknown {
  let text: string;
  if (typeof raw === 'string') text = raw;
  else {
    try {
      text = strictUtf8.decode(raw);
    } catch {
      throw httpErrors.invalidEncoding();
    }
  }
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw httpErrors.invalidJson();
  }
  const problem = jsonShapeProblem(value);
  if (problem !== null) throw problem.kind === 'too_deep' ? httpErrors.tooDeep(problem.message) : httpErrors.forbiddenKey(problem.message);
  return value;
}

/**
 * Fastify's content-type parser for JSON, built on `jsonBodyParse`: a failure reaches the error
 * handler as the `HttpError` it is.
 */
export function jsonContentParser(_request: unknown, body: Buffer | string, done: (error: Error | null, value?: unknown) => void): void {
  try {
    done(null, jsonBodyParse(body));
  } catch (error) {
    done(error instanceof HttpError ? error : httpErrors.invalidJson());
  }
}

/** The body parsed by `schema`, or an `invalid_body` error a person can act on. */
export function bodyParse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue === undefined) throw httpErrors.invalidBody('The request body was not understood. Check it and send it again.');
  const field = issue.path.map(String).join('.');
  throw httpErrors.invalidBody(`${field ? `${field}: ` : ''}${zodIssueSentence(issue, field === '')}`);
}

/** zod's own wording starts like this; a schema's custom message (already a sentence) does not. */
const ZOD_DEFAULT_MESSAGE = /^(Invalid |Too big|Too small|Unrecognized key)/;

/** zod's name for what it received (in its default wording), in plain words. */
const RECEIVED_WORDS: Readonly<Record<string, string>> = { string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object', null: 'null' };

const EXPECTED_WORDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

const UNITS: Readonly<Record<string, string>> = { string: 'characters', array: 'items', set: 'items', file: 'bytes' };

/**
 * One zod issue as a sentence a person can act on: a schema's own message as it is, zod's
 * default wording ("Invalid input: expected string, received undefined") replaced.
 */
export function zodIssueSentence(issue: z.core.$ZodIssue, atRoot: boolean): string {
  if (!ZOD_DEFAULT_MESSAGE.test(issue.message)) return /[.!?]$/.test(issue.message.trim()) ? issue.message : `${issue.message}.`;
  const subject = atRoot ? 'The request body' : 'This field';
  switch (issue.code) {
    case 'invalid_type': {
      // The default wording is the one place zod says what it got without echoing the value.
      const received = /received (\w+)/.exec(issue.message)?.[1];
      if (received === 'undefined') return atRoot ? 'Send a JSON object as the request body.' : 'This field is missing; please include it.';
      const got = received === undefined ? '' : `, not ${RECEIVED_WORDS[received] ?? received}`;
      return `${subject} should be ${EXPECTED_WORDS[issue.expected] ?? issue.expected}${got}.`;
    }
    case 'unrecognized_keys':
      return `Attune does not use ${issue.keys.map((key) => JSON.stringify(key)).join(', ')} here; please leave ${issue.keys.length === 1 ? 'it' : 'them'} out.`;
    case 'too_big':
      return `${subject} is too ${issue.origin === 'string' || issue.origin === 'array' ? 'long' : 'large'}: at most ${String(issue.maximum)}${UNITS[issue.origin] === undefined ? '' : ` ${UNITS[issue.origin] ?? ''}`}.`;
    case 'too_small':
      return `${subject} is too ${issue.origin === 'string' || issue.origin === 'array' ? 'short' : 'small'}: at least ${String(issue.minimum)}${UNITS[issue.origin] === undefined ? '' : ` ${UNITS[issue.origin] ?? ''}`}.`;
    case 'invalid_value':
      return `${subject} should be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}.`;
    case 'invalid_format':
      return `${subject} is not in the expected form (${issue.format}).`;
    default:
      return `${subject} was not understood; check it and send it again.`;
  }
}
