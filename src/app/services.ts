/**
 * The composition root's services object: one per registry, web and signed-in person. It holds
 * what a part's capabilities share — PnPjs rooted at the web, the Graph client, the relay's
 * token fetch, the device's storage, and (as the `graph` capability, `graph.ts`) the Graph
 * session cache and coalescer that send reads of one tick as one `$batch` — and builds each
 * capability's services once, on first use, through `capability()`.
 *
 * Capabilities are reached through a function per capability (`recognitionOf(services)` in
 * `recognition.ts`, `rosterOf(services)` in `roster.ts`, `setupOf(services)` in `setup.ts`),
 * not methods of this class: each part's bundle then carries only the capabilities it uses.
 *
 * In SharePoint the registry is a root ServiceScope service (`host/spfxEnvironment.ts`). SPFx
 * gives each bundle its own ServiceKey, and each part is its own bundle (`config/config.json`),
 * so each part on a page has its own registry; the workbench does the same (one registry per
 * part). Parts share Graph answers across bundles through the session cache (`sessionStorage`)
 * and recognitions waiting to be sent through the device outbox (`localStorage`). One object for
 * every part of a page would need an SPFx library component holding `src/app`.
 */
import type { SPFI } from '@pnp/sp';

import type { GraphClientLike } from '../connectors/graph/graphClient';
import type { AadFetchFactory } from '../connectors/relay/relayModeration';
import { browserDeviceStorage, type DeviceStorage } from './deviceStorage';
import type { HostUser } from './host/types';
import { withRequestPolicies } from './requestPolicies';

/** What a host knows of the page once: the web, its clients and who is signed in. */
export interface HostConnections {
  /** The web's absolute URL (SPFx: `pageContext.web.absoluteUrl`). */
  readonly webUrl: string;
  /** PnPjs rooted at the web, with the host's authentication. */
  readonly sp: SPFI;
  /** Microsoft Graph v1.0 (MSGraphClientV3 in SharePoint, the local tenant's Graph in the workbench). */
  readonly graph: GraphClientLike;
  /** Calls an API secured by Entra ID as the signed-in person (AadHttpClient): how parts reach the relay. */
  readonly aadFetch?: AadFetchFactory;
  readonly user: HostUser;
}

/** The signed-in person's key: caches, outboxes and drafts are kept per person (a shared kiosk never mixes people). */
export function userKeyOf(user: HostUser): string {
  return (user.loginName || user.email).trim().toLowerCase();
}

export class EngageServices {
  public readonly userKey: string;
  /**
   * The host's connections with the product's request policies (`requestPolicies.ts`): every
   * SharePoint and Graph request a capability makes has a deadline and settles.
   */
  public readonly connections: HostConnections;
  private readonly built = new Map<string, unknown>();

  public constructor(
    connections: HostConnections,
    public readonly device: DeviceStorage = browserDeviceStorage()
  ) {
    this.connections = withRequestPolicies(connections);
    this.userKey = userKeyOf(connections.user);
    if (!this.userKey) {
      // Every per-person key below would be shared by everyone the host cannot name.
      throw new Error('The host did not say who is signed in: no services without a person.');
    }
  }

  /**
   * The device-storage key of `name` for this person (`se-<name>:<login>`): every outbox, draft
   * and snapshot is kept per person, so a shared kiosk never shows one person's to another.
   */
  public keyFor(name: string): string {
    return `se-${name}:${this.userKey}`;
  }

  /** A capability's services, built on first use and shared afterwards. */
  public capability<T>(name: string, build: (services: EngageServices) => T): T {
    if (!this.built.has(name)) {
      this.built.set(name, build(this));
    }
    return this.built.get(name) as T;
  }
}

/** One EngageServices per web and person. */
export class ServiceRegistry {
  private readonly services = new Map<string, EngageServices>();

  public constructor(private readonly device: () => DeviceStorage = browserDeviceStorage) {}

  /** The services of this web and person; `connections` is used the first time only. */
  public servicesFor(connections: HostConnections): EngageServices {
    const key = `${connections.webUrl.replace(/\/+$/, '').toLowerCase()}|${userKeyOf(connections.user)}`;
    let found = this.services.get(key);
    if (!found) {
      found = new EngageServices(connections, this.device());
      this.services.set(key, found);
    }
    return found;
  }
}
