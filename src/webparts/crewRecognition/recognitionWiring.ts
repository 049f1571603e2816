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
import type { RecognitionValue } from '../../core/models/values';
import type { HostEnvironment } from '../../ui/host/types';
import { deviceKeyValueStore, outboxKey } from './recognitionPorts';

export interface RecognitionServices {
  readonly store: PnPRecognitionStore;
  readonly directory: GraphPeopleDirectory;
  readonly recognition: RecognitionService;
  /**
   * The values as read at most ten minutes ago this session, for showing choices; giving
   * always checks against fresh values (a value HR deactivated meanwhile is refused).
   */
  sessionValues(): Promise<RecognitionValue[]>;
}

const VALUES_TTL_MS = 10 * 60 * 1000;

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
    // The page context tells who is signed in: no request is spent asking SharePoint.
    const store = new PnPRecognitionStore(environment.sp, { siteUserId: environment.user.siteUserId, loginName: environment.user.loginName });
    const cache = new GraphCache(userKey, sessionStorageOrNone());
    const directory = new GraphPeopleDirectory(environment.graph, { cache });
    const recognition = new RecognitionService({
      writer: store,
      outbox: new Outbox<QueuedRecognition>(deviceKeyValueStore(), outboxKey(userKey)),
      notifier: new TeamsActivityNotifier(environment.graph)
    });
    const sessionValues = (): Promise<RecognitionValue[]> => cache.get('sharepoint:values', VALUES_TTL_MS, () => store.values());
    services = { store, directory, recognition, sessionValues };
    byUser.set(userKey, services);
  }
  return services;
}
