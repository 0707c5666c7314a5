import type { LocalText } from '../../../../domain/surveys/definition.js';
import type { FieldErrors } from '../../../api/client.js';
import { TextArea, TextField } from '../../../components/fields.js';
import { useT } from '../../../i18n.js';

/**
 * Where the builder's fields live: a definition path (`sections.0.questions.1.text.en`, as
 * validateDefinition and the server's details name it, under `definition.`) gives the element id
 * the error summary links to and the problem to show beside it.
 */
export interface BuilderPaths {
  id: (path: string) => string;
  error: (path: string) => string | undefined;
  /** Whether any problem lies at or under the path: a question with one stays open. */
  hasErrorUnder: (path: string) => boolean;
}

export function builderPaths(idPrefix: string, errors: FieldErrors): BuilderPaths {
  const full = (path: string) => `definition.${path}`;
  return {
    id: (path) => `${idPrefix}-${full(path)}`,
    error: (path) => errors[full(path)],
    hasErrorUnder: (path) => Object.keys(errors).some((key) => key === full(path) || key.startsWith(`${full(path)}.`)),
  };
}

/** A text in Indonesian and in English, one field each, each with its own problem. */
export function LocalTextFields({
  paths,
  path,
  label,
  value,
  onChange,
  optional,
  hint,
  long,
}: {
  paths: BuilderPaths;
  path: string;
  label: string;
  value: LocalText | undefined;
  onChange: (next: LocalText) => void;
  optional?: boolean;
  hint?: string;
  /** A sentence or more (question texts, explanations): a few lines to read it whole. */
  long?: boolean;
}) {
  const { t } = useT();
  const text = value ?? { id: '', en: '' };
  const Field = long ? TextArea : TextField;
  return (
    <div className="builder-local-text">
      {(['id', 'en'] as const).map((lang) => (
        <Field
          key={lang}
          id={paths.id(`${path}.${lang}`)}
          label={t(`surveys.builder.in_${lang}`, { label })}
          hint={lang === 'id' ? hint : undefined}
          lang={lang}
          optional={optional}
          value={text[lang]}
          error={paths.error(`${path}.${lang}`)}
          onChange={(v) => onChange({ ...text, [lang]: v })}
          {...(long ? { rows: 2 } : {})}
        />
      ))}
    </div>
  );
}

/**
 * A problem of a whole item rather than one field (an empty section, too few options): focusable
 * by the summary's link, said next to the item it concerns.
 */
export function ItemProblem({ paths, path }: { paths: BuilderPaths; path: string }) {
  const error = paths.error(path);
  if (!error) return null;
  return (
    <p className="field__error" id={paths.id(path)} tabIndex={-1}>
      {error}
    </p>
  );
}
