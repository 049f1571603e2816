/**
 * Integration harness: the real local tenant on a free port, in memory, and PnPjs clients
 * signed in as a chosen person (the `x-local-user` header stands in for SharePoint's cookie).
 */
import { InjectHeaders } from '@pnp/queryable';
import { spfi, SPBrowser, type SPFI } from '@pnp/sp';

import { RelayClient, type RelayClientOptions } from '../../src/connectors/relay/relayClient';
import { RelayRecognitionWriter } from '../../src/connectors/relay/relayRecognitionWriter';
import { PnPSiteListsGateway } from '../../src/connectors/sharepoint/PnPSiteListsGateway';
import { sharePointRecognitionStores } from '../../src/connectors/sharepoint/recognition';
import type { RecognitionVisibility } from '../../src/core/models/recognition';
import { composeRecognition, type RecipientRef } from '../../src/core/recognition/compose';
import { PRODUCT_LIST_TITLES } from '../../src/core/setup/productLists';
import { SetupService } from '../../src/core/setup/setupService';
import { RELAY_RESOURCE } from '../../local/server/authority';
import { type RunningTenant, startTenant, type TenantOptions } from '../../local/server/tenant';
import { LENIENT_ENV } from '../../local/sharepoint/leniency';
import type { Person } from '../../local/tenant/directory';
import { type PersonaKey, personas } from '../../local/tenant/personas';

export async function startTestTenant(options: TenantOptions = {}): Promise<RunningTenant> {
  return startTenant({ port: 0, ...options });
}

/** PnPjs rooted at the engagement site, as `person`. */
export function spAs(tenant: RunningTenant, person: Person): SPFI {
  return spfi(tenant.siteUrl).using(
    SPBrowser({ baseUrl: tenant.siteUrl }),
    InjectHeaders({ 'x-local-user': person.userPrincipalName })
  );
}

/** Applies the product's list security as the Engage Setup page does (as the site admin). */
export async function secureProductLists(tenant: RunningTenant): Promise<void> {
  const setup = new SetupService(new PnPSiteListsGateway(spAs(tenant, persona(tenant, 'siteAdmin'))), PRODUCT_LIST_TITLES);
  await setup.secure(await setup.check());
}

/**
 * The page's relay client as `person`: their token for the relay from the local authority (what
 * AadHttpClient gets in SharePoint), real HTTP to the relay the local tenant hosts.
 */
export function relayClientAs(tenant: RunningTenant, person: Person, options: Partial<RelayClientOptions> = {}): RelayClient {
  return new RelayClient({
    settings: async () => ({ url: `${tenant.origin}/relay/api`, resource: RELAY_RESOURCE }),
    aadFetch: async (resource) => {
      const token = await tokenFor(tenant, person, resource);
      return (url, init) => fetch(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
    },
    siteOrigin: tenant.origin,
    sleep: async () => undefined,
    ...options
  });
}

/**
 * `from` recognises `to` for safety at GOT, as the page does: composed, then sent through the
 * relay with `from`'s token. The stored item ids.
 */
export async function giveAs(
  tenant: RunningTenant,
  from: Person,
  to: Person,
  message: string,
  requestId: string,
  extra: Partial<RecipientRef> = {},
  visibility: RecognitionVisibility = 'everyone'
): Promise<number[]> {
  const stores = sharePointRecognitionStores(spAs(tenant, from));
  const values = await stores.values.values();
  const composed = composeRecognition(
    { recipients: [{ siteUserId: to.spUserId, displayName: to.displayName, exists: true, ...extra }], valueKey: 'safety', message, visibility },
    { giverId: from.spUserId, values, requestId, siteCode: 'GOT' }
  );
  if (!composed.ok) {
    throw new Error(JSON.stringify(composed.errors));
  }
  return new RelayRecognitionWriter(relayClientAs(tenant, from)).give(composed.items);
}

/** One of the workbench personas (operator, agencyOperator, teamLeader, hr, siteAdmin). */
export function persona(tenant: RunningTenant, key: PersonaKey): Person {
  const choice = personas(tenant.context.directory).find((p) => p.key === key);
  if (!choice) {
    throw new Error(`The demo plant has no ${key} persona`);
  }
  return choice.person;
}

export function findPerson(tenant: RunningTenant, predicate: (person: Person) => boolean): Person {
  const person = tenant.context.directory.all().find(predicate);
  if (!person) {
    throw new Error('No person in the demo plant matches the test\'s need');
  }
  return person;
}

export async function setFaults(tenant: RunningTenant, faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${tenant.origin}/_local/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults)
  });
  if (!response.ok) {
    throw new Error(`Setting faults failed: ${response.status} ${await response.text()}`);
  }
}

/**
 * The requests of `service` in the local tenant's stats that a page made: what the relay asks
 * SharePoint and Graph with its app identity (its routes, its pulse timer) is work behind the
 * relay, not a round trip of the page.
 */
export function pageRequests(stats: unknown, service: 'sharepoint' | 'graph' | 'relay'): number {
  const { byService, byAppIdentity } = stats as { byService: Record<string, number>; byAppIdentity?: Record<string, number> };
  return (byService[service] ?? 0) - (byAppIdentity?.[service] ?? 0);
}

/** How many round trips of a service (`sharepoint`, `graph`) the tenant answered during `work`. */
export async function requestsDuring(tenant: RunningTenant, service: 'sharepoint' | 'graph', work: () => Promise<unknown>): Promise<number> {
  await fetch(`${tenant.origin}/_local/stats`, { method: 'POST' });
  await work();
  return pageRequests(await (await fetch(`${tenant.origin}/_local/stats`)).json(), service);
}

/** Runs `work` with the local tenant's kinder behaviour `name` switched on (`LOCAL_TENANT_LENIENT`). */
export async function leniently<T>(name: string, work: () => Promise<T>): Promise<T> {
  const before = process.env[LENIENT_ENV];
  process.env[LENIENT_ENV] = name;
  try {
    return await work();
  } finally {
    if (before === undefined) {
      delete process.env[LENIENT_ENV];
    } else {
      process.env[LENIENT_ENV] = before;
    }
  }
}

/** The person's token for `resource` (the relay by default), as AadHttpClient gets it in SharePoint. */
export async function tokenFor(tenant: RunningTenant, person: Person, resource: string = RELAY_RESOURCE): Promise<string> {
  const response = await fetch(`${tenant.origin}/_local/token?resource=${encodeURIComponent(resource)}`, { headers: { 'x-local-user': person.userPrincipalName } });
  return ((await response.json()) as { access_token: string }).access_token;
}

/**
 * PnPjs rooted at the engagement site as the relay's app identity: its app-only token for the
 * site (what the managed identity endpoint `/_local/identity` gives the relay), as a bearer token.
 */
export async function spAsApp(tenant: RunningTenant): Promise<SPFI> {
  const authority = tenant.context.authority;
  if (!authority) {
    throw new Error('The local tenant has no authority');
  }
  const token = await authority.appToken(tenant.origin);
  return spfi(tenant.siteUrl).using(SPBrowser({ baseUrl: tenant.siteUrl }), InjectHeaders({ authorization: `Bearer ${token}` }));
}
