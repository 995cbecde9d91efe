/**
 * A time chart drawn with uPlot: one line per person on minutes into the session, the practices
 * shaded behind the lines with their titles, and pauses hatched. The canvas is a picture only; the
 * `label` (a short summary) is its accessible name, and the table view carries the numbers.
 * Colours come from CSS custom properties, so light and dark follow the device.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartData, PhaseBand } from './chart-series.ts';
import { minuteTick } from './report-time.ts';

/** Line patterns by position, so lines differ by more than colour. In CSS pixels. */
export const LINE_DASHES: readonly (readonly number[])[] = [[], [8, 5], [2, 4], [12, 4, 2, 4]];
const LINE_COLOURS = 4;

interface ChartColours {
  lines: string[];
  axis: string;
  grid: string;
  band: string;
  bandEdge: string;
  pause: string;
  text: string;
  surface: string;
  font: string;
}

function coloursOf(element: HTMLElement): ChartColours {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    lines: Array.from({ length: LINE_COLOURS }, (_, index) => read(`--chart-line-${index + 1}`, '#2f6f6a')),
    axis: read('--text-soft', '#4a5058'),
    grid: read('--chart-grid', 'rgba(0,0,0,0.1)'),
    band: read('--chart-band', 'rgba(47,111,106,0.12)'),
    bandEdge: read('--chart-band-edge', 'rgba(47,111,106,0.5)'),
    pause: read('--chart-pause', 'rgba(0,0,0,0.25)'),
    text: read('--text', '#22262a'),
    surface: read('--surface', '#fffdf8'),
    font: style.fontFamily || 'system-ui, sans-serif',
  };
}

/** A y range with some room around the data; fixed when `fixed` is given. */
function yRangeOf(data: ChartData, fixed: readonly [number, number] | undefined): [number, number] {
  if (fixed !== undefined) return [fixed[0], fixed[1]];
  const values = data.lines.flatMap((line) => line.values.filter((value): value is number => typeof value === 'number'));
  if (values.length === 0) return [0, 1];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = Math.max(2, (high - low) * 0.15);
  return [Math.max(0, Math.floor(low - pad)), Math.ceil(high + pad)];
}

/** Shortens `text` with an ellipsis until it fits `width` canvas pixels; '' when nothing fits. */
function fitText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  for (let length = text.length - 1; length > 2; length -= 1) {
    const shorter = `${text.slice(0, length).trimEnd()}…`;
    if (ctx.measureText(shorter).width <= width) return shorter;
  }
  return '';
}

/** Shades the practices and hatches their pauses behind everything else. */
function drawBands(chart: uPlot, bands: readonly PhaseBand[], colours: ChartColours): void {
  const { ctx } = chart;
  const { left, top, width, height } = chart.bbox;
  const ratio = uPlot.pxRatio;
  const x = (minutes: number) => Math.min(left + width, Math.max(left, chart.valToPos(minutes, 'x', true)));
  ctx.save();
  for (const band of bands) {
    const from = x(band.fromMinutes);
    const to = x(band.toMinutes);
    ctx.fillStyle = colours.band;
    ctx.fillRect(from, top, to - from, height);
    ctx.fillStyle = colours.bandEdge;
    ctx.fillRect(from, top, ratio, height);
    ctx.fillRect(to - ratio, top, ratio, height);
    for (const pause of band.pauses) {
      const pauseFrom = x(pause.fromMinutes);
      const pauseTo = x(pause.toMinutes);
      ctx.save();
      ctx.beginPath();
      ctx.rect(pauseFrom, top, Math.max(ratio, pauseTo - pauseFrom), height);
      ctx.clip();
      ctx.strokeStyle = colours.pause;
      ctx.lineWidth = ratio;
      const step = 7 * ratio;
      for (let hatch = pauseFrom - height; hatch < pauseTo; hatch += step) {
        ctx.beginPath();
        ctx.moveTo(hatch, top + height);
        ctx.lineTo(hatch + height, top);
        ctx.stroke();
      }
      ctx.restore();
    }
  }
  ctx.restore();
}

