import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  isContactSection,
  MAX_ENTRIES,
  MAX_TEXT,
  SAFETY_PLAN_SECTIONS,
  safetyPlanContent,
  type SafetyPlanSection,
} from '../../../contracts/safety-plan.js';
import { isApiError, type ApiError, type FieldErrors } from '../../api/client.js';
import { useApiMutation } from '../../api/mutation.js';
import { useSession } from '../../api/session.js';
import { Alert } from '../../components/Alert.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { TextArea, TextField } from '../../components/fields.js';
import { zodFieldErrors } from '../../components/form.js';
import { translate, useT } from '../../i18n.js';
import { helpContactsQuery } from '../../api/help.api.js';
import { orderContacts } from '../../lib/help-contacts.js';
import { saveSafetyPlan, type SafetyPlanBody, type SafetyPlanView } from '../../api/safety-plan.api.js';
import { SECTION_KEYS } from '../../components/safety-plan/sections.js';

interface TextEntry {
  key: string;
  text: string;
}
interface ContactEntry {
  key: string;
  name: string;
  phone: string;
}
type Entry = TextEntry | ContactEntry;
type Draft = Record<SafetyPlanSection, Entry[]>;
type Keys = Record<SafetyPlanSection, string[]>;

let lastKey = 0;
/** A stable key per entry on screen: element ids and error paths survive adding and removing. */
const newKey = () => `e${++lastKey}`;

const emptyEntry = (section: SafetyPlanSection): Entry =>
  isContactSection(section) ? { key: newKey(), name: '', phone: '' } : { key: newKey(), text: '' };

/** The form's start: the stored plan, with one empty line in each empty section to write in. */
function draftOf(view: SafetyPlanView | null): Draft {
  const draft = {} as Draft;
  for (const section of SAFETY_PLAN_SECTIONS) {
    const entries: Entry[] = isContactSection(section)
      ? (view?.plan[section] ?? []).map((c) => ({ key: newKey(), name: c.name, phone: c.phone ?? '' }))
      : (view?.plan[section] ?? []).map((text) => ({ key: newKey(), text }));
    draft[section] = entries.length > 0 ? entries : [emptyEntry(section)];
  }
  return draft;
}

const isBlank = (e: Entry) => ('text' in e ? e.text.trim() === '' : e.name.trim() === '' && e.phone.trim() === '');

/** What is sent: empty lines left out, with the key of each entry sent, to place errors. */
function planOf(draft: Draft): { plan: Record<string, unknown[]>; keys: Keys } {
  const plan: Record<string, unknown[]> = {};
  const keys = {} as Keys;
  for (const section of SAFETY_PLAN_SECTIONS) {
    const kept = draft[section].filter((e) => !isBlank(e));
    keys[section] = kept.map((e) => e.key);
    plan[section] = kept.map((e) => ('text' in e ? e.text : { name: e.name, phone: e.phone }));
  }
  return { plan, keys };
}

/** An error path of the plan (`warningSigns.2`, `plan.helpers.0.phone`) → the id suffix of its field. */
function fieldOf(path: string, keys: Keys): string {
  const [section, index, field] = path
    .replace(/^plan\.?/, '')
    .split('.')
    .filter(Boolean);
  if (!section || !(SAFETY_PLAN_SECTIONS as readonly string[]).includes(section)) return '_form';
  const key = index === undefined ? undefined : keys[section as SafetyPlanSection][Number(index)];
  if (!key) return section;
  return field ? `${section}-${key}-${field}` : `${section}-${key}`;
}

function placeErrors(errors: FieldErrors, keys: Keys): FieldErrors {
  const placed: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = fieldOf(path, keys);
    if (!(field in placed)) placed[field] = message;
  }
  return placed;
}

