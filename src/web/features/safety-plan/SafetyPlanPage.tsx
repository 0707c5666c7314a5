import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/client.js';
import { useApiMutation } from '../../api/mutation.js';
import { useFormat } from '../../lib/use-format.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { useT } from '../../i18n.js';
import { deleteSafetyPlan, safetyPlanQuery, type SafetyPlanView } from '../../api/safety-plan.api.js';
import { SafetyPlanEditor } from './SafetyPlanEditor.js';
import { SafetyPlanSections } from '../../components/safety-plan/SafetyPlanSections.js';
import './safety-plan.css';

/** What a safety plan is and who sees it, for someone who has none yet (left-aligned: it is prose). */
function NoPlan({ onCreate }: { onCreate: () => void }) {
  const { t } = useT();
  return (
    <section className="card safety-plan-intro" aria-labelledby="safety-plan-intro-title">
      <h2 id="safety-plan-intro-title">{t('safety_plan.empty.title')}</h2>
      <p>{t('safety_plan.empty.what')}</p>
      <p>{t('safety_plan.empty.how')}</p>
      <p>
        <strong>{t('safety_plan.empty.who')}</strong>
      </p>
      <p className="muted small">{t('safety_plan.empty.source')}</p>
      <Button id="safety-plan-create" onClick={onCreate}>
        {t('safety_plan.empty.create')}
      </Button>
    </section>
  );
}

/** The stored plan, every section open, with change and delete. */
function PlanView({ view, onEdit, onDelete }: { view: SafetyPlanView; onEdit: () => void; onDelete: () => void }) {
  const { t } = useT();
  const fmt = useFormat();
  return (
    <section className="safety-plan-view" aria-labelledby="safety-plan-view-title">
      <h2 id="safety-plan-view-title" tabIndex={-1}>
        {t('safety_plan.page.plan_title')}
      </h2>
      <p className="muted small">{t('safety_plan.page.updated', { when: fmt.dateTime(view.updatedAt) })}</p>
      <SafetyPlanSections plan={view.plan} />
      <ButtonRow>
        <Button onClick={onEdit}>{t('safety_plan.page.edit')}</Button>
        <Button variant="danger" onClick={onDelete}>
          {t('safety_plan.page.delete')}
        </Button>
      </ButtonRow>
    </section>
  );
}

/**
 * /me/safety-plan: the person's own safety plan (Stanley & Brown 2012) — what it is when there is
 * none, the plan itself, and the editor. Only its owner can reach it; the server has no other route.
 */
export function SafetyPlanPage() {
  const { t } = useT();
  const queryClient = useQueryClient();
  const plan = useQuery(safetyPlanQuery);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const toast = useToast();
  const remove = useApiMutation<void>(() => deleteSafetyPlan());

  const focusSoon = (id: string) => window.setTimeout(() => document.getElementById(id)?.focus(), 0);

  const saved = (view: SafetyPlanView) => {
    queryClient.setQueryData(safetyPlanQuery.queryKey, view);
    setEditing(false);
    toast.show(t('safety_plan.page.saved'));
    focusSoon('safety-plan-view-title');
  };

  const confirmDelete = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        queryClient.setQueryData(safetyPlanQuery.queryKey, null);
        setConfirming(false);
        setEditing(false);
        toast.show(t('safety_plan.page.deleted'));
        focusSoon('safety-plan-create');
      },
    });

  return (
    <>
      <PageHeader title={t('safety_plan.page.title')} lead={t('safety_plan.page.lead')} />
      <p className="safety-plan-privacy">{t('safety_plan.page.only_you')}</p>
      <QueryState query={plan} loadingLabel={t('safety_plan.page.loading')}>
        {(view) =>
          editing ? (
            <SafetyPlanEditor
              key={view?.version ?? 'new'}
              initial={view}
              onSaved={saved}
              onCancel={() => {
                setEditing(false);
                focusSoon(view ? 'safety-plan-view-title' : 'safety-plan-create');
              }}
              onReload={() => void plan.refetch()}
            />
          ) : view ? (
            <PlanView view={view} onEdit={() => setEditing(true)} onDelete={() => setConfirming(true)} />
          ) : (
            <NoPlan onCreate={() => setEditing(true)} />
          )
        }
      </QueryState>
      <p className="safety-plan-help-link">
        <Link to="/help">{t('safety_plan.page.help_link')}</Link>
      </p>
      <ConfirmDialog
        open={confirming}
        title={t('safety_plan.delete.title')}
        confirmLabel={t('safety_plan.delete.confirm')}
        tone="danger"
        busy={remove.isPending}
        error={remove.error ? (isApiError(remove.error) ? remove.error.message : t('common.errors.unexpected')) : null}
        onConfirm={confirmDelete}
        onCancel={() => {
          remove.reset();
          setConfirming(false);
        }}
      >
        <p>{t('safety_plan.delete.body')}</p>
      </ConfirmDialog>
      <Toast message={toast.message} onDismiss={toast.dismiss} />
    </>
  );
}
