/**
 * HR's Learning admin services, once per web and person: the SharePoint store of paths and steps
 * (one `$batch` on first render), the relay for sealing quiz keys and assigning paths, and the
 * audience picker's sources: colleagues from Microsoft Graph people search (User.ReadBasic.All,
 * requested already) and the crews from the relay (`POST /api/pulse/crews`: the Teams teams with
 * Shifts schedules, read with the relay's identity since HR is rarely on a crew's roster). The
 * relay's and Graph's connectors are chunks of their own, loaded when a form first needs them.
 */
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
  // The relay's and Graph's connectors load with the forms that use them, not with the list.
  const relay = once(() => import(/* webpackChunkName: 'learning-admin-relay' */ '../connectors/relay/relayLearningAdmin').then((m) => new m.RelayLearningAdmin(relayClient)));
  const crews = once(() => import(/* webpackChunkName: 'learning-admin-relay' */ '../connectors/relay/relayPulseCrews').then((m) => new m.RelayPulseCrews(relayClient)));
  const directory = once(() =>
    import(/* webpackChunkName: 'learning-admin-people' */ '../connectors/graph/graphPeopleDirectory').then((m) => new m.GraphPeopleDirectory(connections.graph, { cache, batcher }))
  );
  return {
    store: new SharePointLearningAdmin(connections.sp),
    relay: {
      sealQuizKey: async (stepId, answerKey) => (await relay()).sealQuizKey(stepId, answerKey),
      assign: async (request) => (await relay()).assign(request)
    },
    audiences: {
      searchPeople: async (text) =>
        (await (await directory()).search(text, 10)).map((p) => ({ id: p.id, displayName: p.displayName, ...(p.jobTitle ? { jobTitle: p.jobTitle } : {}) })),
      // The route wants an opening time for the pulse's shortest round, which the picker does not show.
      crews: async () => (await (await crews()).crews('06:00', 'UTC')).crews.map((crew) => ({ crewKey: crew.crewKey, name: crew.name }))
    },
    tenantHosts: hostOf(connections.webUrl)
  };
}

/** `load` run once; a failed load is tried again on the next call. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending =
      pending ??
      load().catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
    return pending;
  };
}

/** HR's learning admin services of this web and person (built on first use). */
export function learningAdminOf(services: EngageServices): LearningAdminServices {
  return services.capability('learningAdmin', buildLearningAdmin);
}
