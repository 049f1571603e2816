import type { SPFI } from '@pnp/sp';

import { memoryDeviceStorage } from './deviceStorage';
import { type HostConnections, ServiceRegistry } from './services';

function connections(loginName: string, webUrl = 'https://plant.example/sites/engage'): HostConnections {
  return {
    webUrl,
    sp: {} as SPFI,
    graph: { api: () => ({ get: async () => ({}), post: async () => ({}) }) },
    user: { loginName, displayName: loginName, email: '' }
  };
}

describe('ServiceRegistry', () => {
  it('gives one services object per web and person, and never one person’s to another', () => {
    const registry = new ServiceRegistry(memoryDeviceStorage);
    const asa = registry.servicesFor(connections('i:0#.f|membership|asa@plant.example'));
    expect(registry.servicesFor(connections('I:0#.F|membership|Asa@Plant.example', 'https://PLANT.example/sites/engage/'))).toBe(asa);
    const mira = registry.servicesFor(connections('i:0#.f|membership|mira@plant.example'));
    expect(mira).not.toBe(asa);
    expect(mira.keyFor('recognition-draft')).not.toBe(asa.keyFor('recognition-draft'));
    expect(registry.servicesFor(connections('i:0#.f|membership|asa@plant.example', 'https://plant.example/sites/other'))).not.toBe(asa);
  });

  it('builds a capability once per services object', () => {
    const services = new ServiceRegistry(memoryDeviceStorage).servicesFor(connections('asa'));
    let builds = 0;
    const build = (): object => {
      builds += 1;
      return {};
    };
    const first = services.capability('probe', build);
    expect(services.capability('probe', build)).toBe(first);
    expect(builds).toBe(1);
  });
});
