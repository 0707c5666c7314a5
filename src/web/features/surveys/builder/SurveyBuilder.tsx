import { useEffect, useRef, useState } from 'react';
import type { SurveyDefinition } from '../../../../domain/surveys/definition.js';
import type { FieldErrors } from '../../../api/client.js';
import { Alert } from '../../../components/Alert.js';
import { Button } from '../../../components/Button.js';
import { ConfirmDialog } from '../../../components/ConfirmDialog.js';
import { useT } from '../../../i18n.js';
import { SectionEditor } from './SectionEditor.js';
import { addSection, questionPosition, removeSection } from './definition-edits.js';
import { builderPaths, ItemProblem } from './fields.js';
import { ThemesEditor } from './ThemesEditor.js';
import { useOpenItems } from './use-open-items.js';
import './builder.css';

/** What the last removal took, so one click brings it back. */
interface Undo {
  message: string;
  before: SurveyDefinition;
}

interface SurveyBuilderProps {
  definition: SurveyDefinition;
  onChange: (next: SurveyDefinition) => void;
  /** The form's id prefix and problems: the builder's fields are the form's `definition.*` fields. */
  idPrefix: string;
  errors: FieldErrors;
}

/**
 * The question builder of a draft (docs/surveys.md): themes, then sections with their questions,
 * every edit a new definition the page's phone preview shows at once. Removals can be undone;
 * a section with questions is removed only after a confirmation. Reordering is by buttons, so it
 * works from the keyboard and with a screen reader; focus follows what was moved.
 */
export function SurveyBuilder({ definition, onChange, idPrefix, errors }: SurveyBuilderProps) {
  const { t } = useT();
  const paths = builderPaths(idPrefix, errors);
  const { isOpen, toggle } = useOpenItems();
  const [undo, setUndo] = useState<Undo | null>(null);
  const [confirmRemove, setConfirmRemove] = useState<number | null>(null);
  /** The button to focus once a move has rendered: "wanted|fallback" ids. */
  const focusNext = useRef<string | null>(null);

  // After a move, the moved item's same button, or its other one at the end of the line.
  useEffect(() => {
    if (!focusNext.current) return;
    const [wanted, fallback] = focusNext.current.split('|');
    focusNext.current = null;
    const target = [wanted, fallback]
      .map((id) => (id ? document.getElementById(id) : null))
      .find((el) => (el instanceof HTMLButtonElement ? !el.disabled : el instanceof HTMLElement));
    target?.focus();
  });

  const edit = (next: SurveyDefinition) => {
    setUndo(null);
    onChange(next);
  };
  /** A removal, which the note above the builder offers to undo. */
  const removed = (next: SurveyDefinition, message: string) => {
    onChange(next);
    setUndo({ before: definition, message });
  };
  // Questions are numbered across the survey, as the respondent counts them.
  const firstNumbers = definition.sections.reduce<number[]>(
    (firsts, _, i) => [
      ...firsts,
      i === 0 ? 1 : (firsts[i - 1] ?? 1) + (definition.sections[i - 1]?.questions.length ?? 0),
    ],
    [],
  );
  const sectionToRemove = confirmRemove === null ? undefined : definition.sections[confirmRemove];

  return (
    <section className="survey-builder" aria-labelledby="builder-title">
      <h2 id="builder-title">{t('surveys.builder.title')}</h2>
      <p className="muted">{t('surveys.builder.lead')}</p>
      {undo && (
        <Alert tone="info">
          <span>{undo.message}</span>{' '}
          <Button
            variant="secondary"
            size="small"
            onClick={() => {
              onChange(undo.before);
              setUndo(null);
            }}
          >
            {t('surveys.builder.undo')}
          </Button>
        </Alert>
      )}
      <ThemesEditor
        definition={definition}
        paths={paths}
        onChange={edit}
        onRemoved={(next, name) => removed(next, t('surveys.builder.removed_theme', { name }))}
      />
      <ItemProblem paths={paths} path="sections" />
      <ol className="builder-list">
        {definition.sections.map((section, s) => (
          <SectionEditor
            key={section.id}
            definition={definition}
            s={s}
            firstNumber={firstNumbers[s] ?? 1}
            paths={paths}
            isOpen={(id) => isOpen(id) || paths.hasErrorUnder(`sections.${s}.questions.${questionIndex(section, id)}`)}
            onToggle={toggle}
            onChange={edit}
            onAdded={(next, id) => {
              edit(next);
              toggle(id, true);
              focusNext.current = `${idPrefix}-definition.${questionPath(next, id)}.text.id`;
            }}
            onMoved={(next, focus) => {
              edit(next);
              focusNext.current = focus;
            }}
            onRemovedQuestion={(next, n) => removed(next, t('surveys.builder.removed_question', { n }))}
            onRemove={() => {
              if (section.questions.length === 0)
                removed(removeSection(definition, s), t('surveys.builder.removed_section', { n: s + 1 }));
              else setConfirmRemove(s);
            }}
          />
        ))}
      </ol>
      <Button variant="secondary" onClick={() => edit(addSection(definition))}>
        {t('surveys.builder.add_section')}
      </Button>
      <ConfirmDialog
        open={sectionToRemove !== undefined}
        title={t('surveys.builder.confirm_remove_title', { n: (confirmRemove ?? 0) + 1 })}
        confirmLabel={t('surveys.builder.confirm_remove')}
        tone="danger"
        onCancel={() => setConfirmRemove(null)}
        onConfirm={() => {
          if (confirmRemove === null) return;
          removed(
            removeSection(definition, confirmRemove),
            t('surveys.builder.removed_section', { n: confirmRemove + 1 }),
          );
          setConfirmRemove(null);
        }}
      >
        <p>{t('surveys.builder.confirm_remove_body', { count: sectionToRemove?.questions.length ?? 0 })}</p>
      </ConfirmDialog>
    </section>
  );
}

function questionIndex(section: SurveyDefinition['sections'][number], id: string): number {
  return section.questions.findIndex((q) => q.id === id);
}

function questionPath(def: SurveyDefinition, id: string): string {
  const at = questionPosition(def, id);
  return at ? `sections.${at.s}.questions.${at.q}` : '';
}
