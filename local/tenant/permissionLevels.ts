/**
 * The permission level each person holds on the engagement site, as SharePoint's
 * SP.BasePermissions masks (the 64-bit mask's halves, as strings, as `_api/web/roledefinitions`
 * answers them). One model for what the tenant enforces and what it reports in
 * `EffectiveBasePermissions` and `getUserEffectivePermissions`. Sources: docs/local-tenant.md,
 * "Who is exempt from own items only".
 */
import type { Person } from './directory';

export type PermissionLevelName = 'Full Control' | 'Design' | 'Edit' | 'Contribute';

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
  Contribute: { High: '432', Low: '1011028719' }
};

/** Bits of the mask's low half (SPBasePermissions). */
export const RIGHT = {
  /** `CancelCheckout`, shown as "Override List Behaviors": exempt from a list's own-items-only settings. */
  overrideListBehaviors: 0x100,
  /** `ManageLists`. */
  manageLists: 0x800,
  /** `ManagePermissions`: Full Control only among the built-in levels. */
  managePermissions: 0x2000000
} as const;

export function hasRight(mask: BasePermissionMask, bit: number): boolean {
  // Arithmetic, not `&`: the low half goes beyond a signed 32-bit integer.
  return Math.floor(Number(mask.Low) / bit) % 2 === 1;
}

/**
 * Switch: the level of the HR group, `design` (default: what the product requires) or `edit`
 * (Manage Lists without Override List Behaviors, a common misconfiguration the Engage Setup part
 * warns about).
 */
export const HR_LEVEL_ENV = 'LOCAL_TENANT_HR_LEVEL';

/**
 * Site owners (the Owners group): Full Control. The HR group: Design. The relay's app identity
 * (`Sites.Selected` with the `manage` role): Design. Everyone else (the Members group):
 * Contribute.
 */
export function permissionLevelOf(person: Person, env: NodeJS.ProcessEnv = process.env): PermissionLevelName {
  if (person.isSiteOwner) {
    return 'Full Control';
  }
  if (person.isHr) {
    return env[HR_LEVEL_ENV]?.toLowerCase() === 'edit' ? 'Edit' : 'Design';
  }
  if (person.isApp === true) {
    return 'Design';
  }
  return 'Contribute';
}

/** The person's effective rights on the site and on every list of it (no list breaks inheritance). */
export function siteRightsOf(person: Person, env: NodeJS.ProcessEnv = process.env): BasePermissionMask {
  return PERMISSION_LEVELS[permissionLevelOf(person, env)];
}
