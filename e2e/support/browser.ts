/**
 * Browser side of the end-to-end suites: Debian Chromium through playwright-core, phone and
 * desktop contexts in light and dark, and a guard that records and aborts every request to a host
 * other than the app's own, so each test can assert "no third-party requests".
 *
 * Suite shape (one browser per file, closed in `after`):
 *   const skip = browserOrSkipReason();          // throws under CI=true without Chromium
 *   describe('x', { skip }, () => {
 *     let app: E2eApp;
 *     before(async () => { app = await e2eAppStart(); });
 *     after(async () => { await app.stop(); });
 *     test('y', async () => {
 *       const phone = await app.contextNew({ device: 'phone' });
 *       try { const page = await phone.pageNew(); await page.goto('/'); ... phone.assertNoForeignRequests(); }
 *       finally { await phone.close(); }
 *     });
 *   });
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { testServerStart, type TestServer } from '../../src/server/testing/test-server.ts';

/** Debian's Chromium (`apt-get install -y --no-install-recommends chromium`). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags from STACK.md. No --user-data-dir: playwright-core gives each launch its own profile. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The built web app the test server serves. */
export const WEB_DIST_DIR = resolve('dist/web');
const WEB_SOURCE_DIR = resolve('src/web');

const INSTALL_HINT = 'apt-get install -y --no-install-recommends chromium';

/**
 * For node:test's `skip` option: false when the e2e suites can run, otherwise the reason (also
 * printed). Under CI=true a missing Chromium throws instead, so CI never goes green by skipping.
 * A missing web build always throws: run `npm run build` first.
 */
export function browserOrSkipReason(): string | false {
  if (!existsSync(CHROMIUM_PATH)) {
    const reason = `Chromium is not installed at ${CHROMIUM_PATH} (install it with: ${INSTALL_HINT})`;
    if (process.env.CI === 'true') {
      throw new Error(`CI=true and the browser suites cannot run: ${reason}`);
    }
    console.warn(`[skip] ${reason}`);
    return reason;
  }
  webBuildRequire();
  return false;
}

let staleWarned = false;
let buildMtimeAtStart: number | null = null;

/**
 * A sentence for failure messages when dist/web was rebuilt after this process first looked at it
 * (another `npm run build` in the same tree, say), else null. The server serves only the files that
 * were there when it started, so a rebuild mid-suite leaves later pages blank.
 */
export function webBuildChangedNote(): string | null {
  const index = join(WEB_DIST_DIR, 'index.html');
  if (buildMtimeAtStart === null || !existsSync(index)) return null;
  const now = statSync(index).mtimeMs;
  if (now === buildMtimeAtStart) return null;
  return `dist/web was rebuilt at ${new Date(now).toISOString()} while this suite ran; the test server only serves the files present when it started, so later pages load blank. Rerun when no other build is running.`;
}

/** Throws unless dist/web/index.html exists; warns once when src/web is newer than the build. */
export function webBuildRequire(): void {
  const index = join(WEB_DIST_DIR, 'index.html');
  if (!existsSync(index)) {
    throw new Error(
      `${index} is missing: the browser suites test the built app. Run \`npm run build\` first.`,
    );
  }
  const builtAt = statSync(index).mtimeMs;
  buildMtimeAtStart ??= builtAt;
  if (staleWarned) return;
  const newest = newestMtimeMs(WEB_SOURCE_DIR);
  if (newest > builtAt) {
    staleWarned = true;
    console.warn(
      '[warn] src/web has changed since dist/web was built; these tests run the older build. Run `npm run build`.',
    );
  }
}

