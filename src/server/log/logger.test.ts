import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { tokenNew } from '../auth/tokens.ts';
import { jsonLogger, logShownOnPurpose, type LogFields } from './logger.ts';
import { logTextRedacted, REDACTED } from './redaction.ts';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('');
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.split('');
const PASSWORD_CHARACTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~!$*'.split('');

const token = fc.array(fc.constantFrom(...BASE64URL), { minLength: 43, maxLength: 43 }).map((chars) => chars.join(''));
const password = fc.array(fc.constantFrom(...PASSWORD_CHARACTERS), { minLength: 12, maxLength: 40 }).map((chars) => chars.join(''));
const recoveryCode = fc
  .array(fc.constantFrom(...CROCKFORD), { minLength: 12, maxLength: 12 })
  .map((chars) => `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`);
const bearer = fc.array(fc.constantFrom(...BASE64URL, '.', '~', '+', '/', '='), { minLength: 20, maxLength: 60 }).map((chars) => chars.join(''));

/** A secret and a sentence that carries it the way real code or a library would. */
const secretInContext: fc.Arbitrary<{ readonly secret: string; readonly text: string }> = fc.oneof(
  fc.tuple(
    token,
    fc.constantFrom(
      (t: string) => t,
      (t: string) => `GET /api/sessions/abc/live?invite=${t}`,
      (t: string) => `/api/invites/${t}/accept`,
      (t: string) => `https://attune.example.org/api/relationship-invites/${t}`,
      (t: string) => `https://attune.example.org/setup#${t}`,
      (t: string) => `http://localhost:8080/join#${t}`,
      (t: string) => `/between-us/join#${t}`,
      (t: string) => `cookie: attune_session=${t}; attune_guest=x`,
      (t: string) => `set attune_guest=${t}`,
      (t: string) => `authorization: Bearer ${t}`,
      (t: string) => `{"token":"${t}"}`,
    ),
  ).map(([secret, wrap]) => ({ secret, text: wrap(secret) })),
  fc.tuple(
    password,
    fc.constantFrom(
      (p: string) => `postgres://attune:${p}@db.internal:5432/attune`,
      (p: string) => `postgresql://attune:${p}@db.internal/attune?sslmode=require`,
      (p: string) => `redis://:${p}@cache.internal:6379`,
      (p: string) => `rediss://default:${p}@cache.internal:6380/0`,
      (p: string) => `host=db user=attune password=${p} dbname=attune`,
      (p: string) => `PGPASSWORD=${p}`,
      (p: string) => `{"password": "${p}"}`,
    ),
  ).map(([secret, wrap]) => ({ secret, text: wrap(secret) })),
  recoveryCode.map((secret) => ({ secret, text: `used ${secret}` })),
  bearer.map((secret) => ({ secret, text: `Authorization: Bearer ${secret}` })),
);

/** Where in the fields the text sits: a path of object keys and array slots. */
const nesting = fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constant(null)), { maxLength: 5 });

function nestedAt(path: readonly (string | null)[], leaf: unknown): unknown {
  return path.reduceRight<unknown>((inner, step) => (step === null ? [1, inner] : { [step]: inner, other: 'ok' }), leaf);
}

function logged(message: string, fields: LogFields): string {
  const lines: string[] = [];
  jsonLogger((line) => lines.push(line), () => 0).info('http', message, fields);
  assert.equal(lines.length, 1);
  return lines[0] ?? '';
}

test('no secret embedded anywhere in a message or any field, however nested, reaches the log line', () => {
  fc.assert(
    fc.property(
      secretInContext,
      fc.string({ maxLength: 20 }),
      fc.string({ maxLength: 20 }),
      fc.string({ minLength: 1, maxLength: 16 }),
      nesting,
      fc.boolean(),
      ({ secret, text }, before, after, fieldName, path, inMessage) => {
        fc.pre(!before.includes(secret) && !after.includes(secret));
        const carried = `${before} ${text} ${after}`;
        const line = inMessage ? logged(carried, {}) : logged('something happened', { [fieldName]: nestedAt(path, carried) });
        assert.ok(!line.includes(secret), `the secret shows in ${line}`);
        assert.ok(!line.includes('\n'), 'one line');
        assert.equal(typeof JSON.parse(line), 'object');
      },
    ),
  );
});

