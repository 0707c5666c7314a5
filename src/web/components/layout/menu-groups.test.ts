// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { menuEntries, navFor } from './Shell.js';
import type { Session } from '../../api/session.js';

describe('the menu', () => {
  it("groups the agency admin's pages into Organisasi, Privasi and Layanan, each once, in menu order", () => {
    const admin = { roles: ['employee', 'agency_admin'] } as unknown as Session;
    const entries = menuEntries(navFor(admin));
    const shape = entries.map((e) =>
      e.kind === 'page' ? e.item.to : `${e.group}: ${e.items.map((i) => i.to).join(' ')}`,
    );
    expect(shape).toEqual([
      '/',
      '/self-check',
      '/self-care',
      '/plan',
      '/learn',
      '/suggestions',
      'organisation: /admin/units /admin/people /admin/import /admin/settings /admin/calendar',
      'privacy: /admin/audit /admin/corrections',
      'services: /admin/outbox /admin/help-contacts /admin/articles',
      '/profile',
      '/me/data',
    ]);
  });

  it("groups a counsellor's pages under Konseling, so the menu keeps one row", () => {
    const counsellor = { roles: ['employee', 'counsellor'] } as unknown as Session;
    const groups = menuEntries(navFor(counsellor)).filter((e) => e.kind === 'group');
    expect(groups.map((e) => (e.kind === 'group' ? `${e.group}: ${e.items.map((i) => i.to).join(' ')}` : ''))).toEqual([
      'counselling: /counselling/urgent /counselling/appointments /counselling/caseload /counselling/shared /counselling/referrals /counselling/profile /counselling/return-to-work /groups/manage',
    ]);
  });

  it('keeps an employee’s short menu flat', () => {
    const employee = { roles: ['employee'] } as unknown as Session;
    expect(menuEntries(navFor(employee)).every((e) => e.kind === 'page')).toBe(true);
  });

  it('offers /groups/manage to those who facilitate peer groups, once, and to nobody else', () => {
    const menuOf = (roles: string[]) =>
      navFor({ roles } as unknown as Session)
        .map((i) => i.to)
        .filter((to) => to === '/groups/manage');
    expect(menuOf(['employee', 'wellbeing_admin'])).toEqual(['/groups/manage']);
    expect(menuOf(['employee', 'counsellor', 'wellbeing_admin'])).toEqual(['/groups/manage']);
    for (const other of ['manager', 'agency_admin', 'platform_admin', 'dpo', 'clinical_supervisor'])
      expect(menuOf(['employee', other]), other).toEqual([]);
    expect(menuOf(['employee'])).toEqual([]);
  });

  it('offers the suggestion box to everyone, and its management to the wellbeing admin only', () => {
    const menuOf = (roles: string[]) =>
      navFor({ roles } as unknown as Session)
        .map((i) => i.to)
        .filter((to) => to.startsWith('/suggestions'));
    expect(menuOf(['employee'])).toEqual(['/suggestions']);
    expect(menuOf(['employee', 'wellbeing_admin'])).toEqual(['/suggestions', '/suggestions/manage']);
    for (const other of ['manager', 'agency_admin', 'counsellor', 'dpo', 'clinical_supervisor'])
      expect(menuOf(['employee', other]), other).toEqual(['/suggestions']);
  });

  it("groups the wellbeing admin's pages under Kesejahteraan, so the menu keeps one row", () => {
    const admin = { roles: ['employee', 'wellbeing_admin'] } as unknown as Session;
    const groups = menuEntries(navFor(admin)).filter((e) => e.kind === 'group');
    expect(groups.map((e) => (e.kind === 'group' ? `${e.group}: ${e.items.map((i) => i.to).join(' ')}` : ''))).toEqual([
      'wellbeing: /campaigns /surveys /suggestions/manage /groups/manage /committee/manage',
    ]);
  });
});
