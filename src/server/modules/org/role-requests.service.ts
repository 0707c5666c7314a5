import type { i18n } from 'i18next';
import type { Kysely } from 'kysely';
import type { ClinicalAccessView, RoleRequestView } from '../../../contracts/role-requests.js';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../../domain/access/permissions.js';
import {
  APPROVER_ROLES,
  CLINICAL_ROLES,
  isIndependentApprover,
  ROLE_REQUEST_TTL_DAYS,
  type AssignableRole,
  type Role,
} from '../../../domain/access/roles.js';
import { isLocale, type Locale } from '../../../i18n/locales.js';
import { translatorFor } from '../../../i18n/translator.js';
import type { Clock } from '../../clock.js';
import { newId } from '../../crypto.js';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { DpoAlerts } from '../dpo/index.js';
import type { MailService } from '../mail/index.js';
import type { NewNotification, NotificationService } from '../notifications/index.js';
import { findAgency, findPersonAnywhere } from './directory.repository.js';
import { findPersonById } from './people.repository.js';
import {
  decideRoleRequest,
  findApproverIdsIn,
  findApprovers,
  findDpos,
  findExpiredPending,
  findGrantsOfRoles,
  findRoleRequest,
  insertRoleRequest,
  listPendingEverywhere,
  listPendingOf,
  listRoleRequests,
  type RoleRequestDetail,
} from './role-requests.repository.js';
import { findAssignments, insertAssignment } from './roles.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Grants that need a second person (docs/decisions/012-separation-of-duties.md). A
 * request gives no access: only approval writes the `role_assignments` row that sessions read.
 * The approver is another agency admin or the agency's DPO — never the requester, never the
 * grantee; where the agency has no such person, a platform admin (again neither of the two), and
 * failing that the operator with `teduh roles approve`. Revoking stays immediate (roles.service).
 */
