/**
 * Lighthouse (12.8.2) on the home page and a session page, in Debian Chromium, against a real
 * server on loopback: mobile form factor with Lighthouse's default simulated throttling,
 * categories performance and accessibility. Prints the scores (×100) and FCP, LCP, TBT and CLS
 * beside the targets (performance ≥ 95, accessibility 100), the accessibility audits that failed,
 * and every request that went to a host other than the app's own (there should be none: the run
 * needs no internet). Saves the HTML and JSON reports under e2e-artifacts/lighthouse/.
 * Prints; never fails on a score.
 * Usage: npx tsx bench/lighthouse.bench.ts [--runs N] [--build]
 *   Measures dist/web as built (what `npm start` serves); builds it only when missing, or first
 *   with --build. Says so when src/web is newer than the build.
 *   With --runs N each page is measured N times and the run with the median performance score is printed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import { httpJson } from '../src/server/testing/live-client.ts';
import { testServerStart } from '../src/server/testing/test-server.ts';

/** Targets from the issue. */
export const PERFORMANCE_TARGET = 95;
export const ACCESSIBILITY_TARGET = 100;

const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const REPORT_DIR = resolve('e2e-artifacts/lighthouse');
const WEB_DIST_INDEX = resolve('dist/web/index.html');

/** The figures printed for one page. */
export interface PageFigures {
  name: string;
  url: string;
  performance: number | null;
  accessibility: number | null;
  fcpMs: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  speedIndexMs: number | null;
  /** Accessibility audits that did not pass: "id: title". */
  accessibilityFailures: string[];
  /** Requests to hosts other than the page's own. */
  foreignRequests: string[];
  /** Performance opportunities with estimated savings: "id: title (~N ms)". */
  opportunities: string[];
  runtimeError: string | null;
  warnings: string[];
}

function score(lhr: Result, category: string): number | null {
  const value = lhr.categories[category]?.score;
  return value === null || value === undefined ? null : Math.round(value * 100);
}

function numeric(lhr: Result, audit: string): number | null {
  return lhr.audits[audit]?.numericValue ?? null;
}

/** The `url` of every item in an audit's details table. */
function detailUrls(details: unknown): string[] {
  if (typeof details !== 'object' || details === null || !('items' in details)) return [];
  const items: unknown = details.items;
  if (!Array.isArray(items)) return [];
  return (items as unknown[]).flatMap((item) =>
    typeof item === 'object' && item !== null && 'url' in item && typeof item.url === 'string'
      ? [item.url]
      : [],
  );
}

/** The printed figures out of a Lighthouse result. */
export function pageFigures(name: string, lhr: Result): PageFigures {
  const accessibilityFailures = (lhr.categories.accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit !== undefined && audit.score !== null && audit.score < 1)
    .map((audit) => `${audit!.id}: ${audit!.title}`);
  const origin = new URL(lhr.finalDisplayedUrl).host;
  const foreignRequests = detailUrls(lhr.audits['network-requests']?.details).filter(
    (url) => /^(https?|wss?):/.test(url) && new URL(url).host !== origin,
  );
  const opportunities = Object.values(lhr.audits)
    .flatMap((audit) => {
      const details: unknown = audit.details;
      if (typeof details !== 'object' || details === null || !('type' in details)) return [];
      if (details.type !== 'opportunity' || !('overallSavingsMs' in details)) return [];
      const savings = typeof details.overallSavingsMs === 'number' ? details.overallSavingsMs : 0;
      return savings > 0
        ? [{ text: `${audit.id}: ${audit.title} (~${Math.round(savings)} ms)`, savings }]
        : [];
    })
    .sort((a, b) => b.savings - a.savings)
    .map((opportunity) => opportunity.text);
  return {
    name,
    url: lhr.finalDisplayedUrl,
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    fcpMs: numeric(lhr, 'first-contentful-paint'),
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    speedIndexMs: numeric(lhr, 'speed-index'),
    accessibilityFailures,
    foreignRequests,
    opportunities,
    runtimeError:
      lhr.runtimeError === undefined
        ? null
        : `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`,
    warnings: lhr.runWarnings,
  };
}

