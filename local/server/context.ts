import type { FormDigests } from '../sharepoint/digests';
import type { SharePointKinder } from '../sharepoint/kinder';
import type { SharePointStore } from '../sharepoint/store';
import type { Directory } from '../tenant/directory';
import type { Database } from './db';
import type { LocalAuthority } from './authority';
import type { FaultSettings } from './faults';

/** What every service of the local tenant shares. */
export interface TenantContext {
  readonly db: Database;
  readonly directory: Directory;
  readonly sp: SharePointStore;
  /** Mutable: changed by the admin endpoint. */
  readonly faults: FaultSettings;
  /** The tenant's clock: `now()` is real time unless a test pins it. */
  now(): Date;
  /** Server-relative URL of the engagement site, e.g. `/sites/engage`. */
  readonly siteUrlPath: string;
  /** Repository root (to read `sharepoint/assets`, `src/`). */
  readonly repoRoot: string;
  /** Form digests issued by `contextinfo` and embedded in the workbench page. */
  readonly digests?: FormDigests;
  /** Issues and checks tokens (Entra ID's stand-in). */
  readonly authority?: LocalAuthority;
  /** SharePoint behaviours kinder than SharePoint Online's (all off by default); mutable. */
  readonly kinder?: SharePointKinder;
}
