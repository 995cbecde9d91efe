/**
 * No route edits or deletes the access audit. Checked three ways, from strongest to simplest:
 *
 * 1. The stores cannot: `SharedAccessAudit` (the only writer) has only `record` and list methods,
 *    and `AccessLogStore` (the access-log page) only list methods. Checked for the types at
 *    compile time and for the classes' prototypes at run time, so a method added later fails here.
 * 2. No code goes around the stores: every source file under `src/` is scanned for an UPDATE,
 *    DELETE or TRUNCATE of `shared_access_audit` (Kysely or raw SQL). The only file allowed is
 *    account deletion (`src/server/store/person-deletion.ts`): a person who deletes their account
 *    takes the rows about their own things with them, and where they were the viewer the row stays
 *    for its owner with a stand-in in their place. This covers every route and every other path,
 *    which is why it was chosen over mapping each PUT/PATCH/DELETE route to its handler's file:
 *    Fastify does not say which file a handler came from, and helpers called from a handler live
 *    in other files anyway.
 * 3. The access-log route itself only answers GET.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { KyselySharedAccessAudit, type SharedAccessAudit } from '../store/shared-access-audit.ts';
import { testServerStart } from '../testing/test-server.ts';
import { KyselyAccessLogStore, type AccessLogStore } from './access-log-store.ts';

type OnlyRecordAndList<T> = Exclude<keyof T, 'record' | `list${string}`> extends never ? true : false;
type OnlyList<T> = Exclude<keyof T, `list${string}`> extends never ? true : false;
// These two lines stop compiling if a write method other than `record` is ever added.
const auditInterfaceIsAppendOnly: OnlyRecordAndList<SharedAccessAudit> = true;
const accessLogInterfaceIsReadOnly: OnlyList<AccessLogStore> = true;

function methodsOf(prototype: object): string[] {
  return Object.getOwnPropertyNames(prototype).filter((name) => name !== 'constructor');
}

test('the audit store only records and lists; the access-log store only lists', () => {
  assert.deepEqual([auditInterfaceIsAppendOnly, accessLogInterfaceIsReadOnly], [true, true]);
  const audit = methodsOf(KyselySharedAccessAudit.prototype);
  assert.ok(audit.includes('record'));
  assert.deepEqual(audit.filter((name) => name !== 'record' && !name.startsWith('list')), [], `unexpected audit methods: ${audit.join(', ')}`);
  const log = methodsOf(KyselyAccessLogStore.prototype);
  assert.deepEqual(log.filter((name) => !name.startsWith('list')), [], `unexpected access-log methods: ${log.join(', ')}`);
});

/** The one file allowed to change existing audit rows: account deletion. */
const ALLOWED = new Set([join('src', 'server', 'store', 'person-deletion.ts')]);

const WRITES = [
  /(updateTable|deleteFrom|replaceInto|mergeInto)\(\s*['"`]shared_access_audit\b/,
  /\b(update|delete\s+from|truncate(\s+table)?)\s+["`]?shared_access_audit\b/i,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

test('no source file updates or deletes audit rows, except account deletion', () => {
  const root = process.cwd();
  const offenders: string[] = [];
  let scanned = 0;
  for (const path of sourceFiles(join(root, 'src'))) {
    const name = relative(root, path);
    // Tests set up their own rows; migrations create and (on the way down) drop the table.
    if (/\.(test|contract|suite|test-support)\.tsx?$/.test(name) || name.includes(`${sep}migrations${sep}`) || name.includes(`${sep}testing${sep}`)) continue;
    scanned += 1;
    const text = readFileSync(path, 'utf8');
    if (WRITES.some((pattern) => pattern.test(text)) && !ALLOWED.has(name)) offenders.push(name);
  }
  assert.ok(scanned > 100, `scanned only ${String(scanned)} files: is the working directory the project root?`);
  assert.deepEqual(offenders, [], 'only account deletion may change existing audit rows');
  const deletion = readFileSync(join(root, [...ALLOWED][0] ?? ''), 'utf8');
  assert.ok(WRITES.some((pattern) => pattern.test(deletion)), 'the scan still recognises the one allowed path (so it is not scanning for nothing)');
});

test('the access-log route answers GET only', async () => {
  const running = await testServerStart();
  try {
    const app = running.server.app;
    assert.equal(app.hasRoute({ method: 'GET', url: '/api/me/access-log' }), true);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      assert.equal(app.hasRoute({ method, url: '/api/me/access-log' }), false, `${method} /api/me/access-log`);
      assert.equal(app.hasRoute({ method, url: '/api/me/access-log/:id' }), false);
    }
  } finally {
    await running.stop();
  }
});
