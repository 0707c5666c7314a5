import {
  isScoredQuestion,
  LIKERT_POINTS,
  type LikertPoints,
  type Question,
  type Theme,
} from '../../../../domain/surveys/definition.js';
import { Button } from '../../../components/Button.js';
import { Checkbox, RadioGroup, Select, TextField } from '../../../components/fields.js';
import { useT } from '../../../i18n.js';
import { addOption, optionalText, removeOption, withPoints } from './definition-edits.js';
import { ItemProblem, LocalTextFields, type BuilderPaths } from './fields.js';

interface QuestionEditorProps {
  question: Question;
  /** Its number across the survey, as the respondent counts. */
  n: number;
  path: string;
  paths: BuilderPaths;
  themes: readonly Theme[];
  open: boolean;
  onToggle: (open: boolean) => void;
  onChange: (next: Question) => void;
  /** Absent where the question cannot go further that way. */
  onMoveUp?: () => void;
  onMoveDown?: () => void;
  onDuplicate: () => void;
  onRemove: () => void;
}

/**
 * One question of a draft, folded to its number, kind and text; open, every field of its kind in
 * both languages. Its buttons say which question they act on, for a screen reader's list of them.
 */
export function QuestionEditor(props: QuestionEditorProps) {
  const { question, n, path, paths, themes, open, onChange } = props;
  const { t, locale } = useT();
  const buttonId = (action: string) => `builder-${question.id}-${action}`;
  return (
    <li className="builder-question">
      <details open={open} onToggle={(event) => props.onToggle(event.currentTarget.open)}>
        <summary className="builder-question__summary">
          <span className="builder-question__number">{t('surveys.builder.question_n', { n })}</span>{' '}
          <span className="muted small">{t(`surveys.builder.kinds.${question.kind}`)}</span>
          <span className="builder-question__text">{question.text[locale] || t('surveys.builder.untitled')}</span>
        </summary>
        <div className="builder-question__body">
          <ItemProblem paths={paths} path={`${path}.id`} />
          <LocalTextFields
            paths={paths}
            path={`${path}.text`}
            long
            label={t('surveys.builder.question_text')}
            value={question.text}
            onChange={(text) => onChange({ ...question, text })}
          />
          <LocalTextFields
            paths={paths}
            path={`${path}.help`}
            long
            label={t('surveys.builder.help')}
            hint={t('surveys.builder.help_hint')}
            optional
            value={question.help}
            onChange={(help) => {
              const { help: _old, ...rest } = question;
              const next = optionalText(help);
              onChange((next ? { ...rest, help: next } : rest) as Question);
            }}
          />
          <Checkbox
            id={paths.id(`${path}.required`)}
            label={t('surveys.builder.required')}
            checked={question.required}
            onChange={(required) => onChange({ ...question, required })}
          />
          <KindFields {...props} />
        </div>
      </details>
      <div className="builder-question__actions button-row">
        <Button
          id={buttonId('up')}
          variant="quiet"
          size="small"
          aria-label={t('surveys.builder.move_up', { n })}
          disabled={!props.onMoveUp}
          onClick={props.onMoveUp}
        >
          ↑
        </Button>
        <Button
          id={buttonId('down')}
          variant="quiet"
          size="small"
          aria-label={t('surveys.builder.move_down', { n })}
          disabled={!props.onMoveDown}
          onClick={props.onMoveDown}
        >
          ↓
        </Button>
        <Button
          variant="quiet"
          size="small"
          aria-label={t('surveys.builder.duplicate_question', { n })}
          onClick={props.onDuplicate}
        >
          {t('surveys.builder.duplicate')}
        </Button>
        <Button
          variant="quiet"
          size="small"
          aria-label={t('surveys.builder.remove_question', { n })}
          onClick={props.onRemove}
        >
          {t('surveys.builder.remove')}
        </Button>
      </div>
      {/* Shown beside the folded question too, so a theme problem is never hidden. */}
      {!open && themes.length > 0 && <ItemProblem paths={paths} path={`${path}.themeId`} />}
    </li>
  );
}

