import { surveyResultsFileUrl } from '../../api/surveys.api.js';
import { useT } from '../../i18n.js';

/**
 * The results on screen as a file: the same view (the filter chosen here), as a spreadsheet or an
 * A4 document (docs/surveys.md#exports). The server audits every download.
 */
export function ResultsDownloads({ surveyId, filter }: { surveyId: string; filter: string }) {
  const { t } = useT();
  return (
    <div className="results-downloads">
      <p className="muted small">{t('surveys.results.download.lead')}</p>
      <p className="button-row">
        <a className="btn btn--secondary" href={surveyResultsFileUrl(surveyId, 'xlsx', filter)} download>
          {t('surveys.results.download.xlsx')}
        </a>
        <a className="btn btn--secondary" href={surveyResultsFileUrl(surveyId, 'pdf', filter)} download>
          {t('surveys.results.download.pdf')}
        </a>
      </p>
    </div>
  );
}
