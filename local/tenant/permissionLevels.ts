/**
 * The permission levels (role definitions) of the engagement site and the level each person
 * holds, as SharePoint's SP.BasePermissions masks (the 64-bit mask's halves, as strings, as
 * `_api/web/roledefinitions` answers them). One model for what the tenant enforces and what it
 * reports in `EffectiveBasePermissions`, `getUserEffectivePermissions` and the role assignments.
 * Sources: docs/local-tenant.md, "Who is exempt from own items only" and "Item permissions".
 */
import type { Person } from './directory';

export type PermissionLevelName = 'Full Control' | 'Design' | 'Edit' | 'Contribute' | 'Read';

export interface BasePermissionMask {
  readonly High: string;
  readonly Low: string;
}

/** SharePoint Online's built-in levels. */
export const PERMISSION_LEVELS: { readonly [level in PermissionLevelName]: BasePermissionMask } = {
  'Full Control': { High: '2147483647', Low: '4294967295' },
  // Edit + Approve Items, Override List Behaviors, Add and Customize Pages, Apply Themes and Borders, Apply Style Sheets.
  Design: { High: '432', Low: '1012866047' },
  // Contribute + Manage Lists.
  Edit: { High: '432', Low: '1011030767' },
  Contribute: { High: '432', Low: '1011028719' },
  Read: { High: '176', Low: '138612833' }
};

/** SP.RoleDefinition of a built-in level: its fixed id, `RoleTypeKind` (SP.RoleType), order and description. */
export interface RoleDefinition {
  readonly id: number;
  readonly name: PermissionLevelName;
  readonly roleTypeKind: number;
  readonly order: number;
  readonly description: string;
  readonly mask: BasePermissionMask;
}

/** The same ids and types in every SharePoint Online site (docs/local-tenant.md, "Item permissions"). */
export const ROLE_DEFINITIONS: readonly RoleDefinition[] = [
  { id: 1073741829, name: 'Full Control', roleTypeKind: 5, order: 1, description: 'Has full control.', mask: PERMISSION_LEVELS['Full Control'] },
  { id: 1073741828, name: 'Design', roleTypeKind: 4, order: 32, description: 'Can view, add, update, delete, approve, and customize.', mask: PERMISSION_LEVELS.Design },
  {
    id: 1073741830,
    name: 'Edit',
    roleTypeKind: 6,
    order: 48,
    description: 'Can add, edit and delete lists; can view, add, update and delete list items and documents.',
    mask: PERMISSION_LEVELS.Edit
  },
  { id: 1073741827, name: 'Contribute', roleTypeKind: 3, order: 64, description: 'Can view, add, update, and delete list items and documents.', mask: PERMISSION_LEVELS.Contribute },
  { id: 1073741826, name: 'Read', roleTypeKind: 2, order: 128, description: 'Can view pages and list items and download documents.', mask: PERMISSION_LEVELS.Read }
];

export function roleDefinitionById(id: number): RoleDefinition | undefined {
  return ROLE_DEFINITIONS.find((definition) => definition.id === id);
}

export function roleDefinitionOf(level: PermissionLevelName): RoleDefinition {
  return ROLE_DEFINITIONS.find((definition) => definition.name === level) as RoleDefinition;
}

/** Bits of the mask's low half (SPBasePermissions). */
export const RIGHT = {
  /** `ViewListItems`: every built-in level has it; without it an item is not there for the person. */
  viewListItems: 0x1,
  /** `EditListItems`. */
  editListItems: 0x4,
  /** `DeleteListItems`. */
  deleteListItems: 0x8,
  /** `CancelCheckout`, shown as "Override List Behaviors": exempt from a list's own-items-only settings. */
  overrideListBehaviors: 0x100,
  /** `ManageLists`. */
  manageLists: 0x800,
  /** `ManagePermissions`: Full Control only among the built-in levels. */
  managePermissions: 0x2000000
} as const;

/** Bits of the mask's high half. */
export const HIGH_RIGHT = {
  /** `EnumeratePermissions` (bit 63 of the mask): reading role assignments. Full Control only among the built-in levels. */
  enumeratePermissions: 0x40000000
} as const;

export function hasRight(mask: BasePermissionMask, bit: number, half: 'Low' | 'High' = 'Low'): boolean {
  // Arithmetic, not `&`: the low half goes beyond a signed 32-bit integer.
  return Math.floor(Number(mask[half]) / bit) % 2 === 1;
}

export const NO_RIGHTS: BasePermissionMask = { High: '0', Low: '0' };

/** The union of masks (what several role definitions give together). */
export function unionOf(masks: readonly BasePermissionMask[]): BasePermissionMask {
  let high = 0;
  let low = 0;
  for (const mask of masks) {
    high = (high | Number(mask.High)) >>> 0;
    low = (low | Number(mask.Low)) >>> 0;
  }
  return { High: String(high), Low: String(low) };
}

/**
 * Switch: the level of the HR group, `design` (default: what the product requires) or `edit`
 * (Manage Lists without Override List Behaviors, a common misconfiguration the Engage Setup part
 * warns about).
 */
export const HR_LEVEL_ENV = 'LOCAL_TENANT_HR_LEVEL';

/** The HR group's level: Design, or Edit with `LOCAL_TENANT_HR_LEVEL=edit`. */
export function hrLevel(env: NodeJS.ProcessEnv = process.env): PermissionLevelName {
  return env[HR_LEVEL_ENV]?.toLowerCase() === 'edit' ? 'Edit' : 'Design';
}

/**
 * Site owners (the Owners group): Full Control. The HR group: Design. The relay's app identity
 * (`Sites.Selected` with the `fullcontrol` role): Full Control, so it may give an item its own
 * permissions (Manage Permissions). Everyone else (the Members group): Contribute.
 */
export function permissionLevelOf(person: Person, env: NodeJS.ProcessEnv = process.env): PermissionLevelName {
  if (person.isSiteOwner) {
    return 'Full Control';
  }
  if (person.isHr) {
    return hrLevel(env);
  }
  if (person.isApp === true) {
    return 'Full Control';
  }
  return 'Contribute';
}

/**
 * The person's rights on the site and on every list of it (no list breaks inheritance), and on
 * every item that inherits. An item with its own permissions: local/sharepoint/permissions.ts.
 */
export function siteRightsOf(person: Person, env: NodeJS.ProcessEnv = process.env): BasePermissionMask {
  return PERMISSION_LEVELS[permissionLevelOf(person, env)];
}