function newestMtimeMs(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtimeMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Launches Debian Chromium headless. Close it in `after`. */
export async function browserLaunch(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}; install it with: ${INSTALL_HINT}`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}

/** The two sizes every screen is checked at. */
export type DeviceKind = 'phone' | 'desktop';
/** Light or dark `prefers-color-scheme`. */
export type ColorScheme = 'light' | 'dark';

/** Playwright context options per device. */
export const DEVICES = {
  phone: {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  },
  desktop: {
    viewport: { width: 1280, height: 800 },
    isMobile: false,
    hasTouch: false,
    deviceScaleFactor: 1,
  },
} as const satisfies Record<DeviceKind, object>;

/** Both devices, for loops. */
export const DEVICE_KINDS: readonly DeviceKind[] = ['phone', 'desktop'];
/** Both colour schemes, for loops. */
export const COLOR_SCHEMES: readonly ColorScheme[] = ['light', 'dark'];

/** How to make an app context. */
export interface AppContextOptions {
  device: DeviceKind;
  /** Default 'light'. */
  colorScheme?: ColorScheme;
  /** Default 'no-preference'. */
  reducedMotion?: 'reduce' | 'no-preference';
  /**
   * Default 'allow' (the app registers a service worker for offline use). Requests the worker
   * makes are still seen by the guard in Chromium; 'block' takes the worker out of the picture.
   */
  serviceWorkers?: 'allow' | 'block';
  /** An identity cookie ("name=value", as `httpJson` returns it) to start signed in. */
  cookie?: string;
  /** The browser's IANA time zone; default 'UTC'. */
  timezoneId?: string;
}

/** A browser context pointed at the app, with the third-party guard installed. */
export interface AppContext {
  readonly context: BrowserContext;
  readonly device: DeviceKind;
  readonly colorScheme: ColorScheme;
  readonly baseUrl: string;
  /** Every request (and WebSocket) to another host, as "METHOD url", in order, deduplicated. */
  readonly foreignRequests: readonly string[];
  /** A new page; `page.goto('/path')` resolves against the app. */
  pageNew(): Promise<Page>;
  /** Fails listing the third-party requests, if there were any. */
  assertNoForeignRequests(): void;
  /** Uncaught exceptions in any page of this context. */
  readonly pageErrors: readonly string[];
  /** console.error messages from any page (for diagnosis; failed HTTP answers show up here too). */
  readonly consoleErrors: readonly string[];
  /** Fails listing the uncaught exceptions, if there were any. */
  assertNoPageErrors(): void;
  /** The app's own answers with status 429 or 5xx, as "STATUS METHOD url". */
  readonly serverErrors: readonly string[];
  /** Fails listing the 429/5xx answers, if there were any. */
  assertNoServerErrors(): void;
  close(): Promise<void>;
}

interface ContextMeta {
  device: DeviceKind;
  colorScheme: ColorScheme;
}

const contextMeta = new WeakMap<BrowserContext, ContextMeta>();

/** Device and colour scheme of a context made by `appContextNew` (for screenshot names). */
export function contextMetaOf(context: BrowserContext): ContextMeta | undefined {
  return contextMeta.get(context);
}

/** A new context on `browser` for the app at `baseUrl`. */
export async function appContextNew(
  browser: Browser,
  baseUrl: string,
  options: AppContextOptions,
): Promise<AppContext> {
  const colorScheme = options.colorScheme ?? 'light';
  const context = await browser.newContext({
    ...DEVICES[options.device],
    baseURL: baseUrl,
    colorScheme,
    reducedMotion: options.reducedMotion ?? 'no-preference',
    serviceWorkers: options.serviceWorkers ?? 'allow',
    locale: 'en-GB',
    timezoneId: options.timezoneId ?? 'UTC',
  });
  contextMeta.set(context, { device: options.device, colorScheme });
  const foreign = await foreignRequestGuard(context, baseUrl);
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  context.on('weberror', (webError) => {
    const error = webError.error();
    pageErrors.push(error.stack ?? error.message);
  });
  const serverErrors: string[] = [];
  context.on('response', (response) => {
    const status = response.status();
    if ((status === 429 || status >= 500) && !urlIsForeign(response.url(), baseUrl)) {
      serverErrors.push(`${status} ${response.request().method()} ${response.url()}`);
    }
  });
  context.on('console', (message) => {
    if (message.type() === 'error')
      consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  if (options.cookie !== undefined) await cookieInstall(context, baseUrl, options.cookie);
  return {
    context,
    device: options.device,
    colorScheme,
    baseUrl,
    foreignRequests: foreign,
    pageNew: () => context.newPage(),
    assertNoForeignRequests: () => {
      assertNoForeignRequests(foreign);
    },
    pageErrors,
    consoleErrors,
    assertNoPageErrors: () => {
      assert.deepEqual(
        pageErrors,
        [],
        `Uncaught errors in the page:\n  ${pageErrors.join('\n  ')}`,
      );
    },
    serverErrors,
    assertNoServerErrors: () => {
      assert.deepEqual(
        serverErrors,
        [],
        `The server answered with errors:\n  ${serverErrors.join('\n  ')}`,
      );
    },
    close: () => context.close(),
  };
}

/** True when `url` is an http(s)/ws(s) URL on a host other than `baseUrl`'s (host and port). */
export function urlIsForeign(url: string | URL, baseUrl: string): boolean {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  if (!/^(https?|wss?):$/.test(parsed.protocol)) return false; // data:, blob:, about:, chrome-extension:
  return parsed.host !== new URL(baseUrl).host;
}

/**
 * Records and aborts every request and WebSocket from `context` to a host other than
 * `baseUrl`'s. Returns the live list ("METHOD url"). Routes a test adds later run first; when
 * they `route.fallback()`, the guard still sees the request.
 */
export async function foreignRequestGuard(
  context: BrowserContext,
  baseUrl: string,
): Promise<string[]> {
  const seen: string[] = [];
  const record = (entry: string) => {
    if (!seen.includes(entry)) seen.push(entry);
  };
  // A RegExp (not a function) so Playwright matches in the browser process and the app's own
  // requests are never paused on their way to the server.
  const host = new URL(baseUrl).host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await context.route(new RegExp(`^https?://(?!${host}/)`), async (route) => {
    const request = route.request();
    if (urlIsForeign(request.url(), baseUrl)) {
      record(`${request.method()} ${request.url()}`);
      await route.abort('blockedbyclient');
      return;
    }
    await route.fallback();
  });
  await context.routeWebSocket(new RegExp(`^wss?://(?!${host}/)`), async (socket) => {
    record(`WEBSOCKET ${socket.url()}`);
    await socket.close({ code: 1008, reason: 'third-party WebSocket blocked by the e2e guard' });
  });
  // A second net for anything that does not pass through routing (e.g. answered by a worker).
  context.on('request', (request) => {
    if (urlIsForeign(request.url(), baseUrl)) record(`${request.method()} ${request.url()}`);
  });
  // The app's Content-Security-Policy stops most third-party loads before they become requests;
  // count those attempts too, or a font from elsewhere would fail quietly and the test would pass.
  await context.exposeBinding(
    '__e2eForeignBlockedByCsp',
    (_source, blockedUri: unknown, directive: unknown) => {
      if (typeof blockedUri === 'string' && urlIsForeign(blockedUri, baseUrl)) {
        record(`CSP-BLOCKED ${String(directive)} ${blockedUri}`);
      }
    },
  );
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, unknown>).__e2eForeignBlockedByCsp;
      if (typeof report === 'function') {
        void (report as (uri: string, directive: string) => Promise<void>)(
          event.blockedURI,
          event.effectiveDirective,
        );
      }
    });
  });
  return seen;
}

