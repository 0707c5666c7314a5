import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { roleGrantBody } from '../../../contracts/org.js';
import {
  ASSIGNABLE_ROLES,
  ROLES_REQUIRING_TWO_FACTOR,
  isUnitScopedRole,
  requiresApproval,
  type Role,
} from '../../../domain/access/roles.js';
import { useApiMutation } from '../../api/mutation.js';
import { useSignedIn } from '../../api/session.js';
import { roleLabel } from '../../lib/options.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Select } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { EmptyState } from '../../components/EmptyState.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { RoleRequestList } from '../../components/role-requests/RoleRequestList.js';
import {
  type Grant,
  grantRole,
  peopleKey,
  type PersonDetail,
  personQuery,
  revokeRole,
  rolesQuery,
  type UnitView,
} from '../../api/org.api.js';
import { unitOptions } from '../../lib/unit-tree.js';

/**
 * Roles beyond "employee": add with an optional unit scope, revoke with confirmation. A role that
 * reads health data (or approves those who do) is only requested here: it shows as waiting until a
 * second person approves it (docs/decisions/012-separation-of-duties.md).
 */
export function RolesPanel({ person, units }: { person: PersonDetail; units: readonly UnitView[] }) {
  const { t } = useT();
  const session = useSignedIn();
  const queryClient = useQueryClient();
  const grants = useQuery(rolesQuery(person.id));
  const form = useForm(`roles-${person.id}`, { role: '', unitId: '' });
  const [revoking, setRevoking] = useState<Grant | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: personQuery(person.id).queryKey });
    await queryClient.invalidateQueries({ queryKey: peopleKey });
  };
  const grant = useApiMutation((body: unknown, key) => grantRole(person.id, body, key));
  const revoke = useApiMutation((grantId: string, key) => revokeRole(person.id, grantId, key));

  // Only a platform admin hands out the platform role.
  const roles = ASSIGNABLE_ROLES.filter((r) => r !== 'platform_admin' || session.roles.includes('platform_admin'));
  const scoped = form.values.role !== '' && isUnitScopedRole(form.values.role as Role);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const body = form.validate(roleGrantBody, {
      role: form.values.role || undefined,
      unitId: scoped && form.values.unitId ? form.values.unitId : null,
    });
    if (!body) return;
    grant.mutate(body, {
      onSuccess: async () => {
        setNotice(
          requiresApproval(body.role as Role)
            ? t('org.roles.requested', { role: roleLabel(t, body.role) })
            : ROLES_REQUIRING_TWO_FACTOR.includes(body.role as Role)
              ? t('org.roles.granted_two_factor', { role: roleLabel(t, body.role) })
              : t('org.roles.granted', { role: roleLabel(t, body.role) }),
        );
        form.reset({ role: '', unitId: '' });
        await refresh();
      },
      onError: (err) => form.showServerError(err),
    });
  };

  return (
    <section className="card" aria-labelledby="person-roles">
      <h2 id="person-roles">{t('org.roles.title')}</h2>
      <p className="muted">{t('org.roles.lead')}</p>
      {notice && <Alert tone="success">{notice}</Alert>}
      <QueryState query={grants}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('org.roles.none')} />
          ) : (
            <ul className="grant-list">
              {data.items.map((g) => (
                <li key={g.id} className="grant-list__item">
                  <span>
                    <strong>{roleLabel(t, g.role)}</strong>
                    <span className="muted small block">
                      {g.unitName ? t('org.roles.scope_unit', { unit: g.unitName }) : t('org.roles.scope_agency')}
                    </span>
                  </span>
                  <Button
                    variant="secondary"
                    size="small"
                    aria-label={t('org.roles.revoke_named', { role: roleLabel(t, g.role) })}
                    onClick={() => {
                      revoke.reset();
                      setRevoking(g);
                    }}
                  >
                    {t('org.roles.revoke')}
                  </Button>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <QueryState query={grants}>
        {(data) =>
          data.pending.length > 0 && (
            <section className="subsection" aria-labelledby={`person-roles-pending-${person.id}`}>
              <h3 id={`person-roles-pending-${person.id}`}>{t('org.roles.pending_title')}</h3>
              <RoleRequestList requests={data.pending} showPerson={false} onChanged={refresh} onNotice={setNotice} />
            </section>
          )
        }
      </QueryState>
      <form className="form subsection" onSubmit={submit} noValidate aria-labelledby={`${form.idPrefix}-title`}>
        <h3 id={`${form.idPrefix}-title`}>{t('org.roles.add_title')}</h3>
        <FormErrorSummary {...form.summary} labels={{ role: t('org.roles.role'), unitId: t('org.roles.scope') }} />
        <Select
          {...form.field('role')}
          label={t('org.roles.role')}
          options={roles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
          placeholder={t('common.form.choose')}
        />
        {scoped && (
          <Select
            {...form.field('unitId')}
            label={t('org.roles.scope')}
            hint={t('org.roles.scope_hint')}
            options={unitOptions(units, { activeOnly: true })}
            placeholder={t('org.roles.scope_agency')}
          />
        )}
        {form.values.role !== '' && ROLES_REQUIRING_TWO_FACTOR.includes(form.values.role as Role) && (
          <p className="muted small">{t('org.roles.two_factor_note')}</p>
        )}
        {form.values.role !== '' && requiresApproval(form.values.role as Role) && (
          <p className="muted small">{t('org.roles.approval_note')}</p>
        )}
        <Button type="submit" variant="secondary" busy={grant.isPending}>
          {t('org.roles.add_submit')}
        </Button>
      </form>
      <ConfirmDialog
        open={revoking !== null}
        title={t('org.roles.revoke_confirm', {
          role: revoking ? roleLabel(t, revoking.role) : '',
          name: person.fullName,
        })}
        confirmLabel={t('org.roles.revoke')}
        tone="danger"
        busy={revoke.isPending}
        error={revoke.error?.message ?? null}
        onCancel={() => setRevoking(null)}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: async () => {
              setRevoking(null);
              setNotice(t('org.roles.revoked'));
              await refresh();
            },
          })
        }
      >
        <p>{t('org.roles.revoke_body')}</p>
      </ConfirmDialog>
    </section>
  );
}
