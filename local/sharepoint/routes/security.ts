/**
 * Who holds which permission level where: the site's role definitions (`web/roledefinitions`),
 * its groups (`web/sitegroups`, the associated Owners and Members groups) and role assignments
 * (`web/roleassignments`), and an item's own permissions: `breakroleinheritance`,
 * `resetroleinheritance`, `roleassignments` with `addroleassignment` and `removeroleassignment`.
 * What the assignments let each person do is permissions.ts's. docs/local-tenant.md, "Item permissions".
 */
import type { LocalRequest, LocalResponse } from '../../server/types';
import { ROLE_DEFINITIONS, type RoleDefinition, roleDefinitionById, roleDefinitionOf } from '../../tenant/permissionLevels';
import { MEMBERS_GROUP_ID, OWNERS_GROUP_ID, SITE_GROUPS, type SiteGroup, siteGroupById } from '../../tenant/siteGroups';
import { errors } from '../errors';
import {
  claimPrincipalJson,
  collection,
  contentTypeOf,
  entity,
  groupJson,
  nestedCollection,
  pickSelected,
  roleDefinitionJson,
  selectExpanded,
  userJson,
  voidResult
} from '../format';
import { isLenient } from '../leniency';
import { parseSelect } from '../odata';
import { requireEnumerateItemPermissions, requireEnumerateSitePermissions, requireManageItemPermissions } from '../permissions';
import type { Principal } from '../principals';
import type { ItemRoleAssignment, StoredItem } from '../store';
import { requireItem } from './items';
import { hasUniqueColumn } from './lists';
import type { ListCall, SiteCall, SiteScope } from './scope';

// ---------------------------------------------------------------------------------------------
// Shapes

/** SP.Principal as an expanded `Member`: SP.User for users and claims, SP.Group for groups. */
function principalJson(principal: Principal | undefined, id: number): Record<string, unknown> {
  if (!principal) {
    return { Id: id };
  }
  switch (principal.kind) {
    case 'user':
      return userJson(principal.person, id);
    case 'group':
      return groupJson(principal.group);
    case 'claim':
      return claimPrincipalJson(principal.claim);
  }
}

/**
 * An entity with navigation properties, shaped by `$expand` and `$select` as SharePoint does:
 * a navigation property only when expanded (and named by `$select`, when there is one), its
 * own properties picked by `Nav/Property`. An unknown name is SharePoint's error.
 */
