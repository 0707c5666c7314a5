import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * A measurement-based-care chart of one instrument (docs/decisions/042-counselling-consent.md): the
 * totals over time as a line with points, and the clinical cut-off as a dashed line. The canvas is
 * hidden from screen readers; the page's table holds every value and its change in words. uPlot loads
 * with this page only.
 */
export function MbcChart({
  points,
  min,
  max,
  cutOff,
  locale,
  scoreLabel,
  cutOffLabel,
  height = 220,
}: {
  points: ReadonlyArray<{ at: string; total: number }>;
  min: number;
  max: number;
  cutOff: number;
  locale: string;
  scoreLabel: string;
  cutOffLabel: string;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el || points.length === 0) return;
    const at = points.map((p) => Date.parse(p.at) / 1000);
    const pad = at.length > 1 ? (at[at.length - 1]! - at[0]!) * 0.06 : 7 * 86_400;
    // One empty step at each end, so the cut-off line spans the whole chart even for a single score.
    const x = [at[0]! - pad, ...at, at[at.length - 1]! + pad];
    const style = getComputedStyle(el);
    const ink = style.getPropertyValue('--color-muted').trim() || '#4a5c57';
    const grid = style.getPropertyValue('--color-border').trim() || '#d3e0db';
    const line = style.getPropertyValue('--color-primary').trim() || '#1f6f5c';
    const warn = style.getPropertyValue('--color-danger').trim() || '#a23b2a';
    const label = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
    const axis: uPlot.Axis = { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const opts: uPlot.Options = {
      width: Math.max(el.clientWidth, 220),
      height,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: true }, y: { range: [min, max] } },
      axes: [
        { ...axis, space: 56, values: (_u, splits) => splits.map((s) => label.format(new Date(s * 1000))) },
        { ...axis, size: 36, values: (_u, splits) => splits.map((s) => new Intl.NumberFormat(locale).format(s)) },
      ],
      series: [
        {},
        { label: scoreLabel, stroke: line, width: 2, points: { show: true, size: 7, fill: line } },
        { label: cutOffLabel, stroke: warn, width: 1.5, dash: [6, 4], points: { show: false } },
      ],
    };
    const data: uPlot.AlignedData = [x, [null, ...points.map((p) => p.total), null], x.map(() => cutOff)];
    const chart = new uPlot(opts, data, el);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(el.clientWidth, 220), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [points, min, max, cutOff, locale, scoreLabel, cutOffLabel, height]);

  return <div ref={box} className="mbc-chart__canvas" aria-hidden="true" />;
}
