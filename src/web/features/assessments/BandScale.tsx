import type { InstrumentId } from '../../../domain/instruments/types.js';

interface Band {
  code: string;
  min: number;
  max: number;
}

/** Soft zone colours from calm to concerning: green, pale yellow, amber, rose. */
const PALETTE = ['#d6eee0', '#ecefc6', '#fadfae', '#f5cdc6'] as const;

/** Higher is better on these: their lowest band is the most concerning. */
const HIGHER_IS_BETTER: readonly InstrumentId[] = ['who5'];

/** The fill of each band's zone, graded by its place in the order of the bands. */
export function zoneFill(instrumentId: InstrumentId, bands: readonly Band[], code: string): string {
  const ordered = [...bands].sort((a, b) => a.min - b.min);
  const index = ordered.findIndex((b) => b.code === code);
  const n = ordered.length;
  if (index < 0 || n === 0) return PALETTE[0];
  const severity = HIGHER_IS_BETTER.includes(instrumentId) ? n - 1 - index : index;
  const slot = n === 1 ? 0 : Math.round((severity / (n - 1)) * (PALETTE.length - 1));
  return PALETTE[slot] ?? PALETTE[0];
}

/**
 * The range of the score with its band zones and where this result falls. Decorative: the same
 * facts are in the text beside it.
 */
export function BandScale({
  instrumentId,
  bands,
  range,
  value,
}: {
  instrumentId: InstrumentId;
  bands: readonly Band[];
  range: { min: number; max: number };
  value: number;
}) {
  const width = 300;
  const span = range.max - range.min || 1;
  const x = (v: number) => ((v - range.min) / span) * width;
  return (
    <svg
      className="band-scale"
      viewBox={`0 -6 ${width} 28`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      {bands.map((b, i) => {
        // Integer bands touch: a band ends where the next begins.
        const start = x(b.min);
        const end = i < bands.length - 1 ? x(bands[i + 1]?.min ?? b.max) : width;
        return (
          <rect
            key={b.code}
            x={start}
            y={0}
            width={Math.max(0, end - start)}
            height={16}
            fill={zoneFill(instrumentId, bands, b.code)}
            stroke="#ffffff"
            strokeWidth={1}
          />
        );
      })}
      <line x1={x(value)} x2={x(value)} y1={-5} y2={21} stroke="#1a2a26" strokeWidth={3} />
    </svg>
  );
}