function withNavigation(
  request: LocalRequest,
  base: Record<string, unknown>,
  navigation: Readonly<Record<string, () => Record<string, unknown> | Array<Record<string, unknown>>>>
): Record<string, unknown> {
  const expand = (request.query.get('$expand') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of expand) {
    if (!(name in navigation)) {
      throw errors.fieldNotFound(name);
    }
  }
  const shape = (name: string, properties?: readonly string[]): unknown => {
    const value = navigation[name]?.() ?? {};
    const pick = (entry: Record<string, unknown>): Record<string, unknown> => {
      if (!properties) {
        return entry;
      }
      const out: Record<string, unknown> = {};
      for (const property of properties) {
        if (!(property in entry)) {
          throw errors.fieldNotFound(`${name}/${property}`);
        }
        out[property] = entry[property];
      }
      return out;
    };
    return Array.isArray(value) ? nestedCollection(request, value.map(pick)) : pick(value);
  };
  const select = parseSelect(request.query.get('$select'));
  if (!select) {
    const out = { ...base };
    for (const name of expand) {
      out[name] = shape(name);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const name of select.fields) {
    if (name in base) {
      out[name] = base[name];
    } else if (name in navigation && expand.includes(name)) {
      out[name] = shape(name);
    } else if (name in navigation) {
      throw errors.notExpanded(name, name);
    } else {
      throw errors.fieldNotFound(name);
    }
  }
  return { ...out, ...selectExpanded(select.expanded, new Set(expand), (name) => name in navigation, shape) };
}

/** SP.RoleAssignment: `PrincipalId`, with `Member` and `RoleDefinitionBindings` when expanded. */
function roleAssignmentJson(request: LocalRequest, site: SiteScope, assignment: ItemRoleAssignment): Record<string, unknown> {
  return withNavigation(
    request,
    { PrincipalId: assignment.principalId },
    {
      Member: () => principalJson(site.principals.byId(assignment.principalId), assignment.principalId),
      RoleDefinitionBindings: () =>
        assignment.roleDefIds
          .map((id) => roleDefinitionById(id))
          .filter((definition): definition is RoleDefinition => definition !== undefined)
          .map((definition) => roleDefinitionJson(request, definition))
    }
  );
}

// ---------------------------------------------------------------------------------------------
// The site: role definitions, groups, role assignments

/** The site's role assignments: each site group bound to its level (the app's `Sites.Selected` grant is not one). */
export function siteRoleAssignments(): ItemRoleAssignment[] {
  return SITE_GROUPS.map((group) => ({ principalId: group.id, roleDefIds: [roleDefinitionOf(group.level()).id] }));
}

export function roleDefinitions({ request, scope }: SiteCall): LocalResponse {
  return collection(request, scope.siteUrl(request), ROLE_DEFINITIONS.map((definition) => pickSelected(request, roleDefinitionJson(request, definition))));
}

/** `roledefinitions(id)`, `roledefinitions/getbyid(id)`, `getbytype(n)` and `getbyname('…')`. */
export function roleDefinition({ request, params }: SiteCall): LocalResponse {
  const [byId, byIdFunction, byType, byName] = params;
  let definition: RoleDefinition | undefined;
  if (byType !== undefined) {
    definition = ROLE_DEFINITIONS.find((d) => d.roleTypeKind === Number(byType));
  } else if (byName !== undefined) {
    const name = byName.replace(/''/g, "'").toLowerCase();
    definition = ROLE_DEFINITIONS.find((d) => d.name.toLowerCase() === name);
  } else {
    definition = roleDefinitionById(Number(byId ?? byIdFunction));
  }
  if (!definition) {
    throw errors.roleDefinitionNotFound(byName !== undefined ? `'${byName}'` : byType !== undefined ? `of type ${byType}` : `with id ${byId ?? byIdFunction ?? ''}`);
  }
  return entity(request, pickSelected(request, roleDefinitionJson(request, definition)));
}

export function siteGroups({ request, scope }: SiteCall): LocalResponse {
  return collection(request, scope.siteUrl(request), SITE_GROUPS.map((group) => pickSelected(request, groupJson(group))));
}

function groupOf(params: ReadonlyArray<string | undefined>): SiteGroup {
  const [byId, byIdFunction, byName] = params;
  const group =
    byName !== undefined
      ? SITE_GROUPS.find((g) => g.title.toLowerCase() === byName.replace(/''/g, "'").toLowerCase())
      : siteGroupById(Number(byId ?? byIdFunction));
  if (!group) {
    throw errors.groupNotFound();
  }
  return group;
}

/** `sitegroups(n)`, `sitegroups/getbyid(n)`, `sitegroups/getbyname('…')`. */
export function siteGroup({ request, params }: SiteCall): LocalResponse {
  return entity(request, pickSelected(request, groupJson(groupOf(params))));
}

/** A site group's members (`…/users`). */
export function siteGroupUsers({ request, params, scope }: SiteCall): LocalResponse {
  const group = groupOf(params);
  const members = scope.principals.membersOf({ kind: 'group', id: group.id, group });
  return collection(request, scope.siteUrl(request), members.map((person) => pickSelected(request, userJson(person, person.spUserId))));
}

export function associatedOwnerGroup({ request }: SiteCall): LocalResponse {
  return entity(request, pickSelected(request, groupJson(siteGroupById(OWNERS_GROUP_ID) as SiteGroup)));
}

export function associatedMemberGroup({ request }: SiteCall): LocalResponse {
  return entity(request, pickSelected(request, groupJson(siteGroupById(MEMBERS_GROUP_ID) as SiteGroup)));
}

/** `web/roleassignments` (Enumerate Permissions: site owners and the relay). */
export function webRoleAssignments({ request, scope }: SiteCall): LocalResponse {
  requireEnumerateSitePermissions(request.user);
  return collection(request, scope.siteUrl(request), siteRoleAssignments().map((assignment) => roleAssignmentJson(request, scope, assignment)));
}

// ---------------------------------------------------------------------------------------------
// An item's own permissions

/** `name=value` arguments of a service operation in the path (`copyroleassignments=true, clearsubscopes=false`), names in lower case. */
function functionArguments(text: string | undefined): Map<string, string> {
  const args = new Map<string, string>();
  for (const part of (text ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, value] = part.split('=').map((p) => p.trim());
    if (!name || value === undefined) {
      throw errors.badQuery(`The argument "${part}" is not valid: name each one (name=value).`);
    }
    args.set(name.toLowerCase(), value);
  }
  return args;
}

function booleanArgument(args: Map<string, string>, name: string): boolean {
  const value = args.get(name.toLowerCase())?.toLowerCase();
  if (value !== 'true' && value !== 'false') {
    throw errors.badQuery(`The parameter ${name} is missing or is not true or false.`);
  }
  return value === 'true';
}

function integerArgument(args: Map<string, string>, name: string): number {
  const value = args.get(name.toLowerCase());
  if (value === undefined || !/^\d+$/.test(value)) {
    throw errors.badQuery(`The parameter ${name} is missing or is not a whole number.`);
  }
  return Number(value);
}

/**
 * `items(n)/breakroleinheritance(copyroleassignments=…,clearsubscopes=…)`: the item gets its own
 * permissions. Needs Manage Permissions on the item; refused in a list with a column that
 * enforces unique values (kinder: `unique-with-item-security`). Copying takes the site's role
 * assignments (the list inherits the site's); not copying leaves only the caller, with Full
 * Control, as SharePoint's SPListItem.BreakRoleInheritance does. An item that already has its
 * own permissions keeps them. Items have no children, so `clearsubscopes` changes nothing.
 */
export function breakItemInheritance(call: ListCall): LocalResponse {
  const { request, params, scope } = call;
  const item = requireItem(call);
  requireManageItemPermissions(request.user, item, scope.site.principals);
  if (hasUniqueColumn(scope.list) && !isLenient('unique-with-item-security')) {
    throw errors.uniqueWithItemSecurity('Item permissions');
  }
  const args = functionArguments(params[2]);
  const copy = booleanArgument(args, 'copyRoleAssignments');
  booleanArgument(args, 'clearSubscopes');
  const assignments = copy
    ? siteRoleAssignments().flatMap((a) => a.roleDefIds.map((roleDefId) => ({ principalId: a.principalId, roleDefId })))
    : [{ principalId: request.user.spUserId, roleDefId: roleDefinitionOf('Full Control').id }];
  scope.site.store.breakItemInheritance(scope.list.title, item.id, assignments);
  return voidResult(request, 'BreakRoleInheritance');
}

/** `items(n)/resetroleinheritance`: the item inherits again; its own role assignments are gone. */
export function resetItemInheritance(call: ListCall): LocalResponse {
  const { request, scope } = call;
  const item = requireItem(call);
  requireManageItemPermissions(request.user, item, scope.site.principals);
  scope.site.store.resetItemInheritance(scope.list.title, item.id);
  return voidResult(request, 'ResetRoleInheritance');
}

/** The item's role assignments: its own, or the site's while it inherits (as SharePoint answers). */
function assignmentsOf(item: StoredItem): readonly ItemRoleAssignment[] {
  return item.uniqueRoles ?? siteRoleAssignments();
}

/** `items(n)/roleassignments` (Enumerate Permissions on the item), with `$expand=Member,RoleDefinitionBindings`. */
export function itemRoleAssignments(call: ListCall): LocalResponse {
  const { request, scope } = call;
  const item = requireItem(call);
  requireEnumerateItemPermissions(request.user, item, scope.site.principals);
  return collection(request, scope.site.siteUrl(request), assignmentsOf(item).map((assignment) => roleAssignmentJson(request, scope.site, assignment)));
}

/** The role assignment the path names (`roleassignments(n)` or `roleassignments/getbyprincipalid(n)`). */
function assignmentOf(call: ListCall, item: StoredItem): ItemRoleAssignment {
  const principalId = Number(call.params[2] ?? call.params[3]);
  const assignment = assignmentsOf(item).find((a) => a.principalId === principalId);
  if (!assignment) {
    throw errors.principalNotFound(principalId);
  }
  return assignment;
}

/** One principal's role assignment on the item, its `member` or its `roledefinitionbindings`. */
export function itemRoleAssignment(call: ListCall): LocalResponse {
  const { request, params, scope } = call;
  const item = requireItem(call);
  requireEnumerateItemPermissions(request.user, item, scope.site.principals);
  const assignment = assignmentOf(call, item);
  const part = params[4]?.toLowerCase();
  if (part === 'member') {
    return entity(request, pickSelected(request, principalJson(scope.site.principals.byId(assignment.principalId), assignment.principalId)));
  }
  if (part === 'roledefinitionbindings') {
    const definitions = assignment.roleDefIds.map((id) => roleDefinitionById(id)).filter((d): d is RoleDefinition => d !== undefined);
    return collection(request, scope.site.siteUrl(request), definitions.map((d) => pickSelected(request, roleDefinitionJson(request, d))));
  }
  return entity(request, roleAssignmentJson(request, scope.site, assignment));
}

/** What changing an item's role assignments needs: Manage Permissions on it, and its own permissions. */
function changeableItem(call: ListCall): StoredItem {
  const item = requireItem(call);
  requireManageItemPermissions(call.request.user, item, call.scope.site.principals);
  if (!item.uniqueRoles) {
    throw errors.inheritsPermissions();
  }
  return item;
}

/** DELETE of `roleassignments(n)` (PnPjs `roleAssignments.getById(n).delete()`): the principal holds nothing on the item any more. */
export function deleteItemRoleAssignment(call: ListCall): LocalResponse {
  const item = changeableItem(call);
  const assignment = assignmentOf(call, item);
  call.scope.site.store.removeItemRole(call.scope.list.title, item.id, assignment.principalId);
  return { status: 200, headers: { 'content-type': contentTypeOf(call.request) }, body: '' };
}

function principalAndRole(call: ListCall): { principal: Principal; definition: RoleDefinition } {
  const args = functionArguments(call.params[2]);
  const principalId = integerArgument(args, 'principalId');
  const roleDefId = integerArgument(args, 'roleDefId');
  const principal = call.scope.site.principals.byId(principalId);
  if (!principal) {
    throw errors.principalNotFound(principalId);
  }
  const definition = roleDefinitionById(roleDefId);
  if (!definition) {
    throw errors.roleDefinitionNotFound(`with id ${roleDefId}`);
  }
  return { principal, definition };
}

/** `items(n)/roleassignments/addroleassignment(principalid=…,roledefid=…)`: refused on an item that inherits. */
export function addItemRoleAssignment(call: ListCall): LocalResponse {
  const item = changeableItem(call);
  const { principal, definition } = principalAndRole(call);
  call.scope.site.store.addItemRole(call.scope.list.title, item.id, principal.id, definition.id);
  return voidResult(call.request, 'AddRoleAssignment');
}

/**
 * `items(n)/roleassignments/removeroleassignment(principalid=…,roledefid=…)`: a principal that
 * holds nothing on the item is SharePoint's error; a binding it does not have changes nothing.
 */
export function removeItemRoleAssignment(call: ListCall): LocalResponse {
  const item = changeableItem(call);
  const { principal, definition } = principalAndRole(call);
  if (!item.uniqueRoles?.some((a) => a.principalId === principal.id)) {
    throw errors.principalNotFound(principal.id);
  }
  call.scope.site.store.removeItemRole(call.scope.list.title, item.id, principal.id, definition.id);
  return voidResult(call.request, 'RemoveRoleAssignment');
}
