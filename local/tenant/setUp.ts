/**
 * The demo plant is a site in use: Engage Setup has run on it, so its lists have the access
 * settings the product needs (src/core/setup/listSecurity.ts), applied the way the setup part
 * applies them (uniqueness off first where a list needs it off). A fresh install
 * (`freshInstall`) leaves every list as SharePoint provisions it: open to every member.
 */
import { LIST_SECURITY } from '../../src/core/setup/listSecurity';
import type { SqliteSharePointStore } from '../sharepoint/sqliteStore';

export function applyProductListSecurity(sp: Pick<SqliteSharePointStore, 'list' | 'updateList' | 'setFieldUnique'>): void {
  for (const [title, rule] of Object.entries(LIST_SECURITY)) {
    if (!sp.list(title)) {
      continue;
    }
    for (const field of rule.notUnique ?? []) {
      sp.setFieldUnique(title, field, false);
    }
    sp.updateList(title, { readSecurity: rule.read, writeSecurity: rule.write });
  }
}
