import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { reviewBody } from '../../../contracts/planner.js';
import { weekStartOf } from '../../../domain/self-care/habit-week.js';
import { addDays, localDateOf } from '../../../domain/schedule/zoned-time.js';
import { isApiError, type FieldErrors } from '../../api/client.js';
import { reviewsQuery, saveReview, tasksQuery, type ReviewList, type ReviewView } from '../../api/planner.api.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageColumns } from '../../components/layout/PageLayout.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { Select, TextArea, TextField } from '../../components/fields.js';
import { zodFieldErrors } from '../../components/form.js';
import { useFormat } from '../../lib/use-format.js';
import { useT } from '../../i18n.js';

function ReviewForm({
  week,
  initial,
  onSaved,
}: {
  week: string;
  initial: ReviewView | undefined;
  onSaved: (r: ReviewView) => void;
}) {
  const { t } = useT();
  const [done, setDone] = useState(initial?.done ?? '');
  const [slipped, setSlipped] = useState(initial?.slipped ?? '');
  const [learned, setLearned] = useState(initial?.learned ?? '');
  const [top, setTop] = useState<string[]>([0, 1, 2].map((i) => initial?.top[i] ?? ''));
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (body: Parameters<typeof saveReview>[1]) => saveReview(week, body),
    onSuccess: onSaved,
  });
  const tasks = useQuery(tasksQuery);
  const doneTasks = (tasks.data?.tasks ?? []).filter(
    (x) => x.doneAt !== null && x.doneAt.slice(0, 10) >= week && x.doneAt.slice(0, 10) < addDays(week, 7),
  ).length;
  const formError = errors._form ?? (isApiError(save.error) ? save.error.message : null);
  return (
    <form
      className="card review-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = reviewBody.safeParse({ done, slipped, learned, top: top.map((x) => x.trim()).filter(Boolean) });
        if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
        setErrors({});
        save.mutate(parsed.data);
      }}
    >
      {tasks.data && <p className="muted">{t('plan.review.done_tasks', { count: doneTasks })}</p>}
      {formError && (
        <Alert tone="error">
          <p>{formError}</p>
        </Alert>
      )}
      <TextArea
        id="review-done"
        label={t('plan.review.done')}
        hint={t('plan.review.done_hint')}
        value={done}
        onChange={setDone}
        rows={3}
      />
      <TextArea
        id="review-slipped"
        label={t('plan.review.slipped')}
        hint={t('plan.review.slipped_hint')}
        value={slipped}
        onChange={setSlipped}
        rows={3}
      />
      <TextArea id="review-learned" label={t('plan.review.learned')} value={learned} onChange={setLearned} rows={3} />
      <fieldset className="fieldset">
        <legend className="field__label">{t('plan.review.top')}</legend>
        {top.map((value, i) => (
          <TextField
            key={i}
            id={`review-top-${i}`}
            label={t('plan.review.top_item', { count: i + 1 })}
            value={value}
            onChange={(v) => setTop((all) => all.map((x, j) => (j === i ? v : x)))}
            maxLength={200}
          />
        ))}
      </fieldset>
      <Button type="submit" busy={save.isPending}>
        {t('plan.review.save')}
      </Button>
    </form>
  );
}

function History({ list }: { list: ReviewList }) {
  const { t } = useT();
  const fmt = useFormat();
  return (
    <section aria-labelledby="review-history-title">
      <h2 id="review-history-title">{t('plan.review.history')}</h2>
      {list.reviews.length === 0 ? (
        <EmptyState title={t('plan.review.history_empty')} />
      ) : (
        <ul className="review-history">
          {list.reviews.map((r) => (
            <li key={r.week} className="card review-history__item">
              <h3>{t('plan.review.week', { from: fmt.day(r.week), to: fmt.day(addDays(r.week, 6)) })}</h3>
              <dl>
                {r.done && (
                  <>
                    <dt>{t('plan.review.done')}</dt>
                    <dd>{r.done}</dd>
                  </>
                )}
                {r.slipped && (
                  <>
                    <dt>{t('plan.review.slipped')}</dt>
                    <dd>{r.slipped}</dd>
                  </>
                )}
                {r.learned && (
                  <>
                    <dt>{t('plan.review.learned')}</dt>
                    <dd>{r.learned}</dd>
                  </>
                )}
                {r.top.length > 0 && (
                  <>
                    <dt>{t('plan.review.top')}</dt>
                    <dd>
                      <ol>
                        {r.top.map((x, i) => (
                          <li key={i}>{x}</li>
                        ))}
                      </ol>
                    </dd>
                  </>
                )}
              </dl>
              <p className="muted small">{t('plan.review.updated', { when: fmt.dateTime(r.updatedAt) })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** /plan/review: the weekly review (done, slipped, learned, next week's top three) and its history. */
export function ReviewPage() {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const reviews = useQuery(reviewsQuery);
  const toast = useToast();
  const thisWeek = weekStartOf(localDateOf(new Date(), fmt.timeZone));
  const [week, setWeek] = useState(thisWeek);
  const weeks = [0, 1, 2, 3].map((i) => addDays(thisWeek, -7 * i));
  return (
    <>
      <PageHeader title={t('plan.review.title')} lead={t('plan.review.lead')} />
      <QueryState query={reviews} loadingLabel={t('plan.review.loading')} skeletonLines={8}>
        {(list) => (
          <PageColumns aside={<History list={list} />}>
            <Select
              id="review-week"
              label={t('plan.review.week_label')}
              value={week}
              onChange={setWeek}
              options={weeks.map((w) => ({
                value: w,
                label:
                  w === thisWeek
                    ? t('plan.review.this_week')
                    : t('plan.review.week', { from: fmt.day(w), to: fmt.day(addDays(w, 6)) }),
              }))}
            />
            <ReviewForm
              key={week}
              week={week}
              initial={list.reviews.find((r) => r.week === week)}
              onSaved={(r) => {
                queryClient.setQueryData<ReviewList>(reviewsQuery.queryKey, (l) =>
                  l
                    ? {
                        reviews: [r, ...l.reviews.filter((x) => x.week !== r.week)].sort((a, b) =>
                          b.week.localeCompare(a.week),
                        ),
                      }
                    : l,
                );
                toast.show(t('plan.review.saved'));
              }}
            />
          </PageColumns>
        )}
      </QueryState>
      <Toast message={toast.message} onDismiss={toast.dismiss} />
    </>
  );
}
