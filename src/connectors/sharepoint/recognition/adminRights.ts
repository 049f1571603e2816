/**
 * What the signed-in person may do in HR's admin part, from SharePoint's effective permissions
 * (`GET _api/web/EffectiveBasePermissions`), read on this turn's `$batch` with the values.
 *
 * The product's lists inherit the site's permissions (Engage Setup sets each list's item-level
 * read and write rules, never permissions of a list of its own), so the site's mask is the
 * lists'. Item-level write rules are not in a mask: SE_Values is writable by nobody but those
 * SharePoint exempts from them, Override List Behaviors (`PermissionKind.CancelCheckout`; site
 * owners and the HR group at Design), and SE_Reports is read as own items only by everyone else,
 * so a moderation queue needs the same right.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import { PermissionKind } from '@pnp/sp/security';

import type { AdminRights } from '../../../core/recognition/ports';

export async function readAdminRights(root: SPFI): Promise<AdminRights> {
  const web = root.web;
  const mask = await web.getCurrentUserEffectivePermissions();
  const has = (kind: PermissionKind): boolean => web.hasPermissions(mask, kind);
  const exempt = has(PermissionKind.CancelCheckout);
  return {
    values: exempt && has(PermissionKind.AddListItems) && has(PermissionKind.EditListItems),
    moderation: exempt && has(PermissionKind.EditListItems)
  };
}
