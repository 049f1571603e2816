/**
 * Who may change values and decide on reports, as HR's admin part reads it: SharePoint's
 * effective permissions through the real PnPjs over HTTP against the local tenant, read in the
 * same `$batch` as the values; and the tenant enforcing the same (an operator's write refused).
 */
import { sharePointRecognitionStores } from '../../src/connectors/sharepoint/recognition';
import type { RunningTenant } from '../../local/server/tenant';
import { persona, requestsDuring, secureProductLists, spAs, startTestTenant } from '../support/tenant';

describe('HR admin rights against the local tenant', () => {
  let tenant: RunningTenant;

  beforeAll(async () => {
    tenant = await startTestTenant();
    await secureProductLists(tenant);
  }, 60_000);

  afterAll(async () => {
    await tenant?.close();
  });

  it.each([
    ['operator', false],
    ['agencyOperator', false],
    ['teamLeader', false],
    ['hr', true],
    ['siteAdmin', true]
  ] as const)('%s: may change values and decide on reports: %s', async (key, may) => {
    const stores = sharePointRecognitionStores(spAs(tenant, persona(tenant, key)));
    let read: [unknown[], { values: boolean; moderation: boolean }] | undefined;
    const requests = await requestsDuring(tenant, 'sharepoint', async () => {
      read = await Promise.all([stores.values.values(), stores.values.rights()]);
    });
    expect(read![0].length).toBeGreaterThan(0);
    expect(read![1]).toEqual({ values: may, moderation: may });
    // Read with the values: one round trip.
    expect(requests).toBe(1);
  });

  it('agrees with what SharePoint enforces: an operator told "no" is refused a change', async () => {
    const stores = sharePointRecognitionStores(spAs(tenant, persona(tenant, 'operator')));
    const [value] = await stores.values.values();
    expect((await stores.values.rights()).values).toBe(false);
    await expect(stores.values.save({ ...value, title: `${value.title}!` }, value.id)).rejects.toMatchObject({ code: 'accessDenied' });
  });

  it('HR at Edit (Manage Lists, no Override List Behaviors) is offered nothing, as SharePoint refuses it', async () => {
    process.env.LOCAL_TENANT_HR_LEVEL = 'edit';
    try {
      const stores = sharePointRecognitionStores(spAs(tenant, persona(tenant, 'hr')));
      const [value] = await stores.values.values();
      expect(await stores.values.rights()).toEqual({ values: false, moderation: false });
      await expect(stores.values.save({ ...value, title: `${value.title}!` }, value.id)).rejects.toMatchObject({ code: 'accessDenied' });
    } finally {
      delete process.env.LOCAL_TENANT_HR_LEVEL;
    }
  });
});
