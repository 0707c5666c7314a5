import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** One line or bar series of a chart: its values per day (null = no check-in that day). */
export interface ChartSeries {
  label: string;
  values: readonly (number | null)[];
  color: string;
  /** Dashes tell the lines apart without relying on colour. */
  dash?: number[];
  kind?: 'line' | 'bars';
}

const DAY_SECONDS = 86_400;
const secondsOf = (day: string) => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / 1000;

/**
 * A small uPlot chart of one period (docs/decisions/036-insights.md). The canvas is hidden from
 * screen readers: each chart sits in a figure whose caption says what it shows, and the page's
 * table holds every value. Nothing animates (uPlot draws at once), so reduced motion needs nothing
 * more. The chart follows its container's width, so it reads at 360 px and at 1280 px.
 */
export function TrendChart({
  days,
  series,
  range,
  locale,
  height = 200,
}: {
  days: readonly string[];
  series: readonly ChartSeries[];
  /** The y range; by default from 0 to the largest value. */
  range?: [number, number];
  locale: string;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const x = days.map(secondsOf);
    const dayLabel = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const monthLabel = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
    const long = days.length > 90;
    const dots = days.length <= 31;
    const barSeries = series.filter((s) => s.kind === 'bars').length;
    const style = getComputedStyle(el);
    const ink = style.getPropertyValue('--color-muted').trim() || '#4a5c57';
    const grid = style.getPropertyValue('--color-border').trim() || '#d3e0db';
    const axis: uPlot.Axis = { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const opts: uPlot.Options = {
      width: Math.max(el.clientWidth, 200),
      height,
      legend: { show: false },
      cursor: { show: false },
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: {
        x: { time: true, range: [x[0]! - DAY_SECONDS / 2, x[x.length - 1]! + DAY_SECONDS / 2] },
        y: range ? { range } : { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] },
      },
      axes: [
        {
          ...axis,
          space: long ? 60 : 48,
          values: (_u, splits) => splits.map((s) => (long ? monthLabel : dayLabel).format(new Date(s * 1000))),
        },
        {
          ...axis,
          size: 40,
          ...(range ? { splits: () => Array.from({ length: range[1] - range[0] + 1 }, (_, i) => range[0] + i) } : {}),
          values: (_u, splits) => splits.map((s) => new Intl.NumberFormat(locale).format(s)),
        },
      ],
      series: [
        {},
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: s.kind === 'bars' ? 0 : 2,
          dash: s.dash,
          fill: s.kind === 'bars' ? s.color : undefined,
          spanGaps: false,
          points: { show: s.kind !== 'bars' && dots, size: 5, fill: s.color },
          paths:
            s.kind === 'bars' ? uPlot.paths.bars!({ size: [barSeries > 1 ? 0.45 : 0.7, 24], align: 0 }) : undefined,
        })),
      ],
    };
    const data: uPlot.AlignedData = [x, ...series.map((s) => s.values.map((v) => v ?? null))];
    const chart = new uPlot(opts, data, el);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(el.clientWidth, 200), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [days, series, range, locale, height]);

  return <div ref={box} className="insights-chart__canvas" aria-hidden="true" />;
}
