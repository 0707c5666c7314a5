import { useQuery } from '@tanstack/react-query';
import { surveyProgressQuery, type SurveyProgress } from '../../api/surveys.api.js';
import { DataTable } from '../../components/DataTable.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';

/** Units in tree order (each parent before its children), as the server sends them or not. */
export function treeOrder<T extends { parentId: string | null }>(units: readonly T[], idOf: (unit: T) => string): T[] {
  const children = new Map<string | null, T[]>();
  const ids = new Set(units.map(idOf));
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const ordered: T[] = [];
  const walk = (parent: string | null) => {
    for (const unit of children.get(parent) ?? []) {
      ordered.push(unit);
      walk(idOf(unit));
    }
  };
  walk(null);
  return ordered;
}

/**
 * Response rates per unit of the frozen tree. A withheld count (null) is fewer than k or hidden to
 * protect another small group (A1–A5); the figures move only after k more answers (A7).
 */
function ProgressTable({ progress }: { progress: SurveyProgress }) {
  const { t } = useT();
  const fmt = useFormat();
  const k = progress.threshold;
  const withheld = <span className="survey-withheld">{t('surveys.progress.withheld', { k })}</span>;
  const rate = (answered: number | null, members: number) =>
    answered === null || members === 0 ? '—' : `${fmt.number(Math.round((answered / members) * 100))}%`;
  return (
    <>
      <p className="survey-progress__overall">
        {progress.answered === null
          ? t('surveys.progress.overall_withheld', { k })
          : t('surveys.progress.overall', {
              answered: fmt.number(progress.answered),
              members: fmt.number(progress.memberCount),
            })}
      </p>
      <DataTable
        caption={t('surveys.progress.caption')}
        rowKey={(row) => row.unitId}
        rows={treeOrder(progress.units, (u) => u.unitId)}
        columns={[
          {
            key: 'unit',
            header: t('surveys.progress.unit'),
            primary: true,
            cell: (row) => (
              <span className="survey-progress__unit" style={{ paddingInlineStart: `${row.depth * 1.1}rem` }}>
                {row.unitName}
              </span>
            ),
          },
          { key: 'members', header: t('surveys.progress.members'), cell: (row) => fmt.number(row.members) },
          {
            key: 'answered',
            header: t('surveys.progress.answered'),
            cell: (row) => (row.answered === null ? withheld : fmt.number(row.answered)),
          },
          { key: 'rate', header: t('surveys.progress.rate'), cell: (row) => rate(row.answered, row.members) },
        ]}
      />
      <p className="muted small">{t('surveys.progress.why_withheld', { k })}</p>
      <p className="muted small">{t('surveys.progress.published', { date: fmt.dateTime(progress.publishedAt), k })}</p>
    </>
  );
}

export function SurveyProgressSection({ surveyId }: { surveyId: string }) {
  const { t } = useT();
  const progress = useQuery(surveyProgressQuery(surveyId));
  return (
    <section className="card admin-section" aria-labelledby="survey-progress-title">
      <h2 id="survey-progress-title">{t('surveys.progress.title')}</h2>
      <QueryState query={progress} skeleton="rows" skeletonLines={3}>
        {(data) => <ProgressTable progress={data} />}
      </QueryState>
    </section>
  );
}
