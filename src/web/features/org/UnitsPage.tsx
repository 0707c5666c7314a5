import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useUrlParams } from '../../lib/use-url-params.js';
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { unitCreateBody, unitUpdateBody } from '../../../contracts/org.js';
import { timeZoneName } from '../../../i18n/format.js';
import { subtreeIds } from '../../../domain/org/unit-tree.js';
import { isApiError, type ApiError } from '../../api/client.js';
import { useApiMutation } from '../../api/mutation.js';
import { timeZoneLabel, timeZoneOptions } from '../../lib/options.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Checkbox, Select, TextField } from '../../components/fields.js';
import { useForm, type Form } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { createUnit, unitsQuery, updateUnit, type UnitView } from '../../api/org.api.js';
import { buildUnitTree, unitOptions, type UnitNodeView } from '../../lib/unit-tree.js';
import './org.css';

/** Puts a server refusal next to the field it is about, when it is about one. */
function showUnitError<V extends Record<string, string | boolean>>(form: Form<V>, err: ApiError) {
  if (isApiError(err) && err.code === 'unit_code_taken') form.fail({ code: err.message });
  else if (isApiError(err) && err.code === 'unit_cycle') form.fail({ parentId: err.message });
  else form.showServerError(err);
}

function TreeNode({
  node,
  expanded,
  toggle,
  selectedId,
  onSelect,
  showInactive,
}: {
  node: UnitNodeView;
  expanded: ReadonlySet<string>;
  toggle: (id: string) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
  showInactive: boolean;
}) {
  const { t } = useT();
  const fmt = useFormat();
  const children = node.children.filter((c) => showInactive || c.isActive);
  const isOpen = expanded.has(node.id);
  return (
    <li className={`tree__item ${node.isActive ? '' : 'tree__item--inactive'}`}>
      <div className="tree__row">
        {children.length > 0 ? (
          <button
            type="button"
            className="tree__toggle"
            aria-expanded={isOpen}
            aria-label={t('org.units.toggle', { name: node.name })}
            data-toggle-for={node.id}
            onClick={() => toggle(node.id)}
          >
            <span aria-hidden="true" className={`chevron ${isOpen ? 'chevron--open' : ''}`} />
          </button>
        ) : (
          <span className="tree__spacer" aria-hidden="true" />
        )}
        <button
          type="button"
          className="tree__node"
          data-tree-node={node.id}
          data-parent={node.parentId ?? ''}
          aria-current={selectedId === node.id ? 'true' : undefined}
          onClick={() => onSelect(node.id)}
        >
          <span className="tree__name">{node.name}</span>
          <span className="tree__meta">
            {node.code} · {timeZoneName(node.timeZone)} ·{' '}
            {t('org.units.people_count', { number: fmt.number(node.peopleCount) })}
          </span>
          {!node.isActive && <Badge tone="neutral">{t('org.status.inactive')}</Badge>}
        </button>
      </div>
      {isOpen && children.length > 0 && (
        <ul className="tree__children">
          {children.map((c) => (
            <TreeNode
              key={c.id}
              node={c}
              expanded={expanded}
              toggle={toggle}
              selectedId={selectedId}
              onSelect={onSelect}
              showInactive={showInactive}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * Arrow keys move between visible units (up/down), open and close them (right/left) and jump to the
 * parent; Home/End go to the first and last. Tab still walks every button.
 */
function onTreeKeyDown(
  event: KeyboardEvent<HTMLUListElement>,
  expanded: ReadonlySet<string>,
  toggle: (id: string) => void,
) {
  const target = event.target as HTMLElement;
  const id = target.dataset.treeNode;
  if (!id) return;
  const nodes = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[data-tree-node]'));
  const index = nodes.indexOf(target);
  const focus = (el: HTMLElement | undefined) => {
    if (el) {
      event.preventDefault();
      el.focus();
    }
  };
  const hasToggle = Boolean(event.currentTarget.querySelector(`[data-toggle-for="${id}"]`));
  switch (event.key) {
    case 'ArrowDown':
      return focus(nodes[index + 1]);
    case 'ArrowUp':
      return focus(nodes[index - 1]);
    case 'Home':
      return focus(nodes[0]);
    case 'End':
      return focus(nodes[nodes.length - 1]);
    case 'ArrowRight':
      event.preventDefault();
      if (hasToggle && !expanded.has(id)) toggle(id);
      else if (hasToggle) focus(nodes[index + 1]);
      return;
    case 'ArrowLeft':
      event.preventDefault();
      if (hasToggle && expanded.has(id)) toggle(id);
      else focus(nodes.find((n) => n.dataset.treeNode === target.dataset.parent));
      return;
    default:
  }
}

function EditUnit({ unit, units, isRoot }: { unit: UnitView; units: readonly UnitView[]; isRoot: boolean }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const initial = useMemo(
    () => ({ name: unit.name, code: unit.code, timeZone: unit.timeZone, parentId: unit.parentId ?? '' }),
    [unit],
  );
  const form = useForm(`unit-edit-${unit.id}`, initial);
  const [saved, setSaved] = useState(false);
  const save = useApiMutation((body: Record<string, unknown>, key) => updateUnit(unit.id, body, key));
  const exclude = useMemo(() => subtreeIds(units, unit.id), [units, unit.id]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const v = form.values;
    const changes: Record<string, string> = {};
    if (v.name !== unit.name) changes.name = v.name;
    if (v.code !== unit.code) changes.code = v.code;
    if (v.timeZone !== unit.timeZone) changes.timeZone = v.timeZone;
    if (!isRoot && v.parentId !== (unit.parentId ?? '')) changes.parentId = v.parentId;
    const body = form.validate(unitUpdateBody, changes);
    if (!body) return;
    if (Object.keys(body).length === 0) {
      setSaved(true);
      return;
    }
    save.mutate(body, {
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: unitsQuery.queryKey });
      },
      onError: (err) => showUnitError(form, err),
    });
  };

  const labels = {
    name: t('org.units.fields.name'),
    code: t('org.units.fields.code'),
    timeZone: t('org.units.fields.time_zone'),
    parentId: t('org.units.fields.parent'),
  };
  return (
    <form className="form subsection" onSubmit={submit} noValidate aria-labelledby={`${form.idPrefix}-title`}>
      <h3 id={`${form.idPrefix}-title`}>{t('org.units.edit_title')}</h3>
      <FormErrorSummary {...form.summary} labels={labels} />
      {saved && <Alert tone="success">{t('org.units.saved')}</Alert>}
      <TextField {...form.field('name')} label={labels.name} />
      <TextField
        {...form.field('code')}
        label={labels.code}
        hint={t('org.units.code_hint')}
        className="field--medium"
        spellCheck={false}
      />
      <Select
        {...form.field('timeZone')}
        label={labels.timeZone}
        hint={t('org.units.time_zone_hint')}
        options={timeZoneOptions(t)}
      />
      {isRoot ? (
        <p className="muted small">{t('org.units.root_note')}</p>
      ) : (
        <Select
          {...form.field('parentId')}
          label={labels.parentId}
          hint={t('org.units.parent_hint')}
          options={unitOptions(units, { exclude, activeOnly: true })}
        />
      )}
      <Button type="submit" busy={save.isPending}>
        {t('common.actions.save')}
      </Button>
    </form>
  );
}

function AddSubunit({ parent, onCreated }: { parent: UnitView; onCreated: (unit: UnitView) => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const initial = useMemo(() => ({ name: '', code: '', timeZone: parent.timeZone }), [parent.timeZone]);
  const form = useForm(`unit-add-${parent.id}`, initial);
  const create = useApiMutation((body: unknown, key) => createUnit(body, key));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate(unitCreateBody, { ...form.values, parentId: parent.id });
    if (!body) return;
    create.mutate(body, {
      onSuccess: async (unit) => {
        form.reset(initial);
        await queryClient.invalidateQueries({ queryKey: unitsQuery.queryKey });
        onCreated(unit);
      },
      onError: (err) => showUnitError(form, err),
    });
  };

  const labels = {
    name: t('org.units.fields.name'),
    code: t('org.units.fields.code'),
    timeZone: t('org.units.fields.time_zone'),
  };
  return (
    <form className="form subsection" onSubmit={submit} noValidate aria-labelledby={`${form.idPrefix}-title`}>
      <h3 id={`${form.idPrefix}-title`}>{t('org.units.add_title', { name: parent.name })}</h3>
      <FormErrorSummary {...form.summary} labels={labels} />
      <TextField {...form.field('name')} label={labels.name} />
      <TextField
        {...form.field('code')}
        label={labels.code}
        hint={t('org.units.code_hint')}
        className="field--medium"
        spellCheck={false}
      />
      <Select {...form.field('timeZone')} label={labels.timeZone} options={timeZoneOptions(t)} />
      <Button type="submit" variant="secondary" busy={create.isPending}>
        {t('org.units.add_submit')}
      </Button>
    </form>
  );
}

function ActivationControl({ unit }: { unit: UnitView }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const change = useApiMutation((isActive: boolean, key) => updateUnit(unit.id, { isActive }, key));
  const deactivating = unit.isActive;
  return (
    <div className="subsection">
      <h3>{deactivating ? t('org.units.deactivate_title') : t('org.units.reactivate_title')}</h3>
      <p className="muted">{deactivating ? t('org.units.deactivate_body') : t('org.units.reactivate_body')}</p>
      <Button
        variant={deactivating ? 'danger' : 'secondary'}
        onClick={() => {
          change.reset();
          setOpen(true);
        }}
      >
        {deactivating ? t('org.units.deactivate') : t('org.units.reactivate')}
      </Button>
      <ConfirmDialog
        open={open}
        title={
          deactivating
            ? t('org.units.deactivate_confirm', { name: unit.name })
            : t('org.units.reactivate_confirm', { name: unit.name })
        }
        confirmLabel={deactivating ? t('org.units.deactivate') : t('org.units.reactivate')}
        tone={deactivating ? 'danger' : 'primary'}
        busy={change.isPending}
        error={change.error?.message ?? null}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          change.mutate(!unit.isActive, {
            onSuccess: async () => {
              setOpen(false);
              await queryClient.invalidateQueries({ queryKey: unitsQuery.queryKey });
            },
          })
        }
      >
        <p>{deactivating ? t('org.units.deactivate_confirm_body') : t('org.units.reactivate_confirm_body')}</p>
      </ConfirmDialog>
    </div>
  );
}

function UnitPanel({
  unit,
  units,
  onSelect,
  takeFocus,
}: {
  unit: UnitView;
  units: readonly UnitView[];
  onSelect: (id: string) => void;
  takeFocus: boolean;
}) {
  const { t } = useT();
  const fmt = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  const parent = units.find((u) => u.id === unit.parentId);
  const isRoot = unit.parentId === null;
  useEffect(() => {
    // A unit chosen in the tree: its details take focus (and, on a phone, come into view).
    if (takeFocus) heading.current?.focus({ preventScroll: false });
  }, [unit.id, takeFocus]);
  return (
    <section className="card unit-panel" aria-labelledby="unit-panel-title">
      <h2 id="unit-panel-title" ref={heading} tabIndex={-1}>
        {unit.name}
      </h2>
      <dl className="key-value">
        <div>
          <dt>{t('org.units.fields.code')}</dt>
          <dd>{unit.code}</dd>
        </div>
        <div>
          <dt>{t('org.units.fields.time_zone')}</dt>
          <dd>{timeZoneLabel(t, unit.timeZone)}</dd>
        </div>
        <div>
          <dt>{t('org.units.fields.parent')}</dt>
          <dd>{parent ? parent.name : t('org.units.top_level')}</dd>
        </div>
        <div>
          <dt>{t('org.units.fields.people')}</dt>
          <dd>{fmt.number(unit.peopleCount)}</dd>
        </div>
        <div>
          <dt>{t('org.units.fields.status')}</dt>
          <dd>{unit.isActive ? t('org.status.active') : t('org.status.inactive')}</dd>
        </div>
      </dl>
      <EditUnit key={`edit-${unit.id}-${unit.updatedAt}`} unit={unit} units={units} isRoot={isRoot} />
      {unit.isActive && <AddSubunit key={`add-${unit.id}`} parent={unit} onCreated={(u) => onSelect(u.id)} />}
      {!isRoot && <ActivationControl unit={unit} />}
    </section>
  );
}

function UnitsEditor({ units }: { units: readonly UnitView[] }) {
  const { t } = useT();
  const [params, setParams] = useUrlParams();
  const [showInactive, setShowInactive] = useState(false);
  const { roots } = useMemo(() => buildUnitTree(units), [units]);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(roots.map((r) => r.id)));
  const selectedId = params.get('unit');
  const [chosenByPerson, setChosenByPerson] = useState(false);
  const selected = units.find((u) => u.id === selectedId) ?? null;

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const select = (id: string) => {
    // Open the path to the unit so it is visible in the tree.
    setExpanded((current) => {
      const next = new Set(current);
      let unit = units.find((u) => u.id === id);
      while (unit?.parentId) {
        next.add(unit.parentId);
        unit = units.find((u) => u.id === unit?.parentId);
      }
      return next;
    });
    setChosenByPerson(true);
    setParams({ unit: id }, { replace: true });
  };

  return (
    <div className="page-split">
      <section className="card" aria-labelledby="units-tree-title">
        <h2 id="units-tree-title">{t('org.units.tree_title')}</h2>
        <p className="muted small" id="units-tree-help">
          {t('org.units.tree_help')}
        </p>
        <Checkbox
          id="units-show-inactive"
          label={t('org.units.show_inactive')}
          checked={showInactive}
          onChange={setShowInactive}
        />
        <ul className="tree" aria-describedby="units-tree-help" onKeyDown={(e) => onTreeKeyDown(e, expanded, toggle)}>
          {roots.map((r) => (
            <TreeNode
              key={r.id}
              node={r}
              expanded={expanded}
              toggle={toggle}
              selectedId={selectedId}
              onSelect={select}
              showInactive={showInactive}
            />
          ))}
        </ul>
      </section>
      {selected ? (
        <UnitPanel unit={selected} units={units} onSelect={select} takeFocus={chosenByPerson} />
      ) : (
        <section className="card unit-panel unit-panel--empty" aria-label={t('org.units.panel_empty')}>
          <p>{t('org.units.panel_empty')}</p>
        </section>
      )}
    </div>
  );
}

/** The unit tree of the agency: add, rename, recode, move, change time zone, (de)activate. */
export function UnitsPage() {
  const { t } = useT();
  const units = useQuery(unitsQuery);
  return (
    <>
      <PageHeader title={t('org.units.title')} lead={t('org.units.lead')} />
      <QueryState query={units} skeleton="rows" skeletonLines={8}>
        {(data) => <UnitsEditor units={data.items} />}
      </QueryState>
    </>
  );
}
