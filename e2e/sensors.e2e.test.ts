/**
 * The sensors in "Your body signals", in Chromium against the real server:
 * - a fake Bluetooth strap injected into the page (real 0x2A37 packets: 72 bpm with RR intervals)
 *   drives the strap path to the number on screen; the strap drops, the card says it is
 *   reconnecting, and the number comes back on its own; a browser without Web Bluetooth is told
 *   what to use instead;
 * - Chromium's fake camera, fed a generated video of a face pulsing at 75 bpm, drives the camera
 *   path (worker, POS, the signal gate) to a number within ±5 bpm; fed the same face with no
 *   pulse, it shows no number at all;
 * - the phone on the belly: motion events breathing 12 times a minute show that rate, and a
 *   device whose motion sensor never answers is told so;
 * - the simulated pair shows a number within a few seconds, also with the card folded away.
 * The card is checked with axe and photographed at phone and desktop size.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { axeAssertClean } from './support/axe.ts';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  appContextNew,
  browserOrSkipReason,
  contextMetaOf,
  e2eAppStart,
  type AppContext,
  type AppContextOptions,
  type E2eApp,
} from './support/browser.ts';
import {
  bluetoothRemove,
  fakeBluetoothInstall,
  fakeStrapComeBack,
  fakeStrapDrop,
  fakeStrapState,
} from './support/fake-bluetooth.ts';
import { fakeVideoWrite } from './support/fake-video.ts';
import { screenshotPath } from './support/screenshots.ts';
import { screenReady, sessionCreate } from './support/screens.ts';

const skip = browserOrSkipReason();

/** The pulse in the generated video, and how close the number on screen must be. */
const VIDEO_PULSE_BPM = 75;
const PULSE_TOLERANCE_BPM = 5;
/** The camera needs ~10 s of frames and two agreeing estimates; allow for a slow machine. */
const CAMERA_NUMBER_WITHIN_MS = 45_000;
/** How long a face without a pulse is watched for a (wrong) number. */
const NO_PULSE_WATCH_MS = 25_000;

/** The card, found as a person would: the region named by its heading. */
function sensorPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Your body signals' });
}

/** Starts a session as its host, joins it on `page` (with `boundaries` ticked), and opens the sensor options. */
async function panelOpen(
  page: Page,
  baseUrl: string,
  boundaries: readonly string[] = [],
): Promise<Locator> {
  const session = await sessionCreate(baseUrl, 'Ana');
  const [name, value] = session.hostCookie.split('=') as [string, string];
  await page.context().addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  await page.goto(`/session/${session.sessionId}`);
  await screenReady(page);
  await page.getByLabel('Your name').fill('Ana');
  for (const boundary of boundaries) await page.getByLabel(boundary, { exact: true }).check();
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  const panel = sensorPanel(page);
  await panel.waitFor({ timeout: 15_000 });
  await panel.getByRole('button', { name: 'Show sensor options' }).click();
  return panel;
}

/** Saves a picture of just the card (and the whole page), named like the suite's other screenshots. */
async function panelPhotograph(page: Page, panel: Locator, name: string): Promise<void> {
  const meta = contextMetaOf(page.context());
  assert.ok(meta !== undefined);
  const path = screenshotPath(name, meta.device, meta.colorScheme);
  mkdirSync(dirname(path), { recursive: true });
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
  // The sticky header and the Pause bar would otherwise be drawn across the card as it scrolls.
  // (Through element.style: the app's CSP rightly refuses an injected <style>.)
  const layers = (visibility: string) => {
    for (const element of document.querySelectorAll<HTMLElement>('.app-header, .pause-bar'))
      element.style.visibility = visibility;
  };
  await page.evaluate(layers, 'hidden');
  try {
    await panel.screenshot({ path, animations: 'disabled', caret: 'hide' });
  } finally {
    await page.evaluate(layers, '');
  }
}

/** The number shown for `source`, or null while none is shown. */
async function shownNumber(panel: Locator, source: string): Promise<string | null> {
  const reading = panel.getByTestId(`sensor-reading-${source}`);
  return (await reading.count()) === 0 ? null : reading.innerText();
}

function assertClean(context: AppContext): void {
  context.assertNoPageErrors();
  context.assertNoServerErrors();
  context.assertNoForeignRequests();
}

