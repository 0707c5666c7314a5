import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** The column that titles the row's card on a phone. */
  primary?: boolean;
  /** Hidden in the card view (e.g. already in the title). */
  hideInCard?: boolean;
  className?: string;
}

interface DataTableProps<T> {
  caption: string;
  /** Show the caption on screen, or keep it for screen readers only. */
  showCaption?: boolean;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
}

/**
 * A table on wide screens and a list of cards under ~640 px, so a phone never scrolls sideways.
 * Both are rendered and CSS shows one: each keeps its own semantics (table / list of term-value).
 * Cells must not hold elements with ids, since they appear twice.
 */
export function DataTable<T>({ caption, showCaption = false, columns, rows, rowKey }: DataTableProps<T>) {
  const primary = columns.find((c) => c.primary) ?? columns[0];
  return (
    <div className="data-table">
      <div className="data-table__scroll">
        <table className="data-table__table">
          <caption className={showCaption ? 'data-table__caption' : 'visually-hidden'}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.className}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) =>
                  c === primary ? (
                    <th key={c.key} scope="row" className={c.className}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={c.key} className={c.className}>
                      {c.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="data-table__cards" aria-label={caption}>
        {rows.map((row) => (
          <li key={rowKey(row)} className="data-card">
            {primary && <div className="data-card__title">{primary.cell(row)}</div>}
            <dl className="data-card__fields">
              {columns
                .filter((c) => c !== primary && !c.hideInCard)
                .map((c) => (
                  <div key={c.key} className="data-card__field">
                    <dt>{c.header}</dt>
                    <dd>{c.cell(row)}</dd>
                  </div>
                ))}
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}
