/**
 * Fuzzed HTTP requests for one route: its path with real ids or junk in the parameters, a query
 * string of odd keys, and a body that is a near miss of a valid one, random JSON or something
 * hostile, sent with the right content type or a wrong one, by one of a few callers.
 */
import fc from 'fast-check';
import { hostilePayload } from './hostile-payloads.ts';
import { BOUNDARY_STRINGS, nearMissOf } from './near-miss.ts';

/** A route to fuzz and a request that is valid for it (from the authorization matrix). */
export interface RouteSeed {
  readonly method: string;
  /** The pattern as registered, e.g. `/api/records/:recordId`. */
  readonly url: string;
  /** A path with real ids filled in. */
  readonly path: string;
  /** A body the route accepts; undefined when it takes none. */
  readonly body: unknown;
}

/** One fuzzed request. `caller` indexes the cookies the test offers (the last is no cookie). */
export interface FuzzedRequest {
  readonly method: string;
  readonly url: string;
  readonly caller: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: Buffer | undefined;
  /** What was sent, in words, for a failure message. */
  readonly what: string;
}

/** Content types a client might send instead of JSON (or JSON written oddly). */
export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=latin1',
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/octet-stream',
  'application/jsonx',
  '',
  ';;;',
] as const;

/** `encodeURIComponent`, with lone surrogates (which it refuses) made into U+FFFD first. */
function uriEncode(text: string): string {
  return encodeURIComponent(Buffer.from(text, 'utf8').toString('utf8'));
}

/** A path parameter as a client might mangle it (already encoded for a URL, or deliberately not). */
const pathParameter: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...BOUNDARY_STRINGS).map((text) => uriEncode(text === '' ? ' ' : text)),
  fc.uuid(),
  fc.string({ minLength: 1, maxLength: 200 }).map(uriEncode),
  fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%00', '..', '%2e%2e', '%2F', 'a'.repeat(300), '__proto__', 'constructor', '-1', '0', '1e309'),
);

/** A query string with odd, repeated and prototype-reaching keys. */
const queryString: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom('__proto__[polluted]', 'constructor[prototype][polluted]', 'limit', 'before', 'tzOffsetMin', 'from', 'to', 'a[]', 'a'), fc.string({ maxLength: 10 })),
        fc.oneof(fc.constantFrom('-1', '0', '1e309', 'NaN', '', 'x'.repeat(2000), '%', '%ZZ', 'null', '[]'), fc.string({ maxLength: 20 })),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((pairs) => `?${pairs.map(([key, value]) => `${uriEncode(key)}=${value.startsWith('%') ? value : uriEncode(value)}`).join('&')}`),
);

/** Fuzzed requests for `seed`, by one of `callers` callers. */
export function fuzzedRequests(seed: RouteSeed, callers: number, bodyLimitBytes: number): fc.Arbitrary<FuzzedRequest> {
  const parameterCount = (seed.url.match(/:[A-Za-z]+|\*/g) ?? []).length;
  const path: fc.Arbitrary<string> =
    parameterCount === 0
      ? fc.constant(seed.path.split('?')[0] ?? seed.path)
      : fc.oneof(
          { weight: 3, arbitrary: fc.constant(seed.path.split('?')[0] ?? seed.path) },
          {
            weight: 2,
            arbitrary: fc.array(pathParameter, { minLength: parameterCount, maxLength: parameterCount }).map((values) => {
              let index = 0;
              return seed.url.replace(/:[A-Za-z]+|\*/g, () => values[index++] ?? 'x');
            }),
          },
        );
  const validBody = seed.body === undefined ? {} : seed.body;
  const body: fc.Arbitrary<{ readonly what: string; readonly bytes: Buffer | undefined }> = fc.oneof(
    { weight: 1, arbitrary: fc.constant({ what: 'no body', bytes: undefined }) },
    { weight: 4, arbitrary: nearMissOf(validBody).map((value) => ({ what: 'near miss', bytes: Buffer.from(JSON.stringify(value), 'utf8') })) },
    { weight: 1, arbitrary: fc.constant({ what: 'the valid body', bytes: Buffer.from(JSON.stringify(validBody), 'utf8') }) },
    { weight: 3, arbitrary: hostilePayload({ limitBytes: bodyLimitBytes, overLimit: true }).map(({ what, bytes }) => ({ what, bytes })) },
  );
  const contentType = fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) });
  // Mostly this instance's own pages (CSRF lets nothing else through, so that is where the code is).
  const origin = fc.oneof({ weight: 8, arbitrary: fc.constant('own') }, { weight: 1, arbitrary: fc.constantFrom('foreign', 'none') });
  return fc
    .record({ path, query: queryString, body, contentType, origin, caller: fc.nat({ max: callers - 1 }) })
    .map(({ path: chosenPath, query, body: chosenBody, contentType: type, origin: from, caller }) => ({
      method: seed.method,
      url: `${chosenPath}${query}`,
      caller,
      headers: {
        ...(chosenBody.bytes === undefined || type === '' ? {} : { 'content-type': type }),
        ...(from === 'own' ? { origin: 'own' } : from === 'foreign' ? { origin: 'https://evil.example' } : {}),
      },
      payload: chosenBody.bytes,
      what: `${seed.method} ${chosenPath}${query.slice(0, 80)} as caller ${String(caller)}, ${type || 'no content type'}, origin ${from}, ${chosenBody.what}: ${(chosenBody.bytes?.toString('utf8') ?? '').slice(0, 160)}`,
    }));
}

/**
 * The hostile bodies every route gets whatever the random draw: one past the size limit, bytes
 * that are not UTF-8, 10,000 levels of nesting, a prototype key, text/plain, an empty JSON body.
 */
export function fixedHostileRequests(seed: RouteSeed, bodyLimitBytes: number): FuzzedRequest[] {
  const path = seed.path.split('?')[0] ?? seed.path;
  const request = (what: string, payload: Buffer, contentType = 'application/json'): FuzzedRequest => ({
    method: seed.method,
    url: path,
    caller: 0,
    headers: { 'content-type': contentType, origin: 'own' },
    payload,
    what: `${seed.method} ${path} with ${what}`,
  });
  return [
    request('a body one byte past the limit', Buffer.from(`{"x":"${'x'.repeat(bodyLimitBytes - 7)}"}`)),
    request('bytes that are not UTF-8', Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')])),
    request('10,000 levels of nesting', Buffer.from(`${'['.repeat(10_000)}${']'.repeat(10_000)}`)),
    request('a __proto__ key', Buffer.from('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}')),
    request('text/plain', Buffer.from(JSON.stringify(seed.body ?? {})), 'text/plain'),
    request('an empty JSON body', Buffer.alloc(0)),
  ];
}