function seconds(ms: number | null): string {
  return ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`;
}

function verdict(value: number | null, target: number): string {
  if (value === null) return 'n/a';
  return value >= target ? 'meets' : 'BELOW';
}

/** The figures as printed lines. */
export function pageFiguresFormat(figures: readonly PageFigures[]): string {
  const lines: string[] = [];
  const header = `  ${'page'.padEnd(10)} ${'performance'.padEnd(22)} ${'accessibility'.padEnd(24)} ${'FCP'.padStart(8)} ${'LCP'.padStart(8)} ${'TBT'.padStart(8)} ${'CLS'.padStart(7)} ${'SI'.padStart(8)}`;
  lines.push(header);
  for (const page of figures) {
    const performance = `${page.performance ?? '—'} (≥${PERFORMANCE_TARGET} ${verdict(page.performance, PERFORMANCE_TARGET)})`;
    const accessibility = `${page.accessibility ?? '—'} (=${ACCESSIBILITY_TARGET} ${verdict(page.accessibility, ACCESSIBILITY_TARGET)})`;
    lines.push(
      `  ${page.name.padEnd(10)} ${performance.padEnd(22)} ${accessibility.padEnd(24)} ${seconds(page.fcpMs).padStart(8)} ${seconds(page.lcpMs).padStart(8)} ${(page.tbtMs === null ? '—' : `${Math.round(page.tbtMs)} ms`).padStart(8)} ${(page.cls === null ? '—' : page.cls.toFixed(3)).padStart(7)} ${seconds(page.speedIndexMs).padStart(8)}`,
    );
  }
  lines.push(
    '  (metric guides for a 95+ mobile score: FCP ≤ 1.8 s, LCP ≤ 2.5 s, TBT ≤ 200 ms, CLS ≤ 0.1)',
  );
  for (const page of figures) {
    lines.push(`  ${page.name}: ${page.url}`);
    if (page.runtimeError !== null) lines.push(`    runtime error: ${page.runtimeError}`);
    for (const warning of page.warnings) lines.push(`    warning: ${warning}`);
    lines.push(
      page.accessibilityFailures.length === 0
        ? '    accessibility audits: all passed'
        : `    accessibility audits failed:\n${page.accessibilityFailures.map((line) => `      - ${line}`).join('\n')}`,
    );
    if (page.opportunities.length > 0) {
      lines.push(
        `    performance opportunities:\n${page.opportunities.map((line) => `      - ${line}`).join('\n')}`,
      );
    }
    lines.push(
      page.foreignRequests.length === 0
        ? '    requests to other hosts: none'
        : `    requests to other hosts (${page.foreignRequests.length}):\n${page.foreignRequests.map((url) => `      - ${url}`).join('\n')}`,
    );
  }
  return lines.join('\n');
}

function newestMtimeMs(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestMtimeMs(path) : statSync(path).mtimeMs);
  }, 0);
}

/**
 * Makes sure dist/web is there. It is rebuilt only when missing or when `--build` is given: the
 * test servers of other suites running in this tree serve only the files present when they
 * started, so rebuilding under them blanks their pages. A build older than src/web is reported.
 */
function webBuildEnsure(rebuild: boolean): void {
  const builtAt = existsSync(WEB_DIST_INDEX) ? statSync(WEB_DIST_INDEX).mtimeMs : 0;
  const stale = builtAt > 0 && builtAt < newestMtimeMs(resolve('src/web'));
  if (builtAt > 0 && !rebuild) {
    if (stale) {
      console.log(
        `NOTE: dist/web (built ${new Date(builtAt).toISOString()}) is older than src/web; measuring it as it is. Pass --build to rebuild first.`,
      );
    }
    return;
  }
  console.log(
    builtAt === 0 ? 'dist/web is missing: building it.' : 'Rebuilding dist/web (--build).',
  );
  const result = spawnSync(
    process.execPath,
    [resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { stdio: 'inherit' },
  );
  if (result.status === 0) return;
  if (builtAt === 0) {
    throw new Error(
      `vite build failed (exit ${String(result.status)}) and there is no earlier build`,
    );
  }
  console.log(
    `NOTE: vite build failed (exit ${String(result.status)}); measuring the EARLIER build in dist/web from ${new Date(builtAt).toISOString()}.`,
  );
}

function median<T>(values: readonly T[], key: (value: T) => number): T {
  const sorted = [...values].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

async function main(): Promise<void> {
  const runsFlag = process.argv.indexOf('--runs');
  const runs = runsFlag === -1 ? 1 : Math.max(1, Number(process.argv[runsFlag + 1] ?? 1) || 1);
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: apt-get install -y --no-install-recommends chromium`,
    );
  }
  webBuildEnsure(process.argv.includes('--build'));
  if (!existsSync(WEB_DIST_INDEX))
    throw new Error('dist/web/index.html is missing: run `npm run build` first');

  const server = await testServerStart();
  let chrome: chromeLauncher.LaunchedChrome | null = null;
  try {
    const created = await httpJson<{ sessionId: string }>(server.baseUrl, '/api/sessions', {
      method: 'POST',
      body: { displayName: 'Host' },
    });
    if (created.status !== 201 || created.cookie === undefined) {
      throw new Error(
        `POST /api/sessions answered ${created.status}: ${JSON.stringify(created.body)}`,
      );
    }
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM_PATH,
      chromeFlags: CHROMIUM_FLAGS,
      logLevel: 'silent',
    });
    const version = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).stdout.trim();
    console.log(`Lighthouse 12.8.2 on Node ${process.version}, ${version}`);
    console.log(
      'mobile form factor, default simulated throttling (slow 4G, 4x CPU slowdown); server on loopback',
    );

    const pages = [
      { name: 'home', url: `${server.baseUrl}/`, headers: undefined },
      // The host's own view of their session: Lighthouse's browser carries the host's cookie.
      {
        name: 'session',
        url: `${server.baseUrl}/session/${created.body.sessionId}`,
        headers: { Cookie: created.cookie },
      },
    ];
    mkdirSync(REPORT_DIR, { recursive: true });
    const figures: PageFigures[] = [];
    for (const page of pages) {
      const results: { figures: PageFigures; html: string; json: string }[] = [];
      for (let run = 0; run < runs; run += 1) {
        const flags: Flags = {
          port: chrome.port,
          logLevel: 'error',
          output: ['html', 'json'],
          onlyCategories: ['performance', 'accessibility'],
          formFactor: 'mobile',
          ...(page.headers === undefined ? {} : { extraHeaders: page.headers }),
        };
        const started = performance.now();
        const result = await lighthouse(page.url, flags);
        if (result === undefined) throw new Error(`Lighthouse returned no result for ${page.url}`);
        const [html, json] = Array.isArray(result.report) ? result.report : [result.report, ''];
        results.push({
          figures: pageFigures(page.name, result.lhr),
          html: html ?? '',
          json: json ?? '',
        });
        console.log(
          `  ${page.name} run ${run + 1}/${runs}: ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      }
      const chosen = median(results, (result) => result.figures.performance ?? -1);
      writeFileSync(join(REPORT_DIR, `${page.name}.report.html`), chosen.html);
      writeFileSync(join(REPORT_DIR, `${page.name}.report.json`), chosen.json);
      figures.push(chosen.figures);
    }
    console.log(pageFiguresFormat(figures));
    console.log(`Reports: ${relative('.', REPORT_DIR)}/{home,session}.report.{html,json}`);
  } finally {
    if (chrome !== null) chrome.kill();
    await server.stop();
  }
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
