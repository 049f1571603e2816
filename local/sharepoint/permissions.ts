/**
 * Who may do what on the local tenant's site, the one model every route enforces. Each person's
 * rights are a permission level's mask (local/tenant/permissionLevels.ts: owners Full Control,
 * the HR group and the relay's app identity Design, members Contribute). Each list's
 * ReadSecurity (2: own items only) and WriteSecurity (2: own items only, 4: none) binds everyone
 * without Override List Behaviors, as in SharePoint; Manage Lists alone does not exempt (the
 * kinder reading is `LOCAL_TENANT_LENIENT=manage-lists-exempt`).
 */
import type { Person } from '../tenant/directory';
import { hasRight, RIGHT, siteRightsOf } from '../tenant/permissionLevels';
import { errors } from './errors';
import { isLenient } from './leniency';
import type { ListInfo, StoredItem } from './store';

/** SP.BasePermissions as SharePoint sends it: the 64-bit mask's halves, as strings. */
export interface PermissionMask {
  readonly High: string;
  readonly Low: string;
}

export const NO_PERMISSIONS: PermissionMask = { High: '0', Low: '0' };

/** Manage Lists in the person's rights: site owners, HR, and the relay's app identity. */
export function canManageLists(person: Person): boolean {
  return hasRight(siteRightsOf(person), RIGHT.manageLists);
}

/**
 * Whether a list's ReadSecurity and WriteSecurity do not bind `person`: Override List Behaviors
 * (SPBasePermissions.CancelCheckout) in their rights; with the leniency `manage-lists-exempt`,
 * Manage Lists is enough.
 */
export function overridesItemSecurity(person: Person): boolean {
  return isLenient('manage-lists-exempt') ? canManageLists(person) : hasRight(siteRightsOf(person), RIGHT.overrideListBehaviors);
}

export function mayRead(user: Person, info: ListInfo, item: StoredItem): boolean {
  return overridesItemSecurity(user) || info.readSecurity !== 2 || item.authorId === user.spUserId;
}

/** Whether `user` may add to the list (no `item`) or change or delete `item`. */
export function mayWrite(user: Person, info: ListInfo, item?: StoredItem): boolean {
  if (overridesItemSecurity(user)) {
    return true;
  }
  if (info.writeSecurity === 4) {
    return false;
  }
  if (info.writeSecurity === 2 && item) {
    return item.authorId === user.spUserId;
  }
  return true;
}

/** Throws SharePoint's access denied unless `user` may add to the list or change `item`. */
export function requireWrite(user: Person, info: ListInfo, item?: StoredItem): void {
  if (!mayWrite(user, info, item)) {
    throw errors.accessDenied();
  }
}

/** Throws SharePoint's access denied unless `user` has Manage Lists. */
export function requireManageLists(user: Person): void {
  if (!canManageLists(user)) {
    throw errors.accessDenied();
  }
}

/** The author a query of the list is narrowed to for `user` (ReadSecurity 2); undefined for all items. */
export function ownItemsAuthor(user: Person, info: ListInfo): number | undefined {
  return info.readSecurity === 2 && !overridesItemSecurity(user) ? user.spUserId : undefined;
}

/** The site's rights of `user`, the same mask the tenant enforces (see local/tenant/permissionLevels.ts). */
export function permissionMask(user: Person): PermissionMask {
  return siteRightsOf(user);
}

/** What `person` may do with `item`: nothing for someone who is not a user of the site, or cannot read it. */
export function itemPermissionMask(person: Person | undefined, info: ListInfo, item: StoredItem): PermissionMask {
  return person && !person.isApp && mayRead(person, info, item) ? permissionMask(person) : NO_PERMISSIONS;
}
