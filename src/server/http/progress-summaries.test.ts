/**
 * Synchrony and coherence in progress: a coupled pair streams four minutes of samples into a
 * real server whose clock this test moves by hand (so no real minutes pass), the session ends,
 * and each person's `/api/progress` then carries one synchrony point and one coherence point
 * for it, computed once on the report worker and kept.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pairSimulationAdvance, pairSimulationStart, type SimulatedReading } from '../../core/physiology/pair-simulation.ts';
import type { ProgressInputView } from '../../core/protocol/between-us-api.ts';
import { configFromEnvironment } from '../config.ts';
import { SILENT_LOGGER } from '../log/logger.ts';
import { serverStart, type RunningServer } from '../main.ts';
import { httpJson, inviteAcceptOverHttp, LiveClient, sessionCreateOverHttp } from '../testing/live-client.ts';
import { portFree } from '../testing/test-server.ts';

const SECONDS = 240;

function sampleOf(reading: SimulatedReading, atMs: number) {
  return { atMs, heartRateBpm: reading.heartRateBpm, rrMs: [...reading.rrMs], breathingRateBpm: reading.breathingRateBpm, breathPhase: reading.breathPhase };
}

describe('progress carries each ended session’s synchrony and coherence', () => {
  let server: RunningServer;
  let dataDir = '';
  let clockMs = Date.now();
  const clients: LiveClient[] = [];

  before(async () => {
    const port = await portFree();
    dataDir = mkdtempSync(join(tmpdir(), 'attune-progress-'));
    const baseUrl = `http://127.0.0.1:${String(port)}`;
    const config = configFromEnvironment({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_ORIGIN: baseUrl, LOG_LEVEL: 'silent' });
    server = await serverStart(config, SILENT_LOGGER, () => clockMs);
  });

  after(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('four minutes of a coupled pair give both people a point in each trend', async () => {
    const baseUrl = server.url;
    const { sessionId, hostCookie, inviteToken } = await sessionCreateOverHttp(baseUrl, 'Ana');
    const guestCookie = await inviteAcceptOverHttp(baseUrl, inviteToken, 'Ben');
    const ana = new LiveClient(baseUrl, hostCookie, sessionId);
    const ben = new LiveClient(baseUrl, guestCookie, sessionId);
    clients.push(ana, ben);
    await ana.connect();
    await ana.join('Ana');
    await ben.connect();
    await ben.join('Ben');
    await ana.waitForSeq(3);

    const startMs = clockMs;
    const { a, b } = pairSimulationAdvance(pairSimulationStart({ seed: 7, coupling: 0.8 }), SECONDS);
    // Batches of eight seconds; each waits until it has been passed on, so the server's clock
    // (moved by hand) never runs ahead of samples still in flight.
    for (let first = 0; first < SECONDS; first += 8) {
      const seconds = Array.from({ length: Math.min(8, SECONDS - first) }, (_, k) => first + k);
      clockMs = startMs + (first + seconds.length) * 1000;
      ana.sendSignals(seconds.flatMap((second) => (a[second] ? [sampleOf(a[second], startMs + (second + 1) * 1000)] : [])));
      ben.sendSignals(seconds.flatMap((second) => (b[second] ? [sampleOf(b[second], startMs + (second + 1) * 1000)] : [])));
      const batches = first / 8 + 1;
      await ana.waitFor(() => ana.signals.length === batches, `Ben's batch ${String(batches)} at Ana`);
      await ben.waitFor(() => ben.signals.length === batches, `Ana's batch ${String(batches)} at Ben`);
    }
    await ana.accept({ type: 'endSession' });
    clockMs += 5000;

    for (const cookie of [hostCookie, guestCookie]) {
      const progress = await httpJson<ProgressInputView>(baseUrl, '/api/progress', { cookie });
      assert.equal(progress.status, 200);
      assert.equal(progress.body.synchrony.length, 1, JSON.stringify(progress.body.synchrony));
      assert.ok((progress.body.synchrony[0]?.score ?? 0) > 0.2, 'a strongly coupled pair scores well above chance');
      assert.equal(progress.body.coherence.length, 1);
      assert.ok((progress.body.coherence[0]?.ratio ?? 0) > 0);
      // Kept: asking again gives the same point without computing it again.
      const again = await httpJson<ProgressInputView>(baseUrl, '/api/progress', { cookie });
      assert.deepEqual(again.body.synchrony, progress.body.synchrony);
    }
  });
});
