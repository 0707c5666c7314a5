import { useMemo } from 'react';
import { useT } from '../i18n.js';
import { type UnitView } from '../api/org.api.js';
import { buildUnitTree, type UnitNodeView } from '../lib/unit-tree.js';
import './unit-tree-picker.css';

interface UnitTreePickerProps {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  units: readonly UnitView[];
  /** Only these subtrees may be chosen (a unit-scoped role); null = the whole agency. */
  scope: readonly string[] | null;
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}

/**
 * Units as a tree of checkboxes, for choosing who a campaign or a climate survey asks. A unit includes its sub-units, so a sub-unit of a chosen unit is
 * shown as included (and cannot be chosen twice).
 */
export function UnitTreePicker({ id, legend, hint, error, units, scope, selected, onChange }: UnitTreePickerProps) {
  const { t } = useT();
  const { roots } = useMemo(() => buildUnitTree(units.filter((u) => u.isActive)), [units]);
  const toggle = (unitId: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(unitId);
    else next.delete(unitId);
    onChange(next);
  };
  const render = (node: UnitNodeView, inScope: boolean, coveredBy: string | null) => {
    const allowed = inScope || scope === null || scope.includes(node.id);
    const checkboxId = `${id}-${node.id}`;
    const covered = coveredBy !== null;
    return (
      <li key={node.id} className="unit-pick">
        <div className="unit-pick__row">
          <input
            type="checkbox"
            id={checkboxId}
            className="checkbox__input"
            checked={covered || selected.has(node.id)}
            disabled={covered || !allowed}
            onChange={(event) => toggle(node.id, event.target.checked)}
            aria-describedby={covered ? `${checkboxId}-covered` : undefined}
          />
          <label htmlFor={checkboxId} className="unit-pick__label">
            {node.name} <span className="muted small">({node.code})</span>
          </label>
          {covered && (
            <span id={`${checkboxId}-covered`} className="muted small unit-pick__covered">
              {t('campaigns.form.included_in', { name: coveredBy })}
            </span>
          )}
        </div>
        {node.children.length > 0 && (
          <ul className="unit-pick__children">
            {node.children.map((c) => render(c, allowed, coveredBy ?? (selected.has(node.id) ? node.name : null)))}
          </ul>
        )}
      </li>
    );
  };
  return (
    <fieldset
      className={`field fieldset ${error ? 'field--error' : ''}`}
      id={id}
      tabIndex={-1}
      aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend className="field__label">{legend}</legend>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('common.form.error_prefix')} </span>
          {error}
        </p>
      )}
      <ul className="unit-picker">{roots.map((r) => render(r, false, null))}</ul>
    </fieldset>
  );
}
