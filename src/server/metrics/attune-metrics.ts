/**
 * Attune's metrics: what an operator watches to see one node is healthy and keeping up. Every
 * label comes from a fixed set (route patterns, outcomes, status classes); nothing names a
 * person, a session or an account. The list, with what to alert on, is in
 * docs/operations/observability.md.
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { type CounterChild, type HistogramChild, MetricsRegistry } from './registry.ts';

/** What the realtime hub reports; every call is a cheap addition. */
export interface RealtimeMetrics {
  /** Events sent to devices (one per event per device). */
  eventsDelivered(count: number): void;
  /** Body samples that arrived: `kept` passed on, `refused` stamped too far from the server's clock. */
  signalSamplesReceived(kept: number, refused: number): void;
  /** One batch of body samples reached `devices` devices on this node. */
  signalBatchRelayed(devices: number): void;
}

/** How an append of a command ended. */
export type CommandAppendResult = 'accepted' | 'rejected' | 'duplicate' | 'conflict' | 'failed';

const HTTP_SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const APPEND_SECONDS_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const EVENT_LOOP_QUANTILES = [0.5, 0.9, 0.99] as const;

function packageVersion(): string {
  try {
    const parsed = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof parsed.version === 'string' ? parsed.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** What the gauges read at scrape time. */
export interface MetricsSources {
  /** Live sockets open on this node. */
  liveSockets(): number;
  /** Sessions held in memory on this node. */
  roomsActive(): number;
  /** 1 while /api/ready would answer 200 from its last check, else 0. */
  ready(): number;
}

/** Every metric of one node. */
export class AttuneMetrics implements RealtimeMetrics {
  readonly registry = new MetricsRegistry();
  private readonly httpRequests = this.registry.counter('attune_http_requests_total', 'HTTP requests answered, by route pattern and status class.', ['method', 'route', 'status_class']);
  private readonly httpSeconds = this.registry.histogram('attune_http_request_duration_seconds', 'Time to answer an HTTP request, by route pattern.', HTTP_SECONDS_BUCKETS, ['method', 'route']);
  private readonly appends = this.registry.counter('attune_command_appends_total', 'Live-session commands written to the event log, by result (conflict: another node wrote first and the command was decided again).', ['result']);
  private readonly appendResults: Readonly<Record<CommandAppendResult, CounterChild>>;
  private readonly appendSeconds: HistogramChild;
  private readonly delivered: CounterChild;
  private readonly samplesKept: CounterChild;
  private readonly samplesRefused: CounterChild;
  private readonly batchesRelayed: CounterChild;
  private readonly busPublishes: CounterChild;
  private readonly busPublishErrors: CounterChild;
  private readonly busReceived: CounterChild;
  private readonly busSubscribeErrors: CounterChild;
  private readonly eventLoop: IntervalHistogram = monitorEventLoopDelay({ resolution: 20 });

  constructor(sources: MetricsSources) {
    this.appendResults = {
      accepted: this.appends.labels('accepted'),
      rejected: this.appends.labels('rejected'),
      duplicate: this.appends.labels('duplicate'),
      conflict: this.appends.labels('conflict'),
      failed: this.appends.labels('failed'),
    };
    this.appendSeconds = this.registry.histogram('attune_command_append_duration_seconds', 'Time to write one command and its events to the database, until commit.', APPEND_SECONDS_BUCKETS).labels();
    this.delivered = this.registry.counter('attune_events_delivered_total', 'Session events sent to devices (one per event per device).').labels();
    this.samplesKept = this.registry.counter('attune_signal_samples_received_total', 'Body-signal samples received from devices and passed on.').labels();
    this.samplesRefused = this.registry.counter('attune_signal_samples_dropped_total', 'Body-signal samples not passed on because their time stamp was too far from the server clock.').labels();
    this.batchesRelayed = this.registry.counter('attune_signal_batches_relayed_total', 'Batches of body-signal samples sent to devices on this node (one per batch per device).').labels();
    this.busPublishes = this.registry.counter('attune_bus_publishes_total', 'Messages published to the bus between nodes.').labels();
    this.busPublishErrors = this.registry.counter('attune_bus_publish_errors_total', 'Publishes to the bus that failed.').labels();
    this.busReceived = this.registry.counter('attune_bus_messages_received_total', 'Messages received from the bus between nodes.').labels();
    this.busSubscribeErrors = this.registry.counter('attune_bus_subscribe_errors_total', 'Subscriptions to the bus that failed.').labels();
    this.registry.gauge('attune_live_sockets', 'Live-session sockets open on this node.').collectWith((set) => { set(sources.liveSockets()); });
    this.registry.gauge('attune_rooms_active', 'Live sessions held in memory on this node.').collectWith((set) => { set(sources.roomsActive()); });
    this.registry.gauge('attune_ready', '1 when this node takes new work (what /api/ready says), 0 when it does not or is shutting down.').collectWith((set) => { set(sources.ready()); });
    this.processMetrics();
    this.eventLoop.enable();
  }

  /** One HTTP request answered; `route` is the registered pattern, never the raw URL. */
  httpRequest(method: string, route: string, statusCode: number, seconds: number): void {
    this.httpRequests.labels(method, route, `${Math.floor(statusCode / 100)}xx`).inc();
    this.httpSeconds.labels(method, route).observe(seconds);
  }

  commandAppended(result: CommandAppendResult, seconds: number): void {
    this.appendResults[result].inc();
    this.appendSeconds.observe(seconds);
  }

  eventsDelivered(count: number): void {
    this.delivered.inc(count);
  }

  signalSamplesReceived(kept: number, refused: number): void {
    this.samplesKept.inc(kept);
    this.samplesRefused.inc(refused);
  }

  signalBatchRelayed(devices: number): void {
    this.batchesRelayed.inc(devices);
  }

  busPublished(ok: boolean): void {
    (ok ? this.busPublishes : this.busPublishErrors).inc();
  }

  busMessageReceived(): void {
    this.busReceived.inc();
  }

  busSubscribeFailed(): void {
    this.busSubscribeErrors.inc();
  }

  /** The text a scrape gets. Event-loop delay quantiles cover the time since the previous scrape. */
  exposition(): string {
    const text = this.registry.exposition();
    this.eventLoop.reset();
    return text;
  }

  /** Stops the event-loop monitor (at shutdown). */
  close(): void {
    this.eventLoop.disable();
  }

  private processMetrics(): void {
    const startSeconds = Math.round(Date.now() / 1000 - process.uptime());
    this.registry.gauge('attune_build_info', 'Always 1; the labels say which Attune and Node.js this node runs.', ['version', 'node_version']).set(1, packageVersion(), process.version);
    this.registry.gauge('process_start_time_seconds', 'When this process started, in seconds since the Unix epoch.').set(startSeconds);
    this.registry.collectedCounter('process_cpu_seconds_total', 'CPU time this process used, user and system.', () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1e6;
    });
    this.registry.gauge('process_resident_memory_bytes', 'Resident memory of this process.').collectWith((set) => { set(process.memoryUsage.rss()); });
    this.registry.gauge('nodejs_heap_used_bytes', 'V8 heap in use.').collectWith((set) => { set(process.memoryUsage().heapUsed); });
    this.registry.gauge('nodejs_heap_total_bytes', 'V8 heap reserved.').collectWith((set) => { set(process.memoryUsage().heapTotal); });
    this.registry
      .gauge('nodejs_eventloop_delay_seconds', 'Event-loop delay since the previous scrape, by quantile; high values mean this node is overloaded.', ['quantile'])
      .collectWith((set) => {
        for (const quantile of EVENT_LOOP_QUANTILES) set(this.eventLoop.count === 0 ? 0 : this.eventLoop.percentile(quantile * 100) / 1e9, String(quantile));
        set(this.eventLoop.count === 0 ? 0 : this.eventLoop.max / 1e9, '1');
      });
  }
}
