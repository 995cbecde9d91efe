/**
 * A progress chart drawn with uPlot: bars (stacked for the window of tolerance) or lines over weeks,
 * months or days. Series differ by more than colour: lines by dash, bars by a fill pattern, and the
 * key below repeats both beside their words. The canvas is a picture only; its accessible name is
 * the sentence above it, and the table view carries every number.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { dayLabel } from './progress-format.ts';
import type { ProgressChartData } from './progress-series.ts';

/** How many distinct series styles there are; more series reuse them in turn. */
export const CHART_STYLE_COUNT = 5;
/** Line patterns by style, in CSS pixels. */
const LINE_DASHES: readonly (readonly number[])[] = [[], [8, 5], [2, 4], [12, 4, 2, 4], [5, 3]];
const CHART_HEIGHT_PX = 200;

interface ChartColours {
  readonly series: readonly string[];
  readonly axis: string;
  readonly grid: string;
  readonly font: string;
}

function coloursOf(element: HTMLElement): ChartColours {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    series: Array.from({ length: CHART_STYLE_COUNT }, (_, index) => read(`--progress-series-${String(index + 1)}`, '#2f6f6a')),
    axis: read('--text-soft', '#4a5058'),
    grid: read('--progress-grid', 'rgba(0,0,0,0.1)'),
    font: style.fontFamily || 'system-ui, sans-serif',
  };
}

/** A small repeating tile: solid, diagonal lines, dots, cross-hatch, or wide stripes, by style. */
function fillPattern(ctx: CanvasRenderingContext2D, colour: string, styleIndex: number): CanvasPattern | string {
  const style = styleIndex % CHART_STYLE_COUNT;
  if (style === 0) return colour;
  const size = Math.round(8 * uPlot.pxRatio);
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const pen = tile.getContext('2d');
  if (pen === null) return colour;
  pen.fillStyle = colour;
  pen.globalAlpha = 0.35;
  pen.fillRect(0, 0, size, size);
  pen.globalAlpha = 1;
  pen.strokeStyle = colour;
  pen.lineWidth = Math.max(1, 1.5 * uPlot.pxRatio);
  if (style === 1 || style === 3) {
    pen.beginPath();
    pen.moveTo(0, size);
    pen.lineTo(size, 0);
    pen.stroke();
  }
  if (style === 3) {
    pen.beginPath();
    pen.moveTo(0, 0);
    pen.lineTo(size, size);
    pen.stroke();
  }
  if (style === 2) {
    pen.beginPath();
    pen.arc(size / 2, size / 2, size / 5, 0, Math.PI * 2);
    pen.fill();
  }
  if (style === 4) pen.fillRect(0, 0, size, size / 2);
  return ctx.createPattern(tile, 'repeat') ?? colour;
}

/** Stacked bars: each series drawn as the running total up to it, the tallest first, so each shows its own part. */
function stackedData(data: ProgressChartData): (number | null)[][] {
  const totals: (number | null)[][] = [];
  let running: (number | null)[] = data.x.map(() => null);
  for (const series of data.series) {
    running = running.map((sum, index) => {
      const value = series.values[index] ?? null;
      if (value === null) return sum;
      return (sum ?? 0) + value;
    });
    totals.push(running);
  }
  return totals;
}

function yMaxOf(rows: readonly (readonly (number | null)[])[]): number {
  const values = rows.flatMap((row) => row.filter((value): value is number => value !== null));
  return values.length === 0 ? 1 : Math.max(1, ...values);
}

