/**
 * Who may do what on the local tenant's site, the one model every route enforces: site owners,
 * the HR group and the relay's app identity have Manage Lists and are bound by no item
 * security; everyone else is a member (Contribute), bound by each list's ReadSecurity (2: own
 * items only) and WriteSecurity (2: own items only, 4: none).
 */
import type { Person } from '../tenant/directory';
import { errors } from './errors';
import type { ListInfo, StoredItem } from './store';

/** SP.BasePermissions as SharePoint sends it: the 64-bit mask's halves, as strings. */
export interface PermissionMask {
  readonly High: string;
  readonly Low: string;
}

export const NO_PERMISSIONS: PermissionMask = { High: '0', Low: '0' };

/** Site owners, HR, and the relay's app identity (granted `manage` on the site through Sites.Selected). */
export function canManageLists(person: Person): boolean {
  return person.isSiteOwner || person.isHr || person.isApp === true;
}

export function mayRead(user: Person, info: ListInfo, item: StoredItem): boolean {
  return canManageLists(user) || info.readSecurity !== 2 || item.authorId === user.spUserId;
}

/** Whether `user` may add to the list (no `item`) or change or delete `item`. */
export function mayWrite(user: Person, info: ListInfo, item?: StoredItem): boolean {
  if (canManageLists(user)) {
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
  return info.readSecurity === 2 && !canManageLists(user) ? user.spUserId : undefined;
}

/**
 * The site's rights of `user`, matching what the tenant enforces: owners Full Control, HR Edit
 * (Manage Lists), others Contribute.
 */
export function permissionMask(user: Person): PermissionMask {
  return user.isSiteOwner
    ? { High: '2147483647', Low: '4294967295' }
    : canManageLists(user)
      ? { High: '432', Low: '1011030767' }
      : { High: '432', Low: '1011028719' };
}

/** What `person` may do with `item`: nothing for someone who is not a user of the site, or cannot read it. */
export function itemPermissionMask(person: Person | undefined, info: ListInfo, item: StoredItem): PermissionMask {
  return person && !person.isApp && mayRead(person, info, item) ? permissionMask(person) : NO_PERMISSIONS;
}
