/**
 * How much JavaScript and CSS the browser app asks a phone to download. Builds the app from the
 * current src/web into a scratch directory (so a dist/web that a running server or e2e suite is
 * using is left alone), reads its index.html for what loads first (the entry `<script
 * type="module">`, every `<link rel="modulepreload">` and stylesheet), and prints gzipped sizes
 * (zlib level 9) of the initial JS and CSS and of each chunk loaded later, beside the target.
 * Prints; never fails on size.
 * Usage: npx tsx bench/bundle-size.bench.ts            (build src/web, then measure)
 *        npx tsx bench/bundle-size.bench.ts --dist dist/web   (measure an existing build)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The target from the issue: initial JavaScript at most 150 kB gzipped. */
export const INITIAL_JS_TARGET_GZIP_BYTES = 150 * 1000;

/** What index.html loads before the app can show anything. */
export interface InitialAssets {
  /** Entry scripts and module preloads, as paths relative to the build directory. */
  js: string[];
  /** Stylesheets, relative to the build directory. */
  css: string[];
}

/** Attributes of one HTML start tag, lower-cased names; boolean attributes map to ''. */
function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const match of tag.replace(/^<\s*[a-z]+/i, '').matchAll(pattern)) {
    const name = match[1];
    if (name === undefined) continue;
    attributes.set(name.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

/** Turns "/assets/x.js" or "./assets/x.js" into "assets/x.js"; ignores other hosts and data: URLs. */
function localPath(url: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return null;
  const path = posix.normalize(url.split(/[?#]/)[0] ?? '').replace(/^(\.\/|\/)+/, '');
  return path === '' || path.startsWith('..') ? null : path;
}

/** Reads the initial JS and CSS out of a built index.html. */
export function initialAssetsOf(html: string): InitialAssets {
  const js: string[] = [];
  const css: string[] = [];
  const add = (list: string[], url: string | undefined) => {
    const path = url === undefined ? null : localPath(url);
    if (path !== null && !list.includes(path)) list.push(path);
  };
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attributes = attributesOf(tag);
    if (/^<\s*script/i.test(tag)) {
      if (attributes.get('type') === 'module') add(js, attributes.get('src'));
      continue;
    }
    const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('modulepreload')) add(js, attributes.get('href'));
    else if (rel.includes('stylesheet')) add(css, attributes.get('href'));
  }
  return { js, css };
}

/** Bytes of `path` gzipped at level 9. */
export function gzipBytes(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** One measured file. */
export interface MeasuredFile {
  path: string;
  rawBytes: number;
  gzipBytes: number;
}

/** Everything the bench prints. */
export interface BundleReport {
  initialJs: MeasuredFile[];
  initialCss: MeasuredFile[];
  lazyJs: MeasuredFile[];
  lazyCss: MeasuredFile[];
}

function measure(distDir: string, path: string): MeasuredFile {
  const full = join(distDir, path);
  if (!existsSync(full))
    throw new Error(`index.html refers to ${path}, which is not in ${distDir}`);
  return { path, rawBytes: readFileSync(full).length, gzipBytes: gzipBytes(full) };
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Measures a built app in `distDir`. */
export function bundleReport(distDir: string): BundleReport {
  const initial = initialAssetsOf(readFileSync(join(distDir, 'index.html'), 'utf8'));
  const everything = filesUnder(distDir).map((file) =>
    relative(distDir, file).split('\\').join('/'),
  );
  const others = (extension: string, initialList: string[]) =>
    everything
      .filter(
        (file) =>
          file.endsWith(extension) && !initialList.includes(file) && file.startsWith('assets/'),
      )
      .sort()
      .map((file) => measure(distDir, file));
  return {
    initialJs: initial.js.map((file) => measure(distDir, file)),
    initialCss: initial.css.map((file) => measure(distDir, file)),
    lazyJs: others('.js', initial.js),
    lazyCss: others('.css', initial.css),
  };
}

function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

function sum(files: readonly MeasuredFile[], key: 'rawBytes' | 'gzipBytes'): number {
  return files.reduce((total, file) => total + file[key], 0);
}

/** The report as printed lines. */
export function bundleReportFormat(report: BundleReport): string {
  const lines: string[] = [];
  const row = (label: string, gzip: number, raw: number, note = '') =>
    `  ${label.padEnd(44)} ${kB(gzip).padStart(10)} gzip ${kB(raw).padStart(10)} raw${note === '' ? '' : `   ${note}`}`;
  const initialJsGzip = sum(report.initialJs, 'gzipBytes');
  const verdict = initialJsGzip <= INITIAL_JS_TARGET_GZIP_BYTES ? 'within target' : 'OVER target';
  lines.push('Initial load (what index.html asks for first; kB = 1000 bytes, gzip level 9):');
  lines.push(
    row(
      'initial JS total',
      initialJsGzip,
      sum(report.initialJs, 'rawBytes'),
      `target <= ${kB(INITIAL_JS_TARGET_GZIP_BYTES)} gzip: ${verdict}`,
    ),
  );
  for (const file of report.initialJs)
    lines.push(row(`  ${file.path}`, file.gzipBytes, file.rawBytes));
  lines.push(
    row(
      'initial CSS total',
      sum(report.initialCss, 'gzipBytes'),
      sum(report.initialCss, 'rawBytes'),
    ),
  );
  for (const file of report.initialCss)
    lines.push(row(`  ${file.path}`, file.gzipBytes, file.rawBytes));
  lines.push(`Lazy JS chunks (${report.lazyJs.length}, loaded when a screen needs them):`);
  for (const file of report.lazyJs) lines.push(row(file.path, file.gzipBytes, file.rawBytes));
  if (report.lazyJs.length > 0)
    lines.push(
      row('lazy JS total', sum(report.lazyJs, 'gzipBytes'), sum(report.lazyJs, 'rawBytes')),
    );
  if (report.lazyCss.length > 0) {
    lines.push(`Lazy CSS (${report.lazyCss.length}):`);
    for (const file of report.lazyCss) lines.push(row(file.path, file.gzipBytes, file.rawBytes));
  }
  return lines.join('\n');
}

/** Builds src/web into `outDir` with the project's vite.config.ts. */
function webBuild(outDir: string): void {
  const vite = resolve('node_modules/vite/bin/vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`vite build failed (exit ${String(result.status)})`);
}

/** The existing dist/web, when building the current source failed. */
const FALLBACK_DIST = resolve('dist/web');

function main(): void {
  const distFlag = process.argv.indexOf('--dist');
  const given = distFlag === -1 ? undefined : process.argv[distFlag + 1];
  let distDir: string;
  let scratch: string | null = null;
  if (given !== undefined) {
    distDir = resolve(given);
    console.log(`Measuring the existing build in ${relative('.', distDir)}`);
  } else {
    scratch = resolve(`.tmp/bench-bundle-${process.pid}`);
    mkdirSync(scratch, { recursive: true });
    distDir = join(scratch, 'web');
    const started = performance.now();
    try {
      webBuild(distDir);
      console.log(
        `Built src/web into ${relative('.', distDir)} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    } catch (error) {
      if (!existsSync(join(FALLBACK_DIST, 'index.html'))) throw error;
      console.log(
        `NOTE: ${error instanceof Error ? error.message : String(error)}; measuring the EARLIER build in dist/web instead.`,
      );
      distDir = FALLBACK_DIST;
    }
  }
  try {
    console.log(bundleReportFormat(bundleReport(distDir)));
  } finally {
    if (scratch !== null) rmSync(scratch, { recursive: true, force: true });
  }
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) main();
