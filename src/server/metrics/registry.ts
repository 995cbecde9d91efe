/**
 * A small Prometheus registry: counters, gauges and histograms, written in the text exposition
 * format 0.0.4 (https://prometheus.io/docs/instrumenting/exposition_formats/). Written by hand
 * because Attune needs a dozen metrics, not a dependency.
 *
 * Hot paths take a labelled child once (`counter.labels('accepted')`) and then only add to a
 * number: nothing is allocated per message. Label values must come from a fixed, small set
 * (route patterns, outcomes); never an id or a name, so no person shows up in metrics.
 */

/** What `# TYPE` says. */
type MetricType = 'counter' | 'gauge' | 'histogram';

/** One metric family: its name, help, type and how to write its samples. */
interface MetricFamily {
  readonly name: string;
  readonly help: string;
  readonly type: MetricType;
  samples(lines: string[]): void;
}

/** The content type Prometheus expects for this format. */
export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function labelValueEscaped(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function helpEscaped(help: string): string {
  return help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function numberText(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/** `{a="1",b="2"}` for these names and values; '' when there are none. */
function labelText(names: readonly string[], values: readonly string[], extra?: readonly [string, string]): string {
  const pairs = names.map((name, index) => `${name}="${labelValueEscaped(values[index] ?? '')}"`);
  if (extra) pairs.push(`${extra[0]}="${labelValueEscaped(extra[1])}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

/** Children of a labelled metric, one per combination of label values seen. */
class LabelledChildren<Child> {
  private readonly children = new Map<string, { readonly values: readonly string[]; readonly child: Child }>();

  constructor(
    readonly labelNames: readonly string[],
    private readonly make: () => Child,
  ) {}

  get(values: readonly string[]): Child {
    if (values.length !== this.labelNames.length) throw new Error(`expected ${this.labelNames.length} label values, got ${values.length}`);
    const key = values.join('\u0000');
    let entry = this.children.get(key);
    if (!entry) {
      entry = { values: [...values], child: this.make() };
      this.children.set(key, entry);
    }
    return entry.child;
  }

  entries(): Iterable<{ readonly values: readonly string[]; readonly child: Child }> {
    return this.children.values();
  }
}

/** A number that only goes up. */
export class CounterChild {
  value = 0;
  inc(by = 1): void {
    this.value += by;
  }
}

/** A counter, with or without labels. */
export class Counter implements MetricFamily {
  readonly type = 'counter';
  private readonly children: LabelledChildren<CounterChild>;

  constructor(readonly name: string, readonly help: string, labelNames: readonly string[] = []) {
    this.children = new LabelledChildren(labelNames, () => new CounterChild());
  }

  /** The child for these label values; keep it to add without a lookup. */
  labels(...values: string[]): CounterChild {
    return this.children.get(values);
  }

  inc(by = 1): void {
    this.children.get([]).inc(by);
  }

  samples(lines: string[]): void {
    for (const { values, child } of this.children.entries()) lines.push(`${this.name}${labelText(this.children.labelNames, values)} ${numberText(child.value)}`);
  }
}

/** A number read when scraped (sockets open, memory), or set. */
export class Gauge implements MetricFamily {
  readonly type = 'gauge';
  private readonly values = new Map<string, { readonly labels: readonly string[]; value: number }>();
  private collect: ((set: (value: number, ...labels: string[]) => void) => void) | null = null;

  constructor(readonly name: string, readonly help: string, private readonly labelNames: readonly string[] = []) {}

  /** Reads the value(s) at every scrape from `collect`, which calls `set` for each. */
  collectWith(collect: (set: (value: number, ...labels: string[]) => void) => void): this {
    this.collect = collect;
    return this;
  }

  set(value: number, ...labels: string[]): void {
    const key = labels.join('\u0000');
    const entry = this.values.get(key);
    if (entry) entry.value = value;
    else this.values.set(key, { labels, value });
  }

  samples(lines: string[]): void {
    this.collect?.((value, ...labels) => {
      this.set(value, ...labels);
    });
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${labelText(this.labelNames, labels)} ${numberText(value)}`);
  }
}

/** A counter kept elsewhere (CPU time) and read when scraped. */
export class CollectedCounter implements MetricFamily {
  readonly type = 'counter';

  constructor(readonly name: string, readonly help: string, private readonly read: () => number) {}

  samples(lines: string[]): void {
    lines.push(`${this.name} ${numberText(this.read())}`);
  }
}

/** Observations counted into fixed buckets. */
export class HistogramChild {
  readonly counts: number[];
  sum = 0;
  count = 0;

  constructor(private readonly bounds: readonly number[]) {
    this.counts = bounds.map(() => 0);
  }

  observe(value: number): void {
    this.sum += value;
    this.count += 1;
    // Counted in the first bucket that holds it; the cumulative counts are added up when written.
    for (let index = 0; index < this.bounds.length; index += 1) {
      if (value <= (this.bounds[index] ?? Infinity)) {
        this.counts[index] = (this.counts[index] ?? 0) + 1;
        return;
      }
    }
  }
}

/** A histogram, with or without labels. */
export class Histogram implements MetricFamily {
  readonly type = 'histogram';
  private readonly children: LabelledChildren<HistogramChild>;

  constructor(readonly name: string, readonly help: string, private readonly bounds: readonly number[], labelNames: readonly string[] = []) {
    if (bounds.some((bound, index) => index > 0 && bound <= (bounds[index - 1] ?? -Infinity))) throw new Error(`${name}: buckets must increase`);
    this.children = new LabelledChildren(labelNames, () => new HistogramChild(bounds));
  }

  labels(...values: string[]): HistogramChild {
    return this.children.get(values);
  }

  observe(value: number): void {
    this.children.get([]).observe(value);
  }

  samples(lines: string[]): void {
    const names = this.children.labelNames;
    for (const { values, child } of this.children.entries()) {
      let cumulative = 0;
      this.bounds.forEach((bound, index) => {
        cumulative += child.counts[index] ?? 0;
        lines.push(`${this.name}_bucket${labelText(names, values, ['le', numberText(bound)])} ${cumulative}`);
      });
      lines.push(`${this.name}_bucket${labelText(names, values, ['le', '+Inf'])} ${child.count}`);
      lines.push(`${this.name}_sum${labelText(names, values)} ${numberText(child.sum)}`);
      lines.push(`${this.name}_count${labelText(names, values)} ${child.count}`);
    }
  }
}

/** Every metric of a process, written together. */
export class MetricsRegistry {
  private readonly families: MetricFamily[] = [];

  /** Adds a metric; names are checked once here. */
  register<Family extends MetricFamily>(family: Family, labelNames: readonly string[] = []): Family {
    if (!METRIC_NAME.test(family.name)) throw new Error(`not a valid metric name: ${family.name}`);
    for (const label of labelNames) if (!LABEL_NAME.test(label) || label === 'le') throw new Error(`not a valid label name: ${label}`);
    if (this.families.some((existing) => existing.name === family.name)) throw new Error(`metric registered twice: ${family.name}`);
    this.families.push(family);
    return family;
  }

  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    return this.register(new Counter(name, help, labelNames), labelNames);
  }

  collectedCounter(name: string, help: string, read: () => number): CollectedCounter {
    return this.register(new CollectedCounter(name, help, read));
  }

  gauge(name: string, help: string, labelNames: readonly string[] = []): Gauge {
    return this.register(new Gauge(name, help, labelNames), labelNames);
  }

  histogram(name: string, help: string, bounds: readonly number[], labelNames: readonly string[] = []): Histogram {
    return this.register(new Histogram(name, help, bounds, labelNames), labelNames);
  }

  /** The whole exposition, ending with a newline. */
  exposition(): string {
    const lines: string[] = [];
    for (const family of this.families) {
      lines.push(`# HELP ${family.name} ${helpEscaped(family.help)}`, `# TYPE ${family.name} ${family.type}`);
      family.samples(lines);
    }
    return `${lines.join('\n')}\n`;
  }
}
