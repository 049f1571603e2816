/**
 * Builds the recognition services of a host environment, once per PnPjs root and person, so
 * re-rendering (a property change) does not reload anything: the SharePoint store, the Graph
 * directory, the crews, the Teams notifier, the RecognitionService with its device outbox and
 * reporting (through the relay when one is configured).
 * Shared by the recognition wall, the "My crew" part, the HR admin part and the Recognise card.
 */
import { GraphCache } from '../../connectors/graph/graphCache';
import { GraphCoalescer } from '../../connectors/graph/graphCoalescer';
import { GraphCrewDirectory } from '../../connectors/graph/graphCrewDirectory';
import { GraphPeopleDirectory } from '../../connectors/graph/graphPeopleDirectory';
import { TeamsActivityNotifier } from '../../connectors/graph/teamsNotifier';
import { RelayModeration } from '../../connectors/relay/relayModeration';
import { relaySettingsOf } from '../../connectors/relay/relaySettings';
import { PnPRecognitionStore } from '../../connectors/sharepoint/recognitionStore';
import { Outbox } from '../../core/outbox/outbox';
import { RecognitionService, type QueuedRecognition } from '../../core/recognition/recognitionService';
import type { RecognitionValue } from '../../core/models/values';
import type { PersonProfile } from '../../core/people/types';
import { type CrewDirectory, type CrewRef, workplaceOf } from '../../core/plant';
import type { RecipientRef } from '../../core/recognition/compose';
import { browserStorage, keyValueStore, recognitionOutboxKey } from '../../ui/host/deviceStorage';
import type { HostEnvironment } from '../../ui/host/types';
import { type CrewStore, type RecipientResolver } from '../../core/recognition/ports';

export interface RecognitionServices {
  readonly store: PnPRecognitionStore;
  readonly directory: GraphPeopleDirectory;
  readonly recognition: RecognitionService;
  /** Where recognitions wait on this device until they are sent. */
  readonly outbox: Outbox<QueuedRecognition>;
  /**
   * The values as read at most ten minutes ago this session, for showing choices; giving
   * always checks against fresh values (a value HR deactivated meanwhile is refused).
   */
  sessionValues(): Promise<RecognitionValue[]>;
  /** Site users for directory people, with where they work (crew, site, line). */
  readonly recipients: RecipientResolver;
  /** What the crew view reads, recipients placed on their crew, site and line. */
  readonly crewStore: CrewStore;
  readonly crews: GraphCrewDirectory;
  /** Reports go through the relay when one is configured (hidden on every wall), else as the person. */
  readonly moderation: RelayModeration;
}

/**
 * A directory person as a recipient: the site user, the crew they work in (from the
 * schedules the signed-in person can read) and their site and line (directory, plant map).
 */
async function recipientWithWorkplace(store: PnPRecognitionStore, crews: CrewDirectory, profile: PersonProfile): Promise<RecipientRef> {
  const [ref, plant, found] = await Promise.all([
    store.resolveRecipient(profile),
    store.plantMap(),
    crews.crewOf([profile.id]).catch(() => new Map<string, CrewRef>())
  ]);
  const at = workplaceOf(profile, plant, found.get(profile.id));
  return { ...ref, crewKey: at.crewKey, siteCode: at.siteCode, lineCode: at.lineCode };
}

const VALUES_TTL_MS = 10 * 60 * 1000;

const byRoot = new WeakMap<object, Map<string, RecognitionServices>>();

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
    const cache = new GraphCache(userKey, browserStorage('sessionStorage'));
    // One coalescer: the reader's profile, reports and teams go out in one Graph `$batch`.
    const batcher = new GraphCoalescer(environment.graph);
    const directory = new GraphPeopleDirectory(environment.graph, { cache, batcher });
    const outbox = new Outbox<QueuedRecognition>(keyValueStore(browserStorage('localStorage')), recognitionOutboxKey(userKey));
    const recognition = new RecognitionService({ writer: store, outbox, notifier: new TeamsActivityNotifier(environment.graph) });
    const sessionValues = (): Promise<RecognitionValue[]> => cache.get('sharepoint:values', VALUES_TTL_MS, () => store.values());
    const crews = new GraphCrewDirectory(environment.graph, { cache, batcher });
    const recipients: RecipientResolver = {
      resolveRecipient: (profile) => recipientWithWorkplace(store, crews, profile),
      currentUserId: () => store.currentUserId()
    };
    const crewStore: CrewStore = {
      values: () => store.values(),
      lastRecognised: (ids) => store.lastRecognised(ids),
      ...recipients
    };
    const moderation = new RelayModeration({
      settings: relaySettingsOf(environment.sp),
      aadFetch: environment.aadFetch,
      fallback: store,
      // A server-relative relay URL is on the page's (the site's) origin.
      siteOrigin: typeof location === 'undefined' ? '' : location.origin
    });
    services = { store, directory, recognition, outbox, sessionValues, recipients, crews, crewStore, moderation };
    byUser.set(userKey, services);
  }
  return services;
}
