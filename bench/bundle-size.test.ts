/**
 * The bundle-size bench reads the right files out of a built index.html and sorts the rest into
 * lazy chunks.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { bundleReport, bundleReportFormat, initialAssetsOf } from './bundle-size.bench.ts';

describe('initialAssetsOf', () => {
  test('finds the entry module, module preloads and stylesheets in any attribute order', () => {
    const html = `<!doctype html><html><head>
      <link rel="manifest" href="/manifest.webmanifest" />
      <link rel="icon" href="/icon.svg" type="image/svg+xml" />
      <script type="module" crossorigin src="/assets/index-abc.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/preact-def.js">
      <link crossorigin href='./assets/vendor-ghi.js' rel=modulepreload>
      <link rel="stylesheet" crossorigin href="/assets/index-jkl.css">
      <script src="/legacy.js"></script>
      <script type="module" src="https://cdn.example.com/x.js"></script>
    </head><body><script type="module">import('/assets/inline.js')</script></body></html>`;
    assert.deepEqual(initialAssetsOf(html), {
      js: ['assets/index-abc.js', 'assets/preact-def.js', 'assets/vendor-ghi.js'],
      css: ['assets/index-jkl.css'],
    });
  });
});

describe('bundleReport', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attune-bundle-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('initial JS is the entry plus preloads; every other asset script is a lazy chunk', () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<script type="module" src="/assets/index.js"></script><link rel="modulepreload" href="/assets/shared.js"><link rel="stylesheet" href="/assets/index.css">',
    );
    writeFileSync(join(dir, 'assets/index.js'), 'console.log("entry");'.repeat(100));
    writeFileSync(join(dir, 'assets/shared.js'), 'export const shared = 1;');
    writeFileSync(join(dir, 'assets/index.css'), 'body{margin:0}');
    writeFileSync(join(dir, 'assets/session.js'), 'export default 1;');
    writeFileSync(join(dir, 'assets/session.css'), '.x{}');
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch",()=>{});');

    const report = bundleReport(dir);
    assert.deepEqual(
      report.initialJs.map((file) => file.path),
      ['assets/index.js', 'assets/shared.js'],
    );
    assert.deepEqual(
      report.initialCss.map((file) => file.path),
      ['assets/index.css'],
    );
    assert.deepEqual(
      report.lazyJs.map((file) => file.path),
      ['assets/session.js'],
    );
    assert.deepEqual(
      report.lazyCss.map((file) => file.path),
      ['assets/session.css'],
    );
    const entry = report.initialJs[0]!;
    assert.equal(entry.rawBytes, 2100);
    assert.ok(entry.gzipBytes < entry.rawBytes / 10, 'repetitive text compresses');
    assert.match(
      bundleReportFormat(report),
      /initial JS total .* target <= 150\.0 kB gzip: within target/,
    );
  });
});
