/**
 * Who is exempt from a list's "own items only" settings, over real HTTP and PnPjs: only people
 * whose rights include Override List Behaviors (SPBasePermissions.CancelCheckout), in SharePoint
 * Design and Full Control but not Edit. Manage Lists alone does not exempt. HR reads every
 * report in SE_Reports (ReadSecurity 2), so the HR group needs Design (or a custom level with
 * Override List Behaviors). Sources: docs/local-tenant.md, "Who is exempt from own items only".
 */
import { HttpRequestError } from '@pnp/queryable';
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/security';
import { PermissionKind } from '@pnp/sp/security';

import { LENIENT_ENV } from '../../local/sharepoint/leniency';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { HR_LEVEL_ENV, PERMISSION_LEVELS } from '../../local/tenant/permissionLevels';
import { persona, secureProductLists, spAs, startTestTenant } from '../support/tenant';

const REPORTS = 'SE_Reports';

/** Runs `work` with the tenant's environment switches set, then puts them back. */
async function withEnv<T>(values: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  try {
    return await work();
  } finally {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) {
        delete process.env[key];
      } else {
        process.env[key] = value;
      }
    }
  }
}

async function statusOf(work: Promise<unknown>): Promise<number | 'ok'> {
  return work.then(
    () => 'ok' as const,
    (error: unknown) => {
      if (error instanceof HttpRequestError) {
        return error.status;
      }
      throw error;
    }
  );
}

describe('exemption from own items only', () => {
  let tenant: RunningTenant;
  let operator: Person;
  let hr: Person;
  let siteAdmin: Person;
  let reportId: number;
  const reports = (person: Person): ReturnType<SPFI['web']['lists']['getByTitle']> => spAs(tenant, person).web.lists.getByTitle(REPORTS);
  const visibleIds = async (person: Person): Promise<number[]> => (await reports(person).items.select('ID')<Array<{ ID: number }>>()).map((row) => row.ID);

  beforeAll(async () => {
    tenant = await startTestTenant();
    await secureProductLists(tenant);
    operator = persona(tenant, 'operator');
    hr = persona(tenant, 'hr');
    siteAdmin = persona(tenant, 'siteAdmin');
    const added = await reports(operator).items.add({
      RecognitionId: 1,
      Reason: 'Not about safety.',
      Status: 'open',
      ReportKey: `exemption-${operator.spUserId}`,
      ReporterId: operator.spUserId
    });
    reportId = (added as { Id?: number; ID?: number }).Id ?? (added as { ID: number }).ID;
  });

  afterAll(async () => {
    await tenant.close();
  });

  it('keeps the list own-items-only for members', async () => {
    expect(await visibleIds(operator)).toContain(reportId);
    expect(await visibleIds(persona(tenant, 'teamLeader'))).not.toContain(reportId);
  });

  it('exempts HR at Design and site owners at Full Control: both hold Override List Behaviors', async () => {
    expect(await visibleIds(hr)).toContain(reportId);
    expect(await visibleIds(siteAdmin)).toContain(reportId);
    expect(await statusOf(reports(hr).items.getById(reportId).update({ Status: 'upheld' }))).toBe('ok');
  });

  it('answers each persona\'s rights with the mask of their level', async () => {
    const rights = async (person: Person): Promise<unknown> => spAs(tenant, person).web.getCurrentUserEffectivePermissions();
    expect(await rights(siteAdmin)).toMatchObject(PERMISSION_LEVELS['Full Control']);
    expect(await rights(hr)).toMatchObject(PERMISSION_LEVELS.Design);
    expect(await rights(operator)).toMatchObject(PERMISSION_LEVELS.Contribute);
    const web = spAs(tenant, hr).web;
    expect(await web.currentUserHasPermissions(PermissionKind.CancelCheckout)).toBe(true);
    expect(await spAs(tenant, operator).web.currentUserHasPermissions(PermissionKind.CancelCheckout)).toBe(false);
  });

  it('binds a person with Edit (Manage Lists, no Override List Behaviors) to own items only', async () => {
    await withEnv({ [HR_LEVEL_ENV]: 'edit' }, async () => {
      const web = spAs(tenant, hr).web;
      expect(await web.getCurrentUserEffectivePermissions()).toMatchObject(PERMISSION_LEVELS.Edit);
      expect(await web.currentUserHasPermissions(PermissionKind.ManageLists)).toBe(true);
      expect(await web.currentUserHasPermissions(PermissionKind.CancelCheckout)).toBe(false);
      expect(await visibleIds(hr)).not.toContain(reportId);
      expect(await statusOf(reports(hr).items.getById(reportId)())).toBe(404);
      expect(await statusOf(reports(hr).items.getById(reportId).update({ Status: 'open' }))).not.toBe('ok');
    });
  });

  it('exempts Manage Lists too behind the kinder switch', async () => {
    await withEnv({ [HR_LEVEL_ENV]: 'edit', [LENIENT_ENV]: 'manage-lists-exempt' }, async () => {
      expect(await visibleIds(hr)).toContain(reportId);
    });
  });
});
