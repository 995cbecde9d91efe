/**
 * A reconnect storm (issue 7, item 6): hundreds of devices of a few sessions all drop at once and
 * all come back at once, again and again, each asking to catch up from the last event it holds,
 * while people keep checking in. The server stays up and answers health throughout, and every
 * device ends with the whole log: every event once, in order, no gaps.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inviteAcceptOverHttp, LiveClient, sessionCreateOverHttp } from '../testing/live-client.ts';
import { testServerStart, type TestServer } from '../testing/test-server.ts';

const SESSIONS = 4;
const PEOPLE_PER_SESSION = 4;
/** Devices per person: the same person on several tabs and phones, each its own socket. */
const DEVICES_PER_PERSON = 14;
const STORMS = 5;
/** Long enough for hundreds of sockets to reconnect and catch up on a loaded 2-core machine. */
const SETTLE_MS = 40_000;

interface Person {
  readonly sessionId: string;
  readonly name: string;
  readonly devices: LiveClient[];
}

/** Runs `work` on every item, at most `width` at a time (so setting up does not itself storm). */
async function inBatches<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += width) await Promise.all(items.slice(start, start + width).map(work));
}

describe('a reconnect storm', () => {
  let running: TestServer;
  const people: Person[] = [];

  before(async () => {
    // Every upgrade is an HTTP request from 127.0.0.1; the per-address limit would otherwise refuse the storm.
    running = await testServerStart({ HTTP_REQUESTS_PER_MINUTE: '1000000', WS_MESSAGES_PER_SECOND: '1000', WS_MESSAGE_BURST: '1000' });
    for (let session = 0; session < SESSIONS; session += 1) {
      const created = await sessionCreateOverHttp(running.baseUrl, `Host ${String(session)}`);
      const cookies = [created.hostCookie];
      for (let guest = 1; guest < PEOPLE_PER_SESSION; guest += 1) cookies.push(await inviteAcceptOverHttp(running.baseUrl, created.inviteToken, `Guest ${String(session)}.${String(guest)}`));
      cookies.forEach((cookie, index) => {
        people.push({
          sessionId: created.sessionId,
          name: `P${String(session)}.${String(index)}`,
          devices: Array.from({ length: DEVICES_PER_PERSON }, () => new LiveClient(running.baseUrl, cookie, created.sessionId)),
        });
      });
    }
    const devices = people.flatMap((person) => person.devices);
    await inBatches(devices, 40, (device) => device.connect());
    for (const person of people) await person.devices[0]?.join(person.name);
  });
  after(async () => {
    await Promise.all(people.flatMap((person) => person.devices).map((device) => device.close().catch(() => undefined)));
    await running.stop();
  });

  test('hundreds of devices drop and return at once, repeatedly; the server stays up and every device ends with the whole log', async (t) => {
    const devices = people.flatMap((person) => person.devices);
    assert.ok(devices.length >= 200, `a storm of hundreds (${String(devices.length)} devices)`);
    let healthChecks = 0;
    for (let storm = 0; storm < STORMS; storm += 1) {
      // Everyone drops, as when a node dies or a train enters a tunnel.
      for (const device of devices) device.drop();
      // People keep writing through the storm, over HTTP-free sockets of their own.
      const writers = people.map((person) => new LiveClient(running.baseUrl, person.devices[0]?.cookie ?? '', person.sessionId));
      const writing = Promise.all(
        writers.map(async (writer, index) => {
          await writer.connect();
          await writer.accept({ type: 'checkIn', state: 'regulated', intensity: (storm + index) % 11, note: `storm ${String(storm)}`, visibility: index % 2 === 0 ? 'shared' : 'private' });
          await writer.close();
        }),
      );
      // Everyone returns at once, each from the last event it holds.
      const returning = Promise.all(devices.map((device) => device.connect()));
      const stormStarted = performance.now();
      const health = await fetch(`${running.baseUrl}/api/health`, { signal: AbortSignal.timeout(20_000) });
      const healthMs = performance.now() - stormStarted;
      assert.equal(health.status, 200, `health during storm ${String(storm)}`);
      healthChecks += 1;
      await Promise.all([returning, writing]);
      t.diagnostic(`storm ${String(storm + 1)}: ${String(devices.length)} devices back in ${(performance.now() - stormStarted).toFixed(0)} ms; health answered in ${healthMs.toFixed(0)} ms during it`);
    }
    assert.equal(healthChecks, STORMS);

    // Every device catches up to its session's log in the database, and holds it exactly.
    const problems: string[] = [];
    for (const sessionId of new Set(people.map((person) => person.sessionId))) {
      const log = await running.server.context.hub.readLog(sessionId);
      const expected = log.map((stored) => stored.seq);
      const last = expected.at(-1) ?? 0;
      assert.ok(last >= PEOPLE_PER_SESSION * (STORMS + 1), `session ${sessionId} has every join and check-in`);
      const sessionDevices = people.filter((person) => person.sessionId === sessionId).flatMap((person) => person.devices);
      await Promise.all(sessionDevices.map((device) => device.waitFor(() => device.lastSeq() >= last, `seq ${String(last)}`, SETTLE_MS)));
      for (const device of sessionDevices) {
        const seqs = device.events.map((event) => event.seq);
        if (JSON.stringify(seqs) !== JSON.stringify(expected)) {
          problems.push(`a device of ${sessionId} holds ${String(seqs.length)} events (${seqs.slice(0, 12).join(',')}…), the log has ${String(expected.length)}`);
        }
      }
    }
    assert.deepEqual(problems, []);
    // Sockets dropped in the last storm may still be closing on the server side: give it a moment.
    const deadline = Date.now() + SETTLE_MS;
    while (running.server.context.hub.connectionCount() !== devices.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(running.server.context.hub.connectionCount(), devices.length, 'every device is connected again, and nothing else is');
  });
});
