import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { CONSENT_TEXTS } from '../../src/domain/assessments/consent.js';
import { createPerson, type TestPerson } from './factories.js';
import type { Agent, TestApp } from './test-app.js';

/** PHQ-9 answers of a moderately severe result (total 17) with item 9 = 0: no crisis. */
export const PHQ9_MODERATELY_SEVERE = [3, 2, 3, 2, 3, 2, 1, 1, 0];
/** PHQ-9 answers with item 9 = 1: a crisis answer whatever the total (docs/instruments.md §11). */
export const PHQ9_CRISIS = [1, 1, 0, 1, 0, 0, 0, 0, 1];

/** A fresh submission key, as the web app makes one per form. */
export const submissionKey = () => `k-${crypto.randomUUID()}`;

/** Submits a self-assessment with the consent text the agency's setting asks for (outreach off unless said). */
export async function submitAssessment(
  agent: Agent,
  instrumentId: string,
  answers: unknown[],
  extra: Record<string, unknown> = {},
): Promise<LightMyRequestResponse> {
  return agent.post('/api/v1/me/assessments', {
    instrumentId,
    answers,
    submissionKey: submissionKey(),
    consentVersion: CONSENT_TEXTS.self_assessment,
    ...extra,
  });
}

/** Adds an active counsellor to the agency (grant on `scopeUnitId`, or agency-wide). */
export async function addCounsellor(
  t: TestApp,
  agencyId: string,
  unitId: string,
  scopeUnitId: string | null = null,
): Promise<TestPerson> {
  return createPerson(t.services.db.db, t.services.keys, {
    agencyId,
    unitId,
    roles: [{ role: 'counsellor', unitId: scopeUnitId }],
    totp: true,
  });
}
