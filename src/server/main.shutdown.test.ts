/**
 * Graceful shutdown of a real `attune serve` process under write load: SIGTERM makes /api/ready
 * answer 503 before the listener closes, live devices are told to reconnect (1012), every
 * acknowledged command is in the database afterwards, the process exits 0 within the grace
 * period, and every line it printed is one JSON object.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { inviteAcceptOverHttp, LiveClient, sessionCreateOverHttp } from './testing/live-client.ts';
import { serverProcessStart } from './testing/server-process.ts';
import { portFree } from './testing/test-server.ts';
import { SHUTDOWN_CLOSE } from './main.ts';

const WRITERS = 4;
const GRACE_MS = 10_000;
const DELAY_MS = 1500;

interface ReadyProbe {
  readonly atMs: number;
  /** HTTP status, or 0 when the connection was refused (the listener is closed). */
  readonly status: number;
  readonly shuttingDown: boolean;
}

test('SIGTERM under write load: not-ready first, devices told to reconnect, every acknowledged write kept, exit 0', { timeout: 90_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-shutdown-'));
  const port = await portFree();
  const environment = {
    DATA_DIR: dataDir,
    WS_MESSAGES_PER_SECOND: '10000',
    WS_MESSAGE_BURST: '10000',
    SHUTDOWN_GRACE_MS: String(GRACE_MS),
    SHUTDOWN_DELAY_MS: String(DELAY_MS),
    LOG_LEVEL: 'info',
  };
  let server = await serverProcessStart(port, environment);
  try {
    const { sessionId, hostCookie, inviteToken } = await sessionCreateOverHttp(server.baseUrl, 'Ana');
    const guestCookie = await inviteAcceptOverHttp(server.baseUrl, inviteToken, 'Ben');
    const cookies = [hostCookie, guestCookie];
    const writers = Array.from({ length: WRITERS }, (_, index) => new LiveClient(server.baseUrl, cookies[index % 2] ?? '', sessionId));
    await Promise.all(writers.map((writer) => writer.connect({ invite: inviteToken })));
    await writers[0]?.join('Ana');
    await writers[1]?.join('Ben');

    const acknowledged = new Map<string, number>();
    let unanswered = 0;
    const loops = writers.map(async (writer, index) => {
      for (let serial = 0; ; serial += 1) {
        const note = `w${index}-n${serial}`;
        const outcome = await Promise.race([
          writer.command({ type: 'checkIn', state: 'regulated', intensity: 3, visibility: 'shared', note }),
          writer.waitFor(() => writer.closeInfo !== null, 'close', 60_000).then(() => null),
        ]);
        if (outcome === null) {
          unanswered += 1;
          return;
        }
        assert.ok(outcome.ok, `a check-in was turned down: ${JSON.stringify(outcome)}`);
        acknowledged.set(note, outcome.lastSeq ?? 0);
      }
    });

    const probes: ReadyProbe[] = [];
    const probing = { on: true };
    const prober = (async () => {
      while (probing.on) {
        const atMs = Date.now();
        try {
          // A fresh connection each time, so a kept-alive socket cannot outlive the listener.
          const response = await fetch(`${server.baseUrl}/api/ready`, { headers: { connection: 'close' } });
          const body = (await response.json()) as { checks?: { accepting?: string } };
          probes.push({ atMs, status: response.status, shuttingDown: body.checks?.accepting === 'shutting down' });
        } catch {
          probes.push({ atMs, status: 0, shuttingDown: true });
          return;
        }
        await sleep(40);
      }
    })();

    await sleep(800);
    const { child } = server;
    const exited = new Promise<{ code: number | null; atMs: number }>((resolve) => {
      child.once('exit', (code) => { resolve({ code, atMs: Date.now() }); });
    });
    const signalledAtMs = Date.now();
    child.kill('SIGTERM');
    const exit = await exited;
    await Promise.all(loops);
    probing.on = false;
    await prober;
    const output = server.output();

    // Exit 0, within the grace period.
    assert.equal(exit.code, 0, `exit code ${String(exit.code)}; output:\n${output}`);
    assert.ok(exit.atMs - signalledAtMs < GRACE_MS, `took ${exit.atMs - signalledAtMs} ms`);

    // Ready before; 503 "shutting down" after the signal, before connections were refused; never ready again.
    const before = probes.filter((probe) => probe.atMs < signalledAtMs - 100);
    assert.ok(before.length > 0 && before.every((probe) => probe.status === 200), `ready before the signal: ${JSON.stringify(before)}`);
    const after = probes.filter((probe) => probe.atMs > signalledAtMs + 50);
    const firstRefused = after.findIndex((probe) => probe.status === 0);
    assert.ok(firstRefused > 0, `the listener closed (connection refused) only after readiness said 503: ${JSON.stringify(after)}`);
    assert.ok(after.slice(0, firstRefused).some((probe) => probe.status === 503 && probe.shuttingDown), 'a 503 saying "shutting down" came before the listener closed');
    assert.ok(after.every((probe) => probe.status !== 200), 'never ready again once stopping');

    // Every device heard "service restart".
    for (const writer of writers) assert.equal(writer.closeInfo?.code, SHUTDOWN_CLOSE.code, `close ${JSON.stringify(writer.closeInfo)}`);

    // Structured logs: every line is one JSON object; the stop was logged.
    const lines = output.split('\n').filter((line) => line.trim() !== '');
    for (const line of lines) {
      const parsed = JSON.parse(line) as { time?: unknown; level?: unknown; category?: unknown; message?: unknown };
      assert.ok(typeof parsed.time === 'string' && typeof parsed.level === 'string' && typeof parsed.category === 'string' && typeof parsed.message === 'string', line);
    }
    assert.ok(lines.some((line) => line.includes('"Attune stopped"')), output);

    // Restart on the same data: every acknowledged check-in is there, at its seq.
    server = await serverProcessStart(port, environment);
    const expectedLast = Math.max(...acknowledged.values());
    const present = new Map<string, number>();
    const readers = cookies.map((cookie) => new LiveClient(server.baseUrl, cookie, sessionId));
    for (const reader of readers) {
      await reader.connect({ lastSeq: 0 });
      await reader.waitForSeq(expectedLast);
      for (const wire of reader.events) {
        const note = wire.event.note;
        if (typeof note === 'string') present.set(note, wire.seq);
      }
    }
    const lost = [...acknowledged].filter(([note, seq]) => present.get(note) !== seq);
    console.log(`graceful shutdown: ${acknowledged.size} acknowledged, ${unanswered} unanswered at the stop, ${lost.length} lost; exit ${String(exit.code)} after ${exit.atMs - signalledAtMs} ms (delay ${DELAY_MS} ms)`);
    assert.ok(acknowledged.size > 20, `too few writes to mean anything (${acknowledged.size})`);
    assert.deepEqual(lost, [], 'acknowledged check-ins went missing');
    await Promise.all(readers.map((reader) => reader.close()));
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
