/**
 * The session report in Chromium against the real server. Two people take part from Node through
 * the real HTTP and WebSocket API (live clients): they check in, stream three minutes of simulated
 * heart rate, RR intervals and breathing, do a paced practice with a pause in it, check in again,
 * and the host ends the session. Then the report opens in the browser, signed in with a person's
 * identity cookie: the charts are drawn, the table view has rows, the CSV download holds RR rows,
 * axe finds nothing serious, it fits a phone, "Forget my body data" removes that person's lines,
 * someone who was never there gets a plain sentence, and after the host deletes the session the
 * report says so. Screenshots at desktop and phone size.
 *
 * Time: the server only keeps samples stamped within 60 s before and 10 s after its own clock
 * (`SIGNAL_MAX_AGE_MS`, `SIGNAL_MAX_AHEAD_MS`), so a session cannot be back-filled. Instead this
 * suite runs the real server on a compressed clock (`serverStart`'s `now`, `CLOCK_SPEED` times
 * real time): three simulated minutes take about 25 s, every sample is stamped with the server's
 * "now", and the synchrony statistics get the two minutes they need for a trend.
 *
 * The tests run in order on one session; a later one is skipped when an earlier one failed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test, type TestContext } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { pairSimulationAdvance, pairSimulationStart, type PairSimulation, type SimulatedReading } from '../src/core/physiology/pair-simulation.ts';
import type { SessionReport } from '../src/core/report/session-report.ts';
import { configFromEnvironment } from '../src/server/config.ts';
import { SILENT_LOGGER } from '../src/server/log/logger.ts';
import { serverStart, type RunningServer } from '../src/server/main.ts';
import { LiveClient, httpJson, inviteAcceptOverHttp, sessionCreateOverHttp } from '../src/server/testing/live-client.ts';
import { portFree } from '../src/server/testing/test-server.ts';
import { axeAssertClean } from './support/axe.ts';
import { E2E_SERVER_ENV, appContextNew, browserLaunch, browserOrSkipReason, type AppContext, type AppContextOptions } from './support/browser.ts';
import { screenReady } from './support/screens.ts';
import { screenVisit } from './support/session-flow.ts';

/** How much faster than real time the server's clock runs. */
const CLOCK_SPEED = 8;
/** Simulated seconds the two people stream for. */
const SESSION_SEC = 180;
const HOST_NAME = 'Ana';
const GUEST_NAME = 'Bo';
const REPORT_HEADING = 'Looking back on your session';

const skip = browserOrSkipReason();

/** A clock that runs `speed` times faster than this machine's, from now on. */
function fastClock(speed: number): () => number {
  const originMs = Date.now();
  return () => Math.round(originMs + (Date.now() - originMs) * speed);
}

/** A simulated reading as a wire sample stamped at `startMs` + its second. */
function sampleOf(reading: SimulatedReading, startMs: number) {
  return {
    atMs: startMs + reading.atSec * 1000,
    source: 'simulated' as const,
    heartRateBpm: reading.heartRateBpm,
    rrMs: reading.rrMs.slice(0, 16),
    breathingRateBpm: reading.breathingRateBpm,
    breathPhase: reading.breathPhase,
  };
}

/** Streams the pair's readings (a to `a`, b to `b`) as simulated time passes, until `stop()`. */
function streamPair(a: LiveClient, b: LiveClient, now: () => number) {
  const startMs = now();
  let simulation: PairSimulation = pairSimulationStart({ seed: 20261121, coupling: 0.7 });
  const control = { running: true };
  let sent = 0;
  const done = (async () => {
    while (control.running) {
      const toSec = Math.floor((now() - startMs) / 1000);
      const advanced = pairSimulationAdvance(simulation, toSec);
      simulation = advanced.sim;
      for (const [client, readings] of [[a, advanced.a], [b, advanced.b]] as const) {
        for (let index = 0; index < readings.length; index += 8) {
          client.sendSignals(readings.slice(index, index + 8).map((reading) => sampleOf(reading, startMs)));
          sent += 1;
        }
      }
      await sleep(40);
    }
  })();
  return {
    stop: async () => {
      control.running = false;
      await done;
      return sent;
    },
  };
}

/** Sends a command until it is accepted (a practice can only complete once its time is up). */
async function acceptWhenDue(client: LiveClient, command: object, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const outcome = await client.command(command);
    if (outcome.ok) return;
    if (Date.now() > deadline) throw new Error(`${JSON.stringify(command)} was still turned down: ${outcome.message}`);
    await sleep(200);
  }
}

/** Waits until the server clock `now` reaches `atMs`. */
async function untilServerTime(now: () => number, atMs: number): Promise<void> {
  while (now() < atMs) await sleep(20);
}

