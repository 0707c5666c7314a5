import { useRef, useState } from 'react';
import type { SurveyDefinition } from '../../../domain/surveys/definition.js';
import type { Locale } from '../../../i18n/locales.js';
import { RadioGroup } from '../../components/fields.js';
import { i18n, loadAreas, useT, type TranslateFn } from '../../i18n.js';
import { SurveyForm } from './SurveyForm.js';

const LANGS: readonly Locale[] = ['id', 'en'];

/**
 * The respondent's form in a 360-px frame, read-only, in either language: the admin reads what
 * staff will read, with the same component that staff answer with.
 */
export function PhonePreview({ definition }: { definition: SurveyDefinition }) {
  const { t, locale } = useT();
  // The chosen language shows at once on the switch; the frame follows once its words are loaded.
  const [choice, setChoice] = useState<Locale>(locale);
  const [lang, setLang] = useState<Locale>(locale);
  // The frame's own words (notes, marks) in the preview's language, not the page's.
  const previewT = i18n.getFixedT(lang) as unknown as TranslateFn;
  const latest = useRef(locale);
  const choose = (next: Locale) => {
    latest.current = next;
    setChoice(next);
    // A slower load of an earlier choice never overrides the latest one.
    void loadAreas(next, ['common', 'surveys', 'validation']).then(() => {
      if (latest.current === next) setLang(next);
    });
  };
  return (
    <section className="card admin-section" aria-labelledby="survey-preview-title">
      <h2 id="survey-preview-title">{t('surveys.preview.title')}</h2>
      <p>{t('surveys.preview.lead')}</p>
      <RadioGroup
        id="survey-preview-lang"
        name="survey-preview-lang"
        legend={t('surveys.preview.language')}
        inline
        value={choice}
        onChange={(value) => choose(value as Locale)}
        options={LANGS.map((l) => ({ value: l, label: t(`surveys.preview.lang_${l}`) }))}
      />
      <div
        className="phone-frame"
        role="group"
        aria-label={t('surveys.preview.frame')}
        lang={lang}
        aria-busy={choice !== lang}
        // Scrolls inside: reachable by keyboard even when every control in it is disabled.
        tabIndex={0}
      >
        <SurveyForm
          definition={definition}
          lang={lang}
          t={previewT}
          idPrefix="preview"
          answers={{}}
          errors={{}}
          attempt={0}
          readOnly
        />
      </div>
    </section>
  );
}
