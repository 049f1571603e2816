/**
 * SPFx's AadHttpClient as the parts' AadFetchFactory: a client per Entra ID resource, whose
 * token SPFx gets for the signed-in person (the API permission is in webApiPermissionRequests
 * and approved by the tenant admin once).
 *
 * `getClient` itself asks for no token, so a permission nobody approved yet would only show as
 * a failed `fetch`, like a network failure. The token is therefore asked for first: without
 * one, the factory rejects and callers can do without the API (reports fall back to the person).
 */
import { AadHttpClient, type AadHttpClientFactory, type AadTokenProviderFactory } from '@microsoft/sp-http';

import type { AadFetchFactory } from '../../connectors/relay/relayModeration';

export interface AadContext {
  readonly aadHttpClientFactory: AadHttpClientFactory;
  readonly aadTokenProviderFactory: AadTokenProviderFactory;
}

export function aadFetchOf(context: AadContext): AadFetchFactory {
  return async (resource) => {
    const provider = await context.aadTokenProviderFactory.getTokenProvider();
    await provider.getToken(resource);
    const client = await context.aadHttpClientFactory.getClient(resource);
    return (url, init) => client.fetch(url, AadHttpClient.configurations.v1, init);
  };
}
