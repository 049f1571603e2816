/**
 * HR's Learning admin services, once per web and person: the SharePoint store of paths and steps
 * (one `$batch` on first render), the relay for sealing quiz keys and assigning paths, and the
 * audience picker's sources: colleagues from Microsoft Graph people search (User.ReadBasic.All,
 * requested already) and the crews from the relay (`POST /api/pulse/crews`: the Teams teams with
 * Shifts schedules, read with the relay's identity since HR is rarely on a crew's roster; the
 * route wants an opening time for the pulse's shortest round, which the picker does not show).
 */
import { GraphPeopleDirectory } from '../connectors/graph/graphPeopleDirectory';
import { RelayLearningAdmin } from '../connectors/relay/relayLearningAdmin';
import { RelayPulseCrews } from '../connectors/relay/relayPulseCrews';
import { SharePointLearningAdmin } from '../connectors/sharepoint/learning/learningAdminStore';
import type { AudienceSource, LearningAdminRelay, LearningAdminStore } from '../core/learning/learningAdminPorts';
import { graphOf } from './graph';
import { relayOf } from './relay';
import type { EngageServices } from './services';

export interface LearningAdminServices {
  readonly store: LearningAdminStore;
  readonly relay: LearningAdminRelay;
  readonly audiences: AudienceSource;
  /** The tenant's hosts: a step's link must stay inside them. */
  readonly tenantHosts: readonly string[];
}

function hostOf(url: string): string[] {
  const match = /^https?:\/\/([^/:]+)/i.exec(url);
  return match ? [match[1].toLowerCase()] : [];
}

function buildLearningAdmin(services: EngageServices): LearningAdminServices {
  const { connections } = services;
  const relayClient = relayOf(services);
  const { cache, batcher } = graphOf(services);
  const directory = new GraphPeopleDirectory(connections.graph, { cache, batcher });
  const crews = new RelayPulseCrews(relayClient);
  return {
    store: new SharePointLearningAdmin(connections.sp),
    relay: new RelayLearningAdmin(relayClient),
    audiences: {
      searchPeople: async (text) => (await directory.search(text, 10)).map((p) => ({ id: p.id, displayName: p.displayName, ...(p.jobTitle ? { jobTitle: p.jobTitle } : {}) })),
      crews: async () => (await crews.crews('06:00', 'UTC')).crews.map((crew) => ({ crewKey: crew.crewKey, name: crew.name }))
    },
    tenantHosts: hostOf(connections.webUrl)
  };
}

/** HR's learning admin services of this web and person (built on first use). */
export function learningAdminOf(services: EngageServices): LearningAdminServices {
  return services.capability('learningAdmin', buildLearningAdmin);
}
