import type { SurveyDefinition } from '../../../../domain/surveys/definition.js';
import { Button } from '../../../components/Button.js';
import { useT } from '../../../i18n.js';
import { addTheme, removeTheme, updateTheme } from './definition-edits.js';
import { useOpenItems } from './use-open-items.js';
import { ItemProblem, LocalTextFields, type BuilderPaths } from './fields.js';

/** The themes scored questions are summarised by: add, rename, remove (its questions keep their wording). */
export function ThemesEditor({
  definition,
  paths,
  onChange,
  onRemoved,
}: {
  definition: SurveyDefinition;
  paths: BuilderPaths;
  onChange: (next: SurveyDefinition) => void;
  /** A removal, with the name the theme had, for the undo note. */
  onRemoved: (next: SurveyDefinition, name: string) => void;
}) {
  const { t, locale } = useT();
  // Folded to their names, as questions are; a new one opens, one with a problem stays open.
  const { isOpen, toggle } = useOpenItems();
  return (
    <section className="builder-block" aria-labelledby="builder-themes-title">
      <h3 id="builder-themes-title">{t('surveys.builder.themes_title')}</h3>
      <p className="muted small">{t('surveys.builder.themes_lead')}</p>
      {definition.themes.length === 0 && <p className="muted">{t('surveys.builder.themes_empty')}</p>}
      <ol className="builder-list">
        {definition.themes.map((theme, i) => {
          const name = theme.name[locale] || t('surveys.builder.theme_n', { n: i + 1 });
          return (
            <li key={theme.id} className="builder-theme">
              <ItemProblem paths={paths} path={`themes.${i}`} />
              <details
                open={isOpen(theme.id) || paths.hasErrorUnder(`themes.${i}`)}
                onToggle={(event) => toggle(theme.id, event.currentTarget.open)}
              >
                <summary className="builder-question__summary">
                  <span className="builder-question__number">{t('surveys.builder.theme_n', { n: i + 1 })}</span>
                  <span className="builder-question__text">{theme.name[locale] || t('surveys.builder.untitled')}</span>
                </summary>
                <div className="builder-question__body">
                  <ItemProblem paths={paths} path={`themes.${i}.id`} />
                  <LocalTextFields
                    paths={paths}
                    path={`themes.${i}.name`}
                    label={t('surveys.builder.theme_name')}
                    value={theme.name}
                    onChange={(next) => onChange(updateTheme(definition, i, { name: next }))}
                  />
                  <LocalTextFields
                    paths={paths}
                    path={`themes.${i}.description`}
                    long
                    label={t('surveys.builder.theme_description')}
                    value={theme.description}
                    onChange={(next) => onChange(updateTheme(definition, i, { description: next }))}
                  />
                </div>
              </details>
              <Button variant="quiet" size="small" onClick={() => onRemoved(removeTheme(definition, i), name)}>
                {t('surveys.builder.remove_theme', { name })}
              </Button>
            </li>
          );
        })}
      </ol>
      <Button
        variant="secondary"
        size="small"
        onClick={() => {
          const next = addTheme(definition);
          const added = next.themes.at(-1);
          if (added) toggle(added.id, true);
          onChange(next);
        }}
      >
        {t('surveys.builder.add_theme')}
      </Button>
    </section>
  );
}
