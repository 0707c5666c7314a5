import type { ResultFigureView } from '../../../contracts/surveys.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';

type WithheldReason = NonNullable<ResultFigureView['withheld']>;

/** The reason a figure is withheld, in words (docs/surveys.md#results-and-anonymity). */
export function useWithheldText() {
  const { t } = useT();
  return (reason: WithheldReason | null, k: number) =>
    t(`surveys.results.withheld.${reason ?? 'below_threshold'}`, { k });
}

/** A share 0..1 as a whole percentage in the viewer's language. */
export function usePercent() {
  const fmt = useFormat();
  return (share: number) => `${fmt.number(Math.round(share * 100))}%`;
}

/**
 * "—" in place of a withheld figure, never a number: its reason, visually hidden until hover or
 * focus, is what a screen reader reads (the dash itself is hidden from it), once.
 */
export function Withheld({ reason, k }: { reason: WithheldReason | null; k: number }) {
  const text = useWithheldText()(reason, k);
  return (
    <span className="survey-withheld-figure" tabIndex={0} title={text}>
      <span aria-hidden="true">—</span>
      <span className="survey-withheld-figure__reason">{text}</span>
    </span>
  );
}

/** A figure's value as `format` writes it, or the withheld dash with its reason. */
export function Figure({
  figure,
  k,
  format,
}: {
  figure: ResultFigureView;
  k: number;
  format: (value: number) => string;
}) {
  if (figure.value === null) return <Withheld reason={figure.withheld} k={k} />;
  return <>{format(figure.value)}</>;
}

/** The change in percentage points between two shares, or null when either is withheld or absent. */
export function changeInPoints(now: ResultFigureView | undefined, before: ResultFigureView | undefined): number | null {
  if (now?.value == null || before?.value == null) return null;
  return Math.round(now.value * 100) - Math.round(before.value * 100);
}