/** The agency's help contacts beside "professionals": shown to the person, never copied into the plan. */
function AgencyContacts() {
  const { t } = useT();
  const { data: session } = useSession();
  const contacts = useQuery(helpContactsQuery(session?.person.id ?? null));
  const items = contacts.data ? orderContacts(contacts.data.items) : [];
  if (items.length === 0) return null;
  return (
    <div className="safety-plan-suggestion">
      <p className="safety-plan-suggestion__title">{t('safety_plan.editor.agency_contacts_title')}</p>
      <p className="small">{t('safety_plan.editor.agency_contacts_note')}</p>
      <ul className="safety-plan-suggestion__list">
        {items.map((c) => (
          <li key={c.id}>
            {c.name}
            {c.phone && <> — {c.phone}</>}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface SectionProps {
  idPrefix: string;
  section: SafetyPlanSection;
  entries: Entry[];
  errors: FieldErrors;
  onChange: (entries: Entry[]) => void;
  onAdded: (elementId: string) => void;
  onRemoved: (elementId: string) => void;
}

/** One part of the plan: its question, an example, and its entries to add to or remove. */
function SectionFields({ idPrefix, section, entries, errors, onChange, onAdded, onRemoved }: SectionProps) {
  const { t } = useT();
  const base = `${idPrefix}-${section}`;
  const k = SECTION_KEYS[section];
  const title = t(`safety_plan.sections.${k}.title`);
  const entryLabel = (n: number) => t('safety_plan.editor.entry', { entry: t(`safety_plan.sections.${k}.entry`), n });
  const update = (key: string, patch: Partial<TextEntry & ContactEntry>) =>
    onChange(entries.map((e) => (e.key === key ? { ...e, ...patch } : e)));
  const sectionError = errors[section];
  return (
    <fieldset
      className={`field fieldset safety-plan-fieldset ${sectionError ? 'field--error' : ''}`}
      id={base}
      tabIndex={-1}
      aria-describedby={`${base}-prompt ${base}-hint`}
    >
      <legend className="safety-plan-fieldset__legend">{title}</legend>
      <p className="safety-plan-fieldset__prompt" id={`${base}-prompt`}>
        {t(`safety_plan.sections.${k}.prompt`)}
      </p>
      <p className="field__hint" id={`${base}-hint`}>
        {t(`safety_plan.sections.${k}.hint`)}
      </p>
      {sectionError && <p className="field__error">{sectionError}</p>}
      {section === 'professionals' && <AgencyContacts />}
      <ul className="safety-plan-editor__entries">
        {entries.map((entry, i) => {
          const id = `${base}-${entry.key}`;
          const remove = (
            <Button
              variant="quiet"
              size="small"
              className="safety-plan-editor__remove"
              onClick={() => {
                onChange(entries.filter((e) => e.key !== entry.key));
                onRemoved(`${base}-add`);
              }}
            >
              {t('safety_plan.editor.remove')}
              <span className="visually-hidden"> {entryLabel(i + 1)}</span>
            </Button>
          );
          return (
            <li key={entry.key} className="safety-plan-editor__entry">
              {'text' in entry ? (
                <TextArea
                  id={id}
                  label={<span className="visually-hidden">{entryLabel(i + 1)}</span>}
                  value={entry.text}
                  onChange={(text) => update(entry.key, { text })}
                  error={errors[`${section}-${entry.key}`]}
                  maxLength={MAX_TEXT}
                  rows={2}
                  className="safety-plan-editor__field"
                />
              ) : (
                <fieldset className="safety-plan-editor__contact">
                  <legend className="visually-hidden">{entryLabel(i + 1)}</legend>
                  <TextField
                    id={`${id}-name`}
                    label={t('safety_plan.editor.name')}
                    value={entry.name}
                    onChange={(name) => update(entry.key, { name })}
                    error={errors[`${section}-${entry.key}-name`]}
                    autoComplete="off"
                  />
                  <TextField
                    id={`${id}-phone`}
                    type="tel"
                    label={t('safety_plan.editor.phone')}
                    optional
                    value={entry.phone}
                    onChange={(phone) => update(entry.key, { phone })}
                    error={errors[`${section}-${entry.key}-phone`]}
                    autoComplete="off"
                    inputMode="tel"
                  />
                </fieldset>
              )}
              {remove}
            </li>
          );
        })}
      </ul>
      {entries.length < MAX_ENTRIES ? (
        <Button
          id={`${base}-add`}
          variant="secondary"
          size="small"
          onClick={() => {
            const added = emptyEntry(section);
            onChange([...entries, added]);
            onAdded(isContactSection(section) ? `${base}-${added.key}-name` : `${base}-${added.key}`);
          }}
        >
          {t('safety_plan.editor.add')}
          <span className="visually-hidden"> {t('safety_plan.editor.add_to', { section: title })}</span>
        </Button>
      ) : (
        <p className="muted small" id={`${base}-add`} tabIndex={-1}>
          {t('safety_plan.editor.max_reached', { max: MAX_ENTRIES })}
        </p>
      )}
    </fieldset>
  );
}

interface EditorProps {
  /** The stored plan being changed, or null for a new one. */
  initial: SafetyPlanView | null;
  onSaved: (view: SafetyPlanView) => void;
  onCancel: () => void;
  /** Another device changed the plan: load the stored one (the editor starts again from it). */
  onReload: () => void;
}

/** Writing or changing the plan: every section at once, entries added and removed in place. */
export function SafetyPlanEditor({ initial, onSaved, onCancel, onReload }: EditorProps) {
  const { t } = useT();
  const idPrefix = 'safety-plan';
  const titleId = 'safety-plan-editor-title';
  const title = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const pendingFocus = useRef<string | null>(null);
  const save = useApiMutation<SafetyPlanView, SafetyPlanBody>((body, key) => saveSafetyPlan(body, key));

  // The button that opened the editor is gone: focus starts at the editor's title.
  useEffect(() => title.current?.focus(), []);

  // Focus follows an added entry (its field) or a removed one (its section's "add" button).
  useEffect(() => {
    if (!pendingFocus.current) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  }, [draft]);
  const focusAfterRender = (id: string) => {
    pendingFocus.current = id;
  };

  const fail = (fieldErrors: FieldErrors, message: string | null) => {
    setErrors(fieldErrors);
    setFormError(message);
    setAttempt((n) => n + 1);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setConflict(null);
    const { plan, keys } = planOf(draft);
    const checked = safetyPlanContent.safeParse(plan);
    if (!checked.success) {
      const placed = placeErrors(zodFieldErrors(checked.error), keys);
      const { _form: message, ...fields } = placed;
      fail(fields, message ?? null);
      return;
    }
    save.mutate(
      { version: initial?.version ?? null, plan: checked.data },
      {
        onSuccess: (view) => {
          setErrors({});
          setFormError(null);
          onSaved(view);
        },
        onError: (err: ApiError) => {
          if (err.status === 409) {
            setConflict(err.message);
            return;
          }
          const placed = isApiError(err) ? placeErrors(err.fieldErrors, keys) : {};
          const { _form: message, ...fields } = placed;
          fail(
            fields,
            message ??
              (Object.keys(fields).length > 0
                ? null
                : isApiError(err)
                  ? err.message
                  : translate('common.errors.unexpected')),
          );
        },
      },
    );
  };

  // Labels of the summary's links, in the order of the form.
  const labels: Record<string, string> = {};
  for (const section of SAFETY_PLAN_SECTIONS) {
    const k = SECTION_KEYS[section];
    const title = t(`safety_plan.sections.${k}.title`);
    labels[section] = title;
    draft[section].forEach((e, i) => {
      const entry = t('safety_plan.editor.entry', { entry: t(`safety_plan.sections.${k}.entry`), n: i + 1 });
      if ('text' in e) labels[`${section}-${e.key}`] = entry;
      else {
        labels[`${section}-${e.key}-name`] = `${entry}, ${t('safety_plan.editor.name')}`;
        labels[`${section}-${e.key}-phone`] = `${entry}, ${t('safety_plan.editor.phone')}`;
      }
    });
  }

  return (
    <form className="safety-plan-editor" aria-labelledby={titleId} noValidate onSubmit={submit}>
      <h2 id={titleId} ref={title} tabIndex={-1}>
        {initial ? t('safety_plan.editor.title_edit') : t('safety_plan.editor.title_new')}
      </h2>
      <p>{t('safety_plan.editor.lead')}</p>
      <p className="muted small">{t('safety_plan.editor.limits', { max: MAX_ENTRIES, length: MAX_TEXT })}</p>
      <FormErrorSummary idPrefix={idPrefix} errors={errors} formError={formError} attempt={attempt} labels={labels} />
      {SAFETY_PLAN_SECTIONS.map((section) => (
        <SectionFields
          key={section}
          idPrefix={idPrefix}
          section={section}
          entries={draft[section]}
          errors={errors}
          onChange={(entries) => setDraft((d) => ({ ...d, [section]: entries }))}
          onAdded={focusAfterRender}
          onRemoved={focusAfterRender}
        />
      ))}
      {conflict && (
        <Alert tone="error">
          <p>{conflict}</p>
          <Button variant="secondary" size="small" onClick={onReload}>
            {t('safety_plan.editor.conflict_reload')}
          </Button>
        </Alert>
      )}
      <ButtonRow>
        <Button type="submit" busy={save.isPending}>
          {t('safety_plan.editor.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={save.isPending}>
          {t('safety_plan.editor.cancel')}
        </Button>
      </ButtonRow>
    </form>
  );
}