/** Fails, listing them, when any third-party request was recorded. */
export function assertNoForeignRequests(foreign: readonly string[]): void {
  assert.deepEqual(
    [...foreign],
    [],
    `The app made requests to other hosts (it must only talk to its own):\n  ${foreign.join('\n  ')}`,
  );
}

/** Signs `context` in with a cookie header value "name=value" for `baseUrl`. */
export async function cookieInstall(
  context: BrowserContext,
  baseUrl: string,
  cookie: string,
): Promise<void> {
  const equals = cookie.indexOf('=');
  if (equals <= 0)
    throw new Error(`cookieInstall: expected "name=value", got ${JSON.stringify(cookie)}`);
  await context.addCookies([
    {
      name: cookie.slice(0, equals),
      value: cookie.slice(equals + 1),
      url: baseUrl,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
}

/** A test server and a browser for one e2e file. */
export interface E2eApp {
  readonly server: TestServer;
  readonly browser: Browser;
  readonly baseUrl: string;
  /** `appContextNew(browser, baseUrl, options)`. */
  contextNew(options: AppContextOptions): Promise<AppContext>;
  /** Closes the browser, then the server. */
  stop(): Promise<void>;
}

/**
 * Server settings for browser suites. A suite opens dozens of fresh contexts from one address,
 * each loading the shell, its assets and the API; the per-address HTTP limit (300 a minute by
 * default, static files included) would answer 429 part-way through a file and leave blank pages.
 */
export const E2E_SERVER_ENV: Readonly<Record<string, string>> = {
  HTTP_REQUESTS_PER_MINUTE: '100000',
};

/**
 * Starts a real server (serving dist/web) and Chromium. Call in `before`; `stop()` in `after`.
 * `environment` adds to or overrides `E2E_SERVER_ENV`.
 */
export async function e2eAppStart(
  environment: Readonly<Record<string, string>> = {},
): Promise<E2eApp> {
  webBuildRequire();
  const server = await testServerStart({ ...E2E_SERVER_ENV, ...environment });
  let browser: Browser;
  try {
    browser = await browserLaunch();
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    server,
    browser,
    baseUrl: server.baseUrl,
    contextNew: (options) => appContextNew(browser, server.baseUrl, options),
    stop: async () => {
      await browser.close().catch(() => undefined);
      await server.stop();
    },
  };
}
