import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { expositionParse, expositionValue } from './exposition-check.ts';
import { MetricsRegistry } from './registry.ts';

test('counters, gauges and histograms are written in the text format with HELP and TYPE', () => {
  const registry = new MetricsRegistry();
  const requests = registry.counter('demo_requests_total', 'Requests.\nSecond line \\ kept.', ['route']);
  requests.labels('/a').inc();
  requests.labels('/a').inc(2);
  requests.labels('/b "quoted"\\').inc();
  registry.gauge('demo_open', 'Open things.').collectWith((set) => { set(7); });
  const seconds = registry.histogram('demo_seconds', 'Durations.', [0.1, 1]);
  for (const value of [0.05, 0.1, 0.5, 3]) seconds.observe(value);
  const text = registry.exposition();
  assert.match(text, /^# HELP demo_requests_total Requests\.\\nSecond line \\\\ kept\.\n# TYPE demo_requests_total counter\n/);
  const samples = expositionParse(text);
  assert.equal(expositionValue(samples, 'demo_requests_total', { route: '/a' }), 3);
  assert.equal(expositionValue(samples, 'demo_requests_total', { route: '/b "quoted"\\' }), 1);
  assert.equal(expositionValue(samples, 'demo_open'), 7);
  assert.equal(expositionValue(samples, 'demo_seconds_bucket', { le: '0.1' }), 2);
  assert.equal(expositionValue(samples, 'demo_seconds_bucket', { le: '1' }), 3);
  assert.equal(expositionValue(samples, 'demo_seconds_bucket', { le: '+Inf' }), 4);
  assert.equal(expositionValue(samples, 'demo_seconds_count'), 4);
  assert.equal(expositionValue(samples, 'demo_seconds_sum'), 3.65);
});

test('histogram buckets are cumulative and end with the count, whatever is observed', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 200 }), (values) => {
      const registry = new MetricsRegistry();
      const histogram = registry.histogram('h_seconds', 'h', [0.001, 0.01, 0.1, 1, 10]);
      for (const value of values) histogram.observe(value);
      const buckets = expositionParse(registry.exposition()).filter((sample) => sample.name === 'h_seconds_bucket');
      if (values.length === 0) return;
      for (let index = 1; index < buckets.length; index += 1) assert.ok((buckets[index]?.value ?? 0) >= (buckets[index - 1]?.value ?? 0));
      assert.equal(buckets.at(-1)?.value, values.length);
      for (const bucket of buckets) {
        const bound = bucket.labels.le === '+Inf' ? Infinity : Number(bucket.labels.le);
        assert.equal(bucket.value, values.filter((value) => value <= bound).length);
      }
    }),
  );
});

test('bad names and repeated registrations are refused at start, not at scrape time', () => {
  const registry = new MetricsRegistry();
  registry.counter('ok_total', 'x');
  assert.throws(() => registry.counter('ok_total', 'x'), /registered twice/);
  assert.throws(() => registry.counter('not-valid', 'x'), /not a valid metric name/);
  assert.throws(() => registry.counter('x_total', 'x', ['le']), /not a valid label name/);
  assert.throws(() => registry.histogram('y_seconds', 'y', [1, 0.5]), /buckets must increase/);
});
