import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApiMutation } from '../../api/mutation.js';
import { useSignedIn } from '../../api/session.js';
import { roleLabel } from '../../lib/options.js';
import { useFormat } from '../../lib/use-format.js';
import { Badge } from '../Badge.js';
import { Button, ButtonRow } from '../Button.js';
import { ConfirmDialog } from '../ConfirmDialog.js';
import { useT } from '../../i18n.js';
import {
  answerRoleRequest,
  clinicalAccessQuery,
  roleRequestsQuery,
  type RoleRequestView,
} from '../../api/role-requests.api.js';

type Action = { kind: 'approve' | 'reject' | 'withdraw'; request: RoleRequestView };

/**
 * Role grants waiting for a second person, with what the viewer may do: approve or reject (an
 * agency admin or the DPO who neither asked nor receives it), withdraw (the requester). The server
 * decides; the buttons only mirror it.
 */
export function RoleRequestList({
  requests,
  showPerson = true,
  onChanged,
  onNotice,
}: {
  requests: readonly RoleRequestView[];
  showPerson?: boolean;
  onChanged: () => Promise<void>;
  /** What happened, for the parent to show: the list itself may be gone once nothing waits. */
  onNotice: (message: string) => void;
}) {
  const { t } = useT();
  const fmt = useFormat();
  const session = useSignedIn();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action | null>(null);
  const approver = session.roles.includes('agency_admin') || session.roles.includes('dpo');
  const act = useApiMutation((a: Action, key) => answerRoleRequest(a.kind, a.request.id, key));

  const confirm = () =>
    action &&
    act.mutate(action, {
      onSuccess: async () => {
        const r = action.request;
        onNotice(
          action.kind === 'approve'
            ? t('dpo.approvals.approved', { role: roleLabel(t, r.role), name: r.personName })
            : t(action.kind === 'reject' ? 'dpo.approvals.rejected' : 'dpo.approvals.withdrawn'),
        );
        setAction(null);
        await queryClient.invalidateQueries({ queryKey: roleRequestsQuery.queryKey });
        await queryClient.invalidateQueries({ queryKey: clinicalAccessQuery.queryKey });
        await onChanged();
      },
    });

  const named = (r: RoleRequestView) => ({ role: roleLabel(t, r.role), name: r.personName });
  return (
    <>
      <ul className="grant-list">
        {requests.map((r) => (
          <li key={r.id} className="grant-list__item">
            <span>
              <strong>{showPerson ? `${r.personName} — ${roleLabel(t, r.role)}` : roleLabel(t, r.role)}</strong>{' '}
              <Badge tone="warning">{t('org.roles.pending')}</Badge>
              <span className="muted small block">
                {r.unitName ? t('org.roles.scope_unit', { unit: r.unitName }) : t('org.roles.scope_agency')} ·{' '}
                {t('org.roles.requested_by', { name: r.requestedBy.name, date: fmt.dateTime(r.requestedAt) })} ·{' '}
                {t('org.roles.expires', { date: fmt.dateTime(r.expiresAt) })}
              </span>
            </span>
            <ButtonRow>
              {approver && r.canApprove && (
                <Button
                  size="small"
                  aria-label={t('dpo.approvals.approve_named', named(r))}
                  onClick={() => setAction({ kind: 'approve', request: r })}
                >
                  {t('dpo.approvals.approve')}
                </Button>
              )}
              {approver && r.personId !== session.person.id && r.requestedBy.id !== session.person.id && (
                <Button
                  size="small"
                  variant="secondary"
                  aria-label={t('dpo.approvals.reject_named', named(r))}
                  onClick={() => setAction({ kind: 'reject', request: r })}
                >
                  {t('dpo.approvals.reject')}
                </Button>
              )}
              {r.requestedBy.id === session.person.id && (
                <Button
                  size="small"
                  variant="secondary"
                  aria-label={t('dpo.approvals.withdraw_named', named(r))}
                  onClick={() => setAction({ kind: 'withdraw', request: r })}
                >
                  {t('dpo.approvals.withdraw')}
                </Button>
              )}
              {!r.canApprove && r.requestedBy.id !== session.person.id && (
                <span className="muted small">{t('dpo.approvals.not_yours')}</span>
              )}
            </ButtonRow>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={action !== null}
        title={
          action
            ? action.kind === 'approve'
              ? t('dpo.approvals.approve_confirm', named(action.request))
              : action.kind === 'reject'
                ? t('dpo.approvals.reject_named', named(action.request))
                : t('dpo.approvals.withdraw_named', named(action.request))
            : ''
        }
        confirmLabel={action ? t(`dpo.approvals.${action.kind}`) : ''}
        tone={action?.kind === 'approve' ? 'primary' : 'danger'}
        busy={act.isPending}
        error={act.error?.message ?? null}
        onCancel={() => {
          act.reset();
          setAction(null);
        }}
        onConfirm={confirm}
      >
        {action?.kind === 'approve' && <p>{t('dpo.approvals.approve_body', named(action.request))}</p>}
      </ConfirmDialog>
    </>
  );
}