describe('sensors in Chromium', { skip }, () => {
  let app: E2eApp;
  let videoDir = '';
  const extraBrowsers: Browser[] = [];

  before(async () => {
    app = await e2eAppStart();
    videoDir = mkdtempSync(join(tmpdir(), 'attune-fake-video-'));
  });

  after(async () => {
    for (const browser of extraBrowsers) await browser.close().catch(() => undefined);
    await app.stop();
    rmSync(videoDir, { recursive: true, force: true });
  });

  /** A browser whose camera plays `videoPath`, and a context on it. */
  async function cameraContext(videoPath: string, options: AppContextOptions): Promise<AppContext> {
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        ...CHROMIUM_ARGS,
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${videoPath}`,
      ],
    });
    extraBrowsers.push(browser);
    const context = await appContextNew(browser, app.baseUrl, options);
    await context.context.grantPermissions(['camera'], { origin: app.baseUrl });
    // Keep every camera stream the page opens, to check that stopping really ends it.
    await context.context.addInitScript({
      content: `(() => {
        const streams = [];
        globalThis.__cameraStreams = streams;
        const devices = navigator.mediaDevices;
        if (devices === undefined) return; // pages without a secure context have no camera at all
        const original = devices.getUserMedia.bind(devices);
        devices.getUserMedia = async (constraints) => {
          const stream = await original(constraints);
          streams.push(stream);
          return stream;
        };
      })();`,
    });
    return context;
  }

  test('a Bluetooth strap: paired, 72 bpm on screen, a drop shows reconnecting, and the number comes back', async () => {
    const context = await app.contextNew({ device: 'desktop', colorScheme: 'light' });
    try {
      await fakeBluetoothInstall(context.context, {
        heartRateBpm: 72,
        rrMs: [833, 829],
        everyMs: 1000,
      });
      const page = await context.pageNew();
      const panel = await panelOpen(page, app.baseUrl);
      await panel
        .getByText('Your boundaries keep', { exact: false })
        .or(panel.getByText('see your readings live', { exact: false }))
        .first()
        .waitFor();
      await panelPhotograph(page, panel, 'sensors-panel-open');
      await axeAssertClean(page, 'sensor options');

      await panel.getByRole('button', { name: 'Connect the strap' }).click();
      await panel.getByTestId('sensor-reading-strap').waitFor({ timeout: 10_000 });
      assert.equal(await shownNumber(panel, 'strap'), '72 bpm · heart-rate strap');
      assert.equal(await panel.getByTestId('sensor-status-strap').innerText(), 'Connected');
      const paired = await fakeStrapState(page);
      assert.deepEqual(
        paired.requestedServices,
        ['heart_rate'],
        'the chooser asks for heart-rate straps only',
      );
      assert.equal(paired.notifying, true);
      await panelPhotograph(page, panel, 'sensors-strap-streaming');
      await axeAssertClean(page, 'sensor options with the strap on');

      await fakeStrapDrop(page);
      const status = panel.getByTestId('sensor-status-strap');
      await status.getByText(/Reconnecting on its own/).waitFor({ timeout: 5_000 });
      assert.equal(await shownNumber(panel, 'strap'), null, 'no number while the strap is away');
      await panelPhotograph(page, panel, 'sensors-strap-reconnecting');
      // Let a couple of tries fail first, then bring it back: the card reconnects by itself.
      await page.waitForTimeout(3_500);
      const triesWhileAway = (await fakeStrapState(page)).connectCalls;
      assert.ok(
        triesWhileAway >= 2,
        `it kept trying while the strap was away (${triesWhileAway} connects in all)`,
      );
      await fakeStrapComeBack(page);
      await panel.getByTestId('sensor-reading-strap').waitFor({ timeout: 15_000 });
      assert.equal(await shownNumber(panel, 'strap'), '72 bpm · heart-rate strap');

      await panel.getByRole('button', { name: 'Disconnect the strap' }).click();
      await panel.getByRole('button', { name: 'Connect the strap' }).waitFor();
      const stopped = await fakeStrapState(page);
      assert.equal(stopped.linked, false, 'stopping lets go of the strap');
      assert.equal(stopped.notifying, false);
      assertClean(context);
    } finally {
      await context.close();
    }
  });

  test('without Web Bluetooth the card says plainly what to use instead; with sharing ruled out it says the signals stay here', async () => {
    const context = await app.contextNew({ device: 'phone', colorScheme: 'dark' });
    try {
      await bluetoothRemove(context.context);
      const page = await context.pageNew();
      const panel = await panelOpen(page, app.baseUrl, [
        'No sharing of body signals (like heart rate or breathing)',
      ]);
      await panel
        .getByText('Your boundaries keep your body signals on this device; only you see them.')
        .waitFor({ timeout: 5_000 });
      const status = panel.getByTestId('sensor-status-strap');
      await status
        .getByText(/Chrome or Edge can, on Android, Windows, macOS or ChromeOS/)
        .waitFor({ timeout: 10_000 });
      assert.equal(
        await panel.getByRole('button', { name: 'Connect the strap' }).count(),
        0,
        'no button that cannot work',
      );
      await panelPhotograph(page, panel, 'sensors-no-bluetooth');
      await axeAssertClean(page, 'sensor options without Bluetooth');
      assertClean(context);
    } finally {
      await context.close();
    }
  });

  test('the simulated pair shows a heart rate and breathing within a few seconds', async () => {
    const context = await app.contextNew({
      device: 'phone',
      colorScheme: 'light',
      reducedMotion: 'reduce',
    });
    try {
      const page = await context.pageNew();
      const panel = await panelOpen(page, app.baseUrl);
      await panel.getByRole('button', { name: 'Start the simulation' }).click();
      await panel.getByTestId('sensor-reading-simulated').waitFor({ timeout: 10_000 });
      assert.match(
        (await shownNumber(panel, 'simulated')) ?? '',
        /^\d+ bpm · \d+ breaths a minute · simulated$/,
      );
      await panelPhotograph(page, panel, 'sensors-simulated');
      // Folded away, the card keeps showing the running sensor's number.
      await panel.getByRole('button', { name: 'Hide sensor options' }).click();
      await panel
        .getByRole('listitem')
        .filter({ hasText: /bpm · \d+ breaths a minute · simulated/ })
        .waitFor({ timeout: 5_000 });
      await panelPhotograph(page, panel, 'sensors-panel-folded');
      await axeAssertClean(page, 'sensor card folded with the simulation on');
      await panel.getByRole('button', { name: 'Show sensor options' }).click();
      await panel.getByRole('button', { name: 'Stop the simulation' }).click();
      await panel.getByRole('button', { name: 'Start the simulation' }).waitFor();
      assertClean(context);
    } finally {
      await context.close();
    }
  });

  test('the phone on the belly: breathing from motion events shows a rate; a device without a motion sensor is told apart', async () => {
    const context = await app.contextNew({ device: 'phone', colorScheme: 'light' });
    try {
      // A phone lying on a belly breathing 12 times a minute: gravity plus a small tilt, at 50 Hz.
      await context.context.addInitScript({
        content: `globalThis.__breatheOnPhone = () => setInterval(() => {
          const t = performance.now() / 1000;
          const tilt = 0.08 * -Math.cos(2 * Math.PI * 0.2 * t);
          window.dispatchEvent(new DeviceMotionEvent('devicemotion', {
            accelerationIncludingGravity: { x: 0.4 + 0.1 * tilt, y: 1.2 - 0.95 * tilt, z: 9.6 + 0.3 * tilt },
            interval: 20,
          }));
        }, 20);`,
      });
      const page = await context.pageNew();
      const panel = await panelOpen(page, app.baseUrl);
      // Headless Chromium has no motion sensor of its own: nothing answers.
      await panel.getByRole('button', { name: 'Start the phone' }).click();
      await panel
        .getByTestId('sensor-status-motion')
        .getByText(/No motion sensor answered/)
        .waitFor({ timeout: 10_000 });

      await page.evaluate('globalThis.__breatheOnPhone()');
      await panel.getByRole('button', { name: 'Start the phone' }).click();
      await panel
        .getByTestId('sensor-status-motion')
        .getByText(/first number takes about half a minute/)
        .waitFor({ timeout: 5_000 });
      await panel.getByTestId('sensor-reading-motion').waitFor({ timeout: 40_000 });
      const words = (await shownNumber(panel, 'motion')) ?? '';
      const rate = Number(/^(\d+) breaths a minute · phone on your body$/.exec(words)?.[1]);
      assert.ok(Math.abs(rate - 12) <= 1, `12 breaths a minute on screen (was "${words}")`);
      await panel.getByRole('button', { name: 'Tune breath timing' }).waitFor();
      await panelPhotograph(page, panel, 'sensors-phone-breathing');
      await axeAssertClean(page, 'sensor options with the phone on');
      await panel.getByRole('button', { name: 'Stop the phone' }).click();
      assertClean(context);
    } finally {
      await context.close();
    }
  });

  test(`the camera: a face pulsing at ${VIDEO_PULSE_BPM} bpm reads within ±${PULSE_TOLERANCE_BPM} bpm; stopping ends the camera`, async () => {
    const video = fakeVideoWrite(videoDir, 'pulse-75', { pulseBpm: VIDEO_PULSE_BPM });
    const context = await cameraContext(video, { device: 'phone', colorScheme: 'light' });
    try {
      const page = await context.pageNew();
      const panel = await panelOpen(page, app.baseUrl);
      await panel.getByRole('button', { name: 'Start the camera' }).click();
      await panel.locator('.camera-preview video').waitFor({ timeout: 10_000 });
      await panel.getByText('The video stays on this device').waitFor();
      await panel
        .getByTestId('sensor-status-camera')
        .getByText(/Finding your pulse/)
        .waitFor({ timeout: 10_000 });
      await panelPhotograph(page, panel, 'sensors-camera-finding');

      const startedAt = Date.now();
      await panel
        .getByTestId('sensor-reading-camera')
        .waitFor({ timeout: CAMERA_NUMBER_WITHIN_MS });
      const firstNumberAfterMs = Date.now() - startedAt;
      const words = (await shownNumber(panel, 'camera')) ?? '';
      const match = /^(\d+) bpm · camera estimate$/.exec(words);
      assert.ok(
        match !== null,
        `the camera number reads "<n> bpm · camera estimate" (was "${words}")`,
      );
      const bpm = Number(match[1]);
      console.log(
        `[camera] ${bpm} bpm on screen ${(firstNumberAfterMs / 1000).toFixed(1)} s after the pulse search began (video: ${VIDEO_PULSE_BPM} bpm)`,
      );
      assert.ok(
        Math.abs(bpm - VIDEO_PULSE_BPM) <= PULSE_TOLERANCE_BPM,
        `${bpm} bpm is within ±${PULSE_TOLERANCE_BPM} of ${VIDEO_PULSE_BPM}`,
      );
      // It holds: a few seconds later it is still there and still right.
      await page.waitForTimeout(3_000);
      const later = Number(/^(\d+)/.exec((await shownNumber(panel, 'camera')) ?? '')?.[1]);
      assert.ok(Math.abs(later - VIDEO_PULSE_BPM) <= PULSE_TOLERANCE_BPM, `still ${later} bpm`);
      await panelPhotograph(page, panel, 'sensors-camera-streaming');
      await axeAssertClean(page, 'sensor options with the camera on');

      await panel.getByRole('button', { name: 'Stop the camera' }).click();
      await panel.getByRole('button', { name: 'Start the camera' }).waitFor();
      assert.equal(await panel.locator('.camera-preview').count(), 0, 'the preview is gone');
      const ended = await page.evaluate(() =>
        (
          (globalThis as typeof globalThis & { __cameraStreams?: MediaStream[] }).__cameraStreams ??
          []
        ).map((stream) => stream.getTracks().every((track) => track.readyState === 'ended')),
      );
      assert.deepEqual(ended, [true], 'the one camera stream opened was stopped');
      assertClean(context);
    } finally {
      await context.close();
    }
  });

  test('the camera: the same face without a pulse never shows a number', async () => {
    const video = fakeVideoWrite(videoDir, 'no-pulse', { pulseBpm: null, seconds: 8 });
    const context = await cameraContext(video, { device: 'desktop', colorScheme: 'dark' });
    try {
      const page = await context.pageNew();
      const panel = await panelOpen(page, app.baseUrl);
      await panel.getByRole('button', { name: 'Start the camera' }).click();
      await panel
        .getByTestId('sensor-status-camera')
        .getByText(/Finding your pulse/)
        .waitFor({ timeout: 10_000 });
      const until = Date.now() + NO_PULSE_WATCH_MS;
      while (Date.now() < until) {
        assert.equal(
          await shownNumber(panel, 'camera'),
          null,
          'no number for a face without a pulse',
        );
        await page.waitForTimeout(250);
      }
      const status = await panel.getByTestId('sensor-status-camera').innerText();
      assert.match(status, /Not enough signal yet/, 'it says why there is no number');
      await panelPhotograph(page, panel, 'sensors-camera-no-signal');
      await panel.getByRole('button', { name: 'Stop the camera' }).click();
      assertClean(context);
    } finally {
      await context.close();
    }
  });
});