/** The report's level-1 heading and charts, once drawn. */
async function reportOpen(page: Page, sessionId: string): Promise<void> {
  await page.goto(`/session/${sessionId}/report`);
  await screenReady(page);
  await page.getByRole('heading', { level: 1, name: REPORT_HEADING }).waitFor({ timeout: 10_000 });
}

describe('the session report in Chromium', { skip }, () => {
  let server: RunningServer | undefined;
  let dataDir = '';
  let baseUrl = '';
  let browser: Browser | undefined;
  let sessionId = '';
  let hostCookie = '';
  let guestCookie = '';
  let hostReport: SessionReport;
  const contexts: AppContext[] = [];
  let brokenAt: string | null = null;

  async function contextNew(options: AppContextOptions): Promise<AppContext> {
    if (browser === undefined) throw new Error('the browser did not start');
    const context = await appContextNew(browser, baseUrl, options);
    contexts.push(context);
    return context;
  }

  before(async () => {
    const now = fastClock(CLOCK_SPEED);
    const port = await portFree();
    dataDir = mkdtempSync(join(tmpdir(), 'attune-report-e2e-'));
    baseUrl = `http://127.0.0.1:${port}`;
    const config = configFromEnvironment({
      ...E2E_SERVER_ENV,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_ORIGIN: baseUrl,
      LOG_LEVEL: 'silent',
    });
    server = await serverStart(config, SILENT_LOGGER, now);
    browser = await browserLaunch();

    // Two people, through the real HTTP and WebSocket API.
    const created = await sessionCreateOverHttp(baseUrl, HOST_NAME);
    sessionId = created.sessionId;
    hostCookie = created.hostCookie;
    guestCookie = await inviteAcceptOverHttp(baseUrl, created.inviteToken, GUEST_NAME);
    const host = new LiveClient(baseUrl, hostCookie, sessionId);
    const guest = new LiveClient(baseUrl, guestCookie, sessionId);
    try {
      await host.connect();
      await host.join(HOST_NAME);
      await guest.connect();
      await guest.join(GUEST_NAME);
      const startedMs = now();
      const stream = streamPair(host, guest, now);
      await host.accept({ type: 'checkIn', state: 'activated', intensity: 6, moment: 'before' });
      await guest.accept({ type: 'checkIn', state: 'mixed', intensity: 4, moment: 'before', visibility: 'shared' });

      await untilServerTime(now, startedMs + 20_000);
      await host.accept({ type: 'proposePractice', practiceId: 'breath-sync', durationMs: 60_000 });
      await host.accept({ type: 'setReady', ready: true });
      await guest.accept({ type: 'setReady', ready: true });
      await host.accept({ type: 'startPractice' });
      await untilServerTime(now, startedMs + 50_000);
      await guest.accept({ type: 'pause' });
      await untilServerTime(now, startedMs + 62_000);
      await guest.accept({ type: 'resume' });
      await acceptWhenDue(host, { type: 'endPractice', outcome: 'completed' });
      await host.accept({ type: 'checkIn', state: 'regulated', intensity: 4, moment: 'after' });
      await guest.accept({ type: 'checkIn', state: 'regulated', intensity: 5, moment: 'after', visibility: 'shared' });

      await untilServerTime(now, startedMs + SESSION_SEC * 1000);
      const batches = await stream.stop();
      await host.accept({ type: 'endSession' });
      assert.deepEqual([...host.errors, ...guest.errors], [], 'the server took every batch of samples');
      console.log(`[report] streamed ${SESSION_SEC} simulated s in ${batches} batches at ${CLOCK_SPEED}x`);
    } finally {
      await host.close();
      await guest.close();
    }

    const report = await httpJson<SessionReport>(baseUrl, `/api/sessions/${sessionId}/report`, { cookie: hostCookie });
    assert.equal(report.status, 200, JSON.stringify(report.body));
    hostReport = report.body;
    const synchrony = hostReport.synchrony;
    console.log(
      `[report] ${hostReport.series.map((series) => `${series.participantId.slice(0, 6)}: ${series.atMs.length} rows, ${series.rrCount} RR`).join('; ')}; synchrony ${synchrony.kind === 'scored' ? `scored, ${synchrony.points.length} points, overall ${synchrony.overall?.score.toFixed(2) ?? 'none'}` : `not enough signal: ${synchrony.reason}`}`,
    );
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    if (dataDir !== '') rmSync(dataDir, { recursive: true, force: true });
  });

  /** One step of the shared story; skipped after an earlier failure; ends with the clean checks. */
  function step(name: string, body: (t: TestContext) => Promise<void>): void {
    test(name, async (t) => {
      if (brokenAt !== null) {
        t.skip(`the earlier step "${brokenAt}" failed`);
        return;
      }
      try {
        await body(t);
        for (const context of contexts) {
          context.assertNoForeignRequests();
          context.assertNoPageErrors();
          context.assertNoServerErrors();
        }
      } catch (error) {
        brokenAt = name;
        throw error;
      }
    });
  }

  step('the stored report holds both people, the practice and the check-ins', () => {
    assert.deepEqual(hostReport.people.map((person) => person.displayName), [HOST_NAME, GUEST_NAME]);
    assert.equal(hostReport.series.length, 2, 'both people shared heart rate and breathing');
    for (const series of hostReport.series) {
      assert.ok(series.atMs.length >= SESSION_SEC * 0.8, `about one stored row a second (${series.atMs.length})`);
      assert.ok(series.rrCount > SESSION_SEC, 'RR intervals kept');
    }
    assert.equal(hostReport.practices.length, 1);
    assert.equal(hostReport.practices[0]?.pauses.length, 1);
    assert.equal(hostReport.checkIns.length, 4);
    assert.ok(hostReport.endedAtMs !== null);
    return Promise.resolve();
  });

  step('on a desktop, the charts are drawn, the tables have rows and the CSV holds RR intervals', async () => {
    const app = await contextNew({ device: 'desktop', colorScheme: 'light', cookie: hostCookie });
    const page = await app.pageNew();
    await reportOpen(page, sessionId);
    const scored = hostReport.synchrony.kind === 'scored' && hostReport.synchrony.points.some((point) => point.score !== null);
    const charts = page.locator('.time-chart canvas');
    await charts.first().waitFor();
    assert.equal(await page.locator('.time-chart').count(), scored ? 3 : 2, 'heart rate, breathing and (when scored) synchrony');
    await page.getByRole('img', { name: /^Heart rate over the session\. You: between/ }).waitFor();
    await page.getByRole('img', { name: /^Breathing over the session\./ }).waitFor();
    assert.match(await page.locator('.report-summary').innerText(), /^You spent 3 minutes together, did one practice \(Breathing together\)/);
    assert.match(await page.getByRole('region', { name: 'How you felt' }).innerText(), /Revved up or on edge, 6 out of 10[\s\S]*Settled and present, 4 out of 10/);
    // The practice is named under the charts, with its pause.
    assert.match(await page.locator('.chart-key-phases').first().innerText(), /^Shaded: Breathing together from \d+:\d\d to \d+:\d\d, paused once\.$/);
    // The canvas has something drawn on it (not a blank rectangle).
    const inked = await charts.first().evaluate((canvas: HTMLCanvasElement) => {
      const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
      let opaque = 0;
      for (let index = 3; index < pixels.length; index += 4) if ((pixels[index] ?? 0) > 0) opaque += 1;
      return opaque;
    });
    assert.ok(inked > 1000, `the heart-rate chart has ink (${inked} pixels)`);
    await screenVisit(page, 'report');

    await page.getByRole('button', { name: 'Show as a table' }).click();
    const heartTable = page.getByRole('table', { name: /^Heart rate: each person's average/ });
    await heartTable.waitFor();
    const rows = heartTable.locator('tbody tr');
    assert.ok((await rows.count()) >= 6, 'half-minute rows over three minutes');
    // Time, one average per person, then the practice (it began 25 s in, after its 5 s lead-in).
    assert.match(await rows.first().innerText(), /^0:00 to 0:30\t\d+\t\d+\tBreathing together$/);
    assert.match(await rows.last().innerText(), /\tNo practice$/);
    assert.ok((await page.getByRole('table', { name: /^Breathing: each person's average/ }).locator('tbody tr').count()) >= 6);
    if (scored) {
      const syncRows = page.getByRole('table', { name: /^Synchrony, from 0 to 1/ }).locator('tbody tr');
      assert.ok((await syncRows.count()) >= 1);
      // Each trend point covers the two minutes before it, and says so.
      assert.match(await syncRows.first().innerText(), /^\d+:\d\d to \d+:\d\d\t(0\.\d\d|1\.00|no reading)\t/);
    }
    assert.equal(await page.locator('.time-chart').count(), 0, 'tables replace the pictures');
    await screenVisit(page, 'report-table', { help: false });
    // Back to pictures from the keyboard.
    await page.getByRole('button', { name: 'Show as pictures' }).focus();
    await page.keyboard.press('Enter');
    await charts.first().waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download beat-to-beat intervals (CSV)' }).click()]);
    const path = await download.path();
    const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
    assert.equal(lines[0], 'participant,name,beat_end_iso,rr_ms');
    assert.ok(lines.length > 2 * SESSION_SEC, `RR rows for both people (${lines.length - 1})`);
    assert.match(lines[1] ?? '', /^[^,]+,Ana,\d{4}-\d\d-\d\dT[\d:.]+Z,\d+(\.\d+)?$/);
    assert.ok(lines.some((line) => line.includes(`,${GUEST_NAME},`)), 'the guest shared theirs');
  });

  step('on a phone, it fits the screen, axe is clean with reduced motion, and charts draw', async () => {
    const app = await contextNew({ device: 'phone', colorScheme: 'dark', reducedMotion: 'reduce', cookie: guestCookie });
    const page = await app.pageNew();
    await reportOpen(page, sessionId);
    await page.locator('.time-chart canvas').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow} px too wide)`);
    const chartWidth = await page.locator('.time-chart').first().evaluate((element) => element.getBoundingClientRect().width);
    assert.ok(chartWidth > 250 && chartWidth <= 390, `the chart fills the phone's width (${chartWidth} px)`);
    await screenVisit(page, 'report', { viewport: true });
    await page.getByRole('button', { name: 'Show as a table' }).click();
    await page.getByRole('table').first().waitFor();
    const tableOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(tableOverflow <= 0, `tables scroll inside their box, not the page (${tableOverflow} px)`);
    await axeAssertClean(page, 'report tables on a phone');
  });

  step('"Forget my body data" asks first, then removes my lines for everyone', async () => {
    const app = await contextNew({ device: 'phone', colorScheme: 'light', cookie: guestCookie });
    const page = await app.pageNew();
    await reportOpen(page, sessionId);
    await page.getByRole('img', { name: /^Heart rate over the session\. (?=.*You: between)(?=.*Ana: between)/ }).waitFor();
    await page.getByRole('button', { name: 'Forget my body data from this session' }).click();
    const question = page.getByRole('group', { name: /^Delete your heart rate, breathing and beat-to-beat intervals/ });
    await question.waitFor();
    await axeAssertClean(page, 'forget confirm');
    await page.getByRole('button', { name: 'Keep it' }).click();
    assert.equal(await question.count(), 0, '"Keep it" changes nothing');
    await page.getByRole('button', { name: 'Forget my body data from this session' }).click();
    await page.getByRole('button', { name: 'Yes, forget my body data' }).click();
    await page.getByRole('status').filter({ hasText: /^Done\. Your body data from this session has been deleted\./ }).waitFor();
    // The report reloads without my lines: the heart-rate text now names only Ana.
    // (Before the forget the name may also start with Ana, so wait until mine is gone from it.)
    await page.getByRole('img', { name: /^Heart rate over the session\. Ana: between(?!.*You:)/ }).waitFor();
    assert.doesNotMatch(await page.locator('#report-heartRateBpm-title + p').innerText(), /You:/);
    await screenVisit(page, 'report-forgotten', { help: false });

    const guestId = hostReport.people.find((person) => person.displayName === GUEST_NAME)?.participantId;
    const seenByHost = await httpJson<SessionReport>(baseUrl, `/api/sessions/${sessionId}/report`, { cookie: hostCookie });
    assert.deepEqual(
      seenByHost.body.series.map((series) => series.participantId),
      hostReport.series.map((series) => series.participantId).filter((id) => id !== guestId),
      'the host no longer sees them either',
    );
  });

  step('someone who was never in the session gets a plain sentence and a way back', async () => {
    const stranger = await sessionCreateOverHttp(baseUrl, 'Cy');
    const app = await contextNew({ device: 'desktop', colorScheme: 'dark', cookie: stranger.hostCookie });
    const page = await app.pageNew();
    await page.goto(`/session/${sessionId}/report`);
    // A stranger gets the same answer as for a session that does not exist.
    await page.getByRole('heading', { level: 1, name: 'This session could not be found' }).waitFor();
    await page.getByRole('link', { name: 'Back to the start' }).waitFor();
    // The 404 shows in the console as a failed load; it is the answer this test asks for.
    await screenVisit(page, 'report-not-yours');
  });

  step('once the host deletes the session, the report says it is gone', async () => {
    const deleted = await fetch(`${baseUrl}/api/sessions/${sessionId}`, { method: 'DELETE', headers: { cookie: hostCookie, origin: baseUrl } });
    assert.equal(deleted.status, 204);
    const app = await contextNew({ device: 'phone', colorScheme: 'light', cookie: guestCookie });
    const page = await app.pageNew();
    await page.goto(`/session/${sessionId}/report`);
    await page.getByRole('heading', { level: 1, name: 'This session could not be found' }).waitFor();
    await axeAssertClean(page, 'deleted session report');
  });
});
