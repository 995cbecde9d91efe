/**
 * The e2e harness checks itself: the third-party guard records and aborts requests, WebSockets
 * and CSP-blocked loads to other hosts, and lets the app's own through.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { browserOrSkipReason, e2eAppStart, urlIsForeign, type E2eApp } from './browser.ts';

describe('urlIsForeign', () => {
  const base = 'http://127.0.0.1:4000';
  test('same host and port is the app; other hosts, ports and secure schemes of them are not', () => {
    assert.equal(urlIsForeign('http://127.0.0.1:4000/api/help', base), false);
    assert.equal(urlIsForeign('ws://127.0.0.1:4000/api/sessions/x/live', base), false);
    assert.equal(urlIsForeign('http://127.0.0.1:4001/', base), true);
    assert.equal(urlIsForeign('http://localhost:4000/', base), true);
    assert.equal(urlIsForeign('https://fonts.googleapis.com/css', base), true);
    assert.equal(urlIsForeign('wss://example.org/socket', base), true);
  });
  test('non-network schemes are not requests to another host', () => {
    for (const url of [
      'data:text/plain,hi',
      'blob:http://127.0.0.1:4000/x',
      'about:blank',
      'tel:112',
      'not a url',
    ]) {
      assert.equal(urlIsForeign(url, base), false, url);
    }
  });
});

const skip = browserOrSkipReason();

describe('third-party guard in Chromium', { skip }, () => {
  let app: E2eApp;
  before(async () => {
    app = await e2eAppStart();
  });
  after(async () => {
    await app.stop();
  });

  test('records and aborts requests and WebSockets to other hosts, and lets the app through', async () => {
    const context = await app.contextNew({ device: 'desktop' });
    try {
      // A page of our own without a CSP, so the browser really tries the other hosts.
      await context.context.route(`${app.baseUrl}/__e2e-guard`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><title>guard</title><img alt="" src="http://third-party.invalid/pixel.png">',
        }),
      );
      const failures: string[] = [];
      context.context.on('requestfailed', (request) => {
        failures.push(`${request.url()} ${request.failure()?.errorText ?? ''}`);
      });
      const page = await context.pageNew();
      await page.goto('/__e2e-guard');
      const outcome = await page.evaluate(async () => {
        const fetched = await fetch('https://cdn.example.com/lib.js').then(
          () => 'loaded',
          () => 'failed',
        );
        const socket = await new Promise<string>((resolve) => {
          const ws = new WebSocket('wss://socket.example.com/live');
          ws.onopen = () => {
            resolve('open');
          };
          ws.onclose = () => {
            resolve('closed');
          };
        });
        const own = await fetch('/api/help').then((response) => response.status);
        return { fetched, socket, own };
      });
      assert.deepEqual(outcome, { fetched: 'failed', socket: 'closed', own: 200 });
      const recorded = context.foreignRequests.join('\n');
      assert.match(recorded, /GET http:\/\/third-party\.invalid\/pixel\.png/);
      assert.match(recorded, /GET https:\/\/cdn\.example\.com\/lib\.js/);
      assert.match(recorded, /WEBSOCKET wss:\/\/socket\.example\.com\/live/);
      assert.doesNotMatch(recorded, /127\.0\.0\.1/);
      // Aborted by the guard, not merely unreachable from this machine.
      assert.ok(
        failures.some((line) =>
          line.startsWith('https://cdn.example.com/lib.js net::ERR_BLOCKED_BY_CLIENT'),
        ),
        failures.join('\n'),
      );
      assert.throws(() => {
        context.assertNoForeignRequests();
      }, /requests to other hosts/);
    } finally {
      await context.close();
    }
  });

  test("counts a third-party load the app's CSP blocked", async () => {
    const context = await app.contextNew({ device: 'phone' });
    try {
      const page = await context.pageNew();
      await page.goto('/');
      await page.evaluate(() => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = 'https://fonts.example.com/font.css';
        document.head.append(link);
      });
      await page.waitForTimeout(300);
      assert.match(
        context.foreignRequests.join('\n'),
        /CSP-BLOCKED style-src(-elem)? https:\/\/fonts\.example\.com/,
      );
    } finally {
      await context.close();
    }
  });
});
