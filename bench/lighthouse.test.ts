/**
 * The Lighthouse bench reads scores, metrics, failed accessibility audits and third-party
 * requests out of a result the way it should.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Result } from 'lighthouse';
import { pageFigures, pageFiguresFormat } from './lighthouse.bench.ts';

function fakeResult(): Result {
  const audit = (id: string, score: number | null, numericValue?: number, details?: unknown) => ({
    id,
    title: `title of ${id}`,
    score,
    numericValue,
    details,
  });
  return {
    finalDisplayedUrl: 'http://127.0.0.1:4000/',
    runWarnings: [],
    categories: {
      performance: { score: 0.973, auditRefs: [] },
      accessibility: {
        score: 0.9,
        auditRefs: [
          { id: 'color-contrast', weight: 7 },
          { id: 'button-name', weight: 10 },
          { id: 'manual-check', weight: 0 },
        ],
      },
    },
    audits: {
      'first-contentful-paint': audit('first-contentful-paint', 1, 1234),
      'largest-contentful-paint': audit('largest-contentful-paint', 1, 2345),
      'total-blocking-time': audit('total-blocking-time', 1, 12.4),
      'cumulative-layout-shift': audit('cumulative-layout-shift', 1, 0.01),
      'speed-index': audit('speed-index', 1, 1500),
      'color-contrast': audit('color-contrast', 0),
      'button-name': audit('button-name', 1),
      'manual-check': audit('manual-check', 0),
      'uses-text-compression': audit('uses-text-compression', 0, 900, {
        type: 'opportunity',
        overallSavingsMs: 900,
        items: [],
      }),
      'unused-javascript': audit('unused-javascript', 1, 0, {
        type: 'opportunity',
        overallSavingsMs: 0,
        items: [],
      }),
      'network-requests': audit('network-requests', null, undefined, {
        type: 'table',
        items: [
          { url: 'http://127.0.0.1:4000/' },
          { url: 'ws://127.0.0.1:4000/api/sessions/x/live' },
          { url: 'https://fonts.example.com/font.woff2' },
          { url: 'data:image/png;base64,AAAA' },
        ],
      }),
    },
  } as unknown as Result;
}

describe('pageFigures', () => {
  test('scores ×100, metrics, weighted failed accessibility audits and other-host requests', () => {
    const figures = pageFigures('home', fakeResult());
    assert.equal(figures.performance, 97);
    assert.equal(figures.accessibility, 90);
    assert.equal(figures.fcpMs, 1234);
    assert.equal(figures.lcpMs, 2345);
    assert.equal(figures.tbtMs, 12.4);
    assert.equal(figures.cls, 0.01);
    assert.deepEqual(figures.accessibilityFailures, ['color-contrast: title of color-contrast']);
    assert.deepEqual(figures.foreignRequests, ['https://fonts.example.com/font.woff2']);
    assert.deepEqual(figures.opportunities, [
      'uses-text-compression: title of uses-text-compression (~900 ms)',
    ]);
    const printed = pageFiguresFormat([figures]);
    assert.match(
      printed,
      /home\s+97 \(≥95 meets\)\s+90 \(=100 BELOW\)\s+1\.23 s\s+2\.35 s\s+12 ms\s+0\.010/,
    );
    assert.match(
      printed,
      /requests to other hosts \(1\):\n\s+- https:\/\/fonts\.example\.com\/font\.woff2/,
    );
  });
});