function KindFields({ question, path, paths, themes, onChange }: QuestionEditorProps) {
  const { t, locale } = useT();
  const themeSelect = isScoredQuestion(question) && (
    <>
      <Select
        id={paths.id(`${path}.themeId`)}
        label={t('surveys.builder.theme')}
        hint={t('surveys.builder.theme_hint')}
        optional
        placeholder={t('surveys.builder.no_theme')}
        value={question.themeId ?? ''}
        error={paths.error(`${path}.themeId`)}
        options={themes.map((theme) => ({
          value: theme.id,
          label: theme.name[locale] || t('surveys.builder.untitled'),
        }))}
        onChange={(themeId) => {
          const { themeId: _old, ...rest } = question;
          onChange((themeId ? { ...rest, themeId } : rest) as Question);
        }}
      />
    </>
  );
  switch (question.kind) {
    case 'likert':
      return (
        <>
          <RadioGroup
            id={paths.id(`${path}.points`)}
            name={`${question.id}-points`}
            legend={t('surveys.builder.points')}
            inline
            error={paths.error(`${path}.points`)}
            value={String(question.points)}
            onChange={(v) => onChange(withPoints(question, Number(v) as LikertPoints))}
            options={LIKERT_POINTS.map((p) => ({ value: String(p), label: t('surveys.builder.points_n', { n: p }) }))}
          />
          <fieldset className="fieldset builder-labels">
            <legend className="field__label">{t('surveys.builder.labels')}</legend>
            <ItemProblem paths={paths} path={`${path}.labels`} />
            {question.labels.map((label, i) => (
              <LocalTextFields
                key={i}
                paths={paths}
                path={`${path}.labels.${i}`}
                label={t('surveys.builder.label_n', { n: i + 1 })}
                value={label}
                onChange={(next) =>
                  onChange({ ...question, labels: question.labels.map((l, j) => (j === i ? next : l)) })
                }
              />
            ))}
          </fieldset>
          <Checkbox
            id={paths.id(`${path}.reverse`)}
            label={t('surveys.builder.reverse')}
            hint={t('surveys.builder.reverse_hint')}
            checked={question.reverse === true}
            onChange={(reverse) => {
              const { reverse: _old, ...rest } = question;
              onChange(reverse ? { ...rest, reverse: true } : rest);
            }}
          />
          {themeSelect}
        </>
      );
    case 'scale':
      return (
        <>
          <LocalTextFields
            paths={paths}
            path={`${path}.lowLabel`}
            label={t('surveys.builder.low_label')}
            value={question.lowLabel}
            onChange={(lowLabel) => onChange({ ...question, lowLabel })}
          />
          <LocalTextFields
            paths={paths}
            path={`${path}.highLabel`}
            label={t('surveys.builder.high_label')}
            value={question.highLabel}
            onChange={(highLabel) => onChange({ ...question, highLabel })}
          />
          {themeSelect}
        </>
      );
    case 'single':
    case 'multiple':
      return (
        <>
          <fieldset className="fieldset builder-labels">
            <legend className="field__label">{t('surveys.builder.options')}</legend>
            <ItemProblem paths={paths} path={`${path}.options`} />
            <ol className="builder-options">
              {question.options.map((option, i) => (
                <li key={option.id}>
                  <ItemProblem paths={paths} path={`${path}.options.${i}.id`} />
                  <LocalTextFields
                    paths={paths}
                    path={`${path}.options.${i}.label`}
                    label={t('surveys.builder.option_n', { n: i + 1 })}
                    value={option.label}
                    onChange={(label) =>
                      onChange({
                        ...question,
                        options: question.options.map((o, j) => (j === i ? { ...o, label } : o)),
                      })
                    }
                  />
                  <Button variant="quiet" size="small" onClick={() => onChange(removeOption(question, i))}>
                    {t('surveys.builder.remove_option', { n: i + 1 })}
                  </Button>
                </li>
              ))}
            </ol>
            <Button variant="secondary" size="small" onClick={() => onChange(addOption(question))}>
              {t('surveys.builder.add_option')}
            </Button>
          </fieldset>
          {question.kind === 'multiple' && (
            <TextField
              id={paths.id(`${path}.maxChoices`)}
              label={t('surveys.builder.max_choices')}
              hint={t('surveys.builder.max_choices_hint')}
              optional
              inputMode="numeric"
              value={question.maxChoices === undefined ? '' : String(question.maxChoices)}
              error={paths.error(`${path}.maxChoices`)}
              onChange={(v) => {
                const { maxChoices: _old, ...rest } = question;
                onChange(v.trim() === '' ? rest : { ...rest, maxChoices: Number(v) });
              }}
            />
          )}
        </>
      );
    case 'text':
      return (
        <TextField
          id={paths.id(`${path}.maxLength`)}
          label={t('surveys.builder.max_length')}
          hint={t('surveys.builder.max_length_hint')}
          inputMode="numeric"
          value={Number.isNaN(question.maxLength) ? '' : String(question.maxLength)}
          error={paths.error(`${path}.maxLength`)}
          onChange={(v) => onChange({ ...question, maxLength: v.trim() === '' ? Number.NaN : Number(v) })}
        />
      );
  }
}
