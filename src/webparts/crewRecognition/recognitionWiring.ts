/**
 * Builds the recognition services of a host environment, once per PnPjs root and person, so
 * re-rendering (a property change) does not reload anything: the SharePoint store, the Graph
 * directory, the Teams notifier and the RecognitionService with its device outbox. Shared by
 * the "My crew" part, the HR admin part and the Recognise card.
 */
import { GraphCache, type StorageLike } from '../../connectors/graph/graphCache';
import { GraphPeopleDirectory } from '../../connectors/graph/graphPeopleDirectory';
import { TeamsActivityNotifier } from '../../connectors/graph/teamsNotifier';
import { PnPRecognitionStore } from '../../connectors/sharepoint/recognitionStore';
import { Outbox } from '../../core/outbox/outbox';
import { RecognitionService, type QueuedRecognition } from '../../core/recognition/recognitionService';
import type { HostEnvironment } from '../../ui/host/types';
import { deviceKeyValueStore, outboxKey } from './recognitionPorts';

export interface RecognitionServices {
  readonly store: PnPRecognitionStore;
  readonly directory: GraphPeopleDirectory;
  readonly recognition: RecognitionService;
}

const byRoot = new WeakMap<object, Map<string, RecognitionServices>>();

function sessionStorageOrNone(): StorageLike | undefined {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : undefined;
  } catch {
    return undefined;
  }
}

export function recognitionServicesFor(environment: HostEnvironment): RecognitionServices {
  let byUser = byRoot.get(environment.sp);
  if (!byUser) {
    byUser = new Map();
    byRoot.set(environment.sp, byUser);
  }
  const userKey = (environment.user.loginName || environment.user.email).toLowerCase();
  let services = byUser.get(userKey);
  if (!services) {
    const store = new PnPRecognitionStore(environment.sp);
    const directory = new GraphPeopleDirectory(environment.graph, { cache: new GraphCache(userKey, sessionStorageOrNone()) });
    const recognition = new RecognitionService({
      writer: store,
      outbox: new Outbox<QueuedRecognition>(deviceKeyValueStore(), outboxKey(userKey)),
      notifier: new TeamsActivityNotifier(environment.graph)
    });
    services = { store, directory, recognition };
    byUser.set(userKey, services);
  }
  return services;
}
