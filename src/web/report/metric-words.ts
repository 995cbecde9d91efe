/** Names, units and rounding for what the charts show, and the short text that stands in for each picture. */
import type { SessionReport } from '../../core/report/session-report.ts';
import type { ChartData, PhaseBand, SignalMetric } from './chart-series.ts';
import { offsetClock } from './report-time.ts';

/** How each metric is named and shown. */
export const METRIC_WORDS: Readonly<Record<SignalMetric, { title: string; lower: string; unit: string; decimals: number }>> = {
  heartRateBpm: { title: 'Heart rate', lower: 'heart rate', unit: 'beats a minute', decimals: 0 },
  breathingRateBpm: { title: 'Breathing', lower: 'breathing rate', unit: 'breaths a minute', decimals: 1 },
};

/** A reading as shown: whole beats, breaths to one decimal. */
export function metricValueText(metric: SignalMetric, value: number): string {
  return value.toFixed(METRIC_WORDS[metric].decimals);
}

/** A synchrony score as shown: two decimals. */
export function scoreText(score: number): string {
  return score.toFixed(2);
}

function numbersOf(values: readonly (number | null | undefined)[]): number[] {
  return values.filter((value): value is number => typeof value === 'number');
}

/** The text alternative for a heart-rate or breathing chart: each person's range and average. */
export function metricChartSummary(metric: SignalMetric, data: ChartData): string {
  const words = METRIC_WORDS[metric];
  if (data.lines.length === 0) return `No ${words.lower} was shared in this session.`;
  const parts = data.lines.map((line) => {
    const values = numbersOf(line.values);
    const low = metricValueText(metric, Math.min(...values));
    const high = metricValueText(metric, Math.max(...values));
    const mean = metricValueText(metric, values.reduce((sum, value) => sum + value, 0) / values.length);
    const range = low === high ? `about ${low} ${words.unit}` : `between ${low} and ${high} ${words.unit}, ${mean} on average`;
    return `${line.label}: ${range}.`;
  });
  return parts.join(' ');
}

/** "Breathing together from 2:00 to 7:00, paused once." for each practice, or null without any. */
export function phasesSentence(bands: readonly PhaseBand[]): string | null {
  if (bands.length === 0) return null;
  const pausedWords = (count: number) => (count === 0 ? '' : count === 1 ? ', paused once' : `, paused ${count} times`);
  const parts = bands.map(
    (band) =>
      `${band.title} from ${offsetClock(band.fromMinutes * 60_000)} to ${offsetClock(band.toMinutes * 60_000)}${pausedWords(band.pauses.length)}`,
  );
  return `Shaded: ${parts.join('; ')}.`;
}

/** The text alternative for the synchrony trend. */
export function synchronyChartSummary(report: SessionReport): string | null {
  if (report.synchrony.kind !== 'scored') return null;
  const scores = numbersOf(report.synchrony.points.map((point) => point.score));
  if (scores.length === 0) return null;
  const low = scoreText(Math.min(...scores));
  const high = scoreText(Math.max(...scores));
  const unmeasured = report.synchrony.points.length - scores.length;
  const range = low === high ? `The score stayed at ${low}.` : `The score moved between ${low} and ${high}.`;
  const gaps =
    unmeasured === 0 ? '' : ` ${unmeasured === 1 ? 'One stretch' : `${unmeasured} stretches`} had too little signal to score and ${unmeasured === 1 ? 'is' : 'are'} left blank.`;
  return `${range}${gaps}`;
}
