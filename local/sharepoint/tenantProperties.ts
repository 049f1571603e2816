/**
 * Tenant properties (`StorageEntity`): configuration a tenant admin keeps in the tenant app
 * catalog, readable from every site with `web/GetStorageEntity('key')` and set only in the app
 * catalog by its administrators (`m365 spo storageentity set`, `Set-PnPStorageEntity`). The
 * local tenant has no app catalog site: its properties are set by the seed and by tests, as an
 * admin would with the CLI, and `SetStorageEntity`/`RemoveStorageEntity` on the engagement site
 * get SharePoint's access denied. See docs/local-tenant.md, "Tenant properties".
 */
import type { Database } from '../server/db';

export interface TenantProperty {
  readonly Value: string;
  readonly Description: string;
  readonly Comment: string;
}

function ensureTable(db: Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS tenant_properties (key TEXT PRIMARY KEY COLLATE NOCASE, value TEXT NOT NULL, description TEXT NOT NULL, comment TEXT NOT NULL)');
}

export function getTenantProperty(db: Database, key: string): TenantProperty | undefined {
  ensureTable(db);
  const row = db.prepare('SELECT value, description, comment FROM tenant_properties WHERE key = ?').get(key) as
    | { value: string; description: string; comment: string }
    | undefined;
  return row ? { Value: row.value, Description: row.description, Comment: row.comment } : undefined;
}

/** What a tenant admin does with `m365 spo storageentity set` (no REST route of the site does it). */
export function setTenantProperty(db: Database, key: string, value: string, description = '', comment = ''): void {
  ensureTable(db);
  db.prepare(
    'INSERT INTO tenant_properties (key, value, description, comment) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, description = excluded.description, comment = excluded.comment'
  ).run(key, value, description, comment);
}

export function removeTenantProperty(db: Database, key: string): void {
  ensureTable(db);
  db.prepare('DELETE FROM tenant_properties WHERE key = ?').run(key);
}