/** Writes each practice's title (and "paused" over wide enough pauses) at the top of its band. */
function drawBandTitles(chart: uPlot, bands: readonly PhaseBand[], colours: ChartColours): void {
  const { ctx } = chart;
  const { left, top, width } = chart.bbox;
  const ratio = uPlot.pxRatio;
  const x = (minutes: number) => Math.min(left + width, Math.max(left, chart.valToPos(minutes, 'x', true)));
  ctx.save();
  ctx.textBaseline = 'top';
  // uPlot leaves the alignment of its last axis labels behind.
  ctx.textAlign = 'left';
  for (const band of bands) {
    const from = x(band.fromMinutes);
    const to = x(band.toMinutes);
    ctx.font = `600 ${12 * ratio}px ${colours.font}`;
    const title = fitText(ctx, band.title, to - from - 8 * ratio);
    if (title !== '') {
      // A soft backing keeps the title readable where a line passes under it.
      ctx.globalAlpha = 0.8;
      ctx.fillStyle = colours.surface;
      ctx.fillRect(from + 2 * ratio, top + 2 * ratio, ctx.measureText(title).width + 4 * ratio, 16 * ratio);
      ctx.globalAlpha = 1;
      ctx.fillStyle = colours.text;
      ctx.fillText(title, from + 4 * ratio, top + 4 * ratio);
    }
    ctx.font = `${11 * ratio}px ${colours.font}`;
    for (const pause of band.pauses) {
      const pauseFrom = x(pause.fromMinutes);
      const pauseTo = x(pause.toMinutes);
      // The whole word or nothing: "pau…" over a short pause says less than the hatching does.
      if (ctx.measureText('paused').width > pauseTo - pauseFrom - 4 * ratio) continue;
      ctx.fillStyle = colours.axis;
      ctx.fillText('paused', pauseFrom + 2 * ratio, top + 20 * ratio);
    }
  }
  ctx.restore();
}

function optionsFor(props: TimeChartProps, width: number, colours: ChartColours): uPlot.Options {
  const axisFont = `12px ${colours.font}`;
  const span = Math.max(props.data.spanMinutes, 1 / 60);
  return {
    width,
    height: props.height ?? 220,
    legend: { show: false },
    cursor: { show: false, drag: { x: false, y: false } },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      x: { time: false, range: () => [0, span] },
      y: { range: () => yRangeOf(props.data, props.yRange) },
    },
    axes: [
      {
        stroke: colours.axis,
        font: axisFont,
        grid: { stroke: colours.grid, width: 1 },
        ticks: { stroke: colours.grid, width: 1 },
        space: 56,
        values: (_chart, splits) => splits.map((split) => minuteTick(split)),
      },
      {
        stroke: colours.axis,
        font: axisFont,
        labelFont: axisFont,
        label: props.unit,
        labelSize: 20,
        size: 44,
        grid: { stroke: colours.grid, width: 1 },
        ticks: { stroke: colours.grid, width: 1 },
        ...(props.yRange === undefined ? {} : { values: (_chart: uPlot, splits: number[]) => splits.map((split) => split.toFixed(1)) }),
      },
    ],
    series: [
      {},
      ...props.data.lines.map((line) => ({
        label: line.label,
        stroke: colours.lines[line.styleIndex % LINE_COLOURS],
        width: 2,
        dash: (LINE_DASHES[line.styleIndex % LINE_DASHES.length] ?? []).map((length) => length * uPlot.pxRatio),
        spanGaps: false,
        points: { show: false },
      })),
    ],
    hooks: {
      drawClear: [(chart) => { drawBands(chart, props.bands, colours); }],
      draw: [(chart) => { drawBandTitles(chart, props.bands, colours); }],
    },
  };
}

/** What a time chart needs. */
export interface TimeChartProps {
  readonly data: ChartData;
  readonly bands: readonly PhaseBand[];
  /** The y axis's unit, e.g. "beats a minute". */
  readonly unit: string;
  /** The chart's accessible name: a sentence saying what it shows. */
  readonly label: string;
  readonly yRange?: readonly [number, number];
  readonly height?: number;
}

/** The chart; it fills the width of its container and redraws when that or the colour scheme changes. */
export function TimeChart(props: TimeChartProps) {
  const holder = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const element = holder.current;
    if (element === null) return;
    let chart: uPlot | null = null;
    const build = () => {
      chart?.destroy();
      const current = latest.current;
      const data: uPlot.AlignedData = [current.data.xMinutes as number[], ...current.data.lines.map((line) => line.values as (number | null | undefined)[])];
      chart = new uPlot(optionsFor(current, Math.max(200, element.clientWidth), coloursOf(element)), data, element);
    };
    build();
    const resize = new ResizeObserver(() => {
      const width = Math.max(200, element.clientWidth);
      if (chart !== null && chart.width !== width) chart.setSize({ width, height: latest.current.height ?? 220 });
    });
    resize.observe(element);
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', build);
    return () => {
      resize.disconnect();
      scheme.removeEventListener('change', build);
      chart?.destroy();
    };
  }, [props.data, props.bands, props.unit, props.yRange, props.height]);

  return <div class="time-chart" role="img" aria-label={props.label} ref={holder} />;
}
