/**
 * Recognition's services, built once per web and person from the page's shared services
 * (`services.ts`): the SharePoint adapters, the Graph directory and crews (on the page's shared
 * Graph cache and coalescer), the Teams notifier, the RecognitionService with its device
 * outbox giving through the relay, reporting (through the relay when one is configured) and the
 * composer's draft.
 * Shared by the recognition wall, the "My crew" part, the HR admin part and the Recognise card.
 */
import { GraphCrewDirectory } from '../connectors/graph/graphCrewDirectory';
import { GraphPeopleDirectory } from '../connectors/graph/graphPeopleDirectory';
import { TeamsActivityNotifier } from '../connectors/graph/teamsNotifier';
import { RelayModeration } from '../connectors/relay/relayModeration';
import { RelayRecognitionWriter } from '../connectors/relay/relayRecognitionWriter';
import { sharePointRecognitionStores, type SharePointRecognitionStores } from '../connectors/sharepoint/recognition';
import type { RecognitionValue } from '../core/models/values';
import { Outbox } from '../core/outbox/outbox';
import { KeptReactions, type KeptReactionWriter } from '../core/recognition/keptReactions';
import type { PersonProfile } from '../core/people/types';
import { type CrewDirectory, type CrewRef, workplaceOf } from '../core/plant';
import type { RecipientRef } from '../core/recognition/compose';
import type { AdminStore, CrewStore, RecipientResolver } from '../core/recognition/ports';
import { RecognitionService, type QueuedRecognition } from '../core/recognition/recognitionService';
import { graphOf } from './graph';
import { relayClientOptions, relayOf } from './relay';
import type { EngageServices } from './services';

/** The composer's draft on this device: kept until it is sent or emptied, then gone for good. */
export interface DraftStore {
  read(): string | undefined;
  write(text: string): void;
  clear(): void;
}

export interface RecognitionServices {
  /** The recognition lists in SharePoint, one adapter per port. */
  readonly stores: SharePointRecognitionStores;
  /** What HR's admin part reads and writes: the values and the moderation queue. */
  readonly admin: AdminStore;
  readonly directory: GraphPeopleDirectory;
  readonly recognition: RecognitionService;
  /** Where recognitions wait on this device until they are sent. */
  readonly outbox: Outbox<QueuedRecognition>;
  /** The reader's reactions, kept on this device until SharePoint has them (per web: item ids are the web's). */
  readonly reactions: KeptReactionWriter;
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
  /** The wall composer's draft, kept for this tab (sessionStorage) per person. */
  readonly draft: DraftStore;
}

/**
 * A directory person as a recipient: the site user, the crew they work in (from the
 * schedules the signed-in person can read) and their site and line (directory, plant map).
 */
async function recipientWithWorkplace(
  site: SharePointRecognitionStores['recipients'],
  crews: CrewDirectory,
  profile: PersonProfile
): Promise<RecipientRef> {
  const [ref, plant, found] = await Promise.all([
    site.resolveRecipient(profile),
    site.plantMap(),
    crews.crewOf([profile.id]).catch(() => new Map<string, CrewRef>())
  ]);
  const at = workplaceOf(profile, plant, found.get(profile.id));
  return { ...ref, crewKey: at.crewKey, siteCode: at.siteCode, lineCode: at.lineCode };
}

const VALUES_TTL_MS = 10 * 60 * 1000;

function buildRecognition(services: EngageServices): RecognitionServices {
  const { connections, device } = services;
  const { cache, batcher } = graphOf(services);
  const { sp, graph, user } = connections;
  // The page context tells who is signed in: no request is spent asking SharePoint.
  const stores = sharePointRecognitionStores(sp, { siteUserId: user.siteUserId, loginName: user.loginName });
  // One coalescer for the page: the reader's profile, reports and teams go out in one Graph `$batch`.
  const directory = new GraphPeopleDirectory(graph, { cache, batcher });
  const outbox = new Outbox<QueuedRecognition>(device.local, services.keyFor('recognition-outbox'));
  const reactions = new KeptReactions(stores.reactions, device.local, services.keyFor(`recognition-reactions:${connections.webUrl.toLowerCase()}`));
  const relayOptions = relayClientOptions(connections);
  const relay = relayOf(services);
  // Only the relay writes posts: the giver comes from the person's token, not from the page.
  const recognition = new RecognitionService({ writer: new RelayRecognitionWriter(relay), outbox, notifier: new TeamsActivityNotifier(graph) });
  const sessionValues = (): Promise<RecognitionValue[]> => cache.get('sharepoint:values', VALUES_TTL_MS, () => stores.values.values());
  const crews = new GraphCrewDirectory(graph, { cache, batcher });
  const recipients: RecipientResolver = {
    resolveRecipient: (profile) => recipientWithWorkplace(stores.recipients, crews, profile),
    currentUserId: () => stores.recipients.currentUserId()
  };
  const crewStore: CrewStore = {
    values: () => stores.values.values(),
    lastRecognised: (ids) => stores.wall.lastRecognised(ids),
    ...recipients
  };
  const admin: AdminStore = {
    values: () => stores.values.values(),
    save: (value, id) => stores.values.save(value, id),
    rights: () => stores.values.rights(),
    openReports: () => stores.moderation.openReports(),
    decide: (reportId, decision, note) => stores.moderation.decide(reportId, decision, note)
  };
  const moderation = new RelayModeration({ ...relayOptions, fallback: stores.moderation });
  const draftKey = services.keyFor('recognition-draft');
  const draft: DraftStore = {
    read: () => device.session.read(draftKey),
    write: (text) => device.session.write(draftKey, text),
    // Gone from the page's memory copy too: a remounted composer must not find a sent draft.
    clear: () => device.session.remove(draftKey)
  };
  return { stores, admin, directory, recognition, outbox, reactions, sessionValues, recipients, crews, crewStore, moderation, draft };
}

/** Recognition's services of this web and person (built on first use). */
export function recognitionOf(services: EngageServices): RecognitionServices {
  return services.capability('recognition', buildRecognition);
}
