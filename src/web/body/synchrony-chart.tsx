/**
 * The small live trend of the pair's synchrony, drawn with uPlot. This module is loaded only
 * when there is a trend to draw, so uPlot never weighs on the session's first load. The canvas is
 * a picture: its accessible name says what it shows, and the score beside it is the text.
 * Stretches without enough signal are left as gaps, never joined up.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SynchronyTrendPoint } from './synchrony-tracker.ts';

/** How much of the past the chart shows at most. */
export const CHART_SPAN_MINUTES = 10;
const HEIGHT = 120;

/** What the chart needs. */
export interface SynchronyChartProps {
  readonly trend: readonly SynchronyTrendPoint[];
  /** Server time now: the right edge. */
  readonly nowMs: number;
  /** A sentence saying what the chart shows. */
  readonly label: string;
}

/** The chart's series: minutes before now, and scores (null in gaps). */
export function chartSeries(
  trend: readonly SynchronyTrendPoint[],
  nowMs: number,
): { minutes: number[]; scores: (number | null)[] } {
  const shown = trend.filter((point) => (nowMs - point.atMs) / 60_000 <= CHART_SPAN_MINUTES);
  return {
    minutes: shown.map((point) => (point.atMs - nowMs) / 60_000),
    scores: shown.map((point) => point.score),
  };
}

/** Whole-minute ticks from −span to 0, spaced so each label (about 75 px) has room. */
export function minuteTicks(spanMinutes: number, widthPx: number): number[] {
  const step =
    [1, 2, 5, 10].find((candidate) => (spanMinutes / candidate + 1) * 75 <= widthPx) ?? 10;
  const ticks: number[] = [];
  for (let minute = 0; minute >= -spanMinutes; minute -= step) ticks.unshift(minute);
  return ticks;
}

function minutesAgoWords(value: number): string {
  const minutes = Math.round(-value);
  return minutes === 0 ? 'now' : `${minutes} min ago`;
}

function optionsFor(width: number, element: HTMLElement, spanMinutes: number): uPlot.Options {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const font = `12px ${style.fontFamily || 'system-ui, sans-serif'}`;
  const axis = read('--text-soft', '#4a5058');
  const grid = read('--border', '#c9c2b4');
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    cursor: { show: false, drag: { x: false, y: false } },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: { x: { time: false, range: () => [-spanMinutes, 0] }, y: { range: () => [0, 1] } },
    axes: [
      {
        stroke: axis,
        font,
        grid: { stroke: grid, width: 1 },
        ticks: { stroke: grid, width: 1 },
        // Ticks on whole minutes, as many as fit, so no label repeats or crowds.
        splits: () => minuteTicks(spanMinutes, width),
        values: (_chart, splits) => splits.map(minutesAgoWords),
      },
      {
        stroke: axis,
        font,
        size: 40,
        grid: { stroke: grid, width: 1 },
        ticks: { stroke: grid, width: 1 },
        splits: () => [0, 0.5, 1],
        values: (_chart, splits) => splits.map((split) => split.toFixed(1)),
      },
    ],
    series: [
      {},
      {
        stroke: read('--accent', '#2f6f6a'),
        width: 2,
        spanGaps: false,
        points: { show: true, size: 4 },
      },
    ],
  };
}

/** The trend chart; it fills its container's width. */
export function SynchronyChart(props: SynchronyChartProps) {
  const holder = useRef<HTMLDivElement>(null);
  const chartRef = useRef<uPlot | null>(null);
  const { minutes, scores } = chartSeries(props.trend, props.nowMs);
  const spanMinutes = Math.min(CHART_SPAN_MINUTES, Math.max(2, Math.ceil(-(minutes[0] ?? 0))));

  useEffect(() => {
    const element = holder.current;
    if (element === null) return;
    const build = () => {
      chartRef.current?.destroy();
      chartRef.current = new uPlot(
        optionsFor(Math.max(200, element.clientWidth), element, spanMinutes),
        [[], []],
        element,
      );
    };
    build();
    const resize = new ResizeObserver(() => {
      const chart = chartRef.current;
      const width = Math.max(200, element.clientWidth);
      if (chart !== null && chart.width !== width) chart.setSize({ width, height: HEIGHT });
    });
    resize.observe(element);
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', build);
    return () => {
      resize.disconnect();
      scheme.removeEventListener('change', build);
      chartRef.current?.destroy();
      chartRef.current = null;
    };
  }, [spanMinutes]);

  useEffect(() => {
    chartRef.current?.setData([minutes, scores]);
  });

  return <div class="synchrony-chart" role="img" aria-label={props.label} ref={holder} />;
}