test('fields named like secrets, and request bodies and headers, are hidden whatever they hold', () => {
  const line = JSON.parse(
    logged('x', {
      password: 'plain words',
      newPassword: 'x',
      recoveryCodes: ['a', 'b'],
      sessionCookie: 'c',
      Authorization: 'd',
      body: { note: 'what someone wrote' },
      headers: { host: 'h' },
      nested: { apiKey: 'e', inviteToken: 'f' },
    }),
  ) as Record<string, unknown>;
  assert.equal(line.password, REDACTED);
  assert.equal(line.newPassword, REDACTED);
  assert.equal(line.recoveryCodes, REDACTED);
  assert.equal(line.sessionCookie, REDACTED);
  assert.equal(line.Authorization, REDACTED);
  assert.equal(line.body, REDACTED);
  assert.equal(line.headers, REDACTED);
  assert.deepEqual(line.nested, { apiKey: REDACTED, inviteToken: REDACTED });
});

test('ordinary fields pass through unchanged, so logs stay useful', () => {
  const sessionId = randomUUID();
  const fields = { sessionId, rows: 3, ok: true, error: 'connect ECONNREFUSED 127.0.0.1:5432', address: 'http://127.0.0.1:8080', database: 'postgres://attune@db/attune' };
  const line = JSON.parse(logged('Attune is listening', fields)) as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) assert.deepEqual(line[key], value, key);
  assert.equal(line.message, 'Attune is listening');
  assert.equal(line.level, 'info');
  assert.equal(line.category, 'http');
});

test('the first-run setup link is the one secret shown on purpose, whole and usable', () => {
  const link = `https://attune.example.org/setup#${tokenNew()}`;
  const line = JSON.parse(logged('No operator account yet.', { setupLink: logShownOnPurpose(link) })) as Record<string, unknown>;
  assert.equal(line.setupLink, link);
  // The same link anywhere else is hidden.
  assert.ok(!logged('x', { note: link }).includes(link));
});

test('a field cannot overwrite the line’s own keys, and errors, cycles and big numbers are logged safely', () => {
  const cyclic: Record<string, unknown> = { name: 'loop' };
  cyclic.self = cyclic;
  const line = JSON.parse(logged('real message', { message: 'fake', level: 'error', cause: new Error(`failed at /api/invites/${tokenNew()}`), cyclic, big: 10n })) as Record<string, unknown>;
  assert.equal(line.message, 'real message');
  assert.equal(line.level, 'info');
  assert.equal(line.field_message, 'fake');
  assert.equal(line.cause, `failed at /api/invites/${REDACTED}`);
  assert.deepEqual(line.cyclic, { name: 'loop', self: '[circular]' });
  assert.equal(line.big, '10');
});

test('LOG_LEVEL keeps lines below it out', () => {
  const lines: string[] = [];
  const logger = jsonLogger((line) => lines.push(line), () => 0, 'warn');
  logger.info('http', 'quiet');
  logger.warn('http', 'loud');
  logger.error('http', 'louder');
  assert.deepEqual(lines.map((line) => (JSON.parse(line) as { message: string }).message), ['loud', 'louder']);
  const silent: string[] = [];
  jsonLogger((line) => silent.push(line), () => 0, 'silent').error('http', 'nothing');
  assert.deepEqual(silent, []);
});

test('redacting text keeps the words around a secret', () => {
  assert.equal(logTextRedacted('could not connect to postgres://attune:hunter2hunter2@db:5432/attune'), `could not connect to postgres://attune:${REDACTED}@db:5432/attune`);
  assert.equal(logTextRedacted('GET /api/sessions/s1/live?invite=abc&x=1'), `GET /api/sessions/s1/live?invite=${REDACTED}&x=1`);
});
