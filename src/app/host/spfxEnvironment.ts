/**
 * The host environment in SharePoint, built once per part from the narrow slice of the SPFx
 * context it needs — the same for web parts, cards and application customizers. The services
 * object comes from SPFx's ServiceScope: the registry is a root-scope service (SPFx creates it
 * on first `consume`), so the parts of one bundle on the page share one services object per
 * web and person. Each bundle creates its own ServiceKey, and each part is its own bundle, so
 * in practice each part has its own; parts share Graph answers through the session cache
 * (`sessionStorage`).
 */
import { ServiceKey, type ServiceScope } from '@microsoft/sp-core-library';
import type { AadHttpClientFactory, AadTokenProviderFactory } from '@microsoft/sp-http';
import { spfi, SPFx } from '@pnp/sp';

import type { GraphClientLike } from '../../connectors/graph/graphClient';
import { type HostConnections, ServiceRegistry } from '../services';
import { aadFetchOf } from './aadFetch';
import { hostUserOf } from './siteUser';
import type { HostEnvironment, HostTheme } from './types';

/** The registry as a root-scope SPFx service: created by SPFx the first time a part consumes it. */
class ScopedServiceRegistry extends ServiceRegistry {
  // SPFx hands the scope to a service's constructor; the registry needs nothing from it.
  public constructor(serviceScope: ServiceScope) {
    super();
  }
}

export const serviceRegistryKey = ServiceKey.create<ServiceRegistry>('ShopfloorEngage.ServiceRegistry', ScopedServiceRegistry);

/** What the hosts read from an SPFx component's context (web part, card and customizer contexts all have it). */
export interface SpfxHostContext {
  readonly pageContext: {
    readonly web: { readonly absoluteUrl: string };
    readonly user: { readonly loginName: string; readonly displayName: string; readonly email: string };
    readonly cultureInfo: { readonly currentUICultureName: string };
    readonly legacyPageContext?: unknown;
  };
  readonly msGraphClientFactory: { getClient(version: '3'): Promise<GraphClientLike> };
  readonly aadHttpClientFactory: AadHttpClientFactory;
  readonly aadTokenProviderFactory: AadTokenProviderFactory;
  readonly serviceScope: ServiceScope;
}

/** What stays the same for the part's lifetime: the connections and the shared services. */
export type SpfxHostBase = Omit<HostEnvironment, 'theme' | 'isEditMode'>;

/** Builds the part's connections once (`onInit`) and finds the page's services for them. */
export async function spfxHostBase(context: SpfxHostContext): Promise<SpfxHostBase> {
  const graph = await context.msGraphClientFactory.getClient('3');
  const { pageContext } = context;
  const connections: HostConnections = {
    webUrl: pageContext.web.absoluteUrl,
    // PnPjs's SPFx behaviour reads the page context (web URL, form digest) from the context.
    sp: spfi().using(SPFx(context as unknown as Parameters<typeof SPFx>[0])),
    graph,
    aadFetch: aadFetchOf(context),
    user: hostUserOf(pageContext)
  };
  // `consume` is allowed only once the scope is finished: whenFinished runs at once when it is.
  const registry = await new Promise<ServiceRegistry>((resolve) =>
    context.serviceScope.whenFinished(() => resolve(context.serviceScope.consume(serviceRegistryKey)))
  );
  return {
    ...connections,
    services: registry.servicesFor(connections),
    locale: pageContext.cultureInfo.currentUICultureName.toLowerCase()
  };
}

/** The environment of one render: the lasting base with the current theme and display mode. */
export function spfxEnvironment(base: SpfxHostBase, theme: HostTheme | undefined, isEditMode: boolean): HostEnvironment {
  return { ...base, theme, isEditMode };
}
