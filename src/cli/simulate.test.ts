import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { z } from 'zod';
import { pairSimulationAdvance, pairSimulationStart } from '../core/physiology/pair-simulation.ts';
import type { SignalsMessage } from '../core/protocol/signals.ts';
import { portFree, testServerStart, type TestServer } from '../server/testing/test-server.ts';
import { AttuneHttp, LiveSocket, SimulateError } from './live-socket-client.ts';
import { recentSynchrony, simulateOptionsParse, simulateRun } from './simulate.ts';

describe('attune simulate: the command line', () => {
  test('defaults, both flag spellings, and help', () => {
    assert.deepEqual(simulateOptionsParse([], 42), {
      url: 'http://127.0.0.1:8080',
      coupling: 0.6,
      minutes: 5,
      seed: 42,
    });
    assert.deepEqual(
      simulateOptionsParse(
        ['--url', 'http://localhost:9000/', '--coupling=0.2', '--minutes', '0.5', '--seed', '-7'],
        42,
      ),
      {
        url: 'http://localhost:9000',
        coupling: 0.2,
        minutes: 0.5,
        seed: -7,
      },
    );
    assert.equal(simulateOptionsParse(['--help'], 1), null);
  });

  test('a mistake gets a sentence saying what to change', () => {
    const cases: [string[], RegExp][] = [
      [['--coupling', '2'], /--coupling must be a number from 0 to 1/],
      [['--coupling', 'lots'], /--coupling must be a number/],
      [['--minutes', '0'], /--minutes must be a number above 0/],
      [['--seed', '1.5'], /--seed must be a whole number/],
      [['--url', 'localhost'], /--url must be an address like/],
      [['--url', 'ftp://x'], /--url must start with http/],
      [['--minutes'], /--minutes needs a value/],
      [['--speed', '3'], /does not know "--speed"/],
    ];
    for (const [args, message] of cases)
      assert.throws(
        () => simulateOptionsParse(args, 1),
        (error: unknown) => error instanceof SimulateError && message.test(error.message),
        args.join(' '),
      );
  });

  test('a server that is not there is named, with what to do about it', async () => {
    const port = await portFree();
    await assert.rejects(
      simulateRun(
        { url: `http://127.0.0.1:${port}`, coupling: 0.5, minutes: 1, seed: 1 },
        { out: () => undefined },
      ),
      (error: unknown) =>
        error instanceof SimulateError &&
        /Could not reach an Attune server at http:\/\/127\.0\.0\.1:\d+/.test(error.message) &&
        /attune serve/.test(error.message),
    );
  });

  test('local synchrony: none before 90 seconds of beats, a score after', () => {
    const { a, b } = pairSimulationAdvance(pairSimulationStart({ seed: 5, coupling: 0.9 }), 150);
    assert.equal(recentSynchrony(a.slice(0, 80), b.slice(0, 80), 80), null);
    const score = recentSynchrony(a, b, 150);
    assert.ok(score && score.meanPeakR > 0.5, JSON.stringify(score));
  });
});

describe('attune simulate against a running server', () => {
  let server: TestServer;
  before(async () => {
    server = await testServerStart();
  });
  after(async () => {
    await server.stop();
  });

  test('a third person in the session receives body signals from both simulated people', async () => {
    const lines: string[] = [];
    const controller = new AbortController();
    let watcher: LiveSocket | null = null;
    const received = new Map<string, SignalsMessage[]>();
    let resolveReady: (session: {
      sessionId: string;
      inviteUrl: string;
      participantIds: readonly [string, string];
    }) => void = () => undefined;
    const ready = new Promise<{
      sessionId: string;
      inviteUrl: string;
      participantIds: readonly [string, string];
    }>((resolve) => {
      resolveReady = resolve;
    });
    const run = simulateRun(
      { url: server.baseUrl, coupling: 0.7, minutes: 1, seed: 11 },
      {
        out: (line) => lines.push(line),
        signal: controller.signal,
        statusEverySec: 2,
        onReady: resolveReady,
      },
    );
    try {
      const session = await Promise.race([
        ready,
        run.then(() => {
          throw new Error('the run ended before it was ready');
        }),
      ]);
      assert.ok(
        lines.some((line) => line.includes(session.inviteUrl)),
        'the invite link is printed',
      );
      // A real person opens the printed link: accept the invite as a new guest and join.
      const token = new URL(session.inviteUrl).hash.slice(1);
      const http = new AttuneHttp(server.baseUrl);
      const accepted = await http.expect(
        200,
        'accepting the invite',
        z.unknown(),
        `/api/invites/${token}/accept`,
        { method: 'POST', body: { displayName: 'Watcher' } },
      );
      assert.ok(accepted.cookie);
      watcher = await LiveSocket.open(http, session.sessionId, accepted.cookie);
      watcher.onSignals((message) => {
        received.set(message.participantId, [
          ...(received.get(message.participantId) ?? []),
          message,
        ]);
      });
      await watcher.join('Watcher');
      const deadline = Date.now() + 10_000;
      while (
        !session.participantIds.every((id) => (received.get(id)?.length ?? 0) >= 2) &&
        Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      for (const id of session.participantIds) {
        const messages = received.get(id) ?? [];
        assert.ok(messages.length >= 2, `signals from ${id}: ${messages.length}`);
        for (const sample of messages.flatMap((message) => message.samples)) {
          assert.equal(sample.source, 'simulated');
          assert.ok(
            sample.heartRateBpm !== null && sample.heartRateBpm > 40 && sample.heartRateBpm < 190,
          );
          assert.ok(sample.breathingRateBpm !== null && sample.breathPhase !== null);
          // Stamped in server time: within a few seconds of the server's clock.
          assert.ok(
            Math.abs(sample.atMs - Date.now()) < 5000,
            `sample at ${sample.atMs}, now ${Date.now()}`,
          );
        }
      }
      assert.ok(
        lines.some((line) => /A \d+ bpm, [\d.]+ breaths\/min {3}B \d+ bpm/.test(line)),
        lines.join('\n'),
      );
    } finally {
      controller.abort();
      await run;
      await watcher?.close();
    }
    assert.match(lines.at(-1) ?? '', /^Stopped\. The simulated people have left/);
  });
});