function optionsFor(data: ProgressChartData, width: number, colours: ChartColours, rows: readonly (readonly (number | null)[])[], order: readonly number[]): uPlot.Options {
  const axisFont = `12px ${colours.font}`;
  const first = data.x[0] ?? 0;
  const last = data.x.at(-1) ?? 0;
  const pad = data.xAxis === 'index' ? 0.6 : Math.max(1, (last - first) * 0.04);
  const yMax = yMaxOf(rows);
  const bars = uPlot.paths.bars?.({ size: [0.7, 48], gap: 2 });
  const isBars = data.kind !== 'lines';
  return {
    width,
    height: CHART_HEIGHT_PX,
    legend: { show: false },
    cursor: { show: false, drag: { x: false, y: false } },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      x: { time: false, range: () => [first - pad, last + pad] },
      y: { range: () => (data.yRange === undefined ? [0, Math.ceil(yMax * 1.15)] : [data.yRange[0], data.yRange[1]]) },
    },
    axes: [
      {
        stroke: colours.axis,
        font: axisFont,
        grid: { show: false },
        ticks: { stroke: colours.grid, width: 1 },
        space: 52,
        incrs: data.xAxis === 'index' ? [1, 2, 4, 8, 13, 26, 52] : [1, 2, 7, 14, 28, 56, 91, 182, 364],
        values: (_chart, splits) =>
          splits.map((split) => {
            if (!Number.isInteger(split)) return '';
            if (data.xAxis === 'day') return dayLabel(split);
            return data.xLabels[split] ?? '';
          }),
      },
      {
        stroke: colours.axis,
        font: axisFont,
        labelFont: axisFont,
        label: data.unit,
        labelSize: 20,
        size: 40,
        grid: { stroke: colours.grid, width: 1 },
        ticks: { stroke: colours.grid, width: 1 },
        ...(data.yWhole === true ? { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500] } : {}),
      },
    ],
    series: [
      {},
      ...order.map((seriesIndex) => {
        const series = data.series[seriesIndex];
        const styleIndex = series?.styleIndex ?? seriesIndex;
        const colour = colours.series[styleIndex % CHART_STYLE_COUNT] ?? '#2f6f6a';
        if (isBars && bars !== undefined) {
          return {
            label: series?.label ?? '',
            stroke: colour,
            width: 1,
            fill: (chart: uPlot) => fillPattern(chart.ctx, colour, styleIndex),
            paths: bars,
            points: { show: false },
          };
        }
        return {
          label: series?.label ?? '',
          stroke: colour,
          width: 2,
          dash: (LINE_DASHES[styleIndex % LINE_DASHES.length] ?? []).map((length) => length * uPlot.pxRatio),
          spanGaps: false,
          points: { show: true, size: 7, stroke: colour, fill: colour },
        };
      }),
    ],
  };
}

/** The chart; it fills its container's width and redraws when that or the colour scheme changes. */
export function ProgressChart(props: { data: ProgressChartData; label: string }) {
  const holder = useRef<HTMLDivElement>(null);
  const latest = useRef(props.data);
  latest.current = props.data;

  useEffect(() => {
    const element = holder.current;
    if (element === null) return;
    let chart: uPlot | null = null;
    const build = () => {
      chart?.destroy();
      const data = latest.current;
      const stacked = data.kind === 'stackedBars';
      const rows = stacked ? stackedData(data) : data.series.map((series) => [...series.values]);
      // Stacked bars draw the tallest total first, so every part stays visible on top of it.
      const order = stacked ? data.series.map((_, index) => index).reverse() : data.series.map((_, index) => index);
      const aligned: uPlot.AlignedData = [[...data.x], ...order.map((index) => rows[index] ?? [])];
      chart = new uPlot(optionsFor(data, Math.max(220, element.clientWidth), coloursOf(element), rows, order), aligned, element);
    };
    build();
    const resize = new ResizeObserver(() => {
      const width = Math.max(220, element.clientWidth);
      if (chart !== null && chart.width !== width) chart.setSize({ width, height: CHART_HEIGHT_PX });
    });
    resize.observe(element);
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', build);
    return () => {
      resize.disconnect();
      scheme.removeEventListener('change', build);
      chart?.destroy();
    };
  }, [props.data]);

  return <div class="progress-chart" role="img" aria-label={props.label} ref={holder} />;
}
