/** The words under a chart: which line is whom (and from which sensor), and what the shading means. */
import type { ChartLine } from './chart-series.ts';

const SOURCE_WORDS: Readonly<Record<string, string>> = {
  strap: 'chest strap',
  camera: 'camera, an estimate',
  motion: 'phone on the body',
  simulated: 'simulated',
};

function sourceWords(sources: readonly string[]): string {
  return sources.map((source) => SOURCE_WORDS[source] ?? source).join(', ');
}

/** The key. Line swatches repeat the chart's colours and dashes; the words say the same without them. */
export function ChartKey(props: { lines: readonly ChartLine[]; phases: string | null }) {
  return (
    <div class="chart-key">
      {props.lines.length > 0 && (
        <ul class="chart-key-lines">
          {props.lines.map((line) => (
            <li key={line.participantId}>
              <span class={`chart-key-swatch chart-key-line-${(line.styleIndex % 4) + 1}`} aria-hidden="true" />
              {line.label}
              {line.sources.length > 0 && <span class="chart-key-source"> ({sourceWords(line.sources)})</span>}
            </li>
          ))}
        </ul>
      )}
      {props.phases !== null && (
        <p class="chart-key-phases">
          <span class="chart-key-band" aria-hidden="true" />
          {props.phases}
        </p>
      )}
    </div>
  );
}
