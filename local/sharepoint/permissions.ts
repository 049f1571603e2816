/**
 * Who may do what on the local tenant's site, the one model every route enforces.
 *
 * - The site: each person's rights are a permission level's mask (local/tenant/permissionLevels.ts:
 *   owners and the relay's app identity Full Control, the HR group Design, members Contribute).
 *   Lists inherit the site's, and so does every item until it is given its own permissions.
 * - An item with its own permissions (`breakroleinheritance`): a person's rights on it are the
 *   union of the role definitions bound on it to the principals that include them (themselves,
 *   a site group they are in, a Microsoft 365 group claim they are a member of), and nothing
 *   else: Override List Behaviors, Manage Lists and site ownership do not reach it. Without View
 *   Items on it, the item is not there for them (left out of queries, 404 by id). The relay's app
 *   identity is not bound by item permissions: an app's rights come from its grant on the site.
 * - On top of both, each list's ReadSecurity (2: own items only) and WriteSecurity (2: own items
 *   only, 4: none) bind everyone without Override List Behaviors (SPBasePermissions.CancelCheckout),
 *   as in SharePoint; Manage Lists alone does not exempt (the kinder reading is
 *   `LOCAL_TENANT_LENIENT=manage-lists-exempt`).
 *
 * docs/local-tenant.md: "Who is exempt from own items only", "Item permissions".
 */
import type { Person } from '../tenant/directory';
import {
  hasRight,
  HIGH_RIGHT,
  NO_RIGHTS,
  RIGHT,
  ROLE_DEFINITIONS,
  roleDefinitionById,
  siteRightsOf,
  unionOf
} from '../tenant/permissionLevels';
import { siteGroupsOf } from '../tenant/siteGroups';
import { errors } from './errors';
import { isLenient } from './leniency';
import type { ItemViewers } from './sqliteStore';
import type { ListInfo, StoredItem } from './store';

/** SP.BasePermissions as SharePoint sends it: the 64-bit mask's halves, as strings. */
export interface PermissionMask {
  readonly High: string;
  readonly Low: string;
}

export const NO_PERMISSIONS: PermissionMask = NO_RIGHTS;

/** The Microsoft 365 group claims a person is a member of (local/sharepoint/principals.ts). */
export interface ClaimMembership {
  claimPrincipalIdsOf(person: Person): readonly number[];
}

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

/** The principals that stand for `person`: their own site user id, their site groups and the claims they are in. */
export function principalIdsOf(person: Person, claims: ClaimMembership): number[] {
  return [person.spUserId, ...siteGroupsOf(person).map((group) => group.id), ...claims.claimPrincipalIdsOf(person)];
}

/** What `person` holds on `item`: the site's rights while it inherits, else what its own role assignments give them. */
export function itemRights(person: Person, item: StoredItem, claims: ClaimMembership): PermissionMask {
  if (!item.uniqueRoles || person.isApp === true) {
    return siteRightsOf(person);
  }
  const mine = new Set(principalIdsOf(person, claims));
  const masks = item.uniqueRoles
    .filter((assignment) => mine.has(assignment.principalId))
    .flatMap((assignment) => assignment.roleDefIds.map((id) => roleDefinitionById(id)?.mask ?? NO_RIGHTS));
  return unionOf(masks);
}

export function mayRead(user: Person, info: ListInfo, item: StoredItem, claims: ClaimMembership): boolean {
  if (!hasRight(itemRights(user, item, claims), RIGHT.viewListItems)) {
    return false;
  }
  return overridesItemSecurity(user) || info.readSecurity !== 2 || item.authorId === user.spUserId;
}

/**
 * Whether `user` may add to the list (no `item`), or change (`right` Edit Items) or delete
 * (Delete Items) `item`, which they may read.
 */
export function mayWrite(
  user: Person,
  info: ListInfo,
  item: StoredItem | undefined,
  claims: ClaimMembership,
  right: number = RIGHT.editListItems
): boolean {
  if (item && !hasRight(itemRights(user, item, claims), right)) {
    return false;
  }
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

/** Throws SharePoint's access denied unless `user` may add to the list, or change or delete `item`. */
export function requireWrite(
  user: Person,
  info: ListInfo,
  item: StoredItem | undefined,
  claims: ClaimMembership,
  right: number = RIGHT.editListItems
): void {
  if (!mayWrite(user, info, item, claims, right)) {
    throw errors.accessDenied();
  }
}

/** Throws SharePoint's access denied unless `user` has Manage Lists. */
export function requireManageLists(user: Person): void {
  if (!canManageLists(user)) {
    throw errors.accessDenied();
  }
}

/** Throws SharePoint's access denied unless `user` may change who may do what with `item` (Manage Permissions on it). */
export function requireManageItemPermissions(user: Person, item: StoredItem, claims: ClaimMembership): void {
  if (!hasRight(itemRights(user, item, claims), RIGHT.managePermissions)) {
    throw errors.accessDenied();
  }
}

/** Throws SharePoint's access denied unless `user` may read the role assignments of `item` (Enumerate Permissions on it). */
export function requireEnumerateItemPermissions(user: Person, item: StoredItem, claims: ClaimMembership): void {
  if (!hasRight(itemRights(user, item, claims), HIGH_RIGHT.enumeratePermissions, 'High')) {
    throw errors.accessDenied();
  }
}

/** Throws SharePoint's access denied unless `user` may read the site's role assignments. */
export function requireEnumerateSitePermissions(user: Person): void {
  if (!hasRight(siteRightsOf(user), HIGH_RIGHT.enumeratePermissions, 'High')) {
    throw errors.accessDenied();
  }
}

/** What a query of the list is narrowed to for `user`: their own items (ReadSecurity 2), and the items with their own permissions they may view. */
export interface ItemQueryScope {
  readonly onlyAuthorId?: number;
  readonly viewers?: ItemViewers;
}

export function itemQueryScope(user: Person, info: ListInfo, claims: ClaimMembership): ItemQueryScope {
  const onlyAuthorId = info.readSecurity === 2 && !overridesItemSecurity(user) ? user.spUserId : undefined;
  const viewers: ItemViewers | undefined =
    user.isApp === true
      ? undefined
      : {
          principalIds: principalIdsOf(user, claims),
          roleDefIds: ROLE_DEFINITIONS.filter((definition) => hasRight(definition.mask, RIGHT.viewListItems)).map((definition) => definition.id)
        };
  return { onlyAuthorId, viewers };
}

/** The site's rights of `user`, the same mask the tenant enforces (see local/tenant/permissionLevels.ts). */
export function permissionMask(user: Person): PermissionMask {
  return siteRightsOf(user);
}

/** What `person` may do with `item`: nothing for someone who is not a user of the site, or cannot read it. */
export function itemPermissionMask(person: Person | undefined, info: ListInfo, item: StoredItem, claims: ClaimMembership): PermissionMask {
  return person && !person.isApp && mayRead(person, info, item, claims) ? itemRights(person, item, claims) : NO_PERMISSIONS;
}
