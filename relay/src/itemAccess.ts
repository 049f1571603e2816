/**
 * Item permissions of a post that is not for everyone, set by the relay (it holds Full Control
 * on the engagement site: breaking inheritance takes Manage Permissions).
 *
 * The item stops inheriting the site's permissions. Of the site's role assignments it keeps
 * only those that moderate: a principal bound to a role with Override List Behaviors
 * (`CancelCheckout`; the Owners group with Full Control, the HR group with Design), so HR can
 * still decide on a report and owners can still manage the site. Every other principal (the
 * Members and Visitors groups, "Everyone except external users", anyone added directly) is
 * removed. Then the people the post is for are added with Read: the giver, the recipient, the
 * recipient's leader, and for a "my crew" post the crew (its Microsoft 365 group's members).
 *
 * Idempotent: a retry after a half-done run finishes it; an item already broken is not copied
 * again (that would bring back what was removed).
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import type { IItem } from '@pnp/sp/items';
import '@pnp/sp/lists';
import { PermissionKind } from '@pnp/sp/security';
import '@pnp/sp/security/item';
import '@pnp/sp/security/web';
import '@pnp/sp/webs';

import { httpStatusOf } from '../../src/connectors/sharepoint/httpErrors';

/** SharePoint's role type of the built-in Read level (SP.RoleType.Reader). */
const READER_ROLE_TYPE = 2;

interface Binding {
  readonly Id: number;
  readonly BasePermissions?: { readonly High: string | number; readonly Low: string | number };
}

interface Assignment {
  readonly PrincipalId: number;
  readonly RoleDefinitionBindings?: readonly Binding[];
}

/** Whether a role's mask has a permission (SharePoint's 64-bit mask, as two halves). */
function roleHas(binding: Binding, kind: PermissionKind): boolean {
  const mask = binding.BasePermissions;
  if (!mask) {
    return false;
  }
  const bit = kind - 1;
  const half = bit < 32 ? Number(mask.Low) : Number(mask.High);
  // Arithmetic, not `&`: a half goes beyond a signed 32-bit integer.
  return Math.floor(half / 2 ** (bit % 32)) % 2 === 1;
}

/** Whether a role assignment moderates (Override List Behaviors in one of its roles). */
export function moderates(assignment: Assignment): boolean {
  return (assignment.RoleDefinitionBindings ?? []).some((binding) => roleHas(binding, PermissionKind.CancelCheckout));
}

/**
 * Gives `item` permissions of its own: the moderators the site has, and Read for `readers`
 * (site principal ids: people and groups).
 */
export async function restrictItem(sp: SPFI, item: IItem, readers: readonly number[]): Promise<void> {
  const state = await item.select('HasUniqueRoleAssignments')<{ HasUniqueRoleAssignments?: boolean }>();
  if (state.HasUniqueRoleAssignments !== true) {
    await item.breakRoleInheritance(true, true);
  }
  const assignments = await item.roleAssignments.expand('RoleDefinitionBindings')<Assignment[]>();
  for (const assignment of assignments) {
    if (moderates(assignment) || readers.includes(assignment.PrincipalId)) {
      continue;
    }
    for (const binding of assignment.RoleDefinitionBindings ?? []) {
      try {
        await item.roleAssignments.remove(assignment.PrincipalId, binding.Id);
      } catch (error) {
        // Removed meanwhile by a resend of the same post restricting it at the same moment.
        if (httpStatusOf(error) !== 404) {
          throw error;
        }
      }
    }
  }
  const reader = await sp.web.roleDefinitions.getByType(READER_ROLE_TYPE).select('Id')<{ Id: number }>();
  const present = new Set(assignments.map((a) => a.PrincipalId));
  for (const principal of new Set(readers)) {
    if (!present.has(principal) || !assignments.some((a) => a.PrincipalId === principal && (a.RoleDefinitionBindings ?? []).some((b) => b.Id === reader.Id))) {
      await item.roleAssignments.add(principal, reader.Id);
    }
  }
}

/** The claims login SharePoint grants a Microsoft 365 group's members by (a Teams team is one). */
export function groupMembersLogin(groupId: string): string {
  return `c:0o.c|federateddirectoryclaimprovider|${groupId}`;
}
