/**
 * A strict reader of the Prometheus text format 0.0.4, for tests: it fails on anything a
 * Prometheus server would reject or misread, and returns the samples by series.
 */

/** One sample: its metric name, its labels and its value. */
export interface ExpositionSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$/;
const LABEL_PAIR = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\["\\n])*)"(,|$)/;
const TYPE_LINE = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/;
const HELP_LINE = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/;

function labelsParse(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest !== '') {
    const match = LABEL_PAIR.exec(rest);
    if (match === null) throw new Error(`bad labels in: ${line}`);
    const [whole, name = '', value = ''] = match;
    if (name in labels) throw new Error(`label ${name} twice in: ${line}`);
    labels[name] = value.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    rest = rest.slice(whole.length);
  }
  return labels;
}

function valueParse(text: string, line: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  const value = Number(text);
  if (text === '' || Number.isNaN(value)) throw new Error(`bad value in: ${line}`);
  return value;
}

/** The family a sample belongs to (histogram samples end in _bucket, _sum, _count). */
function familyOf(name: string, types: ReadonlyMap<string, string>): string | undefined {
  if (types.has(name)) return name;
  const base = name.replace(/_(bucket|sum|count)$/, '');
  return types.get(base) === 'histogram' || types.get(base) === 'summary' ? base : undefined;
}

/** Every sample of `text`; throws on the first thing that is not valid exposition. */
export function expositionParse(text: string): ExpositionSample[] {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  const types = new Map<string, string>();
  const helped = new Set<string>();
  const samples: ExpositionSample[] = [];
  const seen = new Set<string>();
  for (const line of text.slice(0, -1).split('\n')) {
    const type = TYPE_LINE.exec(line);
    if (type) {
      const [, name = '', kind = ''] = type;
      if (types.has(name)) throw new Error(`TYPE twice for ${name}`);
      types.set(name, kind);
      continue;
    }
    const help = HELP_LINE.exec(line);
    if (help) {
      helped.add(help[1] ?? '');
      continue;
    }
    if (line.startsWith('#')) throw new Error(`unknown comment: ${line}`);
    const sample = SAMPLE_LINE.exec(line);
    if (sample === null) throw new Error(`not a sample line: ${JSON.stringify(line)}`);
    const [, name = '', , labelText = '', valueText = ''] = sample;
    const family = familyOf(name, types);
    if (family === undefined) throw new Error(`sample before its TYPE: ${line}`);
    if (!helped.has(family)) throw new Error(`no HELP for ${family}`);
    const labels = labelsParse(labelText, line);
    const series = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
    if (seen.has(series)) throw new Error(`series twice: ${line}`);
    seen.add(series);
    samples.push({ name, labels, value: valueParse(valueText, line) });
  }
  return samples;
}

/** The value of the one series named `name` whose labels include `labels`; undefined when none. */
export function expositionValue(samples: readonly ExpositionSample[], name: string, labels: Readonly<Record<string, string>> = {}): number | undefined {
  return samples.find((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))?.value;
}