export class RoleRequestService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      audit: AuditService;
      mail: MailService;
      notifications: NotificationService;
      dpoAlerts: DpoAlerts;
      i18n: i18n;
      publicUrl: string;
    },
  ) {}

  /** Records a request for `personId`, in the caller's transaction; tells the grantee and the DPOs. */
  async request(
    trx: Kysely<Database>,
    actor: Actor,
    personId: string,
    role: AssignableRole,
    unitId: string | null,
    origin: AuditOrigin,
  ): Promise<RoleRequestView> {
    const { clock, audit } = this.deps;
    // Nobody asks for a role that reads health data (or approves it) for themselves.
    if (personId === actor.personId) throw new AppError(403, 'role_self_grant');
    const pending = await listPendingOf(trx, actor.agencyId, personId);
    if (pending.some((p) => p.role === role && p.unit_id === unitId)) throw conflict('role_request_pending');
    const now = clock.now();
    const id = newId();
    await insertRoleRequest(trx, {
      id,
      agency_id: actor.agencyId,
      person_id: personId,
      role,
      unit_id: unitId,
      requested_by: actor.personId,
      requested_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ROLE_REQUEST_TTL_DAYS * DAY_MS).toISOString(),
      status: 'pending',
      decided_by: null,
      decided_at: null,
      assignment_id: null,
    });
    await audit.record(
      {
        ...origin,
        action: 'org.role_requested',
        subjectId: personId,
        resourceType: 'role_request',
        resourceId: id,
        details: { role, unitId },
      },
      trx,
    );
    await this.deps.dpoAlerts.raise(trx, {
      agencyId: actor.agencyId,
      kind: 'role_requested',
      personId,
      details: { role, requestId: id },
    });
    const detail = (await findRoleRequest(trx, actor.agencyId, id)) as RoleRequestDetail;
    await this.tell(trx, detail, 'requested');
    return present(detail, actor.personId, clock.now());
  }

  /** The agency's requests (pending by default) for its approvers. */
  async list(actor: Actor, status: string | undefined): Promise<RoleRequestView[]> {
    await this.expireDue();
    const rows = await listRoleRequests(this.deps.db, actor.agencyId, status ?? 'pending');
    return rows.map((r) => present(r, actor.personId, this.deps.clock.now()));
  }

  /** Pending requests of one person, for the person page. */
  async pendingOf(db: Kysely<Database>, actor: Actor, personId: string): Promise<RoleRequestView[]> {
    const rows = await listPendingOf(db, actor.agencyId, personId);
    const now = this.deps.clock.now();
    return rows.filter((r) => r.expires_at > now.toISOString()).map((r) => present(r, actor.personId, now));
  }

  /** Approves a request as an agency admin or DPO of its agency. */
  async approve(actor: Actor, id: string, origin: AuditOrigin): Promise<RoleRequestView> {
    return this.decideApproval(actor, actor.agencyId, id, origin, 'agency');
  }

  /**
   * A platform admin's approval, for an agency with no independent approver of its own (a single
   * agency admin and no DPO yet).
   */
  async approveAsPlatform(actor: Actor, id: string, origin: AuditOrigin): Promise<RoleRequestView> {
    return this.decideApproval(actor, null, id, origin, 'platform');
  }

  /** Pending requests of agencies that have no independent approver, for platform admins. */
  async listForPlatform(actor: Actor): Promise<RoleRequestView[]> {
    await this.expireDue();
    const rows = await listPendingEverywhere(this.deps.db);
    // One query for every agency's approvers, not one per request.
    const approvers = await findApproverIdsIn(this.deps.db, [...new Set(rows.map((r) => r.agency_id))]);
    const hasIndependentApprover = (r: (typeof rows)[number]) =>
      approvers.some(
        (a) =>
          a.agency_id === r.agency_id &&
          isIndependentApprover(a.id, { requestedBy: r.requested_by, personId: r.person_id }),
      );
    return rows
      .filter((r) => r.role === 'platform_admin' || !hasIndependentApprover(r))
      .map((r) => present(r, actor.personId, this.deps.clock.now()));
  }

  /** Every pending request, for the operator at the terminal. */
  async listPendingForOperator(): Promise<RoleRequestView[]> {
    await this.expireDue();
    return (await listPendingEverywhere(this.deps.db)).map((r) => present(r, '', this.deps.clock.now()));
  }

  /** The operator's approval from the server's shell (`teduh roles approve`): the bootstrap path. */
  async approveAsOperator(id: string): Promise<RoleRequestView> {
    return this.decideApproval(
      null,
      null,
      id,
      { agencyId: null, actorId: null, actorRole: null, requestId: null },
      'operator',
    );
  }

  /**
   * The open list (docs/decisions/012-separation-of-duties.md): who can read requests for help and shared results, who approves such
   * grants, since when and approved by whom, and which grants are waiting. Every employee sees it.
   */
  async clinicalAccess(actor: Actor): Promise<ClinicalAccessView> {
    const { db, clock } = this.deps;
    const readers = await findGrantsOfRoles(db, actor.agencyId, CLINICAL_ROLES);
    const approvers = await findGrantsOfRoles(db, actor.agencyId, APPROVER_ROLES);
    const now = clock.now().toISOString();
    const pending = (await listRoleRequests(db, actor.agencyId, 'pending')).filter((r) => r.expires_at > now);
    return {
      readers: readers.map((g) => ({
        personId: g.person_id,
        name: g.full_name,
        position: g.position,
        role: g.role as Role,
        unitName: g.unit_name,
        since: g.granted_at,
        approvedByName: g.approver_name,
      })),
      approvers: approvers.map((g) => ({
        personId: g.person_id,
        name: g.full_name,
        position: g.position,
        role: g.role as Role,
        since: g.granted_at,
      })),
      pending: pending.map((r) => ({ personName: r.person_name, role: r.role as Role, requestedAt: r.requested_at })),
    };
  }

  /** Rejects a pending request (any approver but the grantee; the requester may too). */
  async reject(actor: Actor, id: string, origin: AuditOrigin): Promise<void> {
    await this.close(actor, id, origin, 'rejected');
  }

  /** The requester takes their own pending request back. */
  async withdraw(actor: Actor, id: string, origin: AuditOrigin): Promise<void> {
    await this.close(actor, id, origin, 'withdrawn');
  }

  /** Marks pending requests past their expiry as expired (job and list). */
  async expireDue(): Promise<number> {
    const { db, clock, audit } = this.deps;
    const now = clock.now().toISOString();
    const due = await findExpiredPending(db, now);
    for (const r of due) {
      await db.transaction().execute(async (trx) => {
        if ((await decideRoleRequest(trx, r.id, { status: 'expired', decided_by: null, decided_at: now })) === 0)
          return;
        await audit.record(
          {
            agencyId: r.agency_id,
            actorId: null,
            actorRole: null,
            requestId: null,
            action: 'org.role_request_expired',
            subjectId: r.person_id,
            resourceType: 'role_request',
            resourceId: r.id,
            details: { role: r.role },
          },
          trx,
        );
      });
    }
    return due.length;
  }

  private async close(actor: Actor, id: string, origin: AuditOrigin, status: 'rejected' | 'withdrawn'): Promise<void> {
    const { db, clock, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const r = await findRoleRequest(trx, actor.agencyId, id);
      if (!r) throw notFound();
      if (status === 'withdrawn' && r.requested_by !== actor.personId) throw forbidden();
      if (status === 'rejected' && r.person_id === actor.personId) throw forbidden();
      const now = clock.now().toISOString();
      if ((await decideRoleRequest(trx, id, { status, decided_by: actor.personId, decided_at: now })) === 0)
        throw conflict('role_request_not_pending');
      await audit.record(
        {
          ...origin,
          action: status === 'rejected' ? 'org.role_rejected' : 'org.role_request_withdrawn',
          subjectId: r.person_id,
          resourceType: 'role_request',
          resourceId: id,
          details: { role: r.role },
        },
        trx,
      );
    });
  }

  private async decideApproval(
    actor: Actor | null,
    agencyId: string | null,
    id: string,
    origin: AuditOrigin,
    as: 'agency' | 'platform' | 'operator',
  ): Promise<RoleRequestView> {
    const { db, clock, audit } = this.deps;
    const now = clock.now();
    const result = await db.transaction().execute(async (trx) => {
      const r = await findRoleRequest(trx, agencyId, id);
      if (!r) throw notFound();
      if (r.status !== 'pending') throw conflict('role_request_not_pending');
      if (r.expires_at <= now.toISOString()) return { expired: r };
      if (actor && !isIndependentApprover(actor.personId, { requestedBy: r.requested_by, personId: r.person_id })) {
        throw new AppError(403, 'role_approver_not_independent');
      }
      if (as === 'agency' && r.role === 'platform_admin') throw forbidden();
      if (as === 'platform') {
        // The platform admin steps in only where the agency has nobody independent to approve.
        const approvers = await findApprovers(trx, r.agency_id, [r.requested_by, r.person_id]);
        if (r.role !== 'platform_admin' && approvers.length > 0) throw new AppError(403, 'role_approver_in_agency');
      }
      const grantee = await findPersonById(trx, r.agency_id, r.person_id);
      if (!grantee || grantee.is_active !== 1) throw conflict('role_request_person_inactive');
      const held = await findAssignments(trx, r.agency_id, r.person_id);
      const assignmentId = newId();
      if (!held.some((g) => g.role === r.role && g.unit_id === r.unit_id)) {
        await insertAssignment(trx, {
          id: assignmentId,
          agency_id: r.agency_id,
          person_id: r.person_id,
          role: r.role,
          unit_id: r.unit_id,
          granted_by: r.requested_by,
          granted_at: now.toISOString(),
        });
      }
      await decideRoleRequest(trx, id, {
        status: 'approved',
        decided_by: actor?.personId ?? null,
        decided_at: now.toISOString(),
        assignment_id: assignmentId,
      });
      await audit.record(
        {
          ...origin,
          agencyId: r.agency_id,
          action: 'org.role_approved',
          subjectId: r.person_id,
          resourceType: 'role_request',
          resourceId: id,
          details: { role: r.role, unitId: r.unit_id, requestedBy: r.requested_by, approvedAs: as },
        },
        trx,
      );
      await this.deps.dpoAlerts.raise(trx, {
        agencyId: r.agency_id,
        kind: 'role_approved',
        personId: r.person_id,
        details: { role: r.role, requestId: id, approvedAs: as },
      });
      const detail = (await findRoleRequest(trx, r.agency_id, id)) as RoleRequestDetail;
      await this.tell(trx, detail, 'approved');
      return { approved: detail };
    });
    if ('expired' in result && result.expired) {
      await this.expireDue();
      throw conflict('role_request_expired');
    }
    return present(result.approved as RoleRequestDetail, actor?.personId ?? '', now);
  }

  /** In-app notification and email to the grantee and the agency's DPOs. */
  private async tell(trx: Kysely<Database>, r: RoleRequestDetail, what: 'requested' | 'approved'): Promise<void> {
    const { mail, notifications, publicUrl } = this.deps;
    const agency = await findAgency(trx, r.agency_id);
    const grantee = await findPersonAnywhere(trx, r.person_id);
    if (!agency || !grantee) throw new Error('the request names a person or agency that is gone');
    const dpos = (await findDpos(trx, r.agency_id)).filter((d) => d.id !== r.person_id);
    const kind = what === 'requested' ? 'role.requested' : 'role.approved';
    const payload = { requestId: r.id, role: r.role };
    const notes: NewNotification[] = [
      { agencyId: r.agency_id, personId: grantee.id, kind, payload, dedupeKey: `${kind}:${r.id}:${grantee.id}` },
      ...dpos.map((d) => ({
        agencyId: r.agency_id,
        personId: d.id,
        kind,
        payload: { ...payload, personName: r.person_name },
        dedupeKey: `${kind}:${r.id}:${d.id}`,
      })),
    ];
    await notifications.add(trx, notes);
    const locale = (l: string): Locale => (isLocale(l) ? l : 'id');
    const roleIn = (l: string) => translatorFor(this.deps.i18n, locale(l))(`common.roles.${r.role}`);
    if (grantee.email) {
      await mail.queue(trx, {
        agencyId: r.agency_id,
        agencyName: agency.name,
        to: grantee.email,
        locale: locale(grantee.locale),
        template: what === 'requested' ? 'role_requested' : 'role_approved',
        params: {
          name: grantee.full_name,
          role: roleIn(grantee.locale),
          link: `${publicUrl}/profile/privacy/clinical-access`,
        },
      });
    }
    for (const d of dpos) {
      if (!d.email) continue;
      await mail.queue(trx, {
        agencyId: r.agency_id,
        agencyName: agency.name,
        to: d.email,
        locale: locale(d.locale),
        template: what === 'requested' ? 'role_request_review' : 'role_request_approved_dpo',
        params: { name: d.full_name, person: r.person_name, role: roleIn(d.locale), link: `${publicUrl}/dpo` },
      });
    }
  }
}

/** The view of a request; `canApprove` from the viewer's side. */
function present(r: RoleRequestDetail, viewerId: string, now: Date): RoleRequestView {
  const expired = r.status === 'pending' && r.expires_at <= now.toISOString();
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    role: r.role as Role,
    unitId: r.unit_id,
    unitName: r.unit_name,
    status: expired ? 'expired' : (r.status as RoleRequestView['status']),
    requestedBy: { id: r.requested_by, name: r.requester_name },
    requestedAt: r.requested_at,
    expiresAt: r.expires_at,
    decidedByName: r.decider_name,
    decidedAt: r.decided_at,
    canApprove:
      r.status === 'pending' &&
      !expired &&
      isIndependentApprover(viewerId, { requestedBy: r.requested_by, personId: r.person_id }),
  };
}
