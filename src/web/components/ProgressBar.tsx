import { useT } from '../i18n.js';
import { formatNumber } from '../../i18n/format.js';

interface ProgressBarProps {
  label: string;
  value: number;
  max: number;
  /** Shown under the bar, e.g. "1.200 dari 5.000 baris". */
  detail?: string;
  /** The label stays for screen readers only, when a heading nearby already says it. */
  labelHidden?: boolean;
}

/** A determinate progress bar (role=progressbar with aria-valuenow as a percentage). */
export function ProgressBar({ label, value, max, detail, labelHidden = false }: ProgressBarProps) {
  const { locale } = useT();
  const percent = max > 0 ? Math.min(100, Math.max(0, Math.round((value / max) * 100))) : 0;
  const text = `${formatNumber(percent, locale)}%`;
  return (
    <div className="progress">
      <div className={labelHidden ? 'visually-hidden' : 'progress__label'}>
        <span>{label}</span>
        <span aria-hidden="true">{text}</span>
      </div>
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={detail ? `${text} — ${detail}` : text}
      >
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      {detail && <p className="progress__detail">{detail}</p>}
    </div>
  );
}
