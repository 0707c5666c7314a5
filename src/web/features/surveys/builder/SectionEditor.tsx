import { useState } from 'react';
import type { QuestionKind, SurveyDefinition } from '../../../../domain/surveys/definition.js';
import { Button } from '../../../components/Button.js';
import { Select } from '../../../components/fields.js';
import { useT } from '../../../i18n.js';
import {
  addQuestion,
  duplicateQuestion,
  moveQuestion,
  moveSection,
  optionalText,
  removeQuestion,
  updateQuestion,
  updateSection,
} from './definition-edits.js';
import { ItemProblem, LocalTextFields, type BuilderPaths } from './fields.js';
import { QuestionEditor } from './QuestionEditor.js';
import { QUESTION_KINDS } from './question-kinds.js';

interface SectionEditorProps {
  definition: SurveyDefinition;
  s: number;
  /** The number of its first question across the survey. */
  firstNumber: number;
  paths: BuilderPaths;
  isOpen: (questionId: string) => boolean;
  onToggle: (questionId: string, open: boolean) => void;
  onChange: (next: SurveyDefinition) => void;
  onAdded: (next: SurveyDefinition, questionId: string) => void;
  /** After a move; `focus` names the button to focus then ("wanted|fallback" ids). */
  onMoved: (next: SurveyDefinition, focus: string) => void;
  onRemovedQuestion: (next: SurveyDefinition, n: number) => void;
  onRemove: () => void;
}

/** One section: its title and intro in both languages, its questions, and a question of any kind to add. */
export function SectionEditor(props: SectionEditorProps) {
  const { definition, s, firstNumber, paths, onChange } = props;
  const { t } = useT();
  const [kind, setKind] = useState<QuestionKind>('likert');
  const section = definition.sections[s];
  if (!section) return null;
  const path = `sections.${s}`;
  const last = definition.sections.length - 1;
  const sectionButton = (id: string, dir: 'up' | 'down') => `builder-section-${id}-${dir}`;
  const questionButton = (id: string, dir: 'up' | 'down') => `builder-${id}-${dir}`;
  const focusAfter = (id: string, dir: 'up' | 'down', make: (id: string, d: 'up' | 'down') => string) =>
    `${make(id, dir)}|${make(id, dir === 'up' ? 'down' : 'up')}`;
  return (
    <li className="builder-section card">
      <div className="builder-section__head">
        <h3>{t('surveys.builder.section_n', { n: s + 1 })}</h3>
        <div className="button-row">
          <Button
            id={sectionButton(section.id, 'up')}
            variant="quiet"
            size="small"
            aria-label={t('surveys.builder.move_section_up', { n: s + 1 })}
            disabled={s === 0}
            onClick={() => props.onMoved(moveSection(definition, s, -1), focusAfter(section.id, 'up', sectionButton))}
          >
            ↑
          </Button>
          <Button
            id={sectionButton(section.id, 'down')}
            variant="quiet"
            size="small"
            aria-label={t('surveys.builder.move_section_down', { n: s + 1 })}
            disabled={s === last}
            onClick={() => props.onMoved(moveSection(definition, s, 1), focusAfter(section.id, 'down', sectionButton))}
          >
            ↓
          </Button>
          <Button variant="quiet" size="small" onClick={props.onRemove}>
            {t('surveys.builder.remove_section', { n: s + 1 })}
          </Button>
        </div>
      </div>
      <ItemProblem paths={paths} path={`${path}.id`} />
      <LocalTextFields
        paths={paths}
        path={`${path}.title`}
        label={t('surveys.builder.section_title')}
        value={section.title}
        onChange={(title) => onChange(updateSection(definition, s, { title }))}
      />
      <LocalTextFields
        paths={paths}
        path={`${path}.intro`}
        long
        label={t('surveys.builder.section_intro')}
        optional
        value={section.intro}
        onChange={(intro) => {
          const { intro: _old, ...rest } = section;
          const next = optionalText(intro);
          onChange(updateSection(definition, s, next ? { ...rest, intro: next } : { ...rest, intro: undefined }));
        }}
      />
      <ItemProblem paths={paths} path={`${path}.questions`} />
      {section.questions.length === 0 ? (
        <p className="muted">{t('surveys.builder.section_empty')}</p>
      ) : (
        <ol className="builder-list">
          {section.questions.map((question, q) => {
            const n = firstNumber + q;
            const atStart = s === 0 && q === 0;
            const atEnd = s === last && q === section.questions.length - 1;
            return (
              <QuestionEditor
                key={question.id}
                question={question}
                n={n}
                path={`${path}.questions.${q}`}
                paths={paths}
                themes={definition.themes}
                open={props.isOpen(question.id)}
                onToggle={(open) => props.onToggle(question.id, open)}
                onChange={(next) => onChange(updateQuestion(definition, s, q, next))}
                onMoveUp={
                  atStart
                    ? undefined
                    : () =>
                        props.onMoved(moveQuestion(definition, s, q, -1), focusAfter(question.id, 'up', questionButton))
                }
                onMoveDown={
                  atEnd
                    ? undefined
                    : () =>
                        props.onMoved(
                          moveQuestion(definition, s, q, 1),
                          focusAfter(question.id, 'down', questionButton),
                        )
                }
                onDuplicate={() => onChange(duplicateQuestion(definition, s, q))}
                onRemove={() => props.onRemovedQuestion(removeQuestion(definition, s, q), n)}
              />
            );
          })}
        </ol>
      )}
      <div className="builder-add">
        <Select
          id={`builder-${section.id}-kind`}
          label={t('surveys.builder.new_kind', { n: s + 1 })}
          value={kind}
          onChange={(v) => setKind(v as QuestionKind)}
          options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`surveys.builder.kinds.${k}`) }))}
        />
        <Button
          variant="secondary"
          onClick={() => {
            const next = addQuestion(definition, s, kind);
            const added = next.sections[s]?.questions.at(-1);
            if (added) props.onAdded(next, added.id);
          }}
        >
          {t('surveys.builder.add_question', { n: s + 1 })}
        </Button>
      </div>
    </li>
  );
}
