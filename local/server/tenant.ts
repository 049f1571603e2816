/**
 * Starts the whole local tenant: database, demo plant, SharePoint lists from
 * `sharepoint/assets`, and the HTTP services (SharePoint REST, Microsoft Graph, workbench,
 * admin). Used by `npm start` and by every integration and end-to-end test.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

import { createGraphHandler } from '../graph';
import { FormDigests } from '../sharepoint/digests';
import { kinderFromEnv, type SharePointKinder } from '../sharepoint/kinder';
import { createSharePointHandler } from '../sharepoint/handler';
import { openSharePointStore } from '../sharepoint/sqliteStore';
import { createDirectory, ensureDirectorySchema, seedHistory, seedPlant } from '../tenant';
import { applyProductListSecurity, restrictSeededPosts } from '../tenant/setUp';
import { createWorkbenchHandler } from '../workbench';
import { createRelayHostHandler, newIdentitySecret } from '../relay';
import { createAdminHandler } from './admin';
import { LocalAuthority } from './authority';
import type { TenantContext } from './context';
import { ensureMetaTable, getMeta, openDatabase, setMeta } from './db';
import { FaultSettings, faultsFromEnv } from './faults';
import { RunningHttpServer, startHttpServer } from './http';

export const SITE_URL_PATH = '/sites/engage';
export const DEFAULT_SEED = 20261121;

export interface TenantOptions {
  /** 0 = a free port. */
  port?: number;
  host?: string;
  /** Folder of the database; undefined = in memory (tests). */
  dataDir?: string;
  /** Drop everything and seed again. */
  reset?: boolean;
  seed?: number;
  /** Pinned clock for deterministic tests; real time otherwise. */
  now?: () => Date;
  faults?: Partial<FaultSettings>;
  /**
   * SharePoint behaviours kinder than SharePoint Online's, all off by default (the environment
   * can switch them on too): see `SharePointKinder` and docs/local-tenant.md.
   */
  kinder?: SharePointKinder;
  /** Seed the demo plant's people, rosters and history (default true). */
  demoData?: boolean;
  /**
   * The lists as a new install leaves them, before Engage Setup has run: open to every member.
   * Default: the demo plant is a site in use, with the product's list access settings applied.
   */
  freshInstall?: boolean;
  log?: (line: string) => void;
}

export interface RunningTenant {
  readonly context: TenantContext;
  readonly http: RunningHttpServer;
  /** e.g. http://127.0.0.1:4321 */
  readonly origin: string;
  /** Absolute URL of the engagement site (PnPjs base URL). */
  readonly siteUrl: string;
  /** Microsoft Graph root, e.g. http://127.0.0.1:4321/graph/v1.0 */
  readonly graphUrl: string;
  readonly workbenchUrl: string;
  close(): Promise<void>;
}

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** A hash of the list schemas in sharepoint/assets. */
function schemaFingerprint(): string {
  const assets = path.join(REPO_ROOT, 'sharepoint', 'assets');
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(assets).filter((f) => f.endsWith('.xml')).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(assets, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

export async function startTenant(options: TenantOptions = {}): Promise<RunningTenant> {
  const log = options.log ?? ((): void => undefined);
  const db = openDatabase(options.dataDir);
  const now = options.now ?? ((): Date => new Date());
  const seed = options.seed ?? DEFAULT_SEED;
  const kinder: SharePointKinder = { ...kinderFromEnv(), ...options.kinder };

  ensureMetaTable(db);
  // Lists are made from sharepoint/assets when the data is seeded: data seeded with another
  // schema is seeded again (the local tenant has no upgrade actions to apply).
  // How text columns compare is made with the lists: the case switch is part of the schema.
  const schema = `${schemaFingerprint()}:${kinder.caseSensitiveText === true ? 'text-case-sensitive' : 'text-nocase'}`;
  const stale = getMeta(db, 'seededAt') !== undefined && getMeta(db, 'schema') !== schema;
  if (stale && !options.reset) {
    log('The list schema changed since the local data was seeded: seeding the demo plant again…');
  }
  if (options.reset || stale) {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as Array<{ name: string }>;
    for (const { name } of tables) {
      db.exec(`DROP TABLE IF EXISTS "${name}"`);
    }
    ensureMetaTable(db);
  }
  ensureDirectorySchema(db);
  const seeded = getMeta(db, 'seededAt') !== undefined;
  if (!seeded && options.demoData !== false) {
    log(`Seeding the demo plant (seed ${seed})…`);
    seedPlant(db, { seed, today: now() });
  }
  const directory = createDirectory(db);
  const sp = openSharePointStore(db, { repoRoot: REPO_ROOT, now, directory, caseSensitiveText: kinder.caseSensitiveText === true });
  const faults: FaultSettings = { ...faultsFromEnv(process.env), ...options.faults };
  const authority = await LocalAuthority.create();
  const context: TenantContext = { db, directory, sp, faults, now, siteUrlPath: SITE_URL_PATH, repoRoot: REPO_ROOT, digests: new FormDigests(now), authority, kinder };
  if (!seeded) {
    if (options.demoData !== false) {
      seedHistory(context, { seed, today: now() });
      restrictSeededPosts(sp, directory, () => db);
    }
    if (options.freshInstall !== true) {
      applyProductListSecurity(sp);
    }
    setMeta(db, 'seededAt', now().toISOString());
    setMeta(db, 'seed', String(seed));
    setMeta(db, 'schema', schema);
  }

  const identitySecret = newIdentitySecret();
  const http = await startHttpServer({
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    directory,
    faults,
    log,
    // Bearer tokens: the relay's app-only identity (managed identity) towards SharePoint.
    authenticate: async (token, service, origin) => {
      const claims = await authority.verify(token, service === 'sharepoint' ? origin : 'https://graph.microsoft.com');
      if (!claims || typeof claims.oid !== 'string') {
        return undefined;
      }
      // Only app-only tokens (the relay's managed identity): people sign in with the cookie.
      const principal = claims.idtyp === 'app' ? directory.byId(claims.oid) : undefined;
      return principal?.isApp === true ? principal : undefined;
    },
    handlers: [
      createAdminHandler(context, () => http, { authority, identitySecret }),
      createSharePointHandler(context),
      createGraphHandler(context),
      createRelayHostHandler(context, authority, identitySecret, () => http),
      createWorkbenchHandler(context)
    ]
  });

  return {
    context,
    http,
    origin: http.origin,
    siteUrl: `${http.origin}${SITE_URL_PATH}`,
    graphUrl: `${http.origin}/graph/v1.0`,
    workbenchUrl: `${http.origin}/`,
    close: async () => {
      await http.close();
      db.close();
    }
  };
}
