/**
 * Backup and restore with real data, for one database: an account with a password and a live
 * session with events; `attune backup`; more writes after it; `attune restore`; then the data is
 * exactly as it was at the backup (every event at its seq, nothing written after it), and the
 * account signs in with its password.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFromEnvironment } from '../server/config.ts';
import { SILENT_LOGGER } from '../server/log/logger.ts';
import { serverStart, type RunningServer } from '../server/main.ts';
import { httpJson, LiveClient, sessionCreateOverHttp } from '../server/testing/live-client.ts';
import { portFree } from '../server/testing/test-server.ts';
import type { WireEvent } from '../core/protocol/messages.ts';
import { backupCommand } from './backup.ts';
import { restoreCommand } from './restore.ts';

const PASSWORD = 'a calm river at dusk';

/** What the suite needs to know about the database under test. */
export interface BackupRestoreTarget {
  readonly dataDir: string;
  /** Unset for SQLite. */
  readonly databaseUrl?: string;
}

async function started(target: BackupRestoreTarget): Promise<RunningServer> {
  const port = await portFree();
  const config = configFromEnvironment({
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
    DATA_DIR: target.dataDir,
    LOG_LEVEL: 'silent',
    ...(target.databaseUrl === undefined ? {} : { DATABASE_URL: target.databaseUrl }),
  });
  return serverStart(config, SILENT_LOGGER);
}

function environmentOf(target: BackupRestoreTarget): Record<string, string> {
  return { DATA_DIR: target.dataDir, ...(target.databaseUrl === undefined ? {} : { DATABASE_URL: target.databaseUrl }) };
}

async function run(command: (write: (text: string) => void) => Promise<number>): Promise<{ code: number; text: string }> {
  let text = '';
  const code = await command((chunk) => { text += chunk; });
  return { code, text };
}

async function register(baseUrl: string, signInName: string): Promise<void> {
  const reply = await httpJson(baseUrl, '/api/account/register/password', { method: 'POST', body: { signInName, displayName: 'Robin', password: PASSWORD } });
  assert.equal(reply.status, 201, JSON.stringify(reply.body));
}

async function signInStatus(baseUrl: string, signInName: string): Promise<number> {
  return (await httpJson(baseUrl, '/api/account/login/password', { method: 'POST', body: { signInName, password: PASSWORD } })).status;
}

async function logOf(baseUrl: string, cookie: string, sessionId: string, lastSeq: number): Promise<WireEvent[]> {
  const reader = new LiveClient(baseUrl, cookie, sessionId);
  await reader.connect({ lastSeq: 0 });
  await reader.waitForSeq(lastSeq);
  await reader.close();
  return reader.events;
}

/** Runs the whole round trip; `whileRunning` checks what restoring a database in use does. */
export async function backupRestoreRoundTrip(
  target: BackupRestoreTarget,
  whileRunning: (restore: () => Promise<{ code: number; text: string }>) => Promise<void>,
): Promise<void> {
  const environment = environmentOf(target);
  const kept = `robin-${randomUUID().slice(0, 8)}`;
  const late = `late-${randomUUID().slice(0, 8)}`;
  let server = await started(target);
  try {
    await register(server.url, kept);
    const { sessionId, hostCookie } = await sessionCreateOverHttp(server.url, 'Ana');
    const host = new LiveClient(server.url, hostCookie, sessionId);
    await host.connect();
    await host.join('Ana');
    for (let index = 0; index < 5; index += 1) await host.accept({ type: 'checkIn', state: 'regulated', intensity: 3, visibility: 'shared', note: `before-${index}` });
    const atBackup = await logOf(server.url, hostCookie, sessionId, host.lastSeq());

    const backup = await run((write) => backupCommand(environment, write));
    assert.equal(backup.code, 0, backup.text);
    const file = /Backup written: (\S+) \(/.exec(backup.text)?.[1] ?? '';
    assert.match(backup.text, /holds everyone's data/);
    assert.match(backup.text, /only encrypted/);

    // Written after the backup: gone once it is restored.
    await host.accept({ type: 'checkIn', state: 'regulated', intensity: 2, visibility: 'shared', note: 'after-backup' });
    await register(server.url, late);
    await host.close();

    await whileRunning(() => run((write) => restoreCommand([file, '--yes'], environment, write)));
    await server.close();

    const unconfirmed = await run((write) => restoreCommand([file], environment, write));
    assert.equal(unconfirmed.code, 1);
    assert.match(unconfirmed.text, /run again with --yes/);
    const garbage = join(target.dataDir, 'not-a-backup.bin');
    writeFileSync(garbage, 'this is not a database'.repeat(100));
    const refused = await run((write) => restoreCommand([garbage, '--yes'], environment, write));
    assert.equal(refused.code, 1, refused.text);
    assert.match(refused.text, /^Nothing was restored\./);

    const restored = await run((write) => restoreCommand([file, '--yes'], environment, write));
    assert.equal(restored.code, 0, restored.text);
    assert.match(restored.text, /up to date with this version of Attune/);

    server = await started(target);
    const afterRestore = await logOf(server.url, hostCookie, sessionId, atBackup.at(-1)?.seq ?? 0);
    assert.deepEqual(afterRestore, atBackup, 'the log is exactly what it was at the backup');
    assert.ok(atBackup.length >= 6, 'a join and five check-ins');
    assert.equal(await signInStatus(server.url, kept), 200, 'the account signs in with its password');
    assert.equal(await signInStatus(server.url, late), 401, 'an account made after the backup is gone');
  } finally {
    await server.close();
  }
}
