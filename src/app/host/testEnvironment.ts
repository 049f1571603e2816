/**
 * A host environment for tests of part definitions: typed fakes for the clients, memory for
 * the device's storage, and the real services object over them. Only tests import this.
 */
import type { SPFI } from '@pnp/sp';

import type { GraphClientLike } from '../../connectors/graph/graphClient';
import { memoryDeviceStorage } from '../deviceStorage';
import { EngageServices, type HostConnections } from '../services';
import type { HostEnvironment } from './types';

const NO_GRAPH: GraphClientLike = { api: () => ({ get: async () => ({}), post: async () => ({}) }) };

export function testEnvironment(overrides: Partial<HostConnections> & { readonly locale?: string } = {}): HostEnvironment {
  const { locale, ...given } = overrides;
  const connections: HostConnections = {
    webUrl: 'https://plant.example/sites/engage',
    sp: {} as SPFI,
    graph: NO_GRAPH,
    user: { loginName: 'i:0#.f|membership|ada@plant.example', displayName: 'Ada', email: 'ada@plant.example' },
    ...given
  };
  return { ...connections, services: new EngageServices(connections, memoryDeviceStorage()), locale: locale ?? 'en-us', theme: undefined, isEditMode: false };
}
