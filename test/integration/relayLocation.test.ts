/**
 * Where the page sends a token for the relay is a tenant property (app catalog storage entity),
 * which only tenant and app catalog admins can set. Tried as a member would, over real HTTP
 * against the local tenant, on a fresh install (every list still open to members) and after
 * setup: a forged `Relay` row in SE_Settings steers nothing, and the property cannot be written
 * from the site.
 */
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { type AadFetchFactory, RelayModeration } from '../../src/connectors/relay/relayModeration';
import { relaySettingsOf } from '../../src/connectors/relay/relaySettings';
import { sharePointRecognitionStores } from '../../src/connectors/sharepoint/recognition';
import { RELAY_TENANT_PROPERTY } from '../../src/core/recognition/moderation';
import { LISTS } from '../../src/core/schema/lists';
import { RELAY_RESOURCE } from '../../local/server/authority';
import type { RunningTenant } from '../../local/server/tenant';
import { getTenantProperty, removeTenantProperty, setTenantProperty } from '../../local/sharepoint/tenantProperties';
import type { Person } from '../../local/tenant/directory';
import { failure } from '../support/failure';
import { giveAs, persona, secureProductLists, spAs, startTestTenant } from '../support/tenant';

const FORGED = { url: 'https://attacker.example/api', resource: 'api://attacker' };

describe('Where the page sends its token for the relay', () => {
  let tenant: RunningTenant;
  let operator: Person;
  let colleague: Person;

  /** Records every resource a token is asked for and every URL it is sent to; answers like an unreachable relay. */
  function recordingAadFetch(): { aadFetch: AadFetchFactory; resources: string[]; urls: string[] } {
    const resources: string[] = [];
    const urls: string[] = [];
    const aadFetch: AadFetchFactory = async (resource) => {
      resources.push(resource);
      return async (url) => {
        urls.push(url);
        throw new TypeError('Failed to fetch');
      };
    };
    return { aadFetch, resources, urls };
  }

  async function forgeRelaySetting(person: Person): Promise<void> {
    await spAs(tenant, person).web.lists.getByTitle(LISTS.settings.title).items.add({ Title: 'Relay', Key: 'Relay', Value: JSON.stringify(FORGED) });
  }

  async function reportAs(person: Person, postId: number): Promise<{ resources: string[]; urls: string[] }> {
    const recorded = recordingAadFetch();
    const moderation = new RelayModeration({
      settings: relaySettingsOf(spAs(tenant, person)),
      aadFetch: recorded.aadFetch,
      fallback: sharePointRecognitionStores(spAs(tenant, person)).moderation,
      siteOrigin: tenant.origin,
      sleep: async () => undefined
    });
    await moderation.report(postId, 'Names a customer').catch(() => undefined);
    return recorded;
  }

  beforeAll(async () => {
    tenant = await startTestTenant({ freshInstall: true });
    operator = persona(tenant, 'operator');
    colleague = persona(tenant, 'agencyOperator');
  }, 60_000);

  afterAll(async () => {
    await tenant?.close();
  });

  it('is read from the tenant property, not from SE_Settings a member wrote before setup', async () => {
    // A fresh install: SE_Settings is still open to members, and one writes a Relay row.
    await forgeRelaySetting(operator);
    await expect(relaySettingsOf(spAs(tenant, colleague))()).resolves.toEqual({ url: '/relay/api', resource: RELAY_RESOURCE });
    // A post on the wall (the relay writes nothing before setup: it was written as the relay).
    const relayUser = tenant.context.directory.all().find((p) => p.isApp === true)?.spUserId ?? 0;
    const postId = tenant.context.sp.addItem(
      LISTS.recognitions.title,
      { Title: 'Kept the line running', RecipientId: operator.spUserId, GiverId: colleague.spUserId, Kind: 'peer', ValueKey: 'safety', Message: 'Kept the line running at shift change', SiteCode: 'GOT', Visibility: 'everyone', Status: 'published', ClientRequestId: `relay-location-1:${operator.spUserId}` },
      { authorId: relayUser }
    );
    const sent = await reportAs(colleague, postId);
    expect(sent.resources.length).toBeGreaterThan(0);
    expect(new Set(sent.resources)).toEqual(new Set([RELAY_RESOURCE]));
    expect(sent.urls.every((url) => url.startsWith(`${tenant.origin}/relay/api/`))).toBe(true);
    expect(sent.urls.some((url) => url.includes('attacker'))).toBe(false);
  });

  it('cannot be set or removed by anyone from the site: only admins in the app catalog set it', async () => {
    for (const person of [operator, persona(tenant, 'hr'), persona(tenant, 'siteAdmin')]) {
      const web = spAs(tenant, person).web;
      const set = await failure(web.setStorageEntity(RELAY_TENANT_PROPERTY, JSON.stringify(FORGED)));
      expect([person.userPrincipalName, set.status]).toEqual([person.userPrincipalName, 403]);
      const removed = await failure(web.removeStorageEntity(RELAY_TENANT_PROPERTY));
      expect(removed.status).toBe(403);
    }
    expect(JSON.parse(getTenantProperty(tenant.context.db, RELAY_TENANT_PROPERTY)?.Value ?? '{}')).toEqual({ url: '/relay/api', resource: RELAY_RESOURCE });
  });

  it('without the property there is no relay: a forged setting still sends no token anywhere, also after setup', async () => {
    const kept = getTenantProperty(tenant.context.db, RELAY_TENANT_PROPERTY);
    removeTenantProperty(tenant.context.db, RELAY_TENANT_PROPERTY);
    try {
      await secureProductLists(tenant);
      await expect(relaySettingsOf(spAs(tenant, operator))()).resolves.toBeUndefined();
      const [postId] = await giveAs(tenant, operator, colleague, 'Swapped the worn tip before it failed', 'relay-location-2');
      const sent = await reportAs(operator, postId ?? 0);
      expect([sent.resources, sent.urls]).toEqual([[], []]);
      // After setup a member cannot write SE_Settings at all.
      const denied = await failure(forgeRelaySetting(operator));
      expect(denied.status).toBe(403);
    } finally {
      if (kept) {
        setTenantProperty(tenant.context.db, RELAY_TENANT_PROPERTY, kept.Value, kept.Description, kept.Comment);
      }
    }
  });
});
