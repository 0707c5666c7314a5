import type { ReactNode } from 'react';

/** Labelled facts as a description list, one row each (label above value on a phone). */
export function KeyValueList({ rows }: { rows: ReadonlyArray<readonly [label: string, value: ReactNode]> }) {
  return (
    <dl className="key-value key-value--rows">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
