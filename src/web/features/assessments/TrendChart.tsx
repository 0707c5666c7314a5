import type { InstrumentId } from '../../../domain/instruments/types.js';
import { useT } from '../../i18n.js';
import { zoneFill } from './BandScale.js';

export interface TrendSeries {
  key: string;
  label: string;
  /** Oldest first. */
  points: ReadonlyArray<{ at: string; value: number }>;
}

interface TrendChartProps {
  instrumentId: InstrumentId;
  series: readonly TrendSeries[];
  range: { min: number; max: number };
  bands: ReadonlyArray<{ code: string; min: number; max: number }>;
  /** What the chart says, in words (role=img). */
  summary: string;
  /** A short date for the axis ("22 Nov"). */
  formatDate: (iso: string) => string;
  formatTick: (value: number) => string;
}

const SERIES_STYLE = [
  { stroke: '#0e6655', dash: '' },
  { stroke: '#3a4fa8', dash: '6 4' },
  { stroke: '#8a3b12', dash: '2 3' },
];

/**
 * Scores over time, drawn here in SVG (no chart library): band zones shaded behind the line, one
 * line per series (the CBI has three). The chart is an image with a summary as its name; the same
 * figures are in a table beside it.
 */
export function TrendChart({ instrumentId, series, range, bands, summary, formatDate, formatTick }: TrendChartProps) {
  const { t } = useT();
  // Drawn at phone size; it scales up on wider screens.
  const width = 400;
  const height = 220;
  const pad = { left: 36, right: 14, top: 10, bottom: 30 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const span = range.max - range.min || 1;
  const y = (v: number) => pad.top + innerH - ((v - range.min) / span) * innerH;
  // One step per result, oldest on the left: readable on a phone even when results bunch up in time.
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.at)))].sort();
  const step = dates.length > 1 ? innerW / (dates.length - 1) : 0;
  const x = (iso: string) => (dates.length > 1 ? pad.left + dates.indexOf(iso) * step : pad.left + innerW / 2);
  const ticks = [range.min, ...bands.map((b) => b.min).filter((m) => m > range.min && m < range.max), range.max];
  // Date labels that neither overlap nor repeat: the first, the last, and any between with room.
  const gap = 56;
  const dateTicks: string[] = [];
  for (const d of dates) {
    const previous = dateTicks[dateTicks.length - 1];
    if (previous === undefined || (x(d) - x(previous) >= gap && formatDate(d) !== formatDate(previous)))
      dateTicks.push(d);
  }
  const lastDate = dates[dates.length - 1];
  if (lastDate && dates.length > 1 && !dateTicks.includes(lastDate)) {
    // The last label is drawn leftwards from the end: it needs a little more room.
    while (
      dateTicks.length > 1 &&
      (x(lastDate) - x(dateTicks[dateTicks.length - 1] ?? lastDate) < gap + 8 ||
        formatDate(dateTicks[dateTicks.length - 1] ?? '') === formatDate(lastDate))
    )
      dateTicks.pop();
    if (formatDate(dateTicks[dateTicks.length - 1] ?? '') !== formatDate(lastDate)) dateTicks.push(lastDate);
  }
  const anchor = (d: string) =>
    dates.length > 1 && d === dates[0] ? 'start' : dates.length > 1 && d === lastDate ? 'end' : 'middle';
  return (
    <figure className="trend">
      <svg className="trend__svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
        {bands.map((b, i) => {
          const top = i < bands.length - 1 ? (bands[i + 1]?.min ?? b.max) : range.max;
          return (
            <rect
              key={b.code}
              x={pad.left}
              width={innerW}
              y={y(top)}
              height={Math.max(0, y(b.min) - y(top))}
              fill={zoneFill(instrumentId, bands, b.code)}
            />
          );
        })}
        {ticks.map((v) => (
          <g key={v}>
            <line x1={pad.left} x2={pad.left + innerW} y1={y(v)} y2={y(v)} stroke="#b9c8c2" strokeWidth={1} />
            <text x={pad.left - 6} y={y(v) + 4} textAnchor="end" className="trend__tick">
              {formatTick(v)}
            </text>
          </g>
        ))}
        {dateTicks.map((d) => (
          <text key={d} x={x(d)} y={height - 10} textAnchor={anchor(d)} className="trend__tick">
            {formatDate(d)}
          </text>
        ))}
        {series.map((s, i) => {
          const style = SERIES_STYLE[i % SERIES_STYLE.length] ?? SERIES_STYLE[0];
          const path = s.points
            .map((p, j) => `${j === 0 ? 'M' : 'L'}${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`)
            .join(' ');
          return (
            <g key={s.key}>
              <path
                d={path}
                fill="none"
                stroke={style?.stroke}
                strokeWidth={3}
                strokeDasharray={style?.dash || undefined}
                strokeLinejoin="round"
              />
              {s.points.map((p) => (
                <circle
                  key={p.at}
                  cx={x(p.at)}
                  cy={y(p.value)}
                  r={5}
                  fill="#ffffff"
                  stroke={style?.stroke}
                  strokeWidth={3}
                />
              ))}
            </g>
          );
        })}
      </svg>
      {series.length > 1 && (
        <figcaption className="trend__legend">
          <span className="visually-hidden">{t('assessments.history.legend')}</span>
          <ul>
            {series.map((s, i) => (
              <li key={s.key}>
                <svg width="28" height="10" aria-hidden="true" focusable="false">
                  <line
                    x1="0"
                    x2="28"
                    y1="5"
                    y2="5"
                    stroke={SERIES_STYLE[i % SERIES_STYLE.length]?.stroke}
                    strokeWidth="3"
                    strokeDasharray={SERIES_STYLE[i % SERIES_STYLE.length]?.dash || undefined}
                  />
                </svg>{' '}
                {s.label}
              </li>
            ))}
          </ul>
        </figcaption>
      )}
    </figure>
  );
}
