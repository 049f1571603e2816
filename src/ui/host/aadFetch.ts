/**
 * SPFx's AadHttpClient as the parts' AadFetchFactory: a client per Entra ID resource, whose
 * token SPFx gets for the signed-in person (the API permission is in webApiPermissionRequests
 * and approved by the tenant admin once).
 */
import { AadHttpClient, type AadHttpClientFactory } from '@microsoft/sp-http';

import type { AadFetchFactory } from '../../connectors/relay/relayModeration';

export function aadFetchOf(factory: AadHttpClientFactory): AadFetchFactory {
  return async (resource) => {
    const client = await factory.getClient(resource);
    return (url, init) => client.fetch(url, AadHttpClient.configurations.v1, init);
  };
}
