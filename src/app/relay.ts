/**
 * The page's way to the relay, one home: where it is (the tenant property) and the person's
 * token for it, and one relay client per services object. Recognition, pulse and the admin parts
 * reach the relay through it.
 */
import { RelayClient, type RelayClientOptions } from '../connectors/relay/relayClient';
import { relaySettingsOf } from '../connectors/relay/relaySettings';
import type { EngageServices, HostConnections } from './services';

export function relayClientOptions(connections: HostConnections): RelayClientOptions {
  return {
    settings: relaySettingsOf(connections.sp),
    aadFetch: connections.aadFetch,
    // A server-relative relay URL is on the page's (the site's) origin.
    siteOrigin: typeof location === 'undefined' ? '' : location.origin
  };
}

export function relayOf(services: EngageServices): RelayClient {
  return services.capability('relay', ({ connections }) => new RelayClient(relayClientOptions(connections)));
}
